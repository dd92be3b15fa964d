//! The directory walk: each directory once, entries sorted by name, special
//! files skipped and reported, one reader per file by its format.

use std::collections::{HashSet, VecDeque};
use std::io::BufRead;
use std::path::{Path, PathBuf};

use super::{
    InputOptions, JsonlRecords, RecordError, file_name, is_jsonl, is_page, is_txt, read_text_from,
    strip_extension,
};
use crate::{Document, Error};

/// Streams the articles under `path` (see [`read_path`](crate::read_path)) one at a time, so
/// that a large JSON Lines file is never held in memory as a whole.
///
/// # Directories
///
/// A directory is read recursively, entries sorted by name; file extensions
/// (`.txt`, `.jsonl`, `.ndjson`) match in any case. Symbolic links are
/// followed, but each directory is read once, so a link to a parent does not
/// loop. FIFOs, sockets and devices inside a directory are skipped (they may
/// never end); each skip is told by [`Documents::warnings`]. A path given
/// directly is read whatever it is, within the size limit.
///
/// # Ids
///
/// A text article's id is its path relative to the directory given, without
/// the extension and with `/` between the parts (`2018/article`); a file
/// directly inside the directory, or given as `path` itself, is named by its
/// stem (`article`). A JSON Lines record without an id is named by its file
/// (the path relative to the directory given, or the file name) and line:
/// `2018/feed.jsonl:3`, the same however `path` was spelled.
///
/// ```
/// # let dir = std::env::temp_dir().join(format!("dateline-doc-ids-{}", std::process::id()));
/// # std::fs::create_dir_all(dir.join("2018"))?;
/// std::fs::write(dir.join("2018/article.txt"), "One article.")?;
/// std::fs::write(dir.join("article.TXT"), "Another.")?;
/// let ids: Vec<String> = dateline_parse::documents(&dir, &Default::default())
///     .map(|d| d.map(|d| d.id))
///     .collect::<Result<_, _>>()?;
/// assert_eq!(ids, ["2018/article", "article"]);
/// # std::fs::remove_dir_all(&dir)?;
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn documents(path: &Path, opts: &InputOptions) -> Documents {
    Documents {
        opts: opts.clone(),
        pending: VecDeque::from([Pending {
            path: path.to_path_buf(),
            rel: None,
        }]),
        current: None,
        #[cfg(feature = "html")]
        archive: None,
        #[cfg(feature = "html")]
        skips: Default::default(),
        visited: HashSet::new(),
        warnings: VecDeque::new(),
        last: String::new(),
    }
}

/// A path still to read, with its path relative to the directory given
/// (`None` for the path given itself).
#[derive(Debug)]
struct Pending {
    path: PathBuf,
    rel: Option<String>,
}

/// What identifies a directory however it is reached.
#[cfg(unix)]
type DirKey = (u64, u64);
#[cfg(not(unix))]
type DirKey = PathBuf;

#[cfg(unix)]
fn dir_key(_path: &Path, meta: &std::fs::Metadata) -> Option<DirKey> {
    use std::os::unix::fs::MetadataExt;
    Some((meta.dev(), meta.ino()))
}

#[cfg(not(unix))]
fn dir_key(path: &Path, _meta: &std::fs::Metadata) -> Option<DirKey> {
    std::fs::canonicalize(path).ok()
}

/// An entry of a directory that was not read, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Skipped {
    /// The entry's path.
    pub path: String,
    /// Why it was skipped.
    pub reason: String,
}

impl std::fmt::Display for Skipped {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.path, self.reason)
    }
}

/// Iterator over the documents under a path; see [`documents`].
pub struct Documents {
    opts: InputOptions,
    pending: VecDeque<Pending>,
    current: Option<JsonlRecords<Box<dyn BufRead>>>,
    /// Records of a WARC archive being read.
    #[cfg(feature = "html")]
    archive: Option<Box<dyn Iterator<Item = Result<Document, RecordError>>>>,
    #[cfg(feature = "html")]
    skips: std::rc::Rc<std::cell::RefCell<crate::html::WarcSkips>>,
    visited: HashSet<DirKey>,
    warnings: VecDeque<Skipped>,
    /// The path of the last file read.
    last: String,
}

impl std::fmt::Debug for Documents {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Documents")
            .field("pending", &self.pending)
            .field("warnings", &self.warnings)
            .finish_non_exhaustive()
    }
}

impl Documents {
    /// The entries skipped since the last call (FIFOs, sockets, devices,
    /// directories already read through another link), oldest first.
    pub fn warnings(&mut self) -> impl Iterator<Item = Skipped> + '_ {
        self.warnings.drain(..)
    }

    /// Where the last item came from: the file, and the line for a JSON
    /// Lines record.
    pub fn source(&self) -> (String, Option<usize>) {
        match &self.current {
            Some(records) => (records.name().to_string(), Some(records.line())),
            None => (self.last.clone(), None),
        }
    }

    /// WARC records read so far that gave no document (requests, metadata,
    /// redirects, non-HTML payloads), by type.
    #[cfg(feature = "html")]
    pub fn warc_skipped(&self) -> crate::html::WarcSkips {
        self.skips.borrow().clone()
    }

    fn skip(&mut self, path: &Path, reason: &str) {
        self.warnings.push_back(Skipped {
            path: path.display().to_string(),
            reason: reason.to_string(),
        });
    }

    /// Queues the entries of directory `path` (relative path `rel`).
    fn enter_dir(&mut self, path: &Path, rel: Option<&str>) -> Result<(), std::io::Error> {
        let mut entries: Vec<(PathBuf, String)> = Vec::new();
        for entry in std::fs::read_dir(path)? {
            let entry = entry?;
            let name = entry.file_name().to_string_lossy().into_owned();
            entries.push((entry.path(), name));
        }
        entries.sort();
        let mut queued = Vec::new();
        for (p, name) in entries {
            let child_rel = match rel {
                Some(r) => format!("{r}/{name}"),
                None => name,
            };
            // Follows symbolic links; a broken link is read (and reported)
            // when it looks like an article file.
            let meta = std::fs::metadata(&p);
            let wanted = is_jsonl(&p) || is_txt(&p) || is_page(&p);
            match meta {
                Ok(m) if m.is_dir() => {}
                Ok(m) if m.is_file() => {
                    if !wanted {
                        continue;
                    }
                }
                Ok(_) => {
                    if wanted {
                        self.skip(&p, "not a regular file (a FIFO, socket or device); skipped");
                    }
                    continue;
                }
                Err(_) => {
                    if !wanted {
                        continue;
                    }
                }
            }
            queued.push(Pending {
                path: p,
                rel: Some(child_rel),
            });
        }
        for p in queued.into_iter().rev() {
            self.pending.push_front(p);
        }
        Ok(())
    }
}

impl Iterator for Documents {
    type Item = Result<Document, RecordError>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if let Some(cur) = &mut self.current {
                match cur.next() {
                    Some(r) => return Some(r),
                    None => self.current = None,
                }
            }
            #[cfg(feature = "html")]
            if let Some(archive) = &mut self.archive {
                match archive.next() {
                    Some(r) => return Some(r),
                    None => self.archive = None,
                }
            }
            let Pending { path, rel } = self.pending.pop_front()?;
            let name = path.display().to_string();
            self.last.clone_from(&name);
            let io_err = |e: std::io::Error| RecordError {
                path: name.clone(),
                line: None,
                offset: None,
                error: Error::Io {
                    path: name.clone(),
                    source: e,
                },
            };
            if let Ok(meta) = std::fs::metadata(&path)
                && meta.is_dir()
            {
                if let Some(key) = dir_key(&path, &meta)
                    && !self.visited.insert(key)
                {
                    self.skip(&path, "directory already read (a symbolic link loop or a second link to it); skipped");
                    continue;
                }
                // Entries are named relative to the directory given.
                let inner = rel.as_deref();
                if let Err(e) = self.enter_dir(&path, inner) {
                    return Some(Err(io_err(e)));
                }
                continue;
            }
            let file = match std::fs::File::open(&path) {
                Ok(f) => f,
                Err(e) => return Some(Err(io_err(e))),
            };
            #[cfg(feature = "html")]
            let forced_jsonl = self.opts.format == Some(crate::html::Format::Jsonl);
            #[cfg(not(feature = "html"))]
            let forced_jsonl = false;
            if is_jsonl(&path) || forced_jsonl {
                let base = match &rel {
                    Some(r) => r.clone(),
                    None => file_name(&path),
                };
                let reader: Box<dyn BufRead> = Box::new(std::io::BufReader::new(file));
                self.current = Some(JsonlRecords::new(reader, &name, &self.opts).id_base(&base));
                continue;
            }
            let id = match &rel {
                Some(r) => strip_extension(r).to_string(),
                None => path
                    .file_stem()
                    .map(|s| s.to_string_lossy().into_owned())
                    .unwrap_or_default(),
            };
            #[cfg(feature = "html")]
            let file =
                match crate::html::open_file(file, &path, &name, &id, &self.opts, &self.skips) {
                    Ok(crate::html::Opened::Records(it)) => {
                        self.archive = Some(it);
                        continue;
                    }
                    Ok(crate::html::Opened::Document(r)) => return Some(*r),
                    Ok(crate::html::Opened::Text(f)) => f,
                    Err(e) => return Some(Err(io_err(e))),
                };
            // A file known to be too large is reported without reading it.
            let limit = self.opts.parser.limit();
            if let Ok(meta) = file.metadata()
                && let Ok(size) = usize::try_from(meta.len())
                && meta.is_file()
                && size > limit
            {
                return Some(Err(RecordError {
                    path: name,
                    line: None,
                    offset: None,
                    error: Error::TooLarge { size, limit },
                }));
            }
            return Some(read_text_from(&id, file, &name, &self.opts));
        }
    }
}
