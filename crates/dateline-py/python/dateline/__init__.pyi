"""Type stubs of the dateline package (the extension module dateline._dateline)."""

from os import PathLike
from typing import Any, Callable, Iterable, Iterator, Optional, Union

__version__: str
FORMATS: list[str]

class Error(ValueError):
    """Base class of Dateline's errors; the message is the command line's."""

class ParseError(Error):
    """Input that cannot become a document; the message says where (`PATH:LINE: what is wrong`)."""

class QueryError(Error):
    """A malformed query; the message shows the query with a caret under the position."""

class Block:
    """One block of a document; spans in bytes (`start`, `end`) and code points (`char_start`, `char_end`)."""

    kind: str
    start: int
    end: int
    char_start: int
    char_end: int
    text: str
    reason: Optional[str]
    source: Optional[tuple[int, int]]
    """For a page: the byte range of the page (decoded, as UTF-8) the block came from."""
    def to_dict(self) -> dict[str, Any]: ...

class Document:
    """An article parsed into typed blocks."""

    @property
    def id(self) -> str: ...
    @property
    def text(self) -> str: ...
    @property
    def title(self) -> Optional[str]: ...
    @property
    def site(self) -> Optional[str]: ...
    @property
    def date(self) -> Optional[str]:
        """The publication date as YYYY-MM-DD."""
    @property
    def url(self) -> Optional[str]: ...
    @property
    def authors(self) -> list[str]: ...
    @property
    def language(self) -> Optional[str]: ...
    @property
    def blocks(self) -> list[Block]: ...
    def char_offset(self, byte: int) -> int:
        """The code-point offset of a byte offset into `text`."""
    def to_dict(self) -> dict[str, Any]:
        """The record of `dateline parse --json`."""
    @property
    def text_bytes(self) -> int:
        """The length of the text in UTF-8 bytes (`len(doc.text)` counts code points)."""

class Entity:
    """An entity mention."""

    @property
    def text(self) -> str: ...
    @property
    def start(self) -> int:
        """Byte offset of the start in the document text."""
    @property
    def end(self) -> int:
        """Byte offset of the end (exclusive)."""
    @property
    def char_start(self) -> int:
        """Code-point offset of the start: `doc.text[e.char_start:e.char_end] == e.text`."""
    @property
    def char_end(self) -> int: ...
    @property
    def label(self) -> str: ...
    @property
    def canonical(self) -> str: ...
    @property
    def value(self) -> Optional[str]: ...
    @property
    def sense(self) -> Optional[str]:
        """A GPE mention's sense: place, agent or team."""
    @property
    def rules(self) -> list[str]:
        """Ids of the rules that made the entity, in the order they acted."""
    def to_dict(self) -> dict[str, Any]:
        """One entity as in `dateline entities --json`."""

class Quote:
    """A quotation and its speaker."""

    @property
    def text(self) -> str: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def char_start(self) -> int: ...
    @property
    def char_end(self) -> int: ...
    @property
    def speaker(self) -> Optional[str]: ...
    @property
    def speaker_start(self) -> Optional[int]: ...
    @property
    def speaker_end(self) -> Optional[int]: ...
    @property
    def speaker_char_start(self) -> Optional[int]: ...
    @property
    def speaker_char_end(self) -> Optional[int]: ...
    @property
    def cue(self) -> Optional[str]: ...
    @property
    def kind(self) -> str:
        """statement or phrase."""
    @property
    def rules(self) -> list[str]:
        """Ids of the attribution rules that found the cue or the speaker, in the order they acted."""
    def to_dict(self) -> dict[str, Any]:
        """One quotation as in `dateline quotes --json`."""

class TaggedDocument:
    """A document with its entities and quotations."""

    document: Document
    entities: list[Entity]
    quotes: list[Quote]
    def to_dict(self) -> dict[str, Any]: ...

DocumentLike = Union[Document, TaggedDocument, str]

class Tagger:
    """Finds entities and quotations; batch methods run on all cores with the GIL released."""

    def __init__(self, model: bool = True) -> None: ...
    def entities(self, doc: DocumentLike) -> list[Entity]: ...
    def quotes(self, doc: DocumentLike) -> list[Quote]: ...
    def annotate(self, doc: DocumentLike) -> TaggedDocument: ...
    def entities_batch(self, docs: Iterable[DocumentLike], threads: Optional[int] = None) -> list[list[Entity]]: ...
    def quotes_batch(self, docs: Iterable[DocumentLike], threads: Optional[int] = None) -> list[list[Quote]]: ...
    def annotate_batch(self, docs: Iterable[DocumentLike], threads: Optional[int] = None) -> list[TaggedDocument]: ...

class SearchResults:
    """Search results; `to_dict()` is the record of `dateline search --json`."""

    @property
    def total(self) -> int: ...
    @property
    def hits(self) -> list[dict[str, Any]]: ...
    @property
    def facets(self) -> Optional[dict[str, Any]]: ...
    def to_dict(self) -> dict[str, Any]: ...
    def __len__(self) -> int: ...

class Index:
    """A search index over tagged documents: in memory, or the archive directory that
    `dateline index --index DIR` writes (each `add` committed before it returns)."""

    def __init__(self, path: Optional[Union[str, PathLike[str]]] = None) -> None: ...
    def add(self, docs: Union[DocumentLike, Iterable[DocumentLike]], threads: Optional[int] = None) -> int: ...
    def search(self, query: str, limit: int = 10, facets: bool = False) -> SearchResults: ...
    def __len__(self) -> int: ...
    def __contains__(self, id: str) -> bool: ...

class Reader(Iterator[Document]):
    def __iter__(self) -> "Reader": ...
    def __next__(self) -> Document: ...

def parse(
    text: Union[str, bytes],
    id: Optional[str] = None,
    url: Optional[str] = None,
    format: Optional[str] = None,
    max_bytes: Optional[int] = None,
) -> Document:
    """Parses one article: format "text" (the default), "json" (one JSON Lines record) or "html" (one page, str or bytes)."""

def read(
    path: Union[str, PathLike[str]],
    *,
    on_error: Optional[Callable[[ParseError], Any]] = None,
    text_field: str = "text",
    max_bytes: Optional[int] = None,
    format: Optional[str] = None,
) -> Reader:
    """Streams the documents under a path (text, JSON Lines, HTML, WARC, directories), as `dateline parse PATH` reads it."""

def samples() -> list[Document]:
    """The sample articles embedded in Dateline, parsed."""
