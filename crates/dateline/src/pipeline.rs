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
use std::io::Write;
use std::sync::Mutex;
use std::sync::mpsc::{Receiver, sync_channel};

use dateline_parse::Document;

use crate::input::InputArgs;

/// The `--threads` flag.
#[derive(Debug, Clone, clap::Args)]
pub(crate) struct ThreadsArg {
    /// Worker threads (default: all cores). Output is the same for any number.
    #[arg(long, value_name = "N")]
    pub(crate) threads: Option<usize>,
}

impl ThreadsArg {
    /// The number of threads to use: the flag, else every core.
    pub(crate) fn get(&self) -> usize {
        self.threads
            .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
            .max(1)
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
    /// A large document, to be rendered straight to the output.
    Direct(Document),
}

impl ThreadsArg {
    /// [`ordered`] for commands that print: `render` writes a document's
    /// output into a buffer, which is written to `out` in input order. A
    /// document longer than [`DIRECT_BYTES`] is rendered on the output
    /// thread, in its turn, straight to `out`, so that memory stays a small
    /// multiple of the input even when the output is many times larger.
    pub(crate) fn render(
        &self,
        input: &InputArgs,
        plain: bool,
        out: &mut impl Write,
        render: impl Fn(Document, &mut dyn Write) -> std::io::Result<()> + Sync,
    ) -> std::io::Result<usize> {
        ordered(
            input,
            plain,
            self.get(),
            || (),
            |_, doc| {
                if doc.text.len() > DIRECT_BYTES {
                    return Rendered::Direct(doc);
                }
                let mut buf = Vec::new();
                Rendered::Buffer(render(doc, &mut buf).map(|()| buf))
            },
            |rendered| match rendered {
                Rendered::Buffer(buf) => out.write_all(&buf?),
                Rendered::Direct(doc) => render(doc, out),
            },
        )
    }
}
