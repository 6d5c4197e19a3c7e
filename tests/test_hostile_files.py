"""Hostile and unlucky files, made by the tests: each fails alone with its path and a reason naming the limit to
raise, the good files beside it are ingested, and nothing costs more than its limits (size, time, memory)."""

import io
import time
import zipfile
from pathlib import Path

import pytest
from nsss.core.settings import Settings
from nsss.ingest.types import Failure

GOOD = "The Old Age Allowance reaches four million elderly people. It is paid through mobile accounts."
BANGLA = "জাতীয় সামাজিক নিরাপত্তা কৌশল সকল নাগরিকের জন্য। Cabinet Division coordinates it."
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def docx_with_body(path: Path, body_xml: str) -> Path:
    """Write a real .docx (made by python-docx) whose body is replaced by the given XML."""
    import docx

    buffer = io.BytesIO()
    docx.Document().save(buffer)
    with zipfile.ZipFile(buffer) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for item in src.infolist():
            data = src.read(item)
            if item.filename == "word/document.xml":
                data = (
                    f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{W_NS}"><w:body>{body_xml}'
                    "</w:body></w:document>"
                ).encode()
            out.writestr(item, data)
    return path


def paragraphs(*texts: str) -> str:
    return "".join(f"<w:p><w:r><w:t>{t}</w:t></w:r></w:p>" for t in texts)


def zip_bomb_docx(path: Path, unpacked_mb: int) -> Path:
    """Write a .docx whose document.xml unpacks to unpacked_mb MB of one repeated letter."""
    import docx

    buffer = io.BytesIO()
    docx.Document().save(buffer)
    with zipfile.ZipFile(buffer) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for item in src.infolist():
            if item.filename != "word/document.xml":
                out.writestr(item, src.read(item))
        with out.open("word/document.xml", "w", force_zip64=True) as fh:
            fh.write(f'<w:document xmlns:w="{W_NS}"><w:body><w:p><w:r><w:t>'.encode())
            block = b"A" * (1 << 20)
            for _ in range(unpacked_mb):
                fh.write(block)
            fh.write(b"</w:t></w:r></w:p></w:body></w:document>")
    return path


def encrypted_pdf(make_pdf, path: Path, user_password: str) -> Path:
    from pypdf import PdfWriter

    make_pdf(path, ["The Employment Generation Programme for the Poorest gives 80 days of work a year."])
    writer = PdfWriter(clone_from=str(path))
    writer.encrypt(user_password=user_password, owner_password="the-owner", algorithm="AES-256")
    writer.write(str(path))
    return path


@pytest.fixture(scope="module")
def hostile(tmp_path_factory, make_pdf, embedder):
    """One folder of hostile files beside good ones, ingested once."""
    from nsss.ingest import ingest

    folder = tmp_path_factory.mktemp("hostile") / "docs"
    folder.mkdir()
    (folder / "good.md").write_text(f"# Good\n\n{GOOD}\n", encoding="utf-8")
    encrypted_pdf(make_pdf, folder / "aes-open.pdf", "")
    encrypted_pdf(make_pdf, folder / "aes-locked.pdf", "secret")
    zip_bomb_docx(folder / "bomb.docx", 260)
    docx_with_body(folder / "empty-paragraphs.docx", "<w:p/>" * 175_000 + paragraphs("The last paragraph speaks."))
    with zipfile.ZipFile(folder / "crowded.docx", "w") as z:
        for i in range(2100):
            z.writestr(f"word/media/{i}.xml", "<x/>")
    (folder / "utf16le.txt").write_bytes(f"{GOOD} Widow allowance too.".encode("utf-16-le"))
    (folder / "utf16be.txt").write_bytes(BANGLA.encode("utf-16-be"))
    started = time.perf_counter()
    report = ingest([folder], Settings(store=folder.parent / "store"), progress=False)
    return folder, report, time.perf_counter() - started


def failure(report, name: str) -> Failure:
    found = [f for f in report.failed if Path(f.path).name == name]
    assert found, f"{name} is not among the failures {report.failed}"
    return found[0]


def test_hostile_files_fail_alone_and_good_files_are_ingested(hostile):
    folder, report, seconds = hostile
    from nsss.core.layout import model_slug
    from nsss.index.store import Store

    store = Store(Settings(store=folder.parent / "store"), model_slug(Settings().embed_model))
    stored = {r.source for r in store.documents()}
    assert stored == {"good.md", "aes-open.pdf", "empty-paragraphs.docx", "utf16le.txt", "utf16be.txt"}
    assert {Path(f.path).name for f in report.failed} == {"aes-locked.pdf", "bomb.docx", "crowded.docx"}
    assert seconds < 60, "no hostile file costs more than a moment"


def test_an_aes_pdf_with_an_empty_password_is_read_and_a_locked_one_is_refused(hostile):
    folder, report, _ = hostile
    from nsss.ingest.load import load

    assert "80 days of work" in load(folder / "aes-open.pdf").text
    assert "password-protected" in failure(report, "aes-locked.pdf").error


def test_a_zip_bomb_docx_is_refused_before_it_is_unpacked(hostile):
    _, report, _ = hostile
    error = failure(report, "bomb.docx").error
    assert "200 MB limit" in error and "NSSS_MAX_EXPANDED_MB" in error


def test_a_docx_with_thousands_of_files_inside_is_refused(hostile):
    _, report, _ = hostile
    error = failure(report, "crowded.docx").error
    assert "2,100 files" in error and "NSSS_MAX_ZIP_MEMBERS" in error


def test_175000_empty_paragraphs_read_in_well_under_a_second(hostile):
    folder, _, _ = hostile
    from nsss.ingest.load import load

    started = time.perf_counter()
    doc = load(folder / "empty-paragraphs.docx")
    assert time.perf_counter() - started < 10  # python-docx took 167 s here; lxml about 0.3 s
    assert doc.text == "The last paragraph speaks."


def test_utf16_without_a_byte_order_mark_is_read_as_text(hostile):
    folder, _, _ = hostile
    from nsss.ingest.load import load

    assert load(folder / "utf16le.txt").text == f"{GOOD} Widow allowance too."
    assert load(folder / "utf16be.txt").text == BANGLA


def test_each_limit_is_a_setting_and_its_refusal_says_how_to_raise_it(tmp_path, make_pdf, embedder):
    from nsss.ingest import ingest

    folder = tmp_path / "docs"
    folder.mkdir()
    make_pdf(folder / "three-pages.pdf", ["One page about pensions.", "Two.", "Three."])
    docx_with_body(folder / "long.docx", paragraphs(*(f"Paragraph {i} on stipends." for i in range(400))))
    (folder / "fine.md").write_text(f"# Fine\n\n{GOOD}\n", encoding="utf-8")
    settings = Settings(store=tmp_path / "store", max_pages=2, max_xml_elements=1000)
    report = ingest([folder], settings, progress=False)
    errors = {Path(f.path).name: f.error for f in report.failed}
    assert set(errors) == {"three-pages.pdf", "long.docx"}
    assert "3 pages" in errors["three-pages.pdf"] and "NSSS_MAX_PAGES" in errors["three-pages.pdf"]
    assert "NSSS_MAX_XML_ELEMENTS" in errors["long.docx"]
    assert report.added == 1

    again = ingest([folder], Settings(store=tmp_path / "store"), progress=False)
    assert not again.failed and again.added == 2, "with the default limits both are read"


def test_a_file_that_reads_too_long_or_too_big_fails_alone(tmp_path, embedder):
    from nsss.ingest import ingest

    folder = tmp_path / "docs"
    folder.mkdir()
    sentence = "The Child Benefit Programme pays mothers of young children every month in every district. "
    (folder / "huge.txt").write_text(sentence * 400_000, encoding="utf-8")  # 36 MB of text
    (folder / "small.md").write_text(f"# Small\n\n{GOOD}\n", encoding="utf-8")

    slow = ingest([folder / "huge.txt"], Settings(store=tmp_path / "s1", max_parse_seconds=0.05), progress=False)
    assert [Path(f.path).name for f in slow.failed] == ["huge.txt"]
    assert "NSSS_MAX_PARSE_SECONDS" in slow.failed[0].error

    tight = ingest([folder], Settings(store=tmp_path / "s2", max_parse_mb=100), progress=False)
    assert [Path(f.path).name for f in tight.failed] == ["huge.txt"]
    assert "NSSS_MAX_PARSE_MB" in tight.failed[0].error
    assert tight.added == 1, "the small file after it is still read"
