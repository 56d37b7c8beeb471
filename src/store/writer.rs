//! The writer: one thread owns the only write connection and commits writes in groups.
//!
//! Writes arrive as commands on a channel. The thread takes one, opens a `BEGIN IMMEDIATE`
//! transaction, and keeps taking whatever else is already queued (up to [`MAX_BATCH`]) into the
//! same transaction, so one fsync at COMMIT pays for the whole group. Each command runs inside a
//! SAVEPOINT of its own: a command that fails rolls back alone and its neighbours still commit.
//! Nobody hears back before the COMMIT; if the COMMIT fails, every command of the group gets
//! that error, since none of them was saved.

use std::future::Future;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::pin::Pin;
use std::sync::Arc;
use std::sync::mpsc::{self, Receiver, Sender};
use std::task::{Context, Poll};
use std::thread::{self, JoinHandle};

use rusqlite::Connection;
use tokio::sync::oneshot;

use super::StoreError;

/// At most this many commands share one transaction, so no caller waits behind an endless group.
const MAX_BATCH: usize = 256;

/// The answer to a write, on its way: `.await` it from async code, or [`Pending::wait`] from
/// blocking code. The write is queued when the method returning this is called, so dropping the
/// `Pending` does not cancel it.
#[must_use = "the write is queued either way; await or wait to learn whether it was saved"]
pub struct Pending<T> {
    answer: Answer<T>,
}

enum Answer<T> {
    Queued(oneshot::Receiver<Result<T, StoreError>>),
    /// Refused before it was queued (bad input, or the writer is gone).
    Refused(Option<StoreError>),
}

impl<T> Pending<T> {
    /// A write refused before reaching the writer.
    pub(super) fn refused(error: StoreError) -> Pending<T> {
        Pending {
            answer: Answer::Refused(Some(error)),
        }
    }

    /// Blocks the calling thread until the write is committed or has failed.
    ///
    /// For the CLI and other plain threads (`web::block` included).
    ///
    /// # Panics
    ///
    /// On an async executor thread, where tokio's `blocking_recv` refuses to block: `.await`
    /// the `Pending` there instead.
    pub fn wait(self) -> Result<T, StoreError> {
        match self.answer {
            Answer::Queued(receiver) => receiver
                .blocking_recv()
                .unwrap_or(Err(StoreError::WriterStopped)),
            Answer::Refused(error) => Err(error.unwrap_or(StoreError::WriterStopped)),
        }
    }
}

impl<T> Future for Pending<T> {
    type Output = Result<T, StoreError>;

    fn poll(mut self: Pin<&mut Self>, context: &mut Context<'_>) -> Poll<Self::Output> {
        match &mut self.answer {
            Answer::Queued(receiver) => Pin::new(receiver)
                .poll(context)
                .map(|answer| answer.unwrap_or(Err(StoreError::WriterStopped))),
            Answer::Refused(error) => {
                Poll::Ready(Err(error.take().unwrap_or(StoreError::WriterStopped)))
            }
        }
    }
}

/// One write as the writer thread sees it: run it, then answer once the group's fate is known.
trait Command: Send {
    /// Runs the write inside its savepoint; says whether it succeeded (it keeps its result).
    fn run(&mut self, connection: &Connection) -> bool;
    /// Sends the result, or `group_error` if the write succeeded but its group was not saved.
    fn answer(self: Box<Self>, group_error: Option<StoreError>);
}

/// A write closure and where its answer goes.
struct Job<T, F> {
    work: Option<F>,
    result: Option<Result<T, StoreError>>,
    reply: oneshot::Sender<Result<T, StoreError>>,
}

impl<T, F> Command for Job<T, F>
where
    T: Send,
    F: FnOnce(&Connection) -> Result<T, StoreError> + Send,
{
    fn run(&mut self, connection: &Connection) -> bool {
        let result = self.work.take().map(|work| {
            // A panicking write must not take the writer thread (and every later write) with it;
            // its savepoint is rolled back like any failure.
            catch_unwind(AssertUnwindSafe(|| work(connection))).unwrap_or_else(|_| {
                tracing::error!("a database write panicked; it was rolled back");
                Err(StoreError::WritePanicked)
            })
        });
        let succeeded = matches!(result, Some(Ok(_)));
        self.result = result;
        succeeded
    }

    fn answer(self: Box<Self>, group_error: Option<StoreError>) {
        let answer = match (self.result, group_error) {
            (Some(Err(own)), _) => Err(own),
            (_, Some(group)) => Err(group),
            (Some(Ok(value)), None) => Ok(value),
            (None, None) => Err(StoreError::WriterStopped),
        };
        // The caller may have stopped waiting (a closed connection); the write stands regardless.
        let _ = self.reply.send(answer);
    }
}

/// The handle to the writer thread. Dropping it lets the thread finish what is queued and stop.
pub(super) struct Writer {
    commands: Option<Sender<Box<dyn Command>>>,
    thread: Option<JoinHandle<()>>,
}

impl Writer {
    /// Starts the writer thread; it owns `connection` from now on. After each group, committed
    /// or not, it calls `ended` before answering the group's writes, then `answered`, outside
    /// any transaction, before taking the next group.
    pub(super) fn spawn(
        connection: Connection,
        ended: impl Fn() + Send + 'static,
        answered: impl Fn(&Connection) + Send + 'static,
    ) -> Result<Writer, StoreError> {
        let (commands, queue) = mpsc::channel();
        let thread = thread::Builder::new()
            .name("studyhall-writer".into())
            .spawn(move || write_loop(&connection, &queue, &ended, &answered))
            .map_err(|_| StoreError::WriterStopped)?;
        Ok(Writer {
            commands: Some(commands),
            thread: Some(thread),
        })
    }

    /// Queues a write. `work` runs on the writer thread inside the group's transaction.
    pub(super) fn submit<T, F>(&self, work: F) -> Pending<T>
    where
        T: Send + 'static,
        F: FnOnce(&Connection) -> Result<T, StoreError> + Send + 'static,
    {
        let (reply, receiver) = oneshot::channel();
        let job: Box<dyn Command> = Box::new(Job {
            work: Some(work),
            result: None,
            reply,
        });
        match self.commands.as_ref().map(|commands| commands.send(job)) {
            Some(Ok(())) => Pending {
                answer: Answer::Queued(receiver),
            },
            _ => Pending::refused(StoreError::WriterStopped),
        }
    }
}

impl Drop for Writer {
    fn drop(&mut self) {
        // Closing the channel ends the loop once the queue is empty; joining closes the
        // connection (and checkpoints the WAL) before the files may be removed or copied.
        drop(self.commands.take());
        if let Some(thread) = self.thread.take()
            && thread.thread().id() != thread::current().id()
        {
            let _ = thread.join();
        }
    }
}

fn write_loop(
    connection: &Connection,
    queue: &Receiver<Box<dyn Command>>,
    ended: &dyn Fn(),
    answered: &dyn Fn(&Connection),
) {
    while let Ok(first) = queue.recv() {
        if let Err(error) = run(connection, "BEGIN IMMEDIATE") {
            answer_all(vec![first], Some(&GroupFailure::new("begin", error)));
            continue;
        }
        let mut group = Vec::new();
        let mut broken = None;
        let mut next = Some(first);
        while let Some(mut command) = next.take() {
            let kept = run_in_savepoint(connection, command.as_mut());
            group.push(command);
            if let Err(error) = kept {
                broken = Some(GroupFailure::new("continue", error));
                break;
            }
            if group.len() < MAX_BATCH {
                next = queue.try_recv().ok();
            }
        }
        let failure = match broken {
            Some(failure) => Some(failure),
            None => run(connection, "COMMIT")
                .err()
                .map(|error| GroupFailure::new("commit", error)),
        };
        if failure.is_some() && !connection.is_autocommit() {
            // A failed COMMIT (say, a deferred foreign key) leaves the transaction open.
            if let Err(error) = connection.execute_batch("ROLLBACK") {
                tracing::error!(%error, "could not roll back a failed write transaction");
            }
        }
        if let Some(failure) = &failure {
            let (action, error) = (failure.action, &failure.source);
            tracing::error!(%error, action, commands = group.len(), "a group of writes was not saved");
        }
        ended();
        answer_all(group, failure.as_ref());
        answered(connection);
    }
}

/// Runs one command between `SAVEPOINT` and `RELEASE`, undoing it alone if it fails. An error
/// here means the transaction itself is gone, not that the command failed.
fn run_in_savepoint(connection: &Connection, command: &mut dyn Command) -> rusqlite::Result<()> {
    run(connection, "SAVEPOINT command")?;
    if !command.run(connection) {
        run(connection, "ROLLBACK TO command")?;
    }
    run(connection, "RELEASE command")
}

/// Runs one statement without results, prepared once per connection: these run several times
/// per answer, and parsing them each time showed in the writer's profile.
fn run(connection: &Connection, sql: &str) -> rusqlite::Result<()> {
    connection.prepare_cached(sql)?.execute([])?;
    Ok(())
}

/// Why a whole group was not saved: every write of the group is told.
struct GroupFailure {
    action: &'static str,
    source: Arc<rusqlite::Error>,
}

impl GroupFailure {
    fn new(action: &'static str, error: rusqlite::Error) -> GroupFailure {
        GroupFailure {
            action,
            source: Arc::new(error),
        }
    }

    fn to_error(&self) -> StoreError {
        StoreError::Transaction {
            action: self.action,
            source: Arc::clone(&self.source),
        }
    }
}

fn answer_all(group: Vec<Box<dyn Command>>, failure: Option<&GroupFailure>) {
    for command in group {
        command.answer(failure.map(GroupFailure::to_error));
    }
}
