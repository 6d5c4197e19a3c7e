"""Show a PDF page as printed: render it (pypdfium2) and draw the quote's lines over it.

`quote_boxes(pdf_page, quote)` is the seam: it finds where a quote sits on a page from the PDF's text layer.
A page read by OCR has no text layer to match; `ocr_locator(sha, number)` gives a function of the same shape
that finds the quote among the words OCR reads on the page, read once per document version and page.
"""

from __future__ import annotations

import base64
import difflib
import io
import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

Box = tuple[float, float, float, float]  # left, bottom, right, top in PDF points (origin bottom-left)
WIDTH = 900  # pixels across the rendered page: sharp on a laptop, light enough to send inline
OCR_PAGES_KEPT = 64  # pages whose OCR words are kept in memory: reading one again takes about a second
# A quote OCR read differently at view time still counts as found when this share of its letters match in order.
MIN_OCR_MATCH = 0.6


@dataclass(frozen=True)
class PageImage:
    """A rendered page: a data: URL of the image, its size, and where the highlight is (0..1 of the height)."""

    src: str
    width: int
    height: int
    boxes: int  # how many highlight rectangles were drawn; 0 when the quote was not found on the page
    focus: float  # the top of the first highlight, as a share of the page height
    left: float = 0.0  # the left edge of the highlights, as a share of the page width


def _letters(text: str) -> tuple[str, list[int]]:
    """Keep letters and digits only (lowercased), with each one's index in the original text."""
    keep, where = [], []
    for i, ch in enumerate(text):
        if ch.isalnum():
            keep.append(ch.lower())
            where.append(i)
    return "".join(keep), where


def quote_boxes(page, quote: str) -> list[Box]:
    """Find a quote on a PDF page from its text layer; return one rectangle per line it covers."""
    textpage = page.get_textpage()
    try:
        count = textpage.count_chars()
        text = textpage.get_text_range(0, count)
        letters, where = _letters(text)
        wanted, _ = _letters(quote)
        if not wanted:
            return []
        found = letters.find(wanted)
        if found < 0:  # the extracted text may differ at the edges: match the longest run of the quote's middle
            probe = wanted[len(wanted) // 4 : len(wanted) // 4 + max(24, len(wanted) // 2)]
            at = letters.find(probe)
            if at < 0:
                return []
            found = max(0, at - len(wanted) // 4)
        first = where[found]
        last = where[min(found + len(wanted), len(where)) - 1]
        rects = textpage.count_rects(first, last - first + 1)
        return [tuple(textpage.get_rect(i)) for i in range(rects)]
    finally:
        textpage.close()


def ocr_boxes(words, quote: str) -> list[Box]:
    """Find a quote among a page's OCR words (ingest.pdf.OcrWord); return one rectangle per line it covers.

    Letters are compared without spaces or punctuation, so a word split at a line end still matches; when OCR read
    a few letters differently, the longest runs that agree in order locate the quote.
    """
    wanted, _ = _letters(quote)
    if not wanted or not words:
        return []
    letters, owner = [], []
    for i, word in enumerate(words):
        kept, _ = _letters(word.text)
        letters.append(kept)
        owner += [i] * len(kept)
    letters = "".join(letters)
    found = letters.find(wanted)
    if found >= 0:
        first, last = found, found + len(wanted) - 1
    else:
        span = _fuzzy_span(letters, wanted)
        if span is None:
            return []
        first, last = span
    lines: dict[int, list[float]] = {}
    for word in words[owner[first] : owner[last] + 1]:
        left, bottom, right, top = word.box
        box = lines.setdefault(word.line, [left, bottom, right, top])
        box[:] = [min(box[0], left), min(box[1], bottom), max(box[2], right), max(box[3], top)]
    return [tuple(box) for _, box in sorted(lines.items())]


def _fuzzy_span(letters: str, wanted: str) -> tuple[int, int] | None:
    """Return the first and last letter of the page's stretch that best matches the quote; None when none does."""
    blocks = difflib.SequenceMatcher(None, letters, wanted, autojunk=False).get_matching_blocks()
    blocks = [b for b in blocks if b.size >= 3]
    if not blocks:
        return None
    anchor = max(blocks, key=lambda b: b.size)
    start = anchor.a - anchor.b  # where the quote would begin on the page, from its longest agreeing run
    slack = len(wanted) // 5
    near = [b for b in blocks if start - slack <= b.a - b.b <= start + slack]
    if sum(b.size for b in near) < MIN_OCR_MATCH * len(wanted):
        return None
    return near[0].a, near[-1].a + near[-1].size - 1


_ocr_cache: OrderedDict[tuple[str, int], tuple] = OrderedDict()
_ocr_lock = threading.Lock()


def ocr_locator(sha256: str, number: int) -> Callable[[object, str], list[Box]]:
    """Return a locate function for an OCR'd page: its words are read once per document version and page."""

    def locate(page, quote: str) -> list[Box]:
        key = (sha256, number)
        with _ocr_lock:
            words = _ocr_cache.get(key)
            if words is not None:
                _ocr_cache.move_to_end(key)
        if words is None:
            from nsss.ingest.pdf import ocr_words

            words = ocr_words(page)
            with _ocr_lock:
                _ocr_cache[key] = words
                while len(_ocr_cache) > OCR_PAGES_KEPT:
                    _ocr_cache.popitem(last=False)
        return ocr_boxes(words, quote)

    return locate


def render_page(
    path: Path, number: int, quote: str, locate: Callable[[object, str], list[Box]] = quote_boxes
) -> PageImage | None:
    """Render page `number` (1-based) of a PDF with the quote's lines highlighted; None if the file is unreadable."""
    import pypdfium2 as pdfium
    from PIL import Image, ImageDraw

    try:
        pdf = pdfium.PdfDocument(str(path))
    except (pdfium.PdfiumError, OSError):
        return None
    try:
        if not 1 <= number <= len(pdf):
            return None
        page = pdf[number - 1]
        width, height = page.get_size()
        scale = WIDTH / width
        boxes = locate(page, quote) if quote.strip() else []
        image = page.render(scale=scale).to_pil().convert("RGB")
    finally:
        pdf.close()
    layer = Image.new("RGBA", image.size, (0, 0, 0, 0))
    draw = ImageDraw.Draw(layer)
    tops, lefts = [], []
    for left, bottom, right, top in boxes:
        x0, x1 = left * scale - 2, right * scale + 2
        y0, y1 = (height - top) * scale - 2, (height - bottom) * scale + 2
        draw.rectangle((x0, y0, x1, y1), fill=(253, 224, 71, 110), outline=(217, 119, 6, 200), width=1)
        tops.append(y0)
        lefts.append(x0)
    image = Image.alpha_composite(image.convert("RGBA"), layer).convert("RGB")
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=78, optimize=True)
    src = "data:image/jpeg;base64," + base64.b64encode(buffer.getvalue()).decode()
    focus = min(tops) / image.height if tops else 0.0
    left = min(lefts) / image.width if lefts else 0.0
    return PageImage(src, image.width, image.height, len(boxes), round(focus, 4), round(left, 4))
