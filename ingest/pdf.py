"""Turn each PDF page into the text a reader sees: the text layer, repaired or converted from Bijoy, or OCR."""

from __future__ import annotations

import logging
import re
import sys
import unicodedata
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from nsss.ingest import bangla

TESSDATA = Path(__file__).resolve().parent / "tessdata"
OCR_LANGS = "ben+eng"
OCR_DPI = 300  # for pages drawn, not scanned; a scan is read at its own resolution
# A text layer with fewer letters than this is a scan with, at most, a stamped line on it.
MIN_LETTERS = 20
# Below this mean word confidence (0-100), what OCR read on a page is noise, not text.
MIN_OCR_CONFIDENCE = 45
# At or above this, a reading is taken as it is; below it, the page is read again without scanner specks.
SURE_OCR_CONFIDENCE = 88
PAGE_NUMBER = re.compile(r"(?i)^[\s\-–—|]*(?:page\s*)?(?:\d+|[ivxlcdm]+|[০-৯]+)(?:\s*(?:of|/)\s*\d+)?[\s\-–—|]*$")
HYPHENATED = re.compile(r"([A-Za-z])-[ \t]*\n[ \t]*([a-z])")
log = logging.getLogger("nsss.ingest")


@dataclass(frozen=True)
class PageText:
    """One page's text and the path that produced it: text, repaired, bijoy, ocr, or empty."""

    text: str
    path: str
    problem: str = ""

    @property
    def ocr(self) -> bool:
        return self.path == "ocr"


def read_pages(shown: str, reader, data: bytes, *, ocr: bool = True) -> list[PageText]:
    """Read every page of an open pypdf reader; a page that cannot be read is left empty and reported alone."""
    pages: list[PageText] = []
    wanted: list[int] = []
    for number, page in enumerate(reader.pages, 1):
        try:
            found = _text_layer(page)
        except Exception as exc:  # noqa: BLE001 - one damaged page must not lose the others
            found = PageText("", "empty", f"its text layer cannot be read ({exc})")
        if found.path in ("ocr", "empty"):  # OCR may read a page whose text layer is damaged, too
            wanted.append(number - 1)
        pages.append(found)
    if wanted and ocr:
        for i, result in _ocr_pages(shown, data, wanted):
            layer = pages[i].text
            if _letters(layer) and _letters(result.text) <= _letters(layer) // 2:
                # A short text layer (a title page) or a broken one OCR could not better: keep what there is.
                pages[i] = PageText(layer, "text")
            elif result.text.strip() or not pages[i].problem:
                pages[i] = result
    else:
        # OCR is off: a broken Bangla layer is kept as it is, a page of images has no text.
        pages = [PageText(p.text, "text", p.problem) if p.path == "ocr" else p for p in pages]
    for number, page in enumerate(pages, 1):
        if page.problem:
            log.warning("%s: page %d %s; the other pages are kept", shown, number, page.problem)
    texts = strip_running_lines([p.text for p in pages])
    return [PageText(_tidy(t), p.path, p.problem) for t, p in zip(texts, pages)]


def _letters(text: str) -> int:
    return sum(ch.isalpha() for ch in text)


def _text_layer(page) -> PageText:
    """Read a page's text layer run by run; convert Bijoy runs; say when OCR is needed instead."""
    runs: list[tuple[str, str, float, float, float]] = []

    def visit(text, cm, tm, font, size):
        if not text:
            return
        name = str((font or {}).get("/BaseFont", ""))
        x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
        y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
        runs.append((text, name, x, y, float(size or 0) * abs(tm[0] or 1)))

    stream_text = page.extract_text(visitor_text=visit) or ""
    bijoy = any(bangla.is_bijoy_font(r[1]) for r in runs)
    if bijoy:
        runs = [(bangla.from_bijoy(t) if bangla.is_bijoy_font(f) else t, f, x, y, s) for t, f, x, y, s in runs]
    width = float(page.mediabox.width)
    text = _columns(runs, width) or ("".join(r[0] for r in runs) if bijoy else stream_text)
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    if _letters(text) < MIN_LETTERS:
        return PageText(text.replace("\x00", ""), "ocr")
    if bangla.is_broken(text):
        if bangla.visual_order(text):
            fixed = bangla.repair(text)
            if not bangla.is_broken(fixed):
                return PageText(fixed, "repaired")
        return PageText(text.replace("\x00", ""), "ocr")
    return PageText(text.replace("\x00", ""), "bijoy" if bijoy else "text")


def _columns(runs, width: float) -> str:
    """Rebuild a two-column page left column first; return "" when the page is not in two columns."""
    if width <= 0:
        return ""
    mid = width / 2
    lines: dict[int, list] = {}
    for run in runs:
        if run[0].strip():
            lines.setdefault(round(run[3] / 2), []).append(run)
    left = right = both = 0
    for line in lines.values():
        starts = [r[2] for r in line]
        has_left = any(x < mid - 0.05 * width for x in starts)
        has_right = any(x >= mid for x in starts)
        # A left-column run that reaches past the middle is a line across the page, not a column.
        crosses = any(r[2] < mid and r[2] + 0.5 * r[4] * len(r[0]) > mid + 0.05 * width for r in line)
        left += has_left
        right += has_right
        both += has_left and has_right and not crosses
    if both < 4 or both < 0.5 * min(left, right):
        return ""
    out = []
    for side in (lambda x: x < mid, lambda x: x >= mid):
        keyed = sorted((r for r in runs if r[0].strip() and side(r[2])), key=lambda r: (-round(r[3] / 2), r[2]))
        previous = None
        for text, _font, _x, y, _s in keyed:
            row = round(y / 2)
            if previous is not None:
                out.append(" " if row == previous else "\n")
            out.append(text.strip())
            previous = row
        out.append("\n\n")
    return "".join(out).strip()


def _ocr_pages(shown: str, data: bytes, indexes: list[int]):
    """Render pages and read them with Tesseract (Bangla and English); yield (index, PageText) as each is read."""
    try:
        import pypdfium2
        import tesserocr
        from tqdm import tqdm
    except ImportError as exc:
        for i in indexes:
            yield (
                i,
                PageText(
                    "",
                    "empty",
                    f"needs OCR, but the OCR engine is not installed ({exc}); "
                    "reinstall the project with `pip install -e .`",
                ),
            )
        return
    pdf = pypdfium2.PdfDocument(data)
    try:
        with tesserocr.PyTessBaseAPI(path=str(TESSDATA), lang=OCR_LANGS) as api:
            bar = tqdm(indexes, desc=f"OCR {Path(shown).name}", unit="page", file=sys.stderr, disable=None, leave=False)
            for i in bar:
                try:
                    reading = _read_page(api, pdf[i])
                except Exception as exc:  # noqa: BLE001 - a page OCR cannot read fails alone
                    yield i, PageText("", "empty", f"could not be read by OCR ({exc})")
                    continue
                if reading is None:  # a blank page
                    yield i, PageText("", "empty")
                    continue
                text, confidence = reading
                if not _readable(text, confidence):
                    yield i, PageText("", "empty", "holds an image with no readable text")
                    continue
                yield i, PageText(_ocr_fixes(text), "ocr")
    finally:
        pdf.close()


def _read_page(api, page) -> tuple[str, int] | None:
    """OCR a page at its scan's own resolution (300 dpi for drawn text); when unsure, again without specks, then at 300.

    A scan scaled up defeats Tesseract's layout analysis: a 200-dpi scan turned 1.2 degrees, rendered at 300 dpi,
    gave no text at all, and read without an error at 200 dpi.
    """
    best = ("", -1)
    native, has_image = _scan_dpi(page)
    if not has_image and next(iter(page.get_objects(max_depth=1)), None) is None:
        return None  # a blank page: nothing to read
    # At most three readings: the scan's own resolution, again without specks, then 300 dpi if that was not it.
    attempts = [(native, False), (native, True)] + ([(OCR_DPI, False)] if native != OCR_DPI else [])
    for dpi, despeckle in attempts:
        image = page.render(scale=dpi / 72, grayscale=True).to_pil()
        if despeckle:
            from PIL import ImageFilter

            # Scanner specks break letters apart; a 3-pixel median filter removes them and keeps strokes.
            image = image.filter(ImageFilter.MedianFilter(3))
        api.SetImage(image)
        text, confidence = api.GetUTF8Text() or "", api.MeanTextConf()
        if _readable(text, confidence) and confidence >= SURE_OCR_CONFIDENCE:
            return text, confidence
        # Confidence is over the words found; a reading that lost a line can still be sure of the rest.
        best = max(best, (text, confidence), key=lambda r: _letters(r[0]) * r[1])
        if despeckle and _readable(*best):
            return best
    return best


def _scan_dpi(page) -> int:
    """Return the resolution of the image covering most of a page (else 300), and whether it has any image."""
    import pypdfium2.raw as pdfium_c

    area = float(page.get_width() * page.get_height()) or 1.0
    best = (0.0, OCR_DPI)
    has_image = False
    for obj in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE], max_depth=2):
        has_image = True
        left, bottom, right, top = obj.get_bounds()
        width_px, _ = obj.get_px_size()
        cover = (right - left) * (top - bottom) / area
        if cover > 0.5 and right > left and cover > best[0]:
            best = (cover, int(min(400, max(150, round(width_px / ((right - left) / 72) / 50) * 50))))
    return best[1], has_image


def _readable(text: str, confidence: int) -> bool:
    return _letters(text) >= MIN_LETTERS // 2 and confidence >= MIN_OCR_CONFIDENCE


def _ocr_fixes(text: str) -> str:
    """Undo Tesseract's usual Bangla slips: a bar for the danda, the currency sign ৷ for the vowel sign া."""
    text = re.sub(r"(?<=[\u0980-\u09FF])[ \t]*[|।](?=\s|$)", "।", text)
    text = re.sub(r"(?<=[\u0995-\u09B9])\u09F7", "\u09be", text)
    return unicodedata.normalize("NFC", text)


def strip_running_lines(pages: list[str]) -> list[str]:
    """Drop running headers, footers and page numbers: edge lines repeated across pages, numbers alone."""
    split = [[line for line in text.split("\n")] for text in pages]
    edges: list[list[int]] = []
    counts: Counter[str] = Counter()
    for lines in split:
        filled = [i for i, line in enumerate(lines) if line.strip()]
        edge = sorted(set(filled[:2] + filled[-2:]))
        edges.append(edge)
        counts.update({_shape(lines[i]) for i in edge})
    with_text = sum(1 for lines in split if any(line.strip() for line in lines))
    repeated = max(3, 0.3 * with_text)
    out = []
    for lines, edge in zip(split, edges):
        drop = {
            i
            for i in edge
            if counts[_shape(lines[i])] >= repeated
            and len(pages) >= 3
            or (PAGE_NUMBER.match(lines[i]) and len(pages) >= 2)
        }
        out.append("\n".join(line for i, line in enumerate(lines) if i not in drop))
    return out


def _shape(line: str) -> str:
    """Reduce a line to its shape, so `Page 3` and `Page 4`, `- iv -` and `- v -` compare equal."""
    line = re.sub(r"[0-9০-৯]+", "#", line.strip().lower())
    return re.sub(r"\b[ivxlcdm]+\b", "#", " ".join(line.split()))


def _tidy(text: str) -> str:
    """Join words hyphenated at a line end, squeeze spaces, drop blank runs; keep paragraphs."""
    text = HYPHENATED.sub(r"\1\2", text)
    text = re.sub(r"[ \t\u00A0]+", " ", text)
    text = re.sub(r" *\n *", "\n", text)
    text = re.sub(r"\n{3,}", "\n\n", text)
    return text.replace("\ufeff", "").strip()
