//! Entity resolution shared by both engines: which entity names a query
//! value such as `person:trump` or `gpe:США` stands for.

use crate::Label;
use crate::exec::Planner;
use crate::index::{SPEAKER, entity_field};

/// The names an engine holds, as entity resolution asks for them.
pub(crate) trait EntityNames: Planner {
    /// Whether values are also resolved through the tag layer's bundled
    /// knowledge base.
    fn uses_knowledge_base(&self) -> bool;
    /// True when the engine holds the normalized name `name` in `field`.
    fn has_name(&self, field: usize, name: &str) -> bool;
    /// (field, normalized canonical name) of each entity that was written
    /// as the normalized surface form `norm`.
    fn aliases_of(&self, norm: &str) -> Vec<(usize, String)>;
    /// Every name held in `field`.
    fn names(&self, field: usize) -> Vec<String>;
}

/// Entities (field, normalized name) a query value names in `fields`: by
/// canonical name, by a surface form seen in an article, or by the
/// knowledge base's aliases; or else by a contiguous run of a canonical
/// name's words (`patrushev` finds `Nikolai Patrushev`).
pub(crate) fn resolve_entity(
    e: &impl EntityNames,
    value: &str,
    fields: &[usize],
) -> Vec<(usize, String)> {
    let norm = e.analyzer().normalize_name(value);
    let mut out: Vec<(usize, String)> = Vec::new();
    if norm.is_empty() {
        return out;
    }
    let push = |out: &mut Vec<(usize, String)>, x: (usize, String)| {
        if !out.contains(&x) {
            out.push(x);
        }
    };
    for &f in fields {
        if e.has_name(f, &norm) {
            push(&mut out, (f, norm.clone()));
        }
    }
    let speaker = fields.contains(&SPEAKER);
    for (f, name) in e.aliases_of(&norm) {
        if fields.contains(&f) {
            push(&mut out, (f, name.clone()));
        }
        // A speaker is named like the person entity it refers to.
        if speaker && e.has_name(SPEAKER, &name) {
            push(&mut out, (SPEAKER, name));
        }
    }
    if e.uses_knowledge_base() {
        // Names the knowledge base knows as aliases (`США`), even when no
        // article used that form.
        for entry in crate::tag::KnowledgeBase::bundled().lookup(value) {
            let canonical = e.analyzer().normalize_name(&entry.canonical);
            let label_field = entity_field(entry.label);
            for &f in fields {
                let applies =
                    Some(f) == label_field || (f == SPEAKER && entry.label == Label::Person);
                if applies && e.has_name(f, &canonical) {
                    push(&mut out, (f, canonical.clone()));
                }
            }
        }
    }
    if out.is_empty() {
        let needle = format!(" {norm} ");
        for &f in fields {
            for name in e.names(f) {
                if format!(" {name} ").contains(&needle) {
                    push(&mut out, (f, name));
                }
            }
        }
    }
    out
}
