"""The Python API: documents, entities, quotations, batches and the index
give the command line's data, and its error messages."""

import pytest

import dateline

SEEDS = "examples/corpus/seeds"


def docs_of(path, root):
    return list(dateline.read(root / path if not str(path).startswith("/") else path))


def entity_lines(tagger, docs):
    return [{"id": d.id, "entities": [e.to_dict() for e in tagger.entities(d)]} for d in docs]


def quote_lines(tagger, docs):
    return [{"id": d.id, "quotes": [q.to_dict() for q in tagger.quotes(d)]} for d in docs]


def test_parse_gives_blocks_with_byte_and_character_spans():
    text = "Pátrushev meets Bolton in Genève\n\n“We will talk again,” Bolton said in Genève on Thursday.\n"
    doc = dateline.parse(text, id="g", url="https://example.org/g")
    assert (doc.id, doc.url, doc.title) == ("g", "https://example.org/g", "Pátrushev meets Bolton in Genève")
    assert [b.kind for b in doc.blocks] == ["title", "paragraph"]
    raw = text.encode("utf-8")
    assert doc.text_bytes == len(raw) and len(doc.text) < len(raw)
    for b in doc.blocks:
        assert raw[b.start : b.end].decode("utf-8") == b.text
        assert text[b.char_start : b.char_end] == b.text
    entities = dateline.Tagger().entities(doc)
    assert entities, "the article names people and places"
    for e in entities:
        assert raw[e.start : e.end].decode("utf-8") == e.text
        assert doc.text[e.char_start : e.char_end] == e.text
        assert doc.char_offset(e.start) == e.char_start
    quotes = dateline.Tagger().quotes(doc)
    assert [(q.speaker, q.cue) for q in quotes] == [("John Bolton", "said")]
    q = quotes[0]
    assert doc.text[q.char_start : q.char_end] == q.text
    assert doc.text[q.speaker_char_start : q.speaker_char_end] == "Bolton"


def test_a_string_is_tagged_as_a_plain_text_article():
    tagger = dateline.Tagger()
    text = "John Bolton met Nikolai Patrushev in Geneva."
    assert [e.to_dict() for e in tagger.entities(text)] == [e.to_dict() for e in tagger.entities(dateline.parse(text))]
    assert [e.canonical for e in tagger.entities(text)] == ["John Bolton", "Nikolai Patrushev", "Geneva"]


def test_parse_json_record_uses_its_metadata():
    doc = dateline.parse('{"id": "r1", "title": "Given", "date": "2019-04-18", "text": "Body text here.\\n"}', format="json")
    assert (doc.id, doc.title, doc.date) == ("r1", "Given", "2019-04-18")
    assert dateline.parse('{"text": "x"}', format="json", id="mine").id == "mine"


def test_unknown_format_is_a_value_error():
    with pytest.raises(ValueError, match="unknown format"):
        dateline.parse("x", format="pdf")


HTML_FIXTURES = "crates/dateline-parse/tests/fixtures/html"


def test_parse_html_gives_the_page_metadata_and_source_ranges(root):
    raw = (root / HTML_FIXTURES / "harbour.html").read_bytes()
    doc = dateline.parse(raw, id="harbour", url="https://example.org/2020/05/06/harbour", format="html")
    assert doc.id == "harbour" and doc.title and doc.date
    assert doc.blocks and all(b.source is not None for b in doc.blocks)
    # A page given as str is read as UTF-8 and gives the same document.
    assert dateline.parse(raw.decode("utf-8"), id="harbour", url=doc.url, format="html").to_dict() == doc.to_dict()
    # A Latin-1 page declares its character set; bytes are decoded by it.
    latin = dateline.parse((root / HTML_FIXTURES / "latin1.html").read_bytes(), format="html")
    assert "\ufffd" not in latin.text


def test_a_warc_is_given_to_read_not_parse():
    with pytest.raises(ValueError, match="dateline.read"):
        dateline.parse(b"WARC/1.0\r\n", format="warc")
    assert {"text", "json", "html", "warc"} <= set(dateline.FORMATS)


def test_pages_and_warc_records_equal_dateline_parse_json(cli, root, sample_warc, mixed_warc):
    for path in [root / HTML_FIXTURES / "harbour.html", mixed_warc, sample_warc]:
        _, lines, _ = cli("parse", path, "--json")
        docs = list(dateline.read(path))
        assert lines and [d.to_dict() for d in docs] == lines, path
    # WARC records are named by their record ids and carry their target URIs.
    docs = list(dateline.read(sample_warc))
    assert all(d.id.startswith("urn:uuid:") and d.url.startswith("https://example.org/") for d in docs)
    # A format given reads a file whatever its name says.
    assert [d.id for d in dateline.read(sample_warc, format="warc")] == [d.id for d in docs]


def test_entities_and_quotes_of_a_warc_equal_the_command_line(cli, sample_warc):
    tagger = dateline.Tagger()
    docs = list(dateline.read(sample_warc))
    _, lines, _ = cli("entities", sample_warc, "--json")
    assert entity_lines(tagger, docs) == lines
    _, lines, _ = cli("quotes", sample_warc, "--json")
    assert quote_lines(tagger, docs) == lines


def test_documents_equal_dateline_parse_json(cli, root, sample_jsonl):
    for path in [root / SEEDS, sample_jsonl]:
        _, lines, _ = cli("parse", path, "--json")
        docs = list(dateline.read(path, on_error=lambda e: None))
        assert [d.to_dict() for d in docs] == lines


def test_entities_and_quotes_equal_the_command_line(cli, root, sample_jsonl):
    tagger = dateline.Tagger()
    for path in [root / SEEDS, sample_jsonl]:
        docs = list(dateline.read(path, on_error=lambda e: None))
        _, lines, _ = cli("entities", path, "--json")
        assert entity_lines(tagger, docs) == lines
        _, lines, _ = cli("quotes", path, "--json")
        assert quote_lines(tagger, docs) == lines


def test_batches_equal_one_at_a_time():
    tagger = dateline.Tagger()
    docs = dateline.samples()
    one = [[e.to_dict() for e in tagger.entities(d)] for d in docs]
    for threads in [None, 1, 2]:
        assert [[e.to_dict() for e in es] for es in tagger.entities_batch(docs, threads=threads)] == one
    quotes = [[q.to_dict() for q in tagger.quotes(d)] for d in docs]
    assert [[q.to_dict() for q in qs] for qs in tagger.quotes_batch(iter(docs))] == quotes
    tagged = tagger.annotate_batch(docs + ["John Bolton met Nikolai Patrushev in Geneva."])
    assert [t.document.id for t in tagged] == [d.id for d in docs] + [""]
    assert [[e.to_dict() for e in t.entities] for t in tagged[:-1]] == one
    assert tagged[0].to_dict() == {"id": docs[0].id, "entities": one[0], "quotes": quotes[0]}


def test_bad_records_raise_the_command_lines_message(cli, sample_jsonl):
    code, _, stderr = cli("parse", sample_jsonl, "--json")
    assert code == 1
    cli_errors = [line[len("error: ") :] for line in stderr.splitlines() if line.startswith("error: ")]
    assert cli_errors == [f"{sample_jsonl}:2: record has no string field \"text\""]
    with pytest.raises(dateline.ParseError) as raised:
        list(dateline.read(sample_jsonl))
    assert str(raised.value) == cli_errors[0]
    seen = []
    docs = list(dateline.read(sample_jsonl, on_error=seen.append))
    assert len(docs) == 5
    assert [str(e) for e in seen] == cli_errors
    assert all(isinstance(e, dateline.ParseError) for e in seen)
    with pytest.raises(dateline.ParseError, match="record has no string field"):
        dateline.parse('{"title": "no text"}', format="json")
    with pytest.raises(dateline.ParseError, match="exceeds the limit of 10 bytes"):
        dateline.parse("x" * 11, max_bytes=10)
    with pytest.raises(dateline.ParseError, match="No such file"):
        list(dateline.read("/nonexistent/article.txt"))


def test_search_equals_dateline_search_json(cli):
    index = dateline.Index()
    assert index.add(dateline.samples()) == 5
    assert len(index) == 5
    for query in ['person:"John Bolton" AND person:Patrushev', "interference", 'gpe:russia date:2018']:
        for facets in [False, True]:
            args = ["search", query, "--json"] + (["--facets"] if facets else [])
            _, lines, _ = cli(*args)
            assert index.search(query, facets=facets).to_dict() == lines[0]
    results = index.search("interference", limit=2)
    assert len(results) == 2 and results.total >= 2 and results.facets is None
    assert results.hits == results.to_dict()["hits"]


def test_a_malformed_query_raises_the_command_lines_message(cli):
    code, _, stderr = cli("search", "person:(", json_lines=False)
    assert code == 2
    with pytest.raises(dateline.QueryError) as raised:
        dateline.Index().search("person:(")
    assert "error: " + str(raised.value) + "\n" == stderr


def test_an_index_written_from_python_is_searched_by_the_command_line(cli, tmp_path):
    tagger = dateline.Tagger()
    samples = dateline.samples()
    index = dateline.Index(tmp_path / "ix")
    assert len(index) == 0
    index.add([tagger.annotate(d) for d in samples[:3]])
    index.add(samples[3])
    assert len(index) == 4 and samples[0].id in index and samples[4].id not in index
    for query in ["person:bolton", "interference"]:
        _, lines, _ = cli("search", query, "--index", tmp_path / "ix", "--json", "--facets")
        assert index.search(query, facets=True).to_dict() == lines[0]
        assert dateline.Index(tmp_path / "ix").search(query, facets=True).to_dict() == lines[0]


def test_an_index_written_by_the_command_line_is_searched_from_python(cli, root, tmp_path):
    code, _, _ = cli("index", root / SEEDS, "--index", tmp_path / "cli-ix", json_lines=False)
    assert code == 0
    index = dateline.Index(tmp_path / "cli-ix")
    assert len(index) == 5
    _, lines, _ = cli("search", 'person:"John Bolton"', "--index", tmp_path / "cli-ix", "--json", "--facets")
    assert index.search('person:"John Bolton"', facets=True).to_dict() == lines[0]


def test_help_is_useful():
    doc = dateline.Tagger.__doc__
    assert "entities" in doc and "GIL" in doc
    assert "char_start" in dateline.__doc__
    for name in ["parse", "read", "Index", "Document", "Entity", "Quote"]:
        assert getattr(dateline, name).__doc__, name


def test_type_stubs_name_every_public_name(root):
    stub = (root / "crates/dateline-py/python/dateline/__init__.pyi").read_text()
    for name in dateline.__all__:
        assert name in stub, name


def test_docstring_examples_run():
    import doctest

    failed, tried = doctest.testmod(dateline, extraglobs={"dateline": dateline}, verbose=False)
    assert tried >= 4 and failed == 0


def test_the_readmes_python_example_runs(root, capsys):
    import re

    readme = (root / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```python\n(.*?)```", readme, re.S)
    assert blocks
    for block in blocks:
        exec(compile(block, "README.md", "exec"), {})
    assert "PERSON John Bolton" in capsys.readouterr().out
