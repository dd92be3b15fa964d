//! The on-disk format (version 1), documented in `docs/QUERY.md`.
//!
//! One file: a fixed header (magic, version, flags, body length), the body
//! and a CRC-32 of header and body. The body is a stored section (documents
//! for results), the field sections (per term: document-id deltas,
//! frequencies and position deltas, all LEB128 varints) and the alias
//! table. Deleted documents are dropped on save and ids renumbered.
//!
//! Reading never trusts the file: every count is checked against the bytes
//! left, every id and span against what it points into, and the checksum
//! is verified before decoding, so a truncated or corrupted file yields an
//! [`Error`] rather than a panic or a huge allocation. Saving writes a
//! temporary file in the same directory, syncs it and renames it over the
//! target, then syncs the directory, so a crash leaves either the old or
//! the new index, never a mix.

use std::fs::File;
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::bm25::fieldnorm_id;
use crate::index::{
    ENTITY_LABELS, FIRST_ENTITY, Field, Index, Mention, NUM_FIELDS, Postings, QuoteRef, SPEAKER,
    StoredDoc, is_positional,
};
use crate::{Date, Error, Span};

/// The first eight bytes of every index file.
pub const MAGIC: &[u8; 8] = b"DTLINDEX";
/// The format version this build reads and writes.
pub const FORMAT_VERSION: u32 = 1;
/// File name of the index inside an index directory.
pub const INDEX_FILE_NAME: &str = "dateline.idx";

const HEADER_LEN: usize = 24;

/// Byte sizes of an encoded index.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IndexSize {
    /// The whole file.
    pub total: usize,
    /// The stored documents (text, title, url, id, highlight spans).
    pub stored: usize,
}

impl IndexSize {
    /// Everything but the stored documents: dictionaries, postings, norms, aliases.
    pub fn without_stored(&self) -> usize {
        self.total - self.stored
    }
}

const fn crc_table() -> [u32; 256] {
    let mut table = [0u32; 256];
    let mut i = 0;
    while i < 256 {
        let mut c = i as u32;
        let mut k = 0;
        while k < 8 {
            c = if c & 1 != 0 {
                0xEDB8_8320 ^ (c >> 1)
            } else {
                c >> 1
            };
            k += 1;
        }
        table[i] = c;
        i += 1;
    }
    table
}

static CRC_TABLE: [u32; 256] = crc_table();

/// CRC-32 (IEEE 802.3 polynomial, reflected).
pub(crate) fn crc32(bytes: &[u8]) -> u32 {
    let mut c = !0u32;
    for &b in bytes {
        c = CRC_TABLE[((c ^ u32::from(b)) & 0xFF) as usize] ^ (c >> 8);
    }
    !c
}

pub(crate) struct Writer {
    pub(crate) buf: Vec<u8>,
}

impl Writer {
    pub(crate) fn u8(&mut self, v: u8) {
        self.buf.push(v);
    }
    pub(crate) fn varint(&mut self, mut v: u64) {
        while v >= 0x80 {
            self.buf.push((v as u8) | 0x80);
            v >>= 7;
        }
        self.buf.push(v as u8);
    }
    pub(crate) fn str(&mut self, s: &str) {
        self.varint(s.len() as u64);
        self.buf.extend_from_slice(s.as_bytes());
    }
    /// A string as (bytes shared with `prev`, remaining bytes).
    pub(crate) fn front_coded(&mut self, prev: &str, s: &str) {
        let shared = prev
            .bytes()
            .zip(s.bytes())
            .take_while(|(a, b)| a == b)
            .count();
        self.varint(shared as u64);
        self.varint((s.len() - shared) as u64);
        self.buf.extend_from_slice(&s.as_bytes()[shared..]);
    }
    pub(crate) fn opt_str(&mut self, s: Option<&str>) {
        match s {
            None => self.u8(0),
            Some(s) => {
                self.u8(1);
                self.str(s);
            }
        }
    }
    pub(crate) fn span(&mut self, base: usize, s: Span) {
        self.varint((s.start - base) as u64);
        self.varint(s.len() as u64);
    }
    /// An optional span: a flag byte, then the span from 0.
    pub(crate) fn opt_span(&mut self, s: Option<Span>) {
        match s {
            None => self.u8(0),
            Some(s) => {
                self.u8(1);
                self.span(0, s);
            }
        }
    }
    /// An optional date: 0, or its days since 1970 zigzag-encoded plus one.
    pub(crate) fn date(&mut self, d: Option<Date>) {
        match d {
            None => self.varint(0),
            Some(d) => {
                let days = d.days_since_epoch();
                self.varint((((days << 1) ^ (days >> 63)) as u64) + 1);
            }
        }
    }
}

pub(crate) struct Reader<'a> {
    pub(crate) buf: &'a [u8],
    pub(crate) pos: usize,
}

impl<'a> Reader<'a> {
    pub(crate) fn corrupt(&self, what: impl Into<String>) -> Error {
        Error::Corrupt {
            offset: self.pos,
            what: what.into(),
        }
    }
    pub(crate) fn remaining(&self) -> usize {
        self.buf.len() - self.pos
    }
    pub(crate) fn u8(&mut self) -> Result<u8, Error> {
        let b = *self
            .buf
            .get(self.pos)
            .ok_or_else(|| self.corrupt("unexpected end of data"))?;
        self.pos += 1;
        Ok(b)
    }
    pub(crate) fn varint(&mut self) -> Result<u64, Error> {
        let mut v = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.u8()?;
            if shift == 63 && b > 1 {
                return Err(self.corrupt("varint overflows 64 bits"));
            }
            v |= u64::from(b & 0x7F) << shift;
            if b & 0x80 == 0 {
                return Ok(v);
            }
        }
        Err(self.corrupt("varint too long"))
    }
    /// A count of items each taking at least `min_bytes` bytes.
    pub(crate) fn count(&mut self, min_bytes: usize, what: &str) -> Result<usize, Error> {
        let n = self.varint()?;
        if n > (self.remaining() / min_bytes.max(1)) as u64 {
            return Err(self.corrupt(format!("{what} count {n} exceeds the remaining data")));
        }
        Ok(n as usize)
    }
    pub(crate) fn u32(&mut self, what: &str) -> Result<u32, Error> {
        let v = self.varint()?;
        u32::try_from(v).map_err(|_| self.corrupt(format!("{what} out of range")))
    }
    pub(crate) fn bytes(&mut self, n: usize) -> Result<&'a [u8], Error> {
        if n > self.remaining() {
            return Err(self.corrupt("unexpected end of data"));
        }
        let s = &self.buf[self.pos..self.pos + n];
        self.pos += n;
        Ok(s)
    }
    pub(crate) fn str(&mut self) -> Result<&'a str, Error> {
        let n = self.count(1, "string length")?;
        let at = self.pos;
        let b = self.bytes(n)?;
        std::str::from_utf8(b).map_err(|_| Error::Corrupt {
            offset: at,
            what: "invalid UTF-8".into(),
        })
    }
    /// The counterpart of `Writer::front_coded`.
    pub(crate) fn front_coded(&mut self, prev: &str) -> Result<String, Error> {
        let shared = self.varint()?;
        if shared > prev.len() as u64 {
            return Err(self.corrupt("shared prefix longer than the previous string"));
        }
        let n = self.count(1, "string length")?;
        let at = self.pos;
        let mut bytes = prev.as_bytes()[..shared as usize].to_vec();
        bytes.extend_from_slice(self.bytes(n)?);
        String::from_utf8(bytes).map_err(|_| Error::Corrupt {
            offset: at,
            what: "invalid UTF-8".into(),
        })
    }
    pub(crate) fn opt_str(&mut self) -> Result<Option<&'a str>, Error> {
        match self.u8()? {
            0 => Ok(None),
            1 => self.str().map(Some),
            _ => Err(self.corrupt("bad option flag")),
        }
    }
    pub(crate) fn span(&mut self, base: usize, text: &str) -> Result<Span, Error> {
        let start = base
            .checked_add(self.varint()? as usize)
            .ok_or_else(|| self.corrupt("span overflows"))?;
        let end = start
            .checked_add(self.varint()? as usize)
            .ok_or_else(|| self.corrupt("span overflows"))?;
        if end > text.len() || !text.is_char_boundary(start) || !text.is_char_boundary(end) {
            return Err(self.corrupt("span outside its text"));
        }
        Ok(Span::new(start, end))
    }
    /// As [`Writer::opt_span`].
    pub(crate) fn opt_span(&mut self, text: &str) -> Result<Option<Span>, Error> {
        match self.u8()? {
            0 => Ok(None),
            1 => Ok(Some(self.span(0, text)?)),
            _ => Err(self.corrupt("bad option flag")),
        }
    }
    /// As [`Writer::date`].
    pub(crate) fn date(&mut self) -> Result<Option<Date>, Error> {
        match self.varint()? {
            0 => Ok(None),
            z => {
                let z = z - 1;
                let days = ((z >> 1) as i64) ^ -((z & 1) as i64);
                if !(-1_000_000..=3_000_000).contains(&days) {
                    return Err(self.corrupt("date out of range"));
                }
                Ok(Some(Date::from_days_since_epoch(days)))
            }
        }
    }
}

impl Index {
    /// Encodes the index in the documented binary format (deleted documents dropped).
    pub fn to_bytes(&self) -> Vec<u8> {
        self.encode().0
    }

    /// Sizes of the encoded index (for reporting).
    pub fn encoded_size(&self) -> IndexSize {
        let (bytes, stored) = self.encode();
        IndexSize {
            total: bytes.len(),
            stored,
        }
    }

    fn encode(&self) -> (Vec<u8>, usize) {
        // Renumber live documents.
        let mut new_id = vec![u32::MAX; self.docs.len()];
        let mut live = Vec::new();
        for (d, doc) in self.docs.iter().enumerate() {
            if self.is_live(d as u32) {
                new_id[d] = live.len() as u32;
                live.push(doc);
            }
        }
        // Terms are written sorted (for front coding); `rank` maps ids.
        let mut orders = Vec::with_capacity(self.fields.len());
        let mut ranks = Vec::with_capacity(self.fields.len());
        for f in &self.fields {
            let mut order: Vec<u32> = (0..f.terms.len() as u32).collect();
            order.sort_unstable_by(|a, b| f.terms[*a as usize].cmp(&f.terms[*b as usize]));
            let mut rank = vec![0u32; order.len()];
            for (new, &old) in order.iter().enumerate() {
                rank[old as usize] = new as u32;
            }
            orders.push(order);
            ranks.push(rank);
        }
        let rank = |f: usize, t: u32| {
            ranks
                .get(f)
                .and_then(|r| r.get(t as usize))
                .copied()
                .unwrap_or(t)
        };
        let mut stored = Writer { buf: Vec::new() };
        stored.varint(live.len() as u64);
        for doc in &live {
            encode_doc(&mut stored, doc, &rank);
        }
        let mut w = Writer {
            buf: Vec::with_capacity(HEADER_LEN + stored.buf.len() * 2),
        };
        w.buf.extend_from_slice(MAGIC);
        w.buf.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
        w.buf.extend_from_slice(&0u32.to_le_bytes());
        w.buf.extend_from_slice(&0u64.to_le_bytes()); // body length, patched below
        w.varint(stored.buf.len() as u64);
        let stored_len = stored.buf.len();
        w.buf.extend_from_slice(&stored.buf);
        drop(stored);

        w.varint(NUM_FIELDS as u64);
        for (fid, field) in self.fields.iter().enumerate() {
            let positional = is_positional(fid);
            for (d, &len) in field.lengths.iter().enumerate() {
                if new_id[d] != u32::MAX {
                    w.varint(u64::from(len));
                }
            }
            w.varint(field.terms.len() as u64);
            let has_display = !field.display.is_empty();
            w.u8(u8::from(has_display));
            let mut prev: &str = "";
            for &t in &orders[fid] {
                let t = t as usize;
                let term = &field.terms[t];
                w.front_coded(prev, term);
                prev = term;
                if has_display {
                    w.str(field.display.get(t).map_or("", |s| s));
                }
                let p = &field.postings[t];
                let live_idx: Vec<usize> = (0..p.docs.len())
                    .filter(|&i| new_id[p.docs[i] as usize] != u32::MAX)
                    .collect();
                w.varint(live_idx.len() as u64);
                let mut prev_doc = 0u32;
                for (k, &i) in live_idx.iter().enumerate() {
                    let d = new_id[p.docs[i] as usize];
                    let gap = u64::from(if k == 0 { d } else { d - prev_doc - 1 });
                    prev_doc = d;
                    // The low bit says "frequency 1"; other frequencies follow.
                    let tf = p.freqs[i];
                    w.varint(gap << 1 | u64::from(tf == 1));
                    if tf != 1 {
                        w.varint(u64::from(tf));
                    }
                    if positional {
                        let mut last = 0u32;
                        for (j, &pos) in p.positions_of(i).iter().enumerate() {
                            w.varint(u64::from(if j == 0 { pos } else { pos - last - 1 }));
                            last = pos;
                        }
                    }
                }
            }
        }
        let mut aliases: Vec<_> = self.aliases.iter().collect();
        aliases.sort();
        w.varint(aliases.len() as u64);
        let mut prev: &str = "";
        for (a, list) in aliases {
            w.front_coded(prev, a);
            prev = a;
            w.varint(list.len() as u64);
            for &(f, t) in list {
                w.u8(f);
                w.varint(u64::from(rank(f as usize, t)));
            }
        }
        let body_len = (w.buf.len() - HEADER_LEN) as u64;
        w.buf[16..24].copy_from_slice(&body_len.to_le_bytes());
        let crc = crc32(&w.buf);
        w.buf.extend_from_slice(&crc.to_le_bytes());
        (w.buf, stored_len)
    }

    /// Decodes an index from bytes written by [`Index::to_bytes`].
    ///
    /// # Errors
    /// [`Error::NotAnIndex`], [`Error::UnsupportedVersion`],
    /// [`Error::Truncated`], [`Error::ChecksumMismatch`] or
    /// [`Error::Corrupt`]; never panics on any input.
    pub fn from_bytes(bytes: &[u8]) -> Result<Index, Error> {
        if bytes.len() < 8 || &bytes[..8] != MAGIC {
            return Err(Error::NotAnIndex);
        }
        if bytes.len() < HEADER_LEN {
            return Err(Error::Truncated {
                expected: HEADER_LEN as u64 + 4,
                found: bytes.len() as u64,
            });
        }
        let mut word = [0u8; 4];
        word.copy_from_slice(&bytes[8..12]);
        let version = u32::from_le_bytes(word);
        if version != FORMAT_VERSION {
            return Err(Error::UnsupportedVersion {
                found: version,
                supported: FORMAT_VERSION,
            });
        }
        // No flags are defined: a file with any set was written by something
        // this build does not understand.
        word.copy_from_slice(&bytes[12..16]);
        let flags = u32::from_le_bytes(word);
        if flags != 0 {
            return Err(Error::Corrupt {
                offset: 12,
                what: format!("unknown header flags {flags:#x}"),
            });
        }
        let mut long = [0u8; 8];
        long.copy_from_slice(&bytes[16..24]);
        let body_len = u64::from_le_bytes(long);
        let expected = (HEADER_LEN as u64)
            .saturating_add(body_len)
            .saturating_add(4);
        if (bytes.len() as u64) < expected {
            return Err(Error::Truncated {
                expected,
                found: bytes.len() as u64,
            });
        }
        if (bytes.len() as u64) > expected {
            return Err(Error::Corrupt {
                offset: expected as usize,
                what: "trailing bytes after the checksum".into(),
            });
        }
        let end = HEADER_LEN + body_len as usize;
        word.copy_from_slice(&bytes[end..end + 4]);
        let stored = u32::from_le_bytes(word);
        let computed = crc32(&bytes[..end]);
        if stored != computed {
            return Err(Error::ChecksumMismatch { stored, computed });
        }
        decode(&bytes[HEADER_LEN..end])
    }

    /// Saves the index to a file atomically (temporary file, fsync, rename,
    /// fsync of the directory).
    ///
    /// # Errors
    /// [`Error::Io`] naming the file.
    pub fn save(&self, path: impl AsRef<Path>) -> Result<(), Error> {
        let path = path.as_ref();
        let io = |p: &Path| {
            let p = p.to_path_buf();
            move |source| Error::Io { path: p, source }
        };
        let dir = match path.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        let name = path
            .file_name()
            .map_or_else(|| "index".into(), |n| n.to_string_lossy().into_owned());
        let tmp = dir.join(format!(".{name}.tmp-{}", std::process::id()));
        let bytes = self.to_bytes();
        let result = (|| {
            let mut f = File::create(&tmp).map_err(io(&tmp))?;
            f.write_all(&bytes).map_err(io(&tmp))?;
            f.sync_all().map_err(io(&tmp))?;
            drop(f);
            std::fs::rename(&tmp, path).map_err(io(path))?;
            // Make the rename itself durable (not supported everywhere).
            if let Ok(d) = File::open(&dir) {
                let _ = d.sync_all();
            }
            Ok(())
        })();
        if result.is_err() {
            let _ = std::fs::remove_file(&tmp);
        }
        result
    }

    /// Loads an index saved by [`Index::save`].
    ///
    /// # Errors
    /// [`Error::Io`] naming the file, or a format error as for [`Index::from_bytes`].
    pub fn load(path: impl AsRef<Path>) -> Result<Index, Error> {
        let path = path.as_ref();
        let bytes = std::fs::read(path).map_err(|source| Error::Io {
            path: path.to_path_buf(),
            source,
        })?;
        Index::from_bytes(&bytes)
    }

    /// Saves to `dir/dateline.idx`, creating the directory if needed.
    ///
    /// # Errors
    /// [`Error::Io`].
    pub fn save_dir(&self, dir: impl AsRef<Path>) -> Result<(), Error> {
        let dir = dir.as_ref();
        std::fs::create_dir_all(dir).map_err(|source| Error::Io {
            path: dir.to_path_buf(),
            source,
        })?;
        self.save(dir.join(INDEX_FILE_NAME))
    }

    /// Loads `dir/dateline.idx`.
    ///
    /// # Errors
    /// As [`Index::load`].
    pub fn load_dir(dir: impl AsRef<Path>) -> Result<Index, Error> {
        Index::load(dir.as_ref().join(INDEX_FILE_NAME))
    }
}

/// One document of the stored section; `rank` maps term ids to their
/// written (sorted) order.
fn encode_doc(w: &mut Writer, doc: &StoredDoc, rank: &dyn Fn(usize, u32) -> u32) {
    w.str(&doc.id);
    w.opt_str(doc.title.as_deref());
    w.opt_str(doc.url.as_deref());
    w.date(doc.date);
    w.str(&doc.text);
    w.varint(doc.body.len() as u64);
    let mut base = 0;
    for s in &doc.body {
        w.span(base.min(s.start), *s);
        base = s.start;
    }
    w.varint(doc.mentions.len() as u64);
    base = 0;
    for m in &doc.mentions {
        w.u8(m.field);
        w.varint(u64::from(rank(m.field as usize, m.term)));
        w.span(base.min(m.span.start), m.span);
        base = m.span.start;
    }
    w.varint(doc.quotes.len() as u64);
    for q in &doc.quotes {
        w.span(0, q.span);
        w.varint(q.speaker.map_or(0, |s| u64::from(rank(SPEAKER, s)) + 1));
        w.opt_span(q.speaker_span);
    }
}

fn decode(body: &[u8]) -> Result<Index, Error> {
    let mut r = Reader { buf: body, pos: 0 };
    let stored_len = r.count(1, "stored section length")?;
    let stored_end = r.pos + stored_len;
    let n_docs = r.count(8, "document")?;
    let mut index = Index::new();
    for d in 0..n_docs {
        let doc = decode_doc(&mut r)?;
        if index.by_id.insert(doc.id.clone(), d as u32).is_some() {
            return Err(r.corrupt(format!("duplicate document id {:?}", doc.id)));
        }
        index.docs.push(doc);
        index.deleted.push(false);
    }
    if r.pos != stored_end {
        return Err(r.corrupt("stored section length does not match its content"));
    }
    let n_fields = r.count(1, "field")?;
    if n_fields != NUM_FIELDS {
        return Err(r.corrupt(format!("expected {NUM_FIELDS} fields, found {n_fields}")));
    }
    index.doc_entities = vec![Vec::new(); n_docs];
    for fid in 0..NUM_FIELDS {
        index.fields[fid] = decode_field(&mut r, fid, n_docs, &mut index.doc_entities)?;
    }
    // Cross-references into the fields.
    for doc in &index.docs {
        for m in &doc.mentions {
            if m.term as usize >= index.fields[m.field as usize].terms.len() {
                return Err(r.corrupt("mention of an unknown entity"));
            }
        }
        for q in &doc.quotes {
            if q.speaker
                .is_some_and(|s| s as usize >= index.fields[SPEAKER].terms.len())
            {
                return Err(r.corrupt("quotation of an unknown speaker"));
            }
        }
    }
    index.aliases = decode_aliases(&mut r, &index)?;
    if r.remaining() != 0 {
        return Err(r.corrupt("unexpected bytes after the alias table"));
    }
    Ok(index)
}

/// One document of the stored section.
fn decode_doc(r: &mut Reader<'_>) -> Result<StoredDoc, Error> {
    let id = r.str()?.to_string();
    let title = r.opt_str()?.map(str::to_string);
    let url = r.opt_str()?.map(str::to_string);
    let date = r.date()?;
    let text = r.str()?.to_string();
    let n = r.count(2, "body span")?;
    let mut body = Vec::with_capacity(n);
    let mut base = 0;
    for _ in 0..n {
        let s = r.span(base, &text)?;
        base = s.start;
        body.push(s);
    }
    let n = r.count(4, "mention")?;
    let mut mentions = Vec::with_capacity(n);
    base = 0;
    for _ in 0..n {
        let field = r.u8()?;
        let term = r.u32("mention term")?;
        let span = r.span(base, &text)?;
        base = span.start;
        if !(FIRST_ENTITY..NUM_FIELDS).contains(&(field as usize)) {
            return Err(r.corrupt("mention of an unknown field"));
        }
        mentions.push(Mention { field, term, span });
    }
    let n = r.count(4, "quotation")?;
    let mut quotes = Vec::with_capacity(n);
    for _ in 0..n {
        let span = r.span(0, &text)?;
        let speaker = match r.u32("speaker")? {
            0 => None,
            s => Some(s - 1),
        };
        let speaker_span = r.opt_span(&text)?;
        quotes.push(QuoteRef {
            span,
            speaker,
            speaker_span,
        });
    }
    Ok(StoredDoc {
        id,
        title,
        url,
        date,
        text,
        body,
        mentions,
        quotes,
    })
}

/// One field's lengths, terms and postings; entity postings also go to
/// `doc_entities`.
fn decode_field(
    r: &mut Reader<'_>,
    fid: usize,
    n_docs: usize,
    doc_entities: &mut [Vec<(u8, u32, u32)>],
) -> Result<Field, Error> {
    let positional = is_positional(fid);
    let mut field = Field::default();
    for _ in 0..n_docs {
        let len = r.u32("field length")?;
        field.lengths.push(len);
        field.norms.push(fieldnorm_id(len));
        field.total_tokens += u64::from(len);
    }
    let n_terms = r.count(2, "term")?;
    let has_display = match r.u8()? {
        0 => false,
        1 => true,
        _ => return Err(r.corrupt("bad display flag")),
    };
    let mut prev_term = String::new();
    for t in 0..n_terms {
        let term_string = r.front_coded(&prev_term)?;
        let term: Box<str> = term_string.as_str().into();
        prev_term = term_string;
        if has_display {
            field.display.push(r.str()?.into());
        }
        let df = r.count(1, "posting")?;
        let mut p = Postings {
            docs: Vec::with_capacity(df),
            freqs: Vec::with_capacity(df),
            pos_start: Vec::new(),
            positions: Vec::new(),
        };
        let mut prev: i64 = -1;
        for _ in 0..df {
            let v = r.varint()?;
            let delta = v >> 1;
            let d = if prev < 0 {
                delta
            } else {
                (prev as u64).saturating_add(delta).saturating_add(1)
            };
            if d >= n_docs as u64 {
                return Err(r.corrupt("document id out of range"));
            }
            prev = d as i64;
            let tf = if v & 1 == 1 { 1 } else { r.u32("frequency")? };
            if tf < 1 {
                return Err(r.corrupt("zero term frequency"));
            }
            p.docs.push(d as u32);
            p.freqs.push(tf);
            if positional {
                if tf as usize > r.remaining() {
                    return Err(r.corrupt("positions exceed the remaining data"));
                }
                p.pos_start.push(p.positions.len() as u32);
                let mut last: u64 = 0;
                for j in 0..tf {
                    let delta = r.varint()?;
                    let pos = if j == 0 {
                        delta
                    } else {
                        last.saturating_add(delta).saturating_add(1)
                    };
                    if pos > u64::from(u32::MAX) {
                        return Err(r.corrupt("position out of range"));
                    }
                    last = pos;
                    p.positions.push(pos as u32);
                }
            } else if fid >= FIRST_ENTITY {
                doc_entities[d as usize].push((fid as u8, t as u32, tf));
            }
        }
        if field.dict.insert(term.clone(), t as u32).is_some() {
            return Err(r.corrupt(format!("duplicate term {term:?}")));
        }
        field.terms.push(term);
        field.postings.push(p);
    }
    Ok(field)
}

/// Alias -> (field, term) pairs, as [`Index`] keeps them.
type AliasTable = crate::hash::FastMap<Box<str>, Vec<(u8, u32)>>;

/// The alias table (checked against the fields' terms).
fn decode_aliases(r: &mut Reader<'_>, index: &Index) -> Result<AliasTable, Error> {
    let n_aliases = r.count(3, "alias")?;
    let mut aliases = crate::hash::FastMap::default();
    aliases.reserve(n_aliases);
    let mut prev_alias = String::new();
    for _ in 0..n_aliases {
        let alias_string = r.front_coded(&prev_alias)?;
        let alias: Box<str> = alias_string.as_str().into();
        prev_alias = alias_string;
        let k = r.count(2, "alias target")?;
        let mut list = Vec::with_capacity(k);
        for _ in 0..k {
            let f = r.u8()?;
            let t = r.u32("alias term")?;
            let ok = (FIRST_ENTITY..FIRST_ENTITY + ENTITY_LABELS.len()).contains(&(f as usize))
                && (t as usize) < index.fields[f as usize].terms.len();
            if !ok {
                return Err(r.corrupt("alias of an unknown entity"));
            }
            list.push((f, t));
        }
        aliases.insert(alias, list);
    }
    Ok(aliases)
}
