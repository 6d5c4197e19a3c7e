"""Make the PDFs the public makes: browser-printed Bangla, scans with noise and skew, Bijoy (SutonnyMJ) and long
reports with running headers, for the tests and for eval/bench/pdf.py."""

from __future__ import annotations

import html
import random
import subprocess
import tempfile
import textwrap
from pathlib import Path

from nsss.eval.bench import CHROMIUM

LOHIT = "/usr/share/fonts/truetype/lohit-bengali/Lohit-Bengali.ttf"
NOTO_SERIF = "/usr/share/fonts/truetype/noto/NotoSerifBengali-Regular.ttf"
DEJAVU = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"

# Source texts: what a reader sees on each page.
BANGLA_PAGES = [
    [
        (
            "Lohit Bengali",
            "নেত্রকোনা জেলার মদন উপজেলায় বয়স্ক ভাতা বিতরণ করা হয়েছে। উপজেলা নির্বাহী অফিসার অনুষ্ঠানে প্রধান অতিথি ছিলেন।",
        ),
        (
            "Lohit Bengali",
            "জাতীয় সামাজিক নিরাপত্তা কৌশল প্রণয়ন একটি বাস্তবমুখী পদক্ষেপ। এই কৌশলের লক্ষ্য দরিদ্র ও ঝুঁকিপূর্ণ মানুষকে সুরক্ষা দেওয়া।",
        ),
    ],
    [
        ("Noto Serif Bengali", "সামাজিক নিরাপত্তা কর্মসূচি সংক্রান্ত উপদেষ্টা কমিটি গঠন করেছে সরকার। অর্থ উপদেষ্টা এই কমিটির সভাপতি।"),
        ("Noto Serif Bengali", "The Cabinet Division coordinates the social security programmes of the ministries."),
        ("Noto Serif Bengali", "কমিটি বয়স্ক ভাতা, বিধবা ভাতা ও প্রতিবন্ধী ভাতা কর্মসূচির অগ্রগতি পর্যালোচনা করবে।"),
    ],
]
ENGLISH_PAGE = [
    (
        "Liberation Serif",
        "The Central Management Committee meets twice a year to review the progress of the social security programmes.",
    ),
    ("Liberation Serif", "Its member secretary is the Additional Secretary for Coordination of the Cabinet Division."),
]
# Bijoy text typed in SutonnyMJ, with what a reader sees once it is converted.
BIJOY_LINES = [
    ("‡Mvcvjcyi Dc‡Rjvq eq¯‹ fvZv weZiY Kiv n‡q‡Q|", "গোপালপুর উপজেলায় বয়স্ক ভাতা বিতরণ করা হয়েছে।"),
    ("wefvMxq Kwgkbvi 250 Rb DcKvi‡fvMx‡K fvZv w`‡q‡Qb|", "বিভাগীয় কমিশনার ২৫০ জন উপকারভোগীকে ভাতা দিয়েছেন।"),
]
BIJOY_MIXED = ("In 2019 the ", "RvZxq mvgvwRK wbivcËv †KŠkj", " was reviewed by 250 officers of the Cabinet Division.")
BIJOY_MIXED_SEEN = "In 2019 the জাতীয় সামাজিক নিরাপত্তা কৌশল was reviewed by 250 officers of the Cabinet Division."


def page_source(blocks) -> str:
    """Return the text a reader sees on a page made of (font, paragraph) blocks."""
    return "\n".join(text for _, text in blocks)


def have_chromium() -> bool:
    """Say whether Chromium and the two Bangla fonts the samples use are installed."""
    return all(Path(p).is_file() for p in (CHROMIUM, LOHIT, NOTO_SERIF))


def chromium_pdf(pages, out: Path) -> Path:
    """Print pages of (font, paragraph) blocks to a PDF with Chromium, one page each, the way a browser user does."""
    body = []
    for blocks in pages:
        paras = "".join(f"<p style=\"font-family:'{font}'\">{html.escape(text)}</p>" for font, text in blocks)
        body.append(f'<section style="page-break-after:always">{paras}</section>')
    doc = (
        '<html><head><meta charset="utf-8"><style>body{font-size:15pt;line-height:1.5;margin:0}'
        "@page{size:A4;margin:2cm}</style></head><body>" + "".join(body) + "</body></html>"
    )
    with tempfile.TemporaryDirectory(prefix="nsss-print-") as tmp:
        page = Path(tmp) / "page.html"
        page.write_text(doc, encoding="utf-8")
        subprocess.run(
            [
                CHROMIUM,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--no-first-run",
                "--disable-extensions",
                "--disable-background-networking",
                "--disable-component-update",
                f"--user-data-dir={tmp}/profile",
                "--no-pdf-header-footer",
                f"--print-to-pdf={out}",
                page.as_uri(),
            ],
            check=True,
            capture_output=True,
            timeout=120,
        )
    return Path(out)


def scanned_pdf(
    source: Path, out: Path, *, skew: float = 1.2, noise: float = 0.02, dpi: int = 200, seed: int = 7
) -> Path:
    """Turn a PDF into what a scanner gives: each page an image, slightly turned, with specks; no text layer."""
    import numpy as np
    import pypdfium2
    from PIL import Image

    rng = np.random.default_rng(seed)
    images = []
    pdf = pypdfium2.PdfDocument(str(source))
    try:
        for i, page in enumerate(pdf):
            image = page.render(scale=dpi / 72, grayscale=True).to_pil().convert("L")
            image = image.rotate(skew * (1 if i % 2 == 0 else -1), resample=Image.BICUBIC, expand=False, fillcolor=255)
            pixels = np.asarray(image, dtype=np.int16)
            pixels = pixels + rng.normal(0, 18, pixels.shape).astype(np.int16)  # sensor grain
            specks = rng.random(pixels.shape) < noise / 10  # dust
            pixels[specks] = 0
            images.append(Image.fromarray(np.clip(pixels, 0, 255).astype(np.uint8)))
    finally:
        pdf.close()
    images[0].save(out, "PDF", resolution=dpi, save_all=True, append_images=images[1:])
    return Path(out)


def noise_page_pdf(out: Path, text_pages: list[str], noise_at: int, seed: int = 3) -> Path:
    """Write a PDF of text pages with, at index noise_at, a page that is a photo of nothing (pure noise)."""
    import numpy as np
    from PIL import Image
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    rng = np.random.default_rng(seed)
    photo = Image.fromarray((rng.random((600, 450)) * 255).astype(np.uint8))
    pdf = canvas.Canvas(str(out), pagesize=(595, 842), invariant=1)
    pages = list(text_pages)
    pages.insert(noise_at, None)
    for page in pages:
        if page is None:
            pdf.drawImage(ImageReader(photo), 50, 150, 450, 600)
        else:
            _draw_lines(pdf, textwrap.wrap(page, 90), 50, 790, "Helvetica", 11)
        pdf.showPage()
    pdf.save()
    return Path(out)


def sutonny_font(folder: Path) -> Path:
    """Return a TrueType font named SutonnyMJ (DejaVu Sans renamed): what a PDF typed in Bijoy embeds."""
    from fontTools.ttLib import TTFont

    path = Path(folder) / ".SutonnyMJ.ttf"  # hidden: ingesting the folder skips it
    if not path.exists():
        font = TTFont(DEJAVU)
        for record in font["name"].names:
            if record.nameID in (1, 3, 4, 6):
                record.string = "SutonnyMJ"
        font.save(str(path))
    return path


def bijoy_pdf(out: Path) -> Path:
    """Write a PDF typed in SutonnyMJ (Bijoy-encoded Bangla) with an English line whose middle run is Bijoy."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(TTFont("SutonnyMJ", str(sutonny_font(Path(out).parent))))
    pdf = canvas.Canvas(str(out), pagesize=(595, 842), invariant=1)
    y = 780
    for bijoy, _ in BIJOY_LINES:
        pdf.setFont("SutonnyMJ", 13)
        pdf.drawString(60, y, bijoy)
        y -= 24
    line = pdf.beginText(60, y)
    for font, text in zip(("Helvetica", "SutonnyMJ", "Helvetica"), BIJOY_MIXED):
        line.setFont(font, 11)
        line.textOut(text)
    pdf.drawText(line)
    pdf.showPage()
    pdf.save()
    return Path(out)


def bijoy_source() -> str:
    """Return what a reader sees on the Bijoy sample's page."""
    return "\n".join([*(seen for _, seen in BIJOY_LINES), BIJOY_MIXED_SEEN])


def two_column_pdf(out: Path, left: list[str], right: list[str]) -> Path:
    """Write a page in two columns, drawn line by line across both, as many layout programs write them."""
    from reportlab.pdfgen import canvas

    pdf = canvas.Canvas(str(out), pagesize=(595, 842), invariant=1)
    pdf.setFont("Helvetica-Bold", 14)
    pdf.drawString(50, 800, "Cluster meeting report")
    pdf.setFont("Helvetica", 10)
    lines_l = [w for p in left for w in textwrap.wrap(p, 45)]
    lines_r = [w for p in right for w in textwrap.wrap(p, 45)]
    y = 770
    for a, b in zip(lines_l + [""] * (len(lines_r) - len(lines_l)), lines_r + [""] * (len(lines_l) - len(lines_r))):
        if a:
            pdf.drawString(50, y, a)
        if b:
            pdf.drawString(310, y, b)
        y -= 14
    pdf.showPage()
    pdf.save()
    return Path(out)


LONG_HEADER = "NSSS Action Plan Phase II: Progress Review"
LONG_FOOTER = "Cabinet Division, Government of Bangladesh"


def long_paragraph(n: int) -> str:
    """Return the body of page n of the long report: unique, citable sentences."""
    rng = random.Random(n)
    topic = rng.choice(
        [
            "old age allowance",
            "primary stipend",
            "disability allowance",
            "child benefit",
            "employment generation programme",
            "vulnerable women benefit",
        ]
    )
    return (
        f"Finding {n}. In district {n % 64 + 1} the {topic} reached {1000 + 37 * n} beneficiaries in "
        f"fiscal year 20{10 + n % 15}. The monitoring team recorded {n * 3 % 97} complaints, of which "
        f"{n % 11} remained open at the end of the quarter. Payments moved to mobile accounts in "
        f"{n % 12 + 1} upazilas, and the cost per transfer fell to Tk {5 + n % 9}."
    )


def long_pdf(out: Path, pages: int = 200, front: int = 4) -> Path:
    """Write a long report: roman-numbered front matter, running header and footer, page numbers, hyphenation."""
    from pypdf import PdfWriter
    from reportlab.pdfgen import canvas

    romans = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x"]
    pdf = canvas.Canvas(str(out), pagesize=(595, 842), invariant=1)
    for i in range(pages):
        label = romans[i] if i < front else str(i - front + 1)
        pdf.setFont("Helvetica", 8)
        pdf.drawString(50, 810, LONG_HEADER)
        lines = textwrap.wrap(long_paragraph(i + 1), 80)
        # A word hyphenated at a line end, as typeset reports do.
        lines = [*lines, "The data come from the pro-", "gramme's management information system."]
        _draw_lines(pdf, lines, 50, 770, "Helvetica", 11)
        pdf.setFont("Helvetica", 8)
        pdf.drawString(50, 40, LONG_FOOTER)
        pdf.drawString(520, 40, label)
        pdf.showPage()
    pdf.save()
    writer = PdfWriter(clone_from=str(out))
    writer.set_page_label(0, front - 1, style="/r", start=1)
    writer.set_page_label(front, pages - 1, style="/D", start=1)
    writer.write(str(out))
    return Path(out)


def _draw_lines(pdf, lines, x, y, font, size):
    text = pdf.beginText(x, y)
    text.setFont(font, size)
    for line in lines:
        text.textLine(line)
    pdf.drawText(text)


def cer(seen: str, source: str) -> float:
    """Character error rate: edits to turn the text read into the source text, over the source's length.

    Whitespace runs count as one space, so line breaks do not count as errors.
    """
    a, b = " ".join(seen.split()), " ".join(source.split())
    if not b:
        return float(bool(a))
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1] / len(b)


def word_recall(seen: str, source: str) -> float:
    """Share of the source's words found, in order-free counting, in the text read."""
    from collections import Counter

    have = Counter(seen.split())
    want = source.split()
    hit = 0
    for word in want:
        if have[word] > 0:
            have[word] -= 1
            hit += 1
    return hit / len(want) if want else 1.0
