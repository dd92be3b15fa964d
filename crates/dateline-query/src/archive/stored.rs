//! The stored record of an archive document (id, title, url, date, text, body spans, mentions, quotations): what snippets, highlights and results are built from.

use crate::Error;
use crate::exec::LoadedDoc;
use crate::index::{FIRST_ENTITY, NUM_FIELDS};
use crate::storage::{Reader, Writer};

pub(super) fn encode_stored(doc: &LoadedDoc) -> Vec<u8> {
    let mut w = Writer { buf: Vec::new() };
    w.str(&doc.id);
    w.opt_str(doc.title.as_deref());
    w.opt_str(doc.url.as_deref());
    w.date(doc.date);
    w.str(&doc.text);
    w.varint(doc.body.len() as u64);
    for s in &doc.body {
        w.span(0, *s);
    }
    w.varint(doc.mentions.len() as u64);
    for (f, name, s) in &doc.mentions {
        w.u8(*f as u8);
        w.str(name);
        w.span(0, *s);
    }
    w.varint(doc.quotes.len() as u64);
    for (s, speaker, speaker_span) in &doc.quotes {
        w.span(0, *s);
        w.opt_str(speaker.as_deref());
        w.opt_span(*speaker_span);
    }
    w.buf
}

pub(super) fn decode_stored(bytes: &[u8]) -> Result<LoadedDoc, Error> {
    let mut r = Reader { buf: bytes, pos: 0 };
    let id = r.str()?.to_string();
    let title = r.opt_str()?.map(str::to_string);
    let url = r.opt_str()?.map(str::to_string);
    let date = r.date()?;
    let text = r.str()?.to_string();
    let n = r.count(2, "body span")?;
    let mut body = Vec::with_capacity(n);
    for _ in 0..n {
        body.push(r.span(0, &text)?);
    }
    if !body.is_sorted() {
        return Err(r.corrupt("body spans out of order"));
    }
    let n = r.count(4, "mention")?;
    let mut mentions = Vec::with_capacity(n);
    for _ in 0..n {
        let f = r.u8()? as usize;
        if !(FIRST_ENTITY..NUM_FIELDS).contains(&f) {
            return Err(r.corrupt("mention of an unknown field"));
        }
        let name = r.str()?.to_string();
        mentions.push((f, name, r.span(0, &text)?));
    }
    let n = r.count(4, "quotation")?;
    let mut quotes = Vec::with_capacity(n);
    for _ in 0..n {
        let span = r.span(0, &text)?;
        let speaker = r.opt_str()?.map(str::to_string);
        let speaker_span = r.opt_span(&text)?;
        quotes.push((span, speaker, speaker_span));
    }
    Ok(LoadedDoc {
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
