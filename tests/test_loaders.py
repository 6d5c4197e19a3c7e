"""Loaders and chunking on real files made by the tests: pages, labels, titles, encodings, Bangla, chunk windows."""

import unicodedata
from pathlib import Path

import pytest
from nsss.core.layout import model_slug
from nsss.core.settings import BUNDLED_CORPUS
from nsss.index.store import Store
from nsss.ingest import chunk, ingest, load
from nsss.ingest.chunk import embedding_text
from nsss.ingest.load import read_manifest

BANGLA = "জাতীয় সামাজিক নিরাপত্তা কৌশল বাস্তবায়নে মন্ত্রণালয়গুলোর মধ্যে সমন্বয় জরুরি। বয়স্ক ভাতা ও বিধবা ভাতার উপকারভোগীর সংখ্যা বেড়েছে।"
# The same sentences with য় written as য + nukta, and decomposed vowel signs: what some tools save.
BANGLA_DECOMPOSED = unicodedata.normalize("NFD", BANGLA).replace("\u09df", "\u09af\u09bc")


def sentences(topic: str, n: int) -> str:
    """Return n distinct, numbered English sentences about a topic."""
    return " ".join(
        f"Sentence {topic} {i}: Mr. Karim says the allowance for {topic} grew by {i} percent in {2000 + i}."
        for i in range(n)
    )


def only(docs_or_chunks, word):
    """Return the single item whose text holds a word."""
    found = [x for x in docs_or_chunks if word in x.text]
    assert len(found) == 1, f"{word!r} is in {len(found)} items"
    return found[0]


# PDF ------------------------------------------------------------------------------------------------


def test_pdf_pages_are_1_based_and_keep_printed_labels(tmp_path, make_pdf, embedder):
    pages = [
        "Foreword. The marker alphafront is on the first page.",
        "Contents. The marker betafront is on the second page.",
        "Chapter one. The marker gammabody is on the third page. " + sentences("gamma", 40),
        "Chapter two. The marker deltabody is on the fourth page.",
    ]
    # Front matter numbered i, ii; the body restarts at 1, as printed books do.
    path = make_pdf(tmp_path / "report.pdf", pages, labels=((0, 1, "/r", 1), (2, 3, "/D", 1)))

    doc = load(path, tmp_path)

    assert [(p.number, p.label) for p in doc.pages] == [(1, "i"), (2, "ii"), (3, "1"), (4, "2")]
    for page, marker in zip(doc.pages, ["alphafront", "betafront", "gammabody", "deltabody"], strict=True):
        assert marker in doc.text[page.start : page.end]
    chunks = chunk([doc], embedder.count_tokens, embedder.max_tokens)
    where = {
        m: (only(chunks, m).page, only(chunks, m).page_label)
        for m in ["alphafront", "betafront", "gammabody", "deltabody"]
    }
    assert where == {"alphafront": (1, "i"), "betafront": (2, "ii"), "gammabody": (3, "1"), "deltabody": (4, "2")}
    third = [c for c in chunks if c.page == 3]
    assert len(third) > 1, "the long third page should need several chunks"
    for c in chunks:
        page = doc.pages[c.page - 1]
        assert page.start <= c.start < c.end <= page.end, "a chunk must not run across pages"


def test_pdf_without_labels_cites_the_viewer_page_and_no_label(tmp_path, make_pdf, embedder):
    path = make_pdf(tmp_path / "plain.pdf", ["First page words here.", "Second page has markerzeta in it."])
    chunks = chunk([load(path, tmp_path)], embedder.count_tokens, embedder.max_tokens)
    hit = only(chunks, "markerzeta")
    assert (hit.page, hit.page_label) == (2, "")


def test_pdf_title_from_metadata_else_file_name(tmp_path, make_pdf):
    titled = make_pdf(tmp_path / "a-report.pdf", ["Some text."], title="Annual Progress Report 2023")
    untitled = make_pdf(tmp_path / "mid-term_review.pdf", ["Some text."])
    placeholder = make_pdf(tmp_path / "budget-brief.pdf", ["Some text."], title="untitled")

    assert load(titled, tmp_path).title == "Annual Progress Report 2023"
    assert load(untitled, tmp_path).title == "mid term review"
    assert load(placeholder, tmp_path).title == "budget brief"


# DOCX -----------------------------------------------------------------------------------------------


def make_docx(path: Path, core_title: str = "", heading: str = "") -> Path:
    import docx

    document = docx.Document()
    document.core_properties.title = core_title
    document.add_paragraph("An opening line before any heading.")
    if heading:
        document.add_heading(heading, level=1)
    document.add_paragraph("The committee met in Dhaka. " + BANGLA)
    table = document.add_table(rows=2, cols=2)
    for (r, c), value in {
        (0, 0): "Programme",
        (0, 1): "Beneficiaries",
        (1, 0): "Old Age Allowance",
        (1, 1): "5.8 million",
    }.items():
        table.cell(r, c).text = value
    document.add_paragraph("Closing remarks.")
    document.save(str(path))
    return path


def test_docx_title_from_core_properties_then_first_heading_then_file_name(tmp_path):
    core = load(make_docx(tmp_path / "one.docx", core_title="Core Title", heading="Heading Title"), tmp_path)
    heading = load(make_docx(tmp_path / "two.docx", heading="Heading Title"), tmp_path)
    bare = load(make_docx(tmp_path / "meeting_notes.docx"), tmp_path)

    assert (core.title, heading.title, bare.title) == ("Core Title", "Heading Title", "meeting notes")


def test_docx_keeps_tables_and_bangla(tmp_path):
    doc = load(make_docx(tmp_path / "table.docx", heading="Beneficiaries"), tmp_path)

    assert "Old Age Allowance | 5.8 million" in doc.text
    assert doc.text.index("The committee met") < doc.text.index("Old Age Allowance") < doc.text.index("Closing")
    assert BANGLA in doc.text
    assert doc.format == "docx" and doc.pages == ()


# HTML, Markdown, text -------------------------------------------------------------------------------


def test_html_drops_script_and_style_and_takes_title(tmp_path):
    path = tmp_path / "page.html"
    path.write_text(
        "<!doctype html><html><head><title>Cash Transfers &amp; Stipends</title>"
        "<style>.hidden { color: red }</style><script>var tracker = 'secretvalue';</script></head>"
        "<body><h1>Main heading</h1><p>Mothers receive the allowance &mdash; monthly.</p>"
        "<noscript>Enable javascript</noscript><ul><li>First item</li><li>Second item</li></ul></body></html>",
        encoding="utf-8",
    )
    doc = load(path, tmp_path)

    assert doc.title == "Cash Transfers & Stipends"
    assert "Mothers receive the allowance \u2014 monthly." in doc.text
    assert "First item" in doc.text and "Second item" in doc.text
    for hidden in ("secretvalue", "color", "Enable javascript", "<p>"):
        assert hidden not in doc.text


def test_markdown_front_matter_becomes_metadata_not_text(tmp_path):
    path = tmp_path / "news.md"
    path.write_text(
        '---\ntitle: "Allowances Rise in the Budget"\ndate: 2023-06-01\nkind: news\n'
        "source: https://example.org/budget\n---\n\n# A different heading\n\nThe budget raised allowances.\n",
        encoding="utf-8",
    )
    doc = load(path, tmp_path)

    assert (doc.title, doc.date, doc.kind, doc.url) == (
        "Allowances Rise in the Budget",
        "2023-06-01",
        "news",
        "https://example.org/budget",
    )
    assert doc.text.startswith("# A different heading")
    for leaked in ("---", "title:", "https://example.org", "kind: news"):
        assert leaked not in doc.text


def test_markdown_with_broken_front_matter_is_refused_by_name(tmp_path):
    from nsss.ingest.types import LoadError

    path = tmp_path / "broken.md"
    path.write_text("---\ntitle: [unclosed\n---\n\nBody text.\n", encoding="utf-8")
    with pytest.raises(LoadError) as refused:
        load(path, tmp_path)
    assert "broken.md" in str(refused.value) and "not valid YAML" in refused.value.reason


@pytest.mark.parametrize(
    "name, data",
    [
        ("utf8.txt", "Café – “quoted” text, and Taka ৳ 500.".encode()),
        ("bom.txt", b"\xef\xbb\xbf" + "Café – “quoted” text, and Taka ৳ 500.".encode()),
    ],
)
def test_text_utf8_with_and_without_bom(tmp_path, name, data):
    (tmp_path / name).write_bytes(data)
    assert load(tmp_path / name, tmp_path).text == "Café – “quoted” text, and Taka ৳ 500."


def test_text_legacy_cp1252(tmp_path):
    (tmp_path / "legacy.txt").write_bytes("Café – “quoted” text, 50 €.".encode("cp1252"))
    assert load(tmp_path / "legacy.txt", tmp_path).text == "Café – “quoted” text, 50 €."


@pytest.mark.parametrize("suffix", [".txt", ".md", ".html"])
def test_bangla_comes_through_intact_to_the_stored_chunk(tmp_path, settings, suffix):
    folder = tmp_path / "docs"
    folder.mkdir()
    body = f"# শিরোনাম\n\n{BANGLA_DECOMPOSED}\n" if suffix == ".md" else BANGLA_DECOMPOSED
    if suffix == ".html":
        body = f"<html><body><p>{BANGLA_DECOMPOSED}</p></body></html>"
    (folder / f"bangla{suffix}").write_text(body, encoding="utf-8")

    report = ingest([folder], settings, progress=False)

    assert (report.added, report.failed) == (1, ())
    stored = [c.text for c in Store(settings, model_slug(settings.embed_model)).all_chunks()]
    expected = unicodedata.normalize("NFC", BANGLA_DECOMPOSED)
    assert any(expected in text for text in stored), stored
    assert expected.encode() in "".join(stored).encode()


# Titles through a whole ingest: manifest > front matter > PDF/DOCX metadata > first heading > file name ----


def test_title_precedence(tmp_path, settings, make_pdf):
    folder = tmp_path / "docs"
    folder.mkdir()
    front = "---\ntitle: Front Matter Title\n---\n# Heading Title\n\nText about stipends.\n"
    (folder / "in-manifest.md").write_text(front, encoding="utf-8")
    (folder / "front-matter.md").write_text(front, encoding="utf-8")
    (folder / "heading-only.md").write_text("Intro line.\n\n# Heading Title Only\n\nText.\n", encoding="utf-8")
    (folder / "plain_notes.txt").write_text("Just some notes about allowances.\n", encoding="utf-8")
    make_pdf(folder / "pdf-meta.pdf", ["PDF text about pensions."], title="PDF Metadata Title")
    make_pdf(folder / "pdf-in-manifest.pdf", ["PDF text about pensions."], title="PDF Metadata Title")
    make_docx(folder / "word.docx", core_title="", heading="Word Heading Title")
    (folder / "manifest.toml").write_text(
        '[[document]]\nfile = "in-manifest.md"\ntitle = "Manifest Title"\nkind = "dialogue"\ndate = "2022-10-06"\n\n'
        '[[document]]\nfile = "pdf-in-manifest.pdf"\ntitle = "Manifest PDF Title"\n',
        encoding="utf-8",
    )

    report = ingest([folder], settings, progress=False)

    assert (report.added, report.failed) == (7, ())
    titles = {r.source: r.title for r in Store(settings, model_slug(settings.embed_model)).documents()}
    assert titles == {
        "in-manifest.md": "Manifest Title",
        "front-matter.md": "Front Matter Title",
        "heading-only.md": "Heading Title Only",
        "plain_notes.txt": "plain notes",
        "pdf-meta.pdf": "PDF Metadata Title",
        "pdf-in-manifest.pdf": "Manifest PDF Title",
        "word.docx": "Word Heading Title",
    }


def test_bundled_manifest_names_every_corpus_file():
    manifest = read_manifest(BUNDLED_CORPUS)
    files = {p.name for p in BUNDLED_CORPUS.iterdir() if p.name != "manifest.toml"}
    assert set(manifest) == files
    for entry in manifest.values():
        assert entry["title"] and entry["kind"] in {"dialogue", "workshop", "progress report", "meeting minutes"}


# Chunking ---------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def corpus_docs(web_corpus):
    """Every document of the bundled and web corpora, loaded, plus hard cases: long titles, huge paragraphs."""
    docs = []
    for folder in (BUNDLED_CORPUS, web_corpus):
        manifest = read_manifest(folder)
        docs += [load(p, folder, manifest=manifest) for p in sorted(folder.iterdir()) if p.name != "manifest.toml"]
    return docs


def synthetic(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def hard_docs(tmp_path):
    long_title = "---\ntitle: " + " ".join(f"Extraordinarily{i} Comprehensive{i}" for i in range(80)) + "\n---\n"
    no_stops = " ".join(f"word{i}" for i in range(1500))  # one "sentence" far over the window
    bangla = (BANGLA + " ") * 60
    return [
        load(synthetic(tmp_path, "long-title.md", long_title + sentences("title", 60)), tmp_path),
        load(synthetic(tmp_path, "run-on.txt", no_stops), tmp_path),
        load(synthetic(tmp_path, "bangla.txt", bangla), tmp_path),
    ]


def test_chunks_are_exact_spans_of_the_document_text(corpus_docs, hard_docs, embedder):
    docs = corpus_docs + hard_docs
    chunks = chunk(docs, embedder.count_tokens, embedder.max_tokens)
    texts = {d.key: d.text for d in docs}
    assert {c.doc_key for c in chunks} == set(texts), "every document gives chunks"
    for c in chunks:
        assert c.text == texts[c.doc_key][c.start : c.end]
        assert c.text == c.text.strip()


def test_embedding_text_fits_the_model_window(corpus_docs, hard_docs, embedder):
    chunks = chunk(corpus_docs + hard_docs, embedder.count_tokens, embedder.max_tokens)
    assert embedder.max_tokens == 256
    lengths = [len(embedder.tokenize(embedding_text(c))) + 2 for c in chunks]  # with [CLS] and [SEP]
    too_long = [(c.source, n) for c, n in zip(chunks, lengths, strict=True) if n > 256]
    assert not too_long
    assert max(lengths) > 200, "chunks should use most of the window, not be tiny"


def test_consecutive_chunks_overlap_by_whole_sentences(tmp_path, embedder):
    doc = load(synthetic(tmp_path, "overlap.txt", "\n\n".join(sentences(f"p{p}", 9) for p in range(8))), tmp_path)
    chunks = chunk([doc], embedder.count_tokens, embedder.max_tokens, overlap=64)

    assert len(chunks) >= 4
    for a, b in zip(chunks, chunks[1:], strict=False):
        shared = doc.text[b.start : a.end]
        assert a.start < b.start < a.end < b.end, "each chunk starts inside the previous one"
        assert shared.startswith("Sentence ") and shared.endswith("."), shared
        assert len(embedder.tokenize(shared)) <= 64


def test_corpus_chunks_mostly_overlap_and_drop_nothing(corpus_docs, embedder):
    chunks = chunk(corpus_docs, embedder.count_tokens, embedder.max_tokens, overlap=64)
    texts = {d.key: d.text for d in corpus_docs}
    pairs = [(a, b) for a, b in zip(chunks, chunks[1:], strict=False) if a.doc_key == b.doc_key and a.page == b.page]
    overlapping = [a for a, b in pairs if b.start < a.end]

    assert len(pairs) > 50
    # Overlap is the whole sentences that fit in the room a chunk has left: most pairs have some.
    assert len(overlapping) >= 0.6 * len(pairs), f"only {len(overlapping)} of {len(pairs)} pairs overlap"
    for a, b in pairs:
        assert a.start < b.start and a.end < b.end, "chunks move forward"
        assert not texts[a.doc_key][a.end : b.start].strip(), "no text falls between two chunks"


def test_chunk_ids_come_from_content(tmp_path, embedder):
    path = synthetic(tmp_path, "ids.txt", sentences("ids", 80))
    first = chunk([load(path, tmp_path)], embedder.count_tokens, embedder.max_tokens)
    again = chunk([load(path, tmp_path)], embedder.count_tokens, embedder.max_tokens)
    assert [c.id for c in first] == [c.id for c in again]
    assert len({c.id for c in first}) == len(first)


def test_the_chunkers_shortcuts_cut_the_same_chunks_as_counting_every_text(
    corpus_docs, hard_docs, embedder, monkeypatch
):
    """Counting each text once, counting texts from their page's word pieces, not counting texts surely over the
    window, and finding passages without llama-index's nodes change no chunk: the same ids, on both corpora and the
    hard cases, as the chunker that counted all."""
    import importlib

    chunker = importlib.import_module("nsss.ingest.chunk")  # the module; nsss.ingest.chunk is also the function
    docs = corpus_docs + hard_docs
    counted: list[str] = []

    def count(text):
        counted.append(text)
        return embedder.count_tokens(text)

    fast = chunk(docs, count, embedder.max_tokens, overlap=64, piece_spans=embedder.piece_spans)
    assert len(counted) < 2 * len(docs), "texts cut from a page are counted from its pieces, not one by one"

    class CountEveryTime:
        def __init__(self, count, piece_spans=None):
            self.count = count

        def page(self, text):
            pass

        def __call__(self, text):
            return self.count(text)

        def pieces(self, limit):
            return lambda text: embedder.tokenize(text)

    def nodes(splitter, text):
        from llama_index.core import Document as LlamaDocument

        for node in splitter.get_nodes_from_documents([LlamaDocument(text=text)]):
            yield node.get_content(), node.start_char_idx

    monkeypatch.setattr(chunker, "_Sizes", CountEveryTime)
    monkeypatch.setattr(chunker, "_splits", nodes)
    slow = chunk(docs, lambda text: len(embedder.tokenize(text)), embedder.max_tokens, overlap=64)

    assert len(fast) > 150
    assert [(c.id, c.start, c.end, c.page) for c in fast] == [(c.id, c.start, c.end, c.page) for c in slow]


@pytest.mark.parametrize(
    "text",
    [
        sentences("bound", 40),
        BANGLA * 20,
        BANGLA_DECOMPOSED + " NSSS 2015 " + BANGLA,
        "ab\x0ccd ef\x1cgh ij\x85kl mn\u00a0op qr\u200bst",  # spaces the tokenizer drops, joining words
        "e\u0301te\u0301 cafe\u0301 na\u0131ve " * 30,  # accents the tokenizer strips
        " ".join("x" * 150 for _ in range(30)),  # words too long for the vocabulary: one [UNK] each
        "(a) [b] {c}, d; e. f! g? h: i - j",
        "\u0964 . , ; \u2014 \u2026 \u00b7 " * 40,  # punctuation alone: no word to count
    ],
)
def test_words_are_a_lower_bound_on_word_pieces(text, embedder):
    from nsss.ingest.chunk import words_at_least

    assert words_at_least(text) <= embedder.count_tokens(text) == len(embedder.tokenize(text))


@pytest.mark.parametrize(
    "text",
    [
        sentences("cut", 3),
        BANGLA,
        BANGLA_DECOMPOSED[:60] + " NSSS 2015",
        "ab\x0ccd ef\x1cgh ij\x85kl mn\u00a0op qr\u200bst",  # spaces the tokenizer drops, joining words
        "e\u0301te\u0301 cafe\u0301, na\u0131ve. " * 2,  # accents the tokenizer strips
        "x" * 120 + " tail",  # a word too long for the vocabulary: one [UNK]
        "(a) [b] {c}, d; e. f! g? h: i - j \u0964 \u2014 \u2026",
        "\u4e2d\u6587 mixed\u4e2d\u6587text",  # Chinese characters: each a word of its own
    ],
)
def test_a_text_cut_from_a_page_is_counted_from_its_pieces_exactly_or_not_at_all(text, embedder):
    """Every cut of every text: the count from the page's pieces is the text's own, or none (counted alone)."""
    from nsss.ingest.chunk import _PagePieces

    page = _PagePieces(text, *embedder.piece_spans(text))
    from_page = 0
    for a in range(len(text)):
        for b in range(a + 1, len(text) + 1):
            n = page.count(text[a:b])
            if n is not None:
                from_page += 1
                assert n == embedder.count_tokens(text[a:b]), (text[a:b], n)
    assert from_page >= text.count(" "), "cuts between words are counted from the page"


def test_a_text_cut_inside_a_word_is_counted_alone(embedder):
    from nsss.ingest.chunk import _PagePieces

    text = "unbelievable phenomena ef\x1cgh"
    page = _PagePieces(text, *embedder.piece_spans(text))
    assert page.count("unbelievable") == embedder.count_tokens("unbelievable")
    assert page.count("believable") is None  # "##bel..." in the page, "bel..." alone
    assert page.count("ef") is None  # the tokenizer drops \x1c and joins "efgh" into one word
    assert page.count("not in it") is None


def test_counting_words_stays_linear_on_a_run_without_spaces():
    import time

    from nsss.ingest.chunk import words_at_least

    started = time.perf_counter()
    assert words_at_least("\u0995\u09be" * 100_000 + " a") == 1
    assert words_at_least("," * 200_000) == 0
    assert time.perf_counter() - started < 1.0
