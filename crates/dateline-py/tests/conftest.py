"""Shared fixtures: the repository, the `dateline` command line, and inputs
made from the sample articles."""

import itertools
import json
import os
import shutil
import subprocess
import sys
import uuid
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
SEEDS = ROOT / "examples" / "corpus" / "seeds"


@pytest.fixture(scope="session")
def root():
    return ROOT


@pytest.fixture(scope="session")
def dateline_bin():
    """The `dateline` command line: $DATELINE_BIN, else the workspace's
    release build (built here when missing)."""
    env = os.environ.get("DATELINE_BIN")
    if env:
        return env
    path = ROOT / "target" / "release" / "dateline"
    if not path.exists():
        cargo = shutil.which("cargo")
        if cargo is None:
            pytest.fail("no dateline binary: set DATELINE_BIN or build it with cargo build --release -p dateline")
        subprocess.run([cargo, "build", "--release", "--quiet", "-p", "dateline"], cwd=ROOT, check=True)
    return str(path)


@pytest.fixture(scope="session")
def cli(dateline_bin):
    """Runs `dateline ARGS...`; returns (exit code, stdout lines as JSON when
    json=True else text, stderr)."""

    def run(*args, json_lines=True):
        p = subprocess.run([dateline_bin, *map(str, args)], capture_output=True, text=True, cwd=ROOT)
        out = p.stdout
        if json_lines:
            out = [json.loads(line) for line in p.stdout.splitlines() if line.strip()]
        return p.returncode, out, p.stderr

    return run


def write_jsonl(path, records, bad_line=None):
    """Writes records as JSON Lines; `bad_line` (text) is inserted second."""
    with open(path, "w", encoding="utf-8") as f:
        for i, r in enumerate(records):
            if i == 1 and bad_line is not None:
                f.write(bad_line + "\n")
            f.write(json.dumps(r, ensure_ascii=False) + "\n")


@pytest.fixture(scope="session")
def sample_jsonl(tmp_path_factory):
    """The sample articles as one JSON Lines file: records without ids (so
    their ids are PATH:LINE), with a title, a date and a URL on one, and a
    malformed line that both the command line and the package report."""
    d = tmp_path_factory.mktemp("jsonl")
    records = []
    for i, p in enumerate(sorted(SEEDS.glob("*.txt"))):
        r = {"text": p.read_text(encoding="utf-8")}
        if i == 0:
            r.update(title="A given headline", date="2019-04-18", url="https://example.org/a")
        records.append(r)
    path = d / "samples.jsonl"
    write_jsonl(path, records, bad_line='{"text": 12}')
    return path


def html_page(title, paragraphs, url):
    """A news page around an article: navigation, the headline, the body
    paragraphs and a footer."""
    from html import escape

    body = "\n".join(f"<p>{escape(p)}</p>" for p in paragraphs)
    return (
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        f"<title>{escape(title)}</title><link rel=\"canonical\" href=\"{escape(url)}\"></head>\n"
        "<body><nav><a href=\"/\">Home</a> <a href=\"/world\">World</a></nav>\n"
        f"<article><h1>{escape(title)}</h1>\n{body}\n</article>\n"
        "<footer>Copyright the publisher. All rights reserved.</footer></body></html>\n"
    ).encode("utf-8")


_RECORD_IDS = itertools.count(1)


def warc_record(warc_type, headers, payload):
    head = [
        ("WARC-Type", warc_type),
        ("WARC-Record-ID", f"<urn:uuid:{uuid.UUID(int=next(_RECORD_IDS))}>"),
        ("WARC-Date", "2019-04-18T12:00:00Z"),
        *headers,
        ("Content-Length", str(len(payload))),
    ]
    text = "WARC/1.0\r\n" + "".join(f"{k}: {v}\r\n" for k, v in head) + "\r\n"
    return text.encode("utf-8") + payload + b"\r\n\r\n"


def write_warc(path, pages):
    """A gzipped WARC file (one gzip member a record, as crawlers write them)
    of a warcinfo record, then a request and a response record for each
    (url, html) page."""
    import gzip

    records = [warc_record("warcinfo", [("Content-Type", "application/warc-fields")], b"software: dateline tests\r\n")]
    for url, html in pages:
        request = f"GET {url} HTTP/1.1\r\nHost: example.org\r\n\r\n".encode()
        records.append(
            warc_record("request", [("WARC-Target-URI", url), ("Content-Type", "application/http; msgtype=request")], request)
        )
        http = (
            b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n"
            + f"Content-Length: {len(html)}\r\n\r\n".encode()
            + html
        )
        records.append(
            warc_record("response", [("WARC-Target-URI", url), ("Content-Type", "application/http; msgtype=response")], http)
        )
    with open(path, "wb") as f:
        for r in records:
            f.write(gzip.compress(r))


@pytest.fixture(scope="session")
def sample_warc(tmp_path_factory):
    """The sample articles as pages of a gzipped WARC file."""
    pages = []
    for p in sorted(SEEDS.glob("*.txt")):
        blocks = [b.strip() for b in p.read_text(encoding="utf-8").split("\n\n") if b.strip()]
        url = f"https://example.org/news/{p.stem}.html"
        pages.append((url, html_page(blocks[0].splitlines()[0], blocks[1:], url)))
    path = tmp_path_factory.mktemp("warc") / "samples.warc.gz"
    write_warc(path, pages)
    return path


def http_response(status, content_type, body):
    return f"HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\nContent-Length: {len(body)}\r\n\r\n".encode() + body


@pytest.fixture(scope="session")
def mixed_warc(root, tmp_path_factory):
    """A gzipped WARC file with records of every kind a crawl holds, as the
    parse layer's own WARC tests build it: the harbour fixture page, a
    redirect, an image, a page in windows-1252 that only the HTTP header
    names, a plain-text resource and a metadata record."""
    import gzip

    harbour = (root / "crates/dateline-parse/tests/fixtures/html/harbour.html").read_bytes()
    uri = "https://courier.example/news/2024/03/14/harbour-bridge-reopens"
    response = "application/http; msgtype=response"
    cafes = (
        "<html><head><title>Caf&eacute; owners rally</title></head><body>\n"
        "<h1>Caf&eacute; owners rally against rent rise</h1>\n"
        "<p>Owners of the old town's caf\u00e9s met on Monday to protest against a planned rent rise that they say "
        "would close half of them before the winter season begins.</p>\n"
        "<p>The city said the new rents were fair and matched those of comparable districts, and it promised "
        "to meet the owners again next week to discuss the details.</p>\n</body></html>\n"
    ).encode("cp1252")
    records = [
        warc_record("warcinfo", [("Content-Type", "application/warc-fields")], b"software: dateline tests\r\n"),
        warc_record(
            "request",
            [("WARC-Target-URI", uri), ("Content-Type", "application/http; msgtype=request")],
            b"GET /news/2024/03/14/harbour-bridge-reopens HTTP/1.1\r\nHost: courier.example\r\n\r\n",
        ),
        warc_record(
            "response",
            [("WARC-Target-URI", uri), ("Content-Type", response)],
            http_response("200 OK", "text/html; charset=utf-8", harbour),
        ),
        warc_record(
            "response",
            [("WARC-Target-URI", "https://courier.example/old"), ("Content-Type", response)],
            http_response("301 Moved Permanently", "text/html", b'<a href="/new">moved</a>'),
        ),
        warc_record(
            "response",
            [("WARC-Target-URI", "https://courier.example/bridge.png"), ("Content-Type", response)],
            http_response("200 OK", "image/png", b"\x89PNG\r\n\x1a\n\x00\x00"),
        ),
        warc_record(
            "response",
            [("WARC-Target-URI", "https://gazette.example/cafes"), ("Content-Type", response)],
            http_response("200 OK", "text/html; charset=windows-1252", cafes),
        ),
        warc_record(
            "resource",
            [("WARC-Target-URI", "file:///notes/ferry.txt"), ("Content-Type", "text/plain")],
            b"Ferry timetable change\n\nThe weekend ferry will keep running through the summer, "
            b"the operator said on Friday.\n",
        ),
        warc_record("metadata", [("WARC-Target-URI", uri), ("Content-Type", "application/warc-fields")], b"via: fixture\r\n"),
    ]
    path = tmp_path_factory.mktemp("mixed") / "pages.warc.gz"
    with open(path, "wb") as f:
        for r in records:
            f.write(gzip.compress(r))
    return path
