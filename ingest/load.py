"""Read PDF, DOCX, HTML, Markdown and text files into Documents, with titles, pages and clear errors."""

from __future__ import annotations

import hashlib
import html.parser
import io
import os
import re
import tomllib
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from nsss.core.types import Document, Page
from nsss.ingest.dates import date_in_text, date_in_url, metadata_date
from nsss.ingest.structure import find_sections
from nsss.ingest.types import LoadError

FORMATS = {
    ".pdf": "pdf",
    ".docx": "docx",
    ".html": "html",
    ".htm": "html",
    ".md": "markdown",
    ".markdown": "markdown",
    ".txt": "text",
}
MANIFEST = "manifest.toml"
KIND_WORDS = [
    ("workshop", "workshop"),
    ("dialogue", "dialogue"),
    ("meeting", "meeting minutes"),
    ("minutes", "meeting minutes"),
    ("progress report", "progress report"),
    ("conference", "conference"),
    ("action plan", "action plan"),
    ("strategy", "strategy"),
    ("evaluation", "evaluation"),
    ("review", "evaluation"),
]
# Titles that authoring tools write when the author gave none; the file name says more.
PLACEHOLDER_TITLE = re.compile(
    r"(?i)\s*(untitled(\s*-?\s*\d+)?|document\s*\d*|microsoft (word|excel|powerpoint) - .*)\s*"
)


@dataclass(frozen=True)
class Limits:
    """What one file may cost to read; each is a setting (see nsss.settings) named in the refusal."""

    max_expanded_mb: float = 200.0
    max_zip_members: int = 2000
    max_zip_ratio: float = 1000.0
    max_xml_elements: int = 2_000_000
    max_pages: int = 5000

    @classmethod
    def of(cls, settings) -> Limits:
        """Take the limits from settings."""
        return cls(
            settings.max_expanded_mb,
            settings.max_zip_members,
            settings.max_zip_ratio,
            settings.max_xml_elements,
            settings.max_pages,
        )


def load(
    path: Path,
    root: Path | None = None,
    *,
    max_mb: float = 50.0,
    manifest: dict | None = None,
    limits: Limits | None = None,
    ocr: bool = True,
) -> Document:
    """Read one file into a Document; raise LoadError with a reason a person understands."""
    limits = limits or Limits()
    path = Path(path)
    root = Path(root) if root is not None else path.parent
    shown = str(path)
    fmt = FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise LoadError(
            shown,
            f"{path.suffix or 'files without an extension'} is not a supported type "
            f"(supported: {', '.join(sorted(FORMATS))})",
        )
    data = _read_bytes(path, max_mb)
    meta = dict((manifest or {}).get(path.relative_to(root).as_posix(), {}))
    reader = {"pdf": _pdf, "docx": _docx, "html": _html, "markdown": _markdown, "text": _text}[fmt]
    text, pages, found = reader(shown, data, limits, ocr=ocr) if fmt == "pdf" else reader(shown, data, limits)
    if not text.strip():
        raise LoadError(shown, "has no text to index")
    source = path.relative_to(root).as_posix()
    title = str(meta.get("title") or found.get("title") or _pretty_name(path))
    kind = str(meta.get("kind") or found.get("kind") or _guess_kind(f"{title} {source}"))
    # A manifest's `source` is a web address or the name of who published it.
    given = str(meta.get("source") or "")
    url = str(meta.get("url") or (given if _is_url(given) else "") or found.get("url") or "")
    publisher = str(meta.get("publisher") or ("" if _is_url(given) else given) or found.get("publisher") or "")
    # The document's own words before file times: a PDF made today, or a DOCX from a template, misdates it.
    first_page = text[pages[0].start : pages[0].end] if pages else text
    # A manifest that names a date, even an empty one ("the record carries no date"), is not second-guessed.
    date = (
        str(meta["date"])
        if "date" in meta
        else str(
            found.get("date")
            or date_in_text(first_page)
            or date_in_url(url)
            or metadata_date(found.get("file_date", ""))
        )
    )
    return Document(
        root=str(root),
        source=source,
        title=_clean_line(title),
        kind=kind,
        date=date,
        url=url,
        format=fmt,
        sha256=hashlib.sha256(data).hexdigest(),
        text=text,
        pages=tuple(pages),
        publisher=publisher,
        sections=find_sections(text),
    )


def _is_url(text: str) -> bool:
    return text.startswith(("http://", "https://"))


def read_manifest(folder: Path) -> dict[str, dict]:
    """Read a folder's manifest.toml ([[document]] tables keyed by `file`); empty when there is none."""
    path = Path(folder) / MANIFEST
    if not path.is_file():
        return {}
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise LoadError(str(path), f"is not a valid manifest ({exc})") from None
    entries = {}
    for i, entry in enumerate(data.get("document", []), 1):
        if "file" not in entry:
            raise LoadError(str(path), f"[[document]] number {i} has no `file` field")
        entries[entry["file"]] = entry
    return entries


def _read_bytes(path: Path, max_mb: float) -> bytes:
    shown = str(path)
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise LoadError(shown, os_reason(exc)) from None
    if not path.is_file():
        raise LoadError(shown, "is not a regular file")
    if size == 0:
        raise LoadError(shown, "is empty")
    if size > max_mb * 1024 * 1024:
        raise LoadError(
            shown, f"is {size / 1024 / 1024:.3g} MB, over the {max_mb:g} MB limit (raise NSSS_MAX_FILE_MB to ingest it)"
        )
    try:
        return path.read_bytes()
    except OSError as exc:
        raise LoadError(shown, os_reason(exc)) from None


def os_reason(exc: OSError) -> str:
    """Say in words why the system could not read a file."""
    import errno

    if exc.errno == errno.ELOOP:
        return "is a symbolic link loop"
    if exc.errno in (errno.EACCES, errno.EPERM):
        return "cannot be read: permission denied (give your user read access to it)"
    if exc.errno == errno.ENOENT:
        return "does not exist (a broken link?)"
    return f"cannot be read: {exc.strerror}"


def _normalize(text: str) -> str:
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    return text.replace("\x00", "").replace("\ufeff", "")


def _clean_line(text: str) -> str:
    return " ".join(text.split())


def _pretty_name(path: Path) -> str:
    return re.sub(r"[-_]+", " ", path.stem).strip() or path.name


def _placeholder(title: str) -> bool:
    return not title.strip() or bool(PLACEHOLDER_TITLE.fullmatch(title))


def _guess_kind(text: str) -> str:
    low = text.lower()
    for word, kind in KIND_WORDS:
        if word in low:
            return kind
    return "document"


def _pdf(shown: str, data: bytes, limits: Limits, *, ocr: bool = True):
    import logging

    import pypdf
    from pypdf.errors import PdfReadError, PyPdfError

    # pypdf logs what it repairs ("EOF marker not found") without a file name; the LoadError below says it better.
    logging.getLogger("pypdf").setLevel(logging.ERROR)

    if not data.lstrip()[:5].startswith(b"%PDF-"):
        start = data[:8].decode("latin-1").encode("unicode_escape").decode()
        raise LoadError(shown, f"is named .pdf but is not a PDF (it starts with {start!r})")
    try:
        reader = pypdf.PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            try:
                ok = reader.decrypt("")
            except Exception:  # noqa: BLE001 - pypdf raises several types for unsupported crypto
                ok = 0
            if not ok:
                raise LoadError(shown, "is password-protected; save an unprotected copy and ingest that")
        if len(reader.pages) > limits.max_pages:
            raise LoadError(
                shown,
                f"has {len(reader.pages):,} pages, over the limit of {limits.max_pages:,} "
                "(raise NSSS_MAX_PAGES to ingest it)",
            )
        from nsss.ingest.pdf import read_pages

        raw_pages = read_pages(shown, reader, data, ocr=ocr)
        labels = list(reader.page_labels)
    except LoadError:
        raise
    except (
        PdfReadError,
        PyPdfError,
        ValueError,
        KeyError,
        TypeError,
        AttributeError,
        IndexError,
        RecursionError,
        OSError,
    ) as exc:
        raise LoadError(shown, f"is damaged or truncated and cannot be read as a PDF ({exc})") from None
    if not raw_pages:
        raise LoadError(shown, "is a PDF with no pages")
    if not any(p.text.strip() for p in raw_pages):
        if ocr:
            raise LoadError(
                shown,
                f"has no readable text: none of its {len(raw_pages)} page(s) has a text layer "
                "or text that OCR could read",
            )
        raise LoadError(
            shown,
            f"has no text layer ({len(raw_pages)} page(s) of images only) and OCR is off; "
            "turn it on (unset NSSS_OCR) to read scanned pages",
        )
    parts, pages, offset = [], [], 0
    for i, raw in enumerate(raw_pages):
        text = _normalize(raw.text).strip()
        if i:
            parts.append("\n\n")
            offset += 2
        pages.append(
            Page(
                number=i + 1,
                label=labels[i] if i < len(labels) else str(i + 1),
                start=offset,
                end=offset + len(text),
                ocr=raw.ocr,
            )
        )
        parts.append(text)
        offset += len(text)
    info = {}
    try:
        meta = reader.metadata or {}
        if meta.get("/Title") and not _placeholder(str(meta["/Title"])):
            info["title"] = str(meta["/Title"])
        created = meta.get("/CreationDate")
        if created and re.match(r"D:\d{8}", str(created)):
            c = str(created)[2:10]
            info["file_date"] = f"{c[:4]}-{c[4:6]}-{c[6:8]}"
    except Exception:  # noqa: BLE001 - broken metadata must not stop the text from being used
        pass
    return "".join(parts), pages, info


W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
# The docProps/core.xml names for a title and a creation date.
DC_TITLE = "{http://purl.org/dc/elements/1.1/}title"
DC_CREATED = "{http://purl.org/dc/terms/}created"
BIG_MEMBER = 1024 * 1024  # members smaller than this unpack at any ratio: tiny XML compresses very well


def _docx(shown: str, data: bytes, limits: Limits):
    """Read a .docx with lxml's streaming parser, in bounded memory and time (python-docx looks up each
    paragraph's style on its own: 175,000 paragraphs took minutes), with the same text python-docx gives."""
    import zipfile
    import zlib

    from lxml import etree

    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = {m.filename: m for m in archive.infolist()}
    except (zipfile.BadZipFile, ValueError, OSError) as exc:
        raise LoadError(shown, f"is damaged or not a Word .docx file ({exc})") from None
    budget = _check_zip(shown, list(members.values()), limits)
    if "word/document.xml" not in members:
        raise LoadError(shown, "is damaged or not a Word .docx file (it has no word/document.xml)")

    def parse(name: str, events=("end",)):
        return etree.iterparse(
            _Capped(archive.open(members[name]), budget, shown, limits),
            events=events,
            resolve_entities=False,
            no_network=True,
            huge_tree=False,
            remove_comments=True,
            remove_pis=True,
        )

    try:
        styles, default_style = _docx_styles(parse, members)
        lines, heading, elements = [], "", 0
        for _, el in parse("word/document.xml"):
            elements += 1
            if elements > limits.max_xml_elements:
                raise LoadError(
                    shown,
                    f"holds more than {limits.max_xml_elements:,} XML elements, over the limit "
                    "(raise NSSS_MAX_XML_ELEMENTS to ingest it)",
                )
            parent = el.getparent()
            if parent is None or parent.tag != W + "body":
                continue
            if el.tag == W + "p":
                text = _para_text(el)
                if not heading:
                    style = el.find(f"{W}pPr/{W}pStyle")
                    name = styles.get(style.get(W + "val"), default_style) if style is not None else default_style
                    if name.lower().startswith(("heading", "title")):
                        heading = text.strip()
                lines.append(text)
            elif el.tag == W + "tbl":
                lines.extend(_table_lines(el))
            el.clear()
            while el.getprevious() is not None:  # what is read is dropped: memory stays flat
                del parent[0]
        props = _docx_core(parse, members)
    except etree.XMLSyntaxError as exc:
        raise LoadError(shown, f"is damaged or not a Word .docx file ({exc})") from None
    except (zipfile.BadZipFile, EOFError, zlib.error) as exc:
        raise LoadError(shown, f"is damaged or not a Word .docx file ({exc})") from None
    text = _normalize("\n".join(lines)).strip()
    title = props.get("title", "")
    info = {"title": heading if _placeholder(title) else title.strip()}
    if props.get("created"):
        info["file_date"] = props["created"]
    return text, [], info


def _check_zip(shown: str, members: list, limits: Limits) -> list[int]:
    """Refuse a zip with too many members or a suspicious unpacked size; return the unpacked bytes allowed."""
    if len(members) > limits.max_zip_members:
        raise LoadError(
            shown,
            f"holds {len(members):,} files inside, over the limit of {limits.max_zip_members:,} "
            "(raise NSSS_MAX_ZIP_MEMBERS to ingest it)",
        )
    cap = int(limits.max_expanded_mb * 1024 * 1024)
    total = sum(m.file_size for m in members)
    if total > cap:
        raise LoadError(shown, _expanded_reason(total, limits))
    for m in members:
        if m.file_size > BIG_MEMBER and m.file_size > limits.max_zip_ratio * max(m.compress_size, 1):
            raise LoadError(
                shown,
                f"holds {m.filename}, packed {m.file_size / max(m.compress_size, 1):,.0f} to 1, "
                f"over the limit of {limits.max_zip_ratio:g} to 1, as zip bombs are "
                "(raise NSSS_MAX_ZIP_RATIO to ingest it)",
            )
    return [cap]


def _expanded_reason(size: int, limits: Limits) -> str:
    return (
        f"unpacks to {size / 1024 / 1024:,.0f} MB or more, over the {limits.max_expanded_mb:g} MB limit "
        "(raise NSSS_MAX_EXPANDED_MB to ingest it)"
    )


class _Capped:
    """A zip member read through a shared budget of unpacked bytes: sizes in a zip's headers can lie."""

    def __init__(self, stream, budget: list[int], shown: str, limits: Limits):
        self.stream, self.budget, self.shown, self.limits = stream, budget, shown, limits

    def read(self, n: int = -1) -> bytes:
        block = self.stream.read(n if n and n > 0 else 1 << 16)
        self.budget[0] -= len(block)
        if self.budget[0] < 0:
            cap = int(self.limits.max_expanded_mb * 1024 * 1024)
            raise LoadError(self.shown, _expanded_reason(cap, self.limits))
        return block


def _docx_styles(parse, members) -> tuple[dict[str, str], str]:
    """Return paragraph style names by id, and the name of the default paragraph style."""
    names, default = {}, "Normal"
    if "word/styles.xml" not in members:
        return names, default
    for _, el in parse("word/styles.xml"):
        if el.tag != W + "style":
            continue
        name = el.find(W + "name")
        label = name.get(W + "val", "") if name is not None else ""
        names[el.get(W + "styleId", "")] = label
        if el.get(W + "type") == "paragraph" and el.get(W + "default") in ("1", "true", "on"):
            default = label
        el.clear()
    return names, default


def _docx_core(parse, members) -> dict[str, str]:
    """Return the title and creation date (ISO) a .docx's properties hold."""
    props: dict[str, str] = {}
    if "docProps/core.xml" not in members:
        return props
    for _, el in parse("docProps/core.xml"):
        if el.tag == DC_TITLE and el.text:
            props["title"] = el.text
        elif el.tag == DC_CREATED and el.text and re.match(r"\d{4}-\d{2}-\d{2}", el.text.strip()):
            props["created"] = el.text.strip()[:10]
    return props


def _run_text(run) -> str:
    parts = []
    for e in run:
        tag = e.tag
        if tag == W + "t":
            parts.append(e.text or "")
        elif tag in (W + "tab", W + "ptab"):
            parts.append("\t")
        elif tag == W + "br":
            parts.append("\n" if e.get(W + "type", "textWrapping") == "textWrapping" else "")
        elif tag == W + "cr":
            parts.append("\n")
        elif tag == W + "noBreakHyphen":
            parts.append("-")
    return "".join(parts)


def _para_text(p) -> str:
    parts = []
    for child in p:
        if child.tag == W + "r":
            parts.append(_run_text(child))
        elif child.tag == W + "hyperlink":
            parts.extend(_run_text(r) for r in child.iterchildren(W + "r"))
    return "".join(parts)


def _table_lines(tbl) -> list[str]:
    """Return a table's rows as 'cell | cell' lines; a merged cell repeats in each column it covers."""
    lines, above = [], {}
    for tr in tbl.iterchildren(W + "tr"):
        cells, column = [], 0
        for tc in tr.iterchildren(W + "tc"):
            span_el = tc.find(f"{W}tcPr/{W}gridSpan")
            span = (
                int(span_el.get(W + "val", "1")) if span_el is not None and span_el.get(W + "val", "1").isdigit() else 1
            )
            merge = tc.find(f"{W}tcPr/{W}vMerge")
            if merge is not None and merge.get(W + "val", "continue") == "continue" and column in above:
                text = above[column]
            else:
                text = "\n".join(_para_text(p) for p in tc.iterchildren(W + "p"))
            for _ in range(max(1, span)):
                above[column] = text
                cells.append(text.strip())
                column += 1
        lines.append(" | ".join(cells))
    return lines


def _decode(shown: str, data: bytes) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    sample = data[:65536]
    wide = _utf16_without_bom(sample)
    if wide:
        try:
            return data.decode(wide)
        except UnicodeDecodeError:
            pass  # not UTF-16 after all: judged below
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    if b"\x00" in sample or controls > len(sample) * 0.05:
        raise LoadError(shown, "does not look like text (it holds binary data); check the file type")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def _utf16_without_bom(sample: bytes) -> str | None:
    """Recognise UTF-16 without a byte-order mark: every other byte is 0 (Latin text) or 0x09 (Bangla)."""
    if len(sample) < 4:
        return None
    sample = sample[: len(sample) // 2 * 2]
    even, odd = sample[0::2], sample[1::2]

    def high(half: bytes) -> float:
        return (half.count(0) + half.count(9)) / len(half)

    if odd.count(0) + even.count(0) == 0:
        return None
    if high(odd) > 0.9 and even.count(0) / len(even) < 0.05:
        return "utf-16-le"
    if high(even) > 0.9 and odd.count(0) / len(odd) < 0.05:
        return "utf-16-be"
    return None


def _text(shown: str, data: bytes, limits: Limits | None = None):
    return _normalize(_decode(shown, data)).strip(), [], {}


FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n---[ \t]*(?:\n|\Z)", re.S)


def _markdown(shown: str, data: bytes, limits: Limits | None = None):
    import yaml

    text = _normalize(_decode(shown, data))
    info: dict = {}
    match = FRONT_MATTER.match(text)
    if match:
        try:
            meta = yaml.safe_load(match.group(1)) or {}
        except yaml.YAMLError as exc:
            raise LoadError(shown, f"has front matter that is not valid YAML ({exc})") from None
        if isinstance(meta, dict):
            info = {
                k: str(v) for k, v in meta.items() if k in ("title", "date", "kind", "url", "source", "publisher") and v
            }
            if "source" in info:
                source = info.pop("source")
                info.setdefault("url" if _is_url(source) else "publisher", source)
        text = text[match.end() :]
    if "title" not in info:
        heading = re.search(r"^#{1,2}\s+(.+?)\s*#*\s*$", text, re.M)
        if heading:
            info["title"] = heading.group(1)
    return text.strip(), [], info


class _HTMLText(html.parser.HTMLParser):
    BLOCK = {
        "p",
        "div",
        "br",
        "li",
        "tr",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "section",
        "article",
        "table",
        "ul",
        "ol",
        "header",
        "footer",
        "blockquote",
        "pre",
        "title",
    }
    SKIP = {"script", "style", "noscript", "template", "svg"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0
        self.title = ""
        self.h1 = ""
        self._in: str | None = None

    def handle_starttag(self, tag, attrs):
        if tag in self.SKIP:
            self.skip += 1
        if tag in self.BLOCK:
            self.parts.append("\n")
        if tag in ("title", "h1"):
            self._in = tag

    def handle_endtag(self, tag):
        if tag in self.SKIP and self.skip:
            self.skip -= 1
        if tag in self.BLOCK:
            self.parts.append("\n")
        if tag == self._in:
            self._in = None

    def handle_data(self, data):
        if self.skip:
            return
        if self._in == "title":
            self.title += data
            return
        if self._in == "h1":
            self.h1 += data
        self.parts.append(data)


def _html(shown: str, data: bytes, limits: Limits | None = None):
    parser = _HTMLText()
    parser.feed(_decode(shown, data))
    parser.close()
    lines = [" ".join(line.split()) for line in "".join(parser.parts).split("\n")]
    text = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
    return _normalize(text), [], {"title": parser.title.strip() or parser.h1.strip()}


def file_sha256(path: Path) -> str:
    """Hash a file's bytes, to tell whether it changed since it was ingested."""
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def walk(folder: Path) -> tuple[list[Path], list[tuple[str, str]]]:
    """List the files below a folder, following links but never a loop; skip hidden files and the manifest."""
    files, problems, seen = [], [], set()

    def visit(directory: Path):
        try:
            real = directory.resolve(strict=True)
        except (OSError, RuntimeError):
            problems.append((str(directory), "is a symbolic link loop"))
            return
        if real in seen:
            problems.append((str(directory), f"is a symbolic link loop (it leads back to {real})"))
            return
        seen.add(real)
        try:
            entries = sorted(os.scandir(directory), key=lambda e: e.name)
        except OSError as exc:
            problems.append((str(directory), os_reason(exc)))
            return
        for entry in entries:
            if entry.name.startswith(".") or (entry.name == MANIFEST and directory == folder):
                continue
            path = Path(entry.path)
            try:
                is_dir = entry.is_dir()
            except OSError as exc:
                problems.append((str(path), os_reason(exc)))
                continue
            if is_dir:
                visit(path)
            else:
                files.append(path)

    visit(folder)
    return files, problems
