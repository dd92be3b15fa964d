"""Shared fixtures: the repository, the `dateline` command line, and inputs
made from the sample articles."""

import json
import os
import shutil
import subprocess
import sys
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
