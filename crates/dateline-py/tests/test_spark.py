"""The Spark job (examples/spark/dateline_job.py) in local mode gives the
command line's records, and its Parquet tables answer what `dateline search
--facets` answers."""

import os
import shutil
import subprocess
import sys
from collections import defaultdict

import pytest

pytest.importorskip("pyspark", reason="the Spark job needs pyspark (pip install pyspark)")
duckdb = pytest.importorskip("duckdb", reason="the Parquet check needs duckdb (pip install duckdb)")
if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
    pytest.skip("Spark needs a Java runtime", allow_module_level=True)

SEEDS = "examples/corpus/seeds"


@pytest.fixture(scope="module")
def inputs(root, sample_jsonl, sample_warc, mixed_warc):
    """The sample articles as text files, as JSON Lines and as pages of a
    WARC file, and a WARC file like the parse layer's own (a redirect, an
    image, a text resource and pages in two character sets)."""
    return [str(root / SEEDS), str(sample_jsonl), str(sample_warc), str(mixed_warc)]


@pytest.fixture(scope="module")
def job(root, inputs, tmp_path_factory):
    """Runs the job as a user would, on two local cores; returns the output
    directory and the job's stderr."""
    out = tmp_path_factory.mktemp("spark") / "out"
    env = dict(os.environ, PYSPARK_PYTHON=sys.executable)
    p = subprocess.run(
        [sys.executable, str(root / "examples/spark/dateline_job.py"), *inputs, "--output", str(out), "--master", "local[2]"],
        capture_output=True,
        text=True,
        env=env,
        cwd=root,
        timeout=900,
    )
    # The malformed record of the JSON Lines input is reported and skipped.
    assert p.returncode == 1, p.stderr[-4000:]
    return out, p.stderr


def table(out, name):
    return duckdb.sql(f"SELECT * FROM read_parquet('{out}/{name}/*.parquet')")


def rows(out, name):
    rel = table(out, name)
    return [dict(zip(rel.columns, r)) for r in rel.fetchall()]


def grouped(records, keys):
    """Rows by article id, in ordinal order, as the command line's dicts."""
    by_id = defaultdict(list)
    for r in sorted(records, key=lambda r: (r["article_id"], r["ordinal"])):
        d = {k: (list(r[k]) if isinstance(r[k], (list, tuple)) else r[k]) for k in keys}
        if "sense" in d and d["sense"] is None:
            del d["sense"]  # the command line writes sense only for GPE mentions
        by_id[r["article_id"]].append(d)
    return by_id


def test_the_job_reports_bad_records_as_the_command_line_does(cli, inputs, job):
    _, stderr = job
    _, _, cli_stderr = cli("entities", *inputs, "--json")
    cli_errors = [line for line in cli_stderr.splitlines() if line.startswith("error: ")]
    assert cli_errors and all(line in stderr.splitlines() for line in cli_errors)


def test_mentions_and_quotes_equal_the_command_line(cli, inputs, job):
    out, _ = job
    _, entity_lines, _ = cli("entities", *inputs, "--json")
    _, quote_lines, _ = cli("quotes", *inputs, "--json")
    articles = rows(out, "articles")
    assert sorted(a["id"] for a in articles) == sorted(line["id"] for line in entity_lines)
    assert len(entity_lines) >= 10 + 5 + 2

    mentions = grouped(rows(out, "mentions"), ["text", "start", "end", "label", "canonical", "value", "sense", "rules"])
    for line in entity_lines:
        assert mentions.get(line["id"], []) == line["entities"], line["id"]
    assert sum(map(len, mentions.values())) == sum(len(line["entities"]) for line in entity_lines)

    quotes = grouped(
        rows(out, "quotes"), ["text", "start", "end", "speaker", "speaker_start", "speaker_end", "cue", "kind", "rules"]
    )
    for line in quote_lines:
        assert quotes.get(line["id"], []) == line["quotes"], line["id"]
    assert sum(map(len, quotes.values())) == sum(len(line["quotes"]) for line in quote_lines)


def test_articles_carry_the_parsed_metadata_and_character_spans(cli, inputs, job):
    out, _ = job
    _, parsed, _ = cli("parse", *inputs, "--json")
    articles = {a["id"]: a for a in rows(out, "articles")}
    for p in parsed:
        a = articles[p["id"]]
        assert (a["title"], a["url"]) == (p["title"], p["url"])
        assert (a["date"].isoformat() if a["date"] else None) == p["date"]
    texts = {p["id"]: p for p in parsed}
    assert any(a["text_length"] < a["text_bytes"] for a in articles.values()), "some text is not ASCII"
    # Character spans slice the text in code points; byte spans in UTF-8.
    import dateline

    docs = {d.id: d for path in inputs for d in dateline.read(path, on_error=lambda e: None)}
    assert set(docs) == set(texts)
    for m in rows(out, "mentions"):
        text = docs[m["article_id"]].text
        assert text[m["char_start"] : m["char_end"]] == m["text"]
        assert text.encode()[m["start"] : m["end"]].decode() == m["text"]


@pytest.mark.parametrize("person", ["John Bolton", "Donald Trump"])
def test_co_mentioned_people_equal_dateline_search_facets(cli, inputs, job, person):
    out, _ = job
    corpus = [arg for path in inputs for arg in ("--corpus", path)]
    _, lines, _ = cli("search", f'person:"{person}"', *corpus, "--facets", "--json")
    expected = [(c["name"], c["count"]) for c in lines[0]["facets"]["entities"].get("PERSON", [])]
    assert expected, "the person has co-mentioned people"
    mentions = f"read_parquet('{out}/mentions/*.parquet')"
    got = duckdb.sql(
        f"""
        WITH hits AS (
            SELECT DISTINCT article_id FROM {mentions} WHERE label = 'PERSON' AND canonical = $person
        )
        SELECT canonical, count(DISTINCT article_id) AS articles
        FROM {mentions} JOIN hits USING (article_id)
        WHERE label = 'PERSON' AND canonical <> $person
        GROUP BY canonical
        ORDER BY articles DESC, canonical
        LIMIT {len(expected)}
        """,
        params={"person": person},
    ).fetchall()
    assert got == expected


@pytest.mark.parametrize("which", ["samples", "fixture"])
def test_warc_records_become_articles(cli, job, sample_warc, mixed_warc, which):
    warc = str(sample_warc) if which == "samples" else str(mixed_warc)
    out, _ = job
    _, parsed, _ = cli("parse", warc, "--json")
    if which == "samples":
        assert len(parsed) == 5, "one article per response record"
    articles = {a["id"]: a for a in rows(out, "articles")}
    for p in parsed:
        a = articles[p["id"]]
        assert p["id"].startswith("urn:"), "WARC records are named by their WARC-Record-ID"
        assert (a["source"], a["url"], a["title"], list(a["authors"]), a["language"]) == (
            warc,
            p["url"],
            p["title"],
            p["authors"],
            p["language"],
        )
    # Mentions and quotes of the WARC alone equal the command line's on it.
    _, entity_lines, _ = cli("entities", warc, "--json")
    mentions = grouped(rows(out, "mentions"), ["text", "start", "end", "label", "canonical", "value", "sense", "rules"])
    assert entity_lines and all(mentions.get(line["id"], []) == line["entities"] for line in entity_lines)
    _, quote_lines, _ = cli("quotes", warc, "--json")
    quotes = grouped(rows(out, "quotes"), ["text", "start", "end", "speaker", "speaker_start", "speaker_end", "cue", "kind", "rules"])
    assert all(quotes.get(line["id"], []) == line["quotes"] for line in quote_lines)
