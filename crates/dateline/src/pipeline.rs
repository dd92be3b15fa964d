//! Processing documents on every core with output in input order.
//!
//! One thread reads documents (streaming, as [`InputArgs::for_each`]) into
//! a bounded queue; worker threads process them; the calling thread puts
//! the results back in input order and hands them on. At most `window`
//! documents are read but not yet handed on, so memory stays bounded
//! whatever the size of the input. With one thread everything runs on the
//! calling thread, through the same code, so output is byte-identical
//! whatever the number of threads.

use std::collections::BTreeMap;
use std::io::{IsTerminal, Write};
use std::sync::Mutex;
use std::sync::mpsc::{Receiver, sync_channel};
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressStyle};

use dateline_parse::Document;

use crate::input::InputArgs;

/// The `--threads` flag.
#[derive(Debug, Clone, clap::Args)]
pub(crate) struct ThreadsArg {
    /// Worker threads (default: all cores). Output is the same for any number.
    #[arg(long, value_name = "N")]
    pub(crate) threads: Option<usize>,
    /// Report progress on standard error even when it is not a terminal
    /// (a line every few seconds and a summary at the end; on a terminal
    /// this is shown anyway).
    #[arg(long)]
    pub(crate) progress: bool,
}

impl ThreadsArg {
    /// The number of threads to use: the flag, else every core.
    pub(crate) fn get(&self) -> usize {
        self.threads
            .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
            .max(1)
    }
}

/// Documents, bytes and rate on standard error: a spinner on a terminal,
/// a line every few seconds with `--progress` otherwise, nothing else.
pub(crate) struct Progress {
    bar: ProgressBar,
    /// Lines instead of a spinner (standard error is not a terminal).
    lines: bool,
    verb: &'static str,
    pub(crate) start: Instant,
    last_line: Instant,
    docs: u64,
    pub(crate) bytes: usize,
}

/// How often `--progress` writes a line when standard error is not a terminal.
const LINE_EVERY: Duration = Duration::from_secs(5);

impl Progress {
    /// Progress for documents that are `verb` (`"tagged"`, `"indexed"`).
    pub(crate) fn new(verb: &'static str, forced: bool) -> Progress {
        let terminal = std::io::stderr().is_terminal();
        let bar = if terminal {
            let pb = ProgressBar::new_spinner();
            let template = format!("{{spinner}} {{pos}} documents {verb}, {{msg}} [{{elapsed}}]");
            if let Ok(style) = ProgressStyle::with_template(&template) {
                pb.set_style(style);
            }
            pb.enable_steady_tick(Duration::from_millis(120));
            pb
        } else {
            ProgressBar::hidden()
        };
        let now = Instant::now();
        Progress {
            bar,
            lines: forced && !terminal,
            verb,
            start: now,
            last_line: now,
            docs: 0,
            bytes: 0,
        }
    }

    /// True when progress is shown (a terminal, or `--progress`).
    pub(crate) fn shown(&self) -> bool {
        !self.bar.is_hidden() || self.lines
    }

    /// Counts one document of `bytes` bytes of text.
    pub(crate) fn add(&mut self, bytes: usize) {
        self.docs += 1;
        self.bytes += bytes;
        self.bar.inc(1);
        if self.docs % 16 == 1 {
            self.bar
                .set_message(format!("{}, {}", size(self.bytes), self.rate()));
        }
        if self.lines && self.last_line.elapsed() >= LINE_EVERY {
            self.last_line = Instant::now();
            report!(
                "{} documents {}, {}, {}",
                self.docs,
                self.verb,
                size(self.bytes),
                self.rate()
            );
        }
    }

    /// Megabytes of text a second since the start.
    pub(crate) fn rate(&self) -> String {
        let secs = self.start.elapsed().as_secs_f64().max(1e-3);
        format!("{:.2} MB/s", self.bytes as f64 / 1e6 / secs)
    }

    /// Removes the spinner.
    pub(crate) fn finish(&self) {
        self.bar.finish_and_clear();
    }

    /// `VERB N documents (X of text) in S s, R MB/s`.
    pub(crate) fn summary(&self) -> String {
        format!(
            "{} {} documents ({} of text) in {:.1} s, {}",
            self.verb,
            self.docs,
            size(self.bytes),
            self.start.elapsed().as_secs_f64(),
            self.rate()
        )
    }
}

/// A byte count for people: `532 bytes`, `12.3 kB`, `1.4 MB`.
pub(crate) fn size(bytes: usize) -> String {
    if bytes < 1000 {
        format!("{bytes} bytes")
    } else if bytes < 1_000_000 {
        format!("{:.1} kB", bytes as f64 / 1e3)
    } else {
        format!("{:.1} MB", bytes as f64 / 1e6)
    }
}

/// Documents read but not yet handed on, per worker thread.
const WINDOW_PER_THREAD: usize = 8;

/// Reads every document of `input`, runs `work` on each with a per-thread
/// state made by `init`, and calls `sink` with the results in input order.
/// Returns the number of bad input records (reported on stderr as they are
/// read). Stops at the first error of `sink` or of reading.
pub(crate) fn ordered<S, O>(
    input: &InputArgs,
    plain: bool,
    threads: usize,
    init: impl Fn() -> S + Sync,
    work: impl Fn(&mut S, Document) -> O + Sync,
    mut sink: impl FnMut(O) -> std::io::Result<()>,
) -> std::io::Result<usize>
where
    O: Send,
{
    if threads <= 1 {
        let mut state = init();
        return input.for_each(plain, |doc| sink(work(&mut state, doc)));
    }
    let window = threads * WINDOW_PER_THREAD;
    let (doc_tx, doc_rx) = sync_channel::<(u64, Document)>(window);
    let doc_rx = Mutex::new(doc_rx);
    let (out_tx, out_rx) = sync_channel::<(u64, O)>(window);
    // Tokens bound the documents between reading and handing on.
    let (token_tx, token_rx) = sync_channel::<()>(window);
    for _ in 0..window {
        let _ = token_tx.send(());
    }
    std::thread::scope(|s| {
        let reader = s.spawn(move || {
            let mut seq = 0u64;
            input.for_each(plain, |doc| {
                let stopped = || std::io::Error::other("stopped");
                token_rx.recv().map_err(|_| stopped())?;
                doc_tx.send((seq, doc)).map_err(|_| stopped())?;
                seq += 1;
                Ok(())
            })
        });
        for _ in 0..threads {
            let out_tx = out_tx.clone();
            let (doc_rx, init, work) = (&doc_rx, &init, &work);
            s.spawn(move || {
                let mut state = init();
                loop {
                    let job = match doc_rx.lock() {
                        Ok(rx) => rx.recv(),
                        Err(_) => return,
                    };
                    let Ok((seq, doc)) = job else { return };
                    if out_tx.send((seq, work(&mut state, doc))).is_err() {
                        return;
                    }
                }
            });
        }
        drop(out_tx);
        let sunk = hand_on(&out_rx, |o| {
            sink(o)?;
            let _ = token_tx.send(());
            Ok(())
        });
        // On error, closing the channels stops the reader and the workers.
        drop(out_rx);
        drop(token_tx);
        let read = reader
            .join()
            .unwrap_or_else(|_| Err(std::io::Error::other("the reading thread failed")));
        sunk?;
        read
    })
}

/// Calls `sink` with results in sequence order as they arrive.
fn hand_on<O>(
    rx: &Receiver<(u64, O)>,
    mut sink: impl FnMut(O) -> std::io::Result<()>,
) -> std::io::Result<()> {
    let mut pending: BTreeMap<u64, O> = BTreeMap::new();
    let mut next = 0u64;
    for (seq, o) in rx {
        pending.insert(seq, o);
        while let Some(o) = pending.remove(&next) {
            sink(o)?;
            next += 1;
        }
    }
    Ok(())
}

/// A document whose text is longer than this is rendered straight to the
/// output, in its turn, instead of into a buffer: its output (tokens as JSON
/// take some 40 bytes per byte of text) is then never held in memory whole.
const DIRECT_BYTES: usize = 256 * 1024;

/// What a worker hands on for a document.
enum Rendered {
    /// The document's output.
    Buffer(std::io::Result<Vec<u8>>),
    /// A large document, to be rendered straight to the output (boxed: a
    /// document is much larger than a buffer's handle).
    Direct(Box<Document>),
}

impl ThreadsArg {
    /// [`ordered`] for commands that print: `render` writes a document's
    /// output into a buffer, which is written to `out` in input order. A
    /// document longer than [`DIRECT_BYTES`] is rendered on the output
    /// thread, in its turn, straight to `out`, so that memory stays a small
    /// multiple of the input even when the output is many times larger.
    /// Progress (documents `verb`) goes to standard error as [`Progress`]
    /// says, with a summary line at the end when it was shown.
    pub(crate) fn render(
        &self,
        input: &InputArgs,
        plain: bool,
        out: &mut impl Write,
        verb: &'static str,
        render: impl Fn(Document, &mut dyn Write) -> std::io::Result<()> + Sync,
    ) -> std::io::Result<usize> {
        let mut progress = Progress::new(verb, self.progress);
        let failed = ordered(
            input,
            plain,
            self.get(),
            || (),
            |_, doc| {
                let bytes = doc.text.len();
                if bytes > DIRECT_BYTES {
                    return (bytes, Rendered::Direct(Box::new(doc)));
                }
                let mut buf = Vec::new();
                (bytes, Rendered::Buffer(render(doc, &mut buf).map(|()| buf)))
            },
            |(bytes, rendered)| {
                progress.add(bytes);
                match rendered {
                    Rendered::Buffer(buf) => out.write_all(&buf?),
                    Rendered::Direct(doc) => render(*doc, out),
                }
            },
        );
        progress.finish();
        if progress.shown() {
            report!("{}", progress.summary());
        }
        failed
    }
}
