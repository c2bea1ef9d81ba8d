//! The background planner: three threads, so that the screen never waits for a solve.
//!
//! The *quick* lane takes the target role's plan with a short time limit (a plan shows at
//! once, perhaps not yet proven) and the previews of other roles. When the quick plan is not
//! proven optimal, it hands the job on to the *proof* lane, which solves again with the full
//! time limit; ranking every role also runs there. The *advisor* lane takes comparisons and
//! a report's alternatives, which run many solves. Separate lanes, because a solve cannot be
//! interrupted: a long proof must not hold up the quick plan of the next change, nor a
//! comparison the proof.
//!
//! Each lane takes only the newest waiting job of each kind and skips jobs that a newer
//! generation has superseded; the app drops any stale answer that still arrives.

use std::collections::BTreeMap;
use std::io;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{self, Receiver, Sender};
use std::thread;

use crate::plan::Replanner;
use crate::tui::msg::Msg;
use crate::tui::planner::{self, Answer, Job, TaskKind};

/// The app's handle on the planner threads. Dropping it stops them once their current solve
/// ends.
#[derive(Debug)]
pub struct Worker {
    quick: Sender<Job>,
    proof: Sender<Job>,
    advisor: Sender<Job>,
    /// The newest generation submitted: lanes skip anything older.
    latest: Arc<AtomicU64>,
}

impl Worker {
    /// Starts the lanes; every answer is sent to `inbox` as [`Msg::PlanReady`].
    pub fn spawn(inbox: Sender<Msg>) -> io::Result<Self> {
        let latest = Arc::new(AtomicU64::new(0));
        let (quick, quick_jobs) = mpsc::channel();
        let (proof, proof_jobs) = mpsc::channel();
        let (advisor, advisor_jobs) = mpsc::channel();
        let advisor_lane = Lane {
            jobs: advisor_jobs,
            latest: Arc::clone(&latest),
            inbox: inbox.clone(),
            proof: None,
        };
        let proof_lane = Lane {
            jobs: proof_jobs,
            latest: Arc::clone(&latest),
            inbox: inbox.clone(),
            proof: None,
        };
        let quick_lane = Lane {
            jobs: quick_jobs,
            latest: Arc::clone(&latest),
            inbox,
            proof: Some(proof.clone()),
        };
        thread::Builder::new()
            .name("skillpath-plan".into())
            .spawn(move || quick_lane.run())?;
        thread::Builder::new()
            .name("skillpath-prove".into())
            .spawn(move || proof_lane.run())?;
        thread::Builder::new()
            .name("skillpath-advise".into())
            .spawn(move || advisor_lane.run())?;
        Ok(Self {
            quick,
            proof,
            advisor,
            latest,
        })
    }

    /// Queues `job`. Returns false when the planner threads are gone (a solver panic), so the
    /// app can say so instead of waiting for ever.
    pub fn submit(&self, job: Job) -> bool {
        self.latest.fetch_max(job.generation, Ordering::Relaxed);
        let lane = match job.task.kind() {
            TaskKind::Target | TaskKind::Preview => &self.quick,
            TaskKind::Rank => &self.proof,
            TaskKind::CompareRoles | TaskKind::Tradeoff | TaskKind::Alternatives => &self.advisor,
        };
        lane.send(job).is_ok()
    }
}

struct Lane {
    jobs: Receiver<Job>,
    latest: Arc<AtomicU64>,
    inbox: Sender<Msg>,
    /// Where an unproven target plan goes next; `None` on the proof lane itself.
    proof: Option<Sender<Job>>,
}

impl Lane {
    fn run(self) {
        let mut waiting: BTreeMap<TaskKind, Job> = BTreeMap::new();
        let mut replanner = Replanner::new();
        loop {
            if waiting.is_empty() {
                let Ok(job) = self.jobs.recv() else { return };
                waiting.insert(job.task.kind(), job);
            }
            // Only the newest job of each kind matters: older ones were asked for a state the
            // person has already left.
            for job in self.jobs.try_iter() {
                waiting.insert(job.task.kind(), job);
            }
            let Some((_, job)) = waiting.pop_first() else {
                continue;
            };
            if job.generation < self.latest.load(Ordering::Relaxed) {
                continue;
            }
            if !self.answer(job, &mut replanner) {
                return;
            }
        }
    }

    /// Solves `job` and sends the answer; false once the app has gone.
    fn answer(&self, job: Job, replanner: &mut Replanner) -> bool {
        let Some(proof) = &self.proof else {
            let solved = planner::solve(&job, planner::FULL_TIME_LIMIT, replanner);
            return self.inbox.send(Msg::PlanReady(Box::new(solved))).is_ok();
        };
        let mut solved = planner::solve(&job, planner::QUICK_TIME_LIMIT, replanner);
        if let Answer::Target {
            plan: Ok(plan),
            proving,
        } = &mut solved.answer
        {
            // Proving is promised only if the proof lane took the job. Its answer may even
            // arrive first: the app keeps a settled plan over a later quick one.
            *proving = !plan.optimal && proof.send(job).is_ok();
        }
        self.inbox.send(Msg::PlanReady(Box::new(solved))).is_ok()
    }
}
