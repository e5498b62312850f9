//! Extraction in a worker process: a file's bytes go to a child process
//! (the same binary started with [`WORKER_FLAG`]), which extracts its layout
//! under a memory limit and sends it back; the caller waits at most a
//! wall-clock limit and reads at most a bounded answer. Whatever a file does
//! to the reader — overflow its stack, allocate without end, loop — happens
//! in the worker: the caller reports the file as unreadable with the limit
//! it passed, starts a new worker for the next file, and its library is
//! untouched. A worker that answered is reused for the next file.
//!
//! The protocol, on the worker's standard input and output: a request is
//! the file name's length (u32, little-endian), the name (UTF-8; its
//! extension names the format), the content's length (u64) and the content;
//! an answer is a tag (0: the layout as JSON; 1: why the file is
//! unreadable), the payload's length (u64) and the payload.
//!
//! In-process extraction ([`super::extract_layout`]) stays what the worker
//! runs, and what tests, benchmarks and fuzzing call.

use crate::error::{Error, Result};
use crate::layout::Layout;
use crate::reason::{FileKind, Reason};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, ExitStatus, Stdio};
use std::sync::{mpsc, Arc, Mutex};
use std::time::Duration;

/// The hidden command-line flag that makes a Dossier binary an extraction
/// worker (`dossier --extract-worker`, `dossier-app --extract-worker`).
pub const WORKER_FLAG: &str = "--extract-worker";

/// How many idle workers are kept for the next files.
const IDLE_WORKERS: usize = 2;
/// The last bytes of a worker's standard error kept to say why it died.
const STDERR_TAIL: usize = 8 * 1024;
const TAG_LAYOUT: u8 = 0;
const TAG_UNREADABLE: u8 = 1;

/// What one file may cost to read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Wall-clock time for one file.
    pub time: Duration,
    /// The worker's address space (Unix: `RLIMIT_AS`).
    pub memory: u64,
    /// The text a file may expand to, in bytes.
    pub text: u64,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            time: Duration::from_secs(60),
            memory: 1 << 30,
            text: 64 << 20,
        }
    }
}

impl Limits {
    /// The defaults, or what `DOSSIER_EXTRACT_TIMEOUT_MS` and
    /// `DOSSIER_EXTRACT_MEMORY_MB` say (for a slow machine, and for tests).
    pub fn from_env() -> Limits {
        let var = |name: &str| std::env::var(name).ok().and_then(|v| v.parse::<u64>().ok());
        let mut limits = Limits::default();
        if let Some(ms) = var("DOSSIER_EXTRACT_TIMEOUT_MS") {
            limits.time = Duration::from_millis(ms);
        }
        if let Some(mb) = var("DOSSIER_EXTRACT_MEMORY_MB") {
            limits.memory = mb << 20;
        }
        limits
    }
}

/// How files are turned into layouts: in this process, or in worker
/// processes with limits.
pub enum Extractor {
    /// In this process, with only the bounds inside the front ends (tests,
    /// benchmarks, fuzzing).
    InProcess,
    /// In worker processes.
    Isolated(Workers),
}

impl Extractor {
    /// Workers running this very binary, which must call [`serve`] when
    /// started with [`WORKER_FLAG`].
    pub fn current_exe(limits: Limits) -> Result<Extractor> {
        let program = std::env::current_exe().map_err(Error::Library)?;
        Ok(Extractor::Isolated(Workers::new(program, limits)))
    }

    /// The layout of a file's bytes; `path` names it in messages and gives
    /// the format by its extension.
    pub fn extract_layout(&self, path: &Path, bytes: &[u8]) -> Result<Layout> {
        match self {
            Extractor::InProcess => super::extract_layout(path, bytes),
            Extractor::Isolated(workers) => workers.extract_layout(path, bytes),
        }
    }
}

/// Worker processes of one program, reused across files.
pub struct Workers {
    program: PathBuf,
    limits: Limits,
    idle: Mutex<Vec<Worker>>,
}

impl Workers {
    pub fn new(program: PathBuf, limits: Limits) -> Workers {
        Workers {
            program,
            limits,
            idle: Mutex::new(Vec::new()),
        }
    }

    pub fn limits(&self) -> Limits {
        self.limits
    }

    pub fn extract_layout(&self, path: &Path, bytes: &[u8]) -> Result<Layout> {
        let idle = self.idle.lock().unwrap_or_else(|p| p.into_inner()).pop();
        let mut worker = match idle {
            Some(w) => w,
            None => Worker::start(&self.program, &self.limits).map_err(|e| {
                Error::unreadable(path, format!("the extraction worker could not start ({e})"))
            })?,
        };
        let what = kind_of(path, bytes);
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let answer = worker.ask(&name, bytes, self.limits.time, self.max_answer());
        let reason = match answer {
            Ok(Answer::Layout(json)) => {
                self.keep(worker);
                return serde_json::from_slice(&json).map_err(|e| {
                    Error::unreadable(
                        path,
                        format!("the extraction worker's answer is damaged ({e})"),
                    )
                });
            }
            Ok(Answer::Unreadable(reason)) => {
                self.keep(worker);
                reason
            }
            Err(Failure::Time) => {
                worker.stop();
                Reason::TooSlow {
                    kind: what,
                    seconds: self.limits.time.as_secs_f64(),
                }
            }
            Err(Failure::Size) => {
                worker.stop();
                Reason::TooMuchText {
                    kind: what,
                    limit_mb: mb(self.limits.text),
                }
            }
            Err(Failure::Died) => {
                let (status, stderr) = worker.stop();
                why_it_died(what, status, &stderr, &self.limits)
            }
        };
        tracing::warn!(file = %path.display(), %reason, "extraction failed");
        Err(Error::unreadable(path, reason))
    }

    /// The largest answer read: the text limit in JSON, with room for the
    /// layout around it.
    fn max_answer(&self) -> u64 {
        self.limits.text.saturating_mul(4).saturating_add(16 << 20)
    }

    fn keep(&self, worker: Worker) {
        let mut idle = self.idle.lock().unwrap_or_else(|p| p.into_inner());
        if idle.len() < IDLE_WORKERS {
            idle.push(worker);
        }
    }
}

/// What a file is, for messages.
fn kind_of(path: &Path, bytes: &[u8]) -> FileKind {
    match super::Format::sniff(bytes).or_else(|| super::Format::from_path(path)) {
        Some(super::Format::Pdf) => FileKind::Pdf,
        Some(super::Format::Docx) => FileKind::Word,
        _ => FileKind::File,
    }
}

fn mb(bytes: u64) -> u32 {
    u32::try_from(bytes >> 20).unwrap_or(u32::MAX)
}

/// Why a worker died, from how it ended and what it printed last.
fn why_it_died(
    what: FileKind,
    status: Option<ExitStatus>,
    stderr: &str,
    limits: &Limits,
) -> Reason {
    if stderr.contains("overflowed its stack") {
        let kind = what.english();
        return Reason::Hostile {
            kind: what,
            detail: format!(
                "the {kind} is nested too deeply to read (its structure overflowed the reader's stack)"
            ),
        };
    }
    #[cfg(unix)]
    let killed = {
        use std::os::unix::process::ExitStatusExt;
        status.and_then(|s| s.signal()) == Some(libc::SIGKILL)
    };
    #[cfg(not(unix))]
    let killed = false;
    if stderr.contains("memory allocation of") || stderr.contains("capacity overflow") || killed {
        return Reason::TooMuchMemory {
            kind: what,
            limit_mb: mb(limits.memory),
        };
    }
    let how = status.map_or_else(|| "unknown exit".to_string(), |s| s.to_string());
    Reason::ReaderStopped {
        kind: what,
        detail: how,
    }
}

enum Answer {
    Layout(Vec<u8>),
    Unreadable(Reason),
}

enum Failure {
    /// No answer within the time limit.
    Time,
    /// An answer larger than the limit.
    Size,
    /// The worker ended without answering.
    Died,
}

/// One worker process.
struct Worker {
    child: Child,
    stdin: Option<ChildStdin>,
    answers: mpsc::Receiver<std::result::Result<Answer, Failure>>,
    stderr: Arc<Mutex<Vec<u8>>>,
    threads: Vec<std::thread::JoinHandle<()>>,
    max_answer: Arc<std::sync::atomic::AtomicU64>,
}

impl Worker {
    fn start(program: &Path, limits: &Limits) -> std::io::Result<Worker> {
        let mut child = Command::new(program)
            .arg(WORKER_FLAG)
            .arg(limits.memory.to_string())
            .arg(limits.text.to_string())
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()?;
        let stdin = child.stdin.take();
        let mut stdout = child.stdout.take().expect("piped stdout");
        let mut err = child.stderr.take().expect("piped stderr");
        let (send, answers) = mpsc::channel();
        let max_answer = Arc::new(std::sync::atomic::AtomicU64::new(0));
        let limit = max_answer.clone();
        let reader = std::thread::spawn(move || loop {
            let answer = read_answer(&mut stdout, &limit);
            let last = answer.is_err();
            if send.send(answer).is_err() || last {
                return;
            }
        });
        let stderr = Arc::new(Mutex::new(Vec::new()));
        let tail = stderr.clone();
        let drain = std::thread::spawn(move || {
            let mut buf = [0u8; 4096];
            while let Ok(n @ 1..) = err.read(&mut buf) {
                let mut tail = tail.lock().unwrap_or_else(|p| p.into_inner());
                tail.extend_from_slice(&buf[..n]);
                let excess = tail.len().saturating_sub(STDERR_TAIL);
                tail.drain(..excess);
            }
        });
        Ok(Worker {
            child,
            stdin,
            answers,
            stderr,
            threads: vec![reader, drain],
            max_answer,
        })
    }

    /// Sends one file and waits for its answer, at most `time`.
    fn ask(
        &mut self,
        name: &str,
        bytes: &[u8],
        time: Duration,
        max_answer: u64,
    ) -> std::result::Result<Answer, Failure> {
        self.max_answer
            .store(max_answer, std::sync::atomic::Ordering::Relaxed);
        let Some(stdin) = self.stdin.as_mut() else {
            return Err(Failure::Died);
        };
        let child = &mut self.child;
        let answers = &self.answers;
        std::thread::scope(|scope| {
            // Written from its own thread, so that a worker that stops
            // reading cannot hold the caller past the time limit.
            let writer = scope.spawn(move || {
                ignore_broken_pipe_in_this_thread();
                write_request(stdin, name, bytes)
            });
            let answer = match answers.recv_timeout(time) {
                Ok(answer) => answer,
                Err(mpsc::RecvTimeoutError::Timeout) => Err(Failure::Time),
                Err(mpsc::RecvTimeoutError::Disconnected) => Err(Failure::Died),
            };
            if answer.is_err() {
                // Unblocks the writer if the worker stopped reading.
                let _ = child.kill();
            }
            let _ = writer.join();
            answer
        })
    }

    /// Ends the worker; returns how it ended and the end of its standard error.
    fn stop(mut self) -> (Option<ExitStatus>, String) {
        self.stdin = None;
        let _ = self.child.kill();
        let status = self.child.wait().ok();
        for t in self.threads.drain(..) {
            let _ = t.join();
        }
        let stderr = self.stderr.lock().unwrap_or_else(|p| p.into_inner());
        (status, String::from_utf8_lossy(&stderr).into_owned())
    }
}

impl Drop for Worker {
    fn drop(&mut self) {
        // Closing its input ends an idle worker; a busy one is killed.
        self.stdin = None;
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A worker that died while its request was being written makes the write
/// fail with a broken pipe; the signal that comes with it must not end the
/// caller (the CLI restores its default action so that `dossier list | head`
/// ends quietly).
fn ignore_broken_pipe_in_this_thread() {
    #[cfg(unix)]
    // SAFETY: a signal mask of this thread only, built with the libc calls
    // meant for it.
    unsafe {
        let mut set: libc::sigset_t = std::mem::zeroed();
        libc::sigemptyset(&mut set);
        libc::sigaddset(&mut set, libc::SIGPIPE);
        libc::pthread_sigmask(libc::SIG_BLOCK, &set, std::ptr::null_mut());
    }
}

fn write_request(out: &mut impl Write, name: &str, bytes: &[u8]) -> std::io::Result<()> {
    out.write_all(&(name.len() as u32).to_le_bytes())?;
    out.write_all(name.as_bytes())?;
    out.write_all(&(bytes.len() as u64).to_le_bytes())?;
    out.write_all(bytes)?;
    out.flush()
}

fn read_answer(
    input: &mut impl Read,
    max: &std::sync::atomic::AtomicU64,
) -> std::result::Result<Answer, Failure> {
    let mut head = [0u8; 9];
    input.read_exact(&mut head).map_err(|_| Failure::Died)?;
    let len = u64::from_le_bytes(head[1..].try_into().expect("8 bytes"));
    if len > max.load(std::sync::atomic::Ordering::Relaxed) {
        return Err(Failure::Size);
    }
    let mut payload = Vec::new();
    input
        .take(len)
        .read_to_end(&mut payload)
        .map_err(|_| Failure::Died)?;
    if payload.len() as u64 != len {
        return Err(Failure::Died);
    }
    match head[0] {
        TAG_LAYOUT => Ok(Answer::Layout(payload)),
        TAG_UNREADABLE => Ok(Answer::Unreadable(
            serde_json::from_slice(&payload).unwrap_or_else(|_| Reason::Other {
                detail: String::from_utf8_lossy(&payload).into_owned(),
            }),
        )),
        _ => Err(Failure::Died),
    }
}

/// Both ends of the protocol on bytes from anywhere (fuzzing): the worker
/// reading requests, the app reading answers and the layouts they carry, as
/// [`Workers::extract_layout`] does. Returns the layouts read.
#[cfg(feature = "fuzzing")]
pub(crate) fn read_as_protocol(data: &[u8]) -> Vec<Layout> {
    let mut requests = data;
    while let Ok(Some(request)) = read_request(&mut requests) {
        std::hint::black_box(request);
    }
    let max = std::sync::atomic::AtomicU64::new(Limits::default().text * 4);
    let mut answers = data;
    let mut layouts = Vec::new();
    while let Ok(answer) = read_answer(&mut answers, &max) {
        if let Answer::Layout(json) = answer {
            layouts.extend(serde_json::from_slice::<Layout>(&json).ok());
        }
    }
    layouts
}

/// The worker's side, for a binary started with [`WORKER_FLAG`]: `args` are
/// the arguments after the flag (the memory limit and the text limit, in
/// bytes). Reads requests until its input closes; returns the exit code.
pub fn serve(mut args: impl Iterator<Item = String>) -> i32 {
    let defaults = Limits::default();
    let mut arg = |default: u64| args.next().and_then(|a| a.parse().ok()).unwrap_or(default);
    let memory = arg(defaults.memory);
    let text = arg(defaults.text);
    limit_memory(memory);
    let mut output = answer_stream();
    let stdin = std::io::stdin();
    let mut input = std::io::BufReader::new(stdin.lock());
    loop {
        let (name, bytes) = match read_request(&mut input) {
            Ok(Some(request)) => request,
            Ok(None) => return 0,
            Err(e) => {
                eprintln!("extraction worker: bad request: {e}");
                return 3;
            }
        };
        let (tag, payload) = match answer(&name, &bytes, text) {
            Ok(json) => (TAG_LAYOUT, json),
            Err(reason) => (
                TAG_UNREADABLE,
                serde_json::to_vec(&reason).unwrap_or_else(|_| b"{}".to_vec()),
            ),
        };
        drop(bytes);
        let written = output
            .write_all(&[tag])
            .and_then(|_| output.write_all(&(payload.len() as u64).to_le_bytes()))
            .and_then(|_| output.write_all(&payload))
            .and_then(|_| output.flush());
        if written.is_err() {
            return 0;
        }
    }
}

/// One file's answer: its layout as JSON, or why it is unreadable.
fn answer(name: &str, bytes: &[u8], text: u64) -> std::result::Result<Vec<u8>, Reason> {
    let path = Path::new(name);
    let extracted = std::panic::catch_unwind(|| super::extract_layout(path, bytes));
    let mut layout = match extracted {
        Ok(Ok(layout)) => layout,
        Ok(Err(Error::Unreadable { reason, .. })) => return Err(reason),
        Ok(Err(e)) => return Err(e.to_string().into()),
        Err(_) => {
            return Err(Reason::ReaderStopped {
                kind: kind_of(path, bytes),
                detail: "its reader failed".into(),
            })
        }
    };
    let what = kind_of(path, bytes);
    let total: usize = layout
        .pages
        .iter()
        .flat_map(|p| &p.blocks)
        .map(|b| b.text.len() + b.rows.iter().flatten().map(String::len).sum::<usize>())
        .sum();
    if total as u64 > text {
        return Err(Reason::TooMuchText {
            kind: what,
            limit_mb: mb(text),
        });
    }
    // JSON has no NaN: a size or position that is not a number is dropped.
    for block in layout.pages.iter_mut().flat_map(|p| &mut p.blocks) {
        block.size = block.size.filter(|s| s.is_finite());
        block.bbox = block.bbox.filter(|b| b.iter().all(|v| v.is_finite()));
    }
    serde_json::to_vec(&layout)
        .map_err(|e| format!("the file's layout could not be sent ({e})").into())
}

fn read_request(input: &mut impl Read) -> std::io::Result<Option<(String, Vec<u8>)>> {
    let mut len = [0u8; 4];
    match input.read_exact(&mut len) {
        Ok(()) => {}
        Err(e) if e.kind() == std::io::ErrorKind::UnexpectedEof => return Ok(None),
        Err(e) => return Err(e),
    }
    let name_len = u32::from_le_bytes(len) as u64;
    if name_len > 4096 {
        return Err(std::io::Error::other("file name too long"));
    }
    let mut name = Vec::new();
    input.take(name_len).read_to_end(&mut name)?;
    let mut len = [0u8; 8];
    input.read_exact(&mut len)?;
    let len = u64::from_le_bytes(len);
    if len > super::MAX_FILE_BYTES {
        return Err(std::io::Error::other("file too large"));
    }
    let mut bytes = Vec::with_capacity(len as usize);
    input.take(len).read_to_end(&mut bytes)?;
    if bytes.len() as u64 != len {
        return Err(std::io::ErrorKind::UnexpectedEof.into());
    }
    Ok(Some((String::from_utf8_lossy(&name).into_owned(), bytes)))
}

/// Where answers go: the original standard output, which from here on is
/// the protocol's alone (anything a library prints goes to standard error).
fn answer_stream() -> std::io::BufWriter<Box<dyn Write>> {
    #[cfg(unix)]
    {
        use std::os::fd::FromRawFd;
        // SAFETY: duplicating the process's own standard descriptors; the
        // new descriptor is owned by the File alone.
        unsafe {
            let fd = libc::dup(libc::STDOUT_FILENO);
            if fd >= 0 && libc::dup2(libc::STDERR_FILENO, libc::STDOUT_FILENO) >= 0 {
                return std::io::BufWriter::new(Box::new(std::fs::File::from_raw_fd(fd)));
            }
        }
    }
    std::io::BufWriter::new(Box::new(std::io::stdout()))
}

/// Caps the worker's memory. On Unix the address space (`RLIMIT_AS`):
/// an allocation beyond it fails and the worker aborts, which its caller
/// reports as the memory limit.
#[cfg(unix)]
fn limit_memory(bytes: u64) {
    let limit = libc::rlimit {
        rlim_cur: bytes as libc::rlim_t,
        rlim_max: bytes as libc::rlim_t,
    };
    // SAFETY: setrlimit reads the struct it is given.
    if unsafe { libc::setrlimit(libc::RLIMIT_AS, &limit) } != 0 {
        eprintln!(
            "extraction worker: the memory limit could not be set: {}",
            std::io::Error::last_os_error()
        );
    }
}

/// Windows has no rlimit: the caller would assign the worker to a job
/// object with `JOB_OBJECT_LIMIT_PROCESS_MEMORY` right after spawning it
/// (in [`Worker::start`]). Not built yet: on Windows the worker isolates
/// crashes and enforces the time and output limits, not the memory limit.
#[cfg(not(unix))]
fn limit_memory(_bytes: u64) {}

#[cfg(test)]
mod tests {
    use super::*;

    /// The fuzz target reads answers as the app does: a frame the worker
    /// wrote comes back as its layout; a cut or oversized frame is no layout.
    #[test]
    fn answers_written_by_the_worker_are_read_back() {
        let layout = crate::layout::from_text("Provisional agenda\n\n1. Opening of the session");
        let json = serde_json::to_vec(&layout).unwrap();
        let mut frame = vec![TAG_LAYOUT];
        frame.extend((json.len() as u64).to_le_bytes());
        frame.extend(&json);
        let read = read_as_protocol(&frame);
        assert_eq!(read, vec![layout]);
        assert!(read_as_protocol(&frame[..frame.len() - 1]).is_empty());
        let mut huge = frame.clone();
        huge[1..9].copy_from_slice(&u64::MAX.to_le_bytes());
        assert!(read_as_protocol(&huge).is_empty());
    }
}
