#!/usr/bin/env python3
"""skillpath's exact planner side by side with HiGHS on the same exact models.

Exports every benchmark instance with `cargo run --release --example export_models`, solves
each exported model with HiGHS (highspy; `pip install highspy`), checks that both optima agree,
that HiGHS's solution satisfies the model and that both plans are valid by the catalog's own
semantics, and prints one table of families. Exits non-zero on any disagreement or invalid
plan, printing the instance to reproduce it. bench/README.md says more.

    python3 bench/compare_highs.py            # every family, seeds 0..3, every role
    python3 bench/compare_highs.py --quick    # one seed, 5 roles per family, 2 per OR-Library set
"""

from __future__ import annotations

import argparse
import json
import math
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

try:
    import highspy
except ImportError:  # pragma: no cover - a message, not a traceback
    sys.exit("compare_highs.py needs HiGHS's Python package: pip install highspy")

REPO = Path(__file__).resolve().parent.parent
TOLERANCE = 1e-6


@dataclass
class Family:
    name: str
    skillpath_ms: list[float] = field(default_factory=list)
    highs_ms: list[float] = field(default_factory=list)
    agree: int = 0
    #: HiGHS hit its time limit: neither agreement nor disagreement is shown.
    unverified: int = 0


EXAMPLE = ["cargo", "run", "--quiet", "--release", "--example", "export_models", "--"]


def export(example: list[str], out: Path, quick: bool, repeats: int) -> None:
    command = example + ["--out", str(out), "--repeats", str(repeats)]
    if quick:
        command += ["--seeds", "1", "--roles", "5", "--orlib-per-set", "2"]
    subprocess.run(command, cwd=REPO, check=True)


def verify(example: list[str], out: Path, plans: list[dict]) -> list[dict]:
    """Plans checked by the catalog's semantics (taken in some order, every coverable gap skill
    closed), which no model stands between; one verdict per plan, in order."""
    path = out / "plans.jsonl"
    path.write_text("".join(json.dumps(p) + "\n" for p in plans))
    run = subprocess.run(example + ["--out", str(out), "--verify", str(path)], cwd=REPO,
                         check=True, capture_output=True, text=True)
    verdicts = [json.loads(text) for text in run.stdout.splitlines()]
    if len(verdicts) != len(plans):
        raise RuntimeError(f"export_models --verify answered {len(verdicts)} of {len(plans)}")
    return verdicts


def close(a: float, b: float) -> bool:
    return abs(a - b) <= TOLERANCE * max(1.0, abs(a), abs(b))


def violations(lp, values) -> list[str]:
    """Bounds, integrality and rows of `lp` that `values` breaks."""
    # highspy hands out a fresh copy of a vector on every attribute access: copy each once.
    names, lower, upper = list(lp.col_names_), list(lp.col_lower_), list(lp.col_upper_)
    integrality = list(lp.integrality_)
    broken = []
    for j, v in enumerate(values):
        if v < lower[j] - TOLERANCE or v > upper[j] + TOLERANCE:
            broken.append(f"{names[j]} = {v} outside [{lower[j]}, {upper[j]}]")
        if integrality[j] != highspy.HighsVarType.kContinuous and abs(v - round(v)) > TOLERANCE:
            broken.append(f"{names[j]} = {v} is not integral")
    matrix = lp.a_matrix_
    if matrix.format_ != highspy.MatrixFormat.kColwise:
        return ["the model's matrix is not stored by column"]
    start, index, value = list(matrix.start_), list(matrix.index_), list(matrix.value_)
    activity = [0.0] * lp.num_row_
    for j, v in enumerate(values):
        for k in range(start[j], start[j + 1]):
            activity[index[k]] += value[k] * v
    row_names, row_lower, row_upper = list(lp.row_names_), list(lp.row_lower_), list(lp.row_upper_)
    for i, a in enumerate(activity):
        if a < row_lower[i] - TOLERANCE or a > row_upper[i] + TOLERANCE:
            broken.append(f"row {row_names[i]}: {a} outside [{row_lower[i]}, {row_upper[i]}]")
    return broken


def solve(h, path: Path) -> float:
    """Reads and solves a model; only `run` is timed."""
    h.clearModel()
    if h.readModel(str(path)) == highspy.HighsStatus.kError:
        raise RuntimeError(f"HiGHS cannot read {path}")
    started = time.perf_counter()
    h.run()
    return (time.perf_counter() - started) * 1e3


@dataclass
class Outcome:
    ms: float
    #: HiGHS's plan, or None when HiGHS stopped short of a proven optimum (time limit).
    chosen: list[str] | None
    problems: list[str]


def check(h, line: dict, out: Path) -> Outcome:
    """Solves one instance with HiGHS; returns its time, its plan and every problem found."""
    problems = []
    ms = solve(h, out / line["lp"])
    status = h.getModelStatus()
    if status == highspy.HighsModelStatus.kTimeLimit:
        return Outcome(ms, None, [])
    if status != highspy.HighsModelStatus.kOptimal:
        return Outcome(ms, None, [f"HiGHS ended {h.modelStatusToString(status)}"])
    lp = h.getLp()
    values = list(h.getSolution().col_value)
    value = h.getInfo().objective_function_value
    problems += [f"HiGHS's plan breaks {b}" for b in violations(lp, values)[:3]]

    columns, names, costs = line["columns"], list(lp.col_names_), list(lp.col_cost_)
    taken = [j for j, (n, v) in enumerate(zip(names, values)) if n.startswith("x") and v > 0.5]
    chosen = [columns[int(names[j][1:])] for j in taken]
    if not close(sum(costs[j] for j in taken), value):
        problems.append(f"HiGHS's selection costs {sum(costs[j] for j in taken)}, not {value}")
    if not line["optimal"]:
        problems.append("skillpath did not prove its plan optimal")
    if not close(value, line["objective"]):
        problems.append(f"optima differ: HiGHS {value}, skillpath {line['objective']}")
    return Outcome(ms, chosen, problems)


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[round((len(ordered) - 1) * p)]


def spread(values: list[float]) -> str:
    """min / p50 / p95 / max, the p95 being what a person feels and min/max the noise."""
    return " ".join(f"{percentile(values, p):>8.2f}" for p in (0.0, 0.5, 0.95, 1.0))


def print_table(families) -> None:
    header = (f"{'family':<16} {'inst':>4}  {'skillpath ms: min / p50 / p95 / max':^35}  "
              f"{'HiGHS ms: min / p50 / p95 / max':^35}  {'ratio':>7}  agree")
    print(header)
    print("-" * len(header))
    for family in families:
        n = len(family.skillpath_ms)
        sp50, hi50 = percentile(family.skillpath_ms, 0.5), percentile(family.highs_ms, 0.5)
        ratio = hi50 / sp50 if sp50 > 0 else math.inf
        print(f"{family.name:<16} {n:>4}  {spread(family.skillpath_ms)}  "
              f"{spread(family.highs_ms)}  {ratio:>6.1f}x  {family.agree}/{n}"
              + (f" ({family.unverified} HiGHS timeouts)" if family.unverified else ""))
    print("ratio = HiGHS p50 / skillpath p50. HiGHS: one run per model, 1 thread, mip_rel_gap 0, "
          "only run() timed; skillpath: median of --repeats plan() calls.")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true",
                        help="one seed, 5 roles per family, 2 instances per OR-Library set")
    parser.add_argument("--out", type=Path, help="where models go (default: a temporary folder)")
    parser.add_argument("--no-export", action="store_true",
                        help="reuse the models already in --out")
    parser.add_argument("--repeats", type=int, default=5,
                        help="skillpath solves per instance; the median is reported")
    parser.add_argument("--time-limit", type=float, default=600.0,
                        help="HiGHS seconds per instance")
    parser.add_argument("--binary", type=Path,
                        help="a built export_models to run instead of `cargo run --release`")
    parser.add_argument("--verbose", action="store_true", help="a line per instance on stderr")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="skillpath-models-") as scratch:
        out = args.out or Path(scratch)
        example = [str(args.binary.resolve())] if args.binary else EXAMPLE
        if not args.no_export:
            export(example, out, args.quick, args.repeats)
        lines = [json.loads(text) for text in (out / "instances.jsonl").read_text().splitlines()]

        h = highspy.Highs()
        for option, value in [("output_flag", False), ("threads", 1), ("mip_rel_gap", 0.0),
                              ("mip_abs_gap", 1e-9), ("time_limit", args.time_limit)]:
            h.setOptionValue(option, value)
        results = []
        for line in lines:
            outcome = check(h, line, out)
            results.append((line, outcome))
            if args.verbose:
                print(f"{line['family']} {line['instance']}: skillpath {line['ms']:.2f} ms, "
                      f"HiGHS {outcome.ms:.1f} ms", file=sys.stderr, flush=True)
        # Both plans of every instance HiGHS solved, then skillpath's alone where it did not.
        plans = [{"family": line["family"], "instance": line["instance"], "plan": plan}
                 for line, outcome in results
                 for plan in (line["plan"], outcome.chosen) if plan is not None]
        verdicts = iter(verify(example, out, plans))

        families: dict[str, Family] = {}
        failures = 0
        for line, outcome in results:
            family = families.setdefault(line["family"], Family(line["family"]))
            family.skillpath_ms.append(line["ms"])
            family.highs_ms.append(outcome.ms)
            problems = outcome.problems
            for solver in ["skillpath", "HiGHS"] if outcome.chosen is not None else ["skillpath"]:
                verdict = next(verdicts)
                if not verdict["valid"]:
                    problems.append(f"{solver}'s plan is invalid: {verdict['problem']}")
                elif not close(verdict["hours"], line["objective"]):
                    problems.append(f"{solver}'s plan takes {verdict['hours']} hours, "
                                    f"skillpath reports {line['objective']}")
            if outcome.chosen is None and not problems:
                family.unverified += 1
                print(f"UNVERIFIED {line['family']} {line['instance']}: HiGHS hit its time limit",
                      file=sys.stderr, flush=True)
                continue
            if problems:
                failures += 1
                print(f"DISAGREE {line['family']} {line['instance']} ({out / line['lp']}):",
                      "; ".join(problems), file=sys.stderr, flush=True)
            else:
                family.agree += 1

    print_table(families.values())
    if failures:
        print(f"{failures} instance(s) disagree; see DISAGREE lines above", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
