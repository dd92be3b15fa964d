//! The on-disk archive: same results as the in-memory index, segments
//! added without rewriting, replacement and deletion, the writer lock,
//! atomic commits, stale temporary files, damaged and old-format indexes.

use std::path::PathBuf;

use dateline_query::{
    Archive, ArchiveWriter, Error, Index, SearchOptions, SearchResults, TaggedDocument,
    WriterOptions, parse_query,
};

use crate::fixture::{doc, sample_docs};

/// A fresh directory under the system's temporary directory.
pub(crate) fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("dateline-archive-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

fn write(dir: &PathBuf, docs: &[TaggedDocument]) {
    let mut w = ArchiveWriter::open(dir, &WriterOptions::default()).unwrap();
    for d in docs {
        w.add(d).unwrap();
    }
    w.commit().unwrap();
    w.finish().unwrap();
}

const QUERIES: [&str; 16] = [
    "interference",
    "geneva OR interference",
    "interference AND NOT warned",
    "+interference warned",
    "\"foreign interference\"",
    "\"warned interference\"~2",
    "person:trump",
    "person:patrushev",
    "gpe:США",
    "entity:США",
    "speaker:trump",
    "quote:\"not tolerate\"",
    "date:2018-07",
    "interference date:2019",
    "NOT geneva",
    "-(geneva OR warned)",
];

fn same(a: &SearchResults, b: &SearchResults, q: &str) {
    assert_eq!(a.total, b.total, "{q}");
    assert_eq!(a.hits.len(), b.hits.len(), "{q}");
    for (x, y) in a.hits.iter().zip(&b.hits) {
        assert!(
            (x.score - y.score).abs() < 1e-4,
            "{q}: {} vs {}",
            x.score,
            y.score
        );
        let mut y = y.clone();
        y.score = x.score;
        assert_eq!(x, &y, "{q}");
    }
    assert_eq!(a.facets, b.facets, "{q}");
}

fn check_same(index: &Index, archive: &Archive, queries: &[&str]) {
    for q in queries {
        let parsed = parse_query(q).unwrap();
        let opts = SearchOptions::new(10).with_facets(true);
        same(
            &index.search(&parsed, &opts).unwrap(),
            &archive.search(&parsed, &opts).unwrap(),
            q,
        );
        let mut ids = index.matching_ids(&parsed).unwrap();
        ids.sort();
        let mut theirs = archive.matching_ids(&parsed).unwrap();
        theirs.sort();
        assert_eq!(ids, theirs, "{q}");
    }
}

#[test]
fn archive_answers_like_the_in_memory_index() {
    let dir = temp_dir("same");
    let docs = sample_docs();
    write(&dir, &docs);
    let archive = Archive::open(&dir).unwrap();
    let mut index = Index::new();
    for d in &docs {
        index.add(d);
    }
    assert_eq!(archive.len(), 3);
    check_same(&index, &archive, &QUERIES);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn adding_writes_new_segments_and_keeps_old_ones() {
    let dir = temp_dir("segments");
    let docs = sample_docs();
    write(&dir, &docs[..1]);
    let first: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "idx"))
        .map(|p| (p.clone(), std::fs::read(&p).unwrap()))
        .collect();
    assert!(!first.is_empty());
    write(&dir, &docs[1..]);
    for (p, bytes) in &first {
        assert_eq!(
            &std::fs::read(p).unwrap(),
            bytes,
            "{} was rewritten",
            p.display()
        );
    }
    let archive = Archive::open(&dir).unwrap();
    assert_eq!(archive.num_segments(), 2);
    let mut index = Index::new();
    for d in &docs {
        index.add(d);
    }
    check_same(&index, &archive, &QUERIES);
    // Merging on demand makes one segment, with the same answers.
    let mut w = ArchiveWriter::open(&dir, &WriterOptions::default()).unwrap();
    w.merge_all().unwrap();
    w.finish().unwrap();
    let archive = Archive::open(&dir).unwrap();
    assert_eq!(archive.num_segments(), 1);
    check_same(&index, &archive, &QUERIES);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn replacing_and_deleting_across_commits() {
    let dir = temp_dir("replace");
    write(&dir, &sample_docs());
    let mut w = ArchiveWriter::open(&dir, &WriterOptions::default()).unwrap();
    w.add(&doc(
        "a",
        "Paris talks\n\nTalks in Paris.\n",
        "2020-01-01",
        &[],
    ))
    .unwrap();
    w.delete("b");
    w.commit().unwrap();
    w.finish().unwrap();
    let archive = Archive::open(&dir).unwrap();
    assert_eq!(archive.len(), 2);
    assert!(archive.contains("a") && !archive.contains("b") && archive.contains("c"));
    let ids = |q: &str| archive.matching_ids(&parse_query(q).unwrap()).unwrap();
    assert!(ids("geneva").is_empty());
    assert_eq!(ids("paris"), ["a"]);
    assert_eq!(ids("interference"), ["c"]);
    // The replacement counts as added last.
    assert_eq!(ids("NOT zzz"), ["c", "a"]);
    drop(archive);
    // Replaced within one writer, before and after a commit.
    let mut w = ArchiveWriter::open(&dir, &WriterOptions::default()).unwrap();
    for (text, commit) in [("Rome", false), ("Oslo", true), ("Lima", true)] {
        let body = format!("{text} talks\n\nTalks in {text}.\n");
        w.add(&doc("d", &body, "2020-01-02", &[])).unwrap();
        if commit {
            w.commit().unwrap();
        }
    }
    w.finish().unwrap();
    let archive = Archive::open(&dir).unwrap();
    assert_eq!(archive.len(), 3);
    let ids = |q: &str| archive.matching_ids(&parse_query(q).unwrap()).unwrap();
    assert_eq!(ids("talks"), ["a", "d"]);
    assert!(ids("rome OR oslo").is_empty());
    assert_eq!(ids("lima"), ["d"]);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_second_writer_gets_a_clear_error() {
    let dir = temp_dir("lock");
    let first = ArchiveWriter::open(&dir, &WriterOptions::default()).unwrap();
    let err = ArchiveWriter::open(&dir, &WriterOptions::default()).unwrap_err();
    assert!(matches!(err, Error::Locked { .. }), "{err}");
    assert!(err.to_string().contains("another process"), "{err}");
    first.finish().unwrap();
    // Released: a new writer may open.
    ArchiveWriter::open(&dir, &WriterOptions::default())
        .unwrap()
        .finish()
        .unwrap();
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn uncommitted_documents_leave_the_last_commit_intact() {
    let dir = temp_dir("atomic");
    let docs = sample_docs();
    write(&dir, &docs[..2]);
    {
        let mut w = ArchiveWriter::open(&dir, &WriterOptions::default()).unwrap();
        w.add(&docs[2]).unwrap();
        w.delete("a");
        // Dropped without commit, as a killed writer would be.
    }
    let archive = Archive::open(&dir).unwrap();
    assert_eq!(archive.len(), 2);
    assert!(archive.contains("a") && !archive.contains("c"));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn the_next_writer_removes_stale_temporary_files() {
    let dir = temp_dir("stale");
    write(&dir, &sample_docs()[..1]);
    // What a writer killed during an atomic write leaves behind.
    std::fs::write(dir.join(".tmpAbC123"), b"half a meta.json").unwrap();
    std::fs::write(dir.join(".dateline.idx.tmp-4242"), b"half an index").unwrap();
    std::fs::write(dir.join("keep.txt"), b"not ours").unwrap();
    write(&dir, &sample_docs()[1..]);
    let names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(
        !names
            .iter()
            .any(|n| n.starts_with(".tmp") || n.contains(".tmp-")),
        "{names:?}"
    );
    assert!(names.contains(&"keep.txt".to_string()));
    assert_eq!(Archive::open(&dir).unwrap().len(), 3);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn old_damaged_and_missing_indexes_give_clear_errors() {
    // The earlier single-file format.
    let dir = temp_dir("old");
    let mut index = Index::new();
    for d in sample_docs() {
        index.add(&d);
    }
    index.save_dir(&dir).unwrap();
    let err = Archive::open(&dir).unwrap_err();
    assert!(matches!(err, Error::OldFormat { .. }), "{err}");
    assert!(err.to_string().contains("rebuild"), "{err}");
    let err = ArchiveWriter::open(&dir, &WriterOptions::default()).unwrap_err();
    assert!(matches!(err, Error::OldFormat { .. }), "{err}");
    std::fs::remove_dir_all(&dir).unwrap();
    // No index at all.
    let dir = temp_dir("missing");
    assert!(matches!(Archive::open(&dir), Err(Error::Io { .. })));
    // A damaged commit point.
    write(&dir, &sample_docs());
    std::fs::write(dir.join("meta.json"), b"{\"segments\": [").unwrap();
    let err = Archive::open(&dir).unwrap_err();
    assert!(matches!(err, Error::Archive { .. }), "{err}");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn damaged_segment_files_give_errors_not_panics() {
    let dir = temp_dir("damaged");
    write(&dir, &sample_docs());
    let files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x != "json" && x != "lock"))
        .collect();
    assert!(!files.is_empty());
    let pristine: Vec<Vec<u8>> = files.iter().map(|p| std::fs::read(p).unwrap()).collect();
    for (p, bytes) in files.iter().zip(&pristine) {
        for cut in [0, bytes.len() / 2, bytes.len().saturating_sub(3)] {
            std::fs::write(p, &bytes[..cut]).unwrap();
            if let Ok(archive) = Archive::open(&dir) {
                let _ = archive.search(
                    &parse_query("interference OR person:trump").unwrap(),
                    &SearchOptions::new(10).with_facets(true),
                );
            }
        }
        std::fs::write(p, bytes).unwrap();
    }
    assert_eq!(Archive::open(&dir).unwrap().len(), 3);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn wikinews_in_several_segments_answers_like_the_in_memory_index() {
    let set = dateline_data::sets::WIKINEWS_2019_2021;
    let Some(path) = dateline_data::for_test("wikinews_in_several_segments", &set) else {
        return;
    };
    let bytes = std::fs::read(path).unwrap();
    let opts = dateline_query::tag::parse::InputOptions::default();
    let tagger = dateline_query::tag::Tagger::new();
    let docs: Vec<TaggedDocument> =
        dateline_query::tag::parse::read_jsonl(&bytes[..], "wikinews", &opts)
            .into_iter()
            .map(|d| tagger.annotate(d.unwrap()))
            .collect();
    let dir = temp_dir("wikinews");
    for chunk in docs.chunks(100) {
        write(&dir, chunk);
    }
    let archive = Archive::open(&dir).unwrap();
    assert_eq!(archive.num_segments(), 3);
    let mut index = Index::new();
    for d in &docs {
        index.add(d);
    }
    check_same(
        &index,
        &archive,
        &[
            "trump",
            "covid OR coronavirus",
            "\"prime minister\"",
            "person:trump gpe:china",
            "org:nasa",
            "election -trump",
            "date:2020-03 virus",
            "title:vote",
            "quote:people",
            "speaker:johnson",
        ],
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

/// Sizes of an archive's segments on disk, largest first.
fn segment_sizes(dir: &PathBuf) -> Vec<u64> {
    let mut by_segment = std::collections::HashMap::<String, u64>::new();
    for e in std::fs::read_dir(dir).unwrap() {
        let e = e.unwrap();
        let name = e.file_name().to_string_lossy().into_owned();
        if let Some((uuid, _)) = name.split_once('.')
            && uuid.len() == 32
        {
            *by_segment.entry(uuid.to_string()).or_default() += e.metadata().unwrap().len();
        }
    }
    let mut v: Vec<u64> = by_segment.into_values().collect();
    v.sort_unstable_by(|a, b| b.cmp(a));
    v
}

/// Writes `commits` commits of 10 documents each with this memory budget.
fn write_in_commits(dir: &PathBuf, commits: usize, budget: usize) {
    let opts = WriterOptions::default().memory_budget(budget);
    let mut w = ArchiveWriter::open(dir, &opts).unwrap();
    for c in 0..commits {
        for k in 0..10 {
            let text = format!(
                "Report {c} {k}\n\nThe council met on day {c} and discussed item {k} of the budget.\n"
            );
            w.add(&doc(&format!("d{c}-{k}"), &text, "2020-01-01", &[]))
                .unwrap();
        }
        w.commit().unwrap();
    }
    w.finish().unwrap();
}

#[test]
fn automatic_merges_stay_within_the_budget_at_any_archive_size() {
    // The size of one commit's segment.
    let probe = temp_dir("merge-probe");
    write_in_commits(&probe, 1, 64 << 20);
    let one = segment_sizes(&probe)[0];
    std::fs::remove_dir_all(&probe).unwrap();
    // A quarter of the budget is about three such segments: merges of the
    // log policy (eight segments at a time) are cut down to what fits.
    let cap = one * 7 / 2;
    let mut largest = Vec::new();
    for commits in [12, 48] {
        let dir = temp_dir(&format!("merge-{commits}"));
        write_in_commits(&dir, commits, (cap * 4) as usize);
        let sizes = segment_sizes(&dir);
        assert!(
            sizes.len() < commits,
            "{commits} commits: no merge happened ({} segments)",
            sizes.len()
        );
        assert!(
            sizes[0] <= cap,
            "{commits} commits: a segment of {} bytes, cap {cap}",
            sizes[0]
        );
        let archive = Archive::open(&dir).unwrap();
        assert_eq!(archive.len(), commits * 10);
        largest.push(sizes[0]);
        std::fs::remove_dir_all(&dir).unwrap();
    }
    // Four times the documents, no larger merge.
    assert!(largest[1] <= cap && largest[0] <= cap, "{largest:?}");
}
