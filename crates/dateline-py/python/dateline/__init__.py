"""Dateline: raw, messy news articles into structured, entity-tagged, searchable records.

>>> import dateline
>>> doc = dateline.parse("Talks in Geneva\\n\\nJohn Bolton met Nikolai Patrushev in Geneva.\\n", id="a")
>>> tagger = dateline.Tagger()
>>> [e.canonical for e in tagger.entities(doc) if e.label == "PERSON"]
['John Bolton', 'Nikolai Patrushev']

- ``parse(text, id=None, url=None, format=None)`` and ``read(path)`` give
  ``Document`` objects (title, date, url, typed ``blocks``);
- ``Tagger`` finds entities (``.entities``) and quotations (``.quotes``), one
  document at a time or many on all cores (``.entities_batch``, ...), with the
  GIL released;
- ``Index`` indexes tagged documents and searches them with the query
  language of ``dateline search``.

Spans: ``start``/``end`` are byte offsets into the UTF-8 text, as in the Rust
library and in the command line's JSON; ``char_start``/``char_end`` are the
same spans in code points, for slicing ``doc.text`` in Python. Every object's
``to_dict()`` is the record the command line prints with ``--json``.
"""

from ._dateline import (
    FORMATS,
    Block,
    Document,
    Entity,
    Error,
    Index,
    ParseError,
    Quote,
    QueryError,
    Reader,
    SearchResults,
    TaggedDocument,
    Tagger,
    __version__,
    parse,
    read,
    samples,
)

__all__ = [
    "FORMATS",
    "Block",
    "Document",
    "Entity",
    "Error",
    "Index",
    "ParseError",
    "Quote",
    "QueryError",
    "Reader",
    "SearchResults",
    "TaggedDocument",
    "Tagger",
    "__version__",
    "parse",
    "read",
    "samples",
]
