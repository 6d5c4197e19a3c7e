"""A question answered from a quote in the other language is given the quote's glossary terms in its own language,
apart from the answer: a reading aid from the project's glossary, never cited, never in the quoted text. Real model,
real Chroma in tmp_path; the CLI's text and JSON, the page's HTML and the evaluation's reading of it."""

import pytest
from conftest import ingested_documents
from nsss.assistant import open_assistant
from nsss.assistant.format import GLOSSARY_LABEL, answer_json, answer_text
from nsss.eval.metrics import Cite, Output, Question, score
from nsss.index.glossary import default_glossary

OLD_AGE = (
    "# Old Age Allowance\n\n"
    "The Old Age Allowance is paid by the Department of Social Services to poor older people.\n\n"
    "In the financial year 2023-24 each Old Age Allowance recipient received Tk 600 per month.\n"
)
NOTES = [
    f"# Ministry note {n}\n\nThe Cabinet Division asked ministry {n} how the allowances are carried out in the "
    "districts.\n"
    for n in range(1, 4)
]
ASKED_IN_BANGLA = "২০২৩-২৪ অর্থবছরে বয়স্ক ভাতা মাসে কত টাকা?"  # the old age allowance a month in 2023-24


@pytest.fixture(scope="module")
def assistant(tmp_path_factory, embedder):
    documents = {"old-age.md": OLD_AGE} | {f"note-{n}.md": note for n, note in enumerate(NOTES, 1)}
    return open_assistant(ingested_documents(tmp_path_factory, "glossary", documents), use_llm=False)


def test_the_glossary_finds_its_terms_as_the_text_writes_them():
    terms = default_glossary().terms_in(
        "In the financial year 2009-10 the NSSS raised Old Age Allowances; the government's fiscal year 2010-11 too."
    )
    assert ("financial year", "অর্থবছর") in terms and ("NSSS", "এনএসএসএস") in terms  # the text's own casing
    assert ("Old Age Allowances", "বয়স্ক ভাতা") in terms  # a plural is the term
    assert [other for _, other in terms].count("অর্থবছর") == 1  # "fiscal year" says it again: once
    assert not any(other == "সুশাসন" for _, other in terms)  # "government" shares a stem with "governance", no more
    # And the other way: a Bangla quote's terms in English.
    assert ("মন্ত্রিপরিষদ বিভাগ", "cabinet division") in default_glossary().terms_in("মন্ত্রিপরিষদ বিভাগের সভা")


def test_a_bangla_question_answered_from_an_english_quote_gets_its_terms_in_bangla_apart_from_it(assistant):
    answer = assistant.answer(ASKED_IN_BANGLA)

    assert not answer.abstained and "Tk 600 per month" in answer.text, answer.text
    assert ("Old Age Allowance", "বয়স্ক ভাতা") in answer.glossary and ("Tk", "টাকা") in answer.glossary
    assert "বয়স্ক" not in answer.text  # the answer is the quote, as written
    assert all(pair[0].casefold() in " ".join(c.quote for c in answer.citations).casefold() for pair in answer.glossary)
    text = answer_text(answer)
    assert f"{GLOSSARY_LABEL}: " in text and "Old Age Allowance = বয়স্ক ভাতা" in text
    assert ["Old Age Allowance", "বয়স্ক ভাতা"] in answer_json(answer)["glossary"]


def test_an_english_question_or_a_decline_gets_none(assistant):
    assert assistant.answer("How much was the old age allowance a month in 2023-24?").glossary == ()
    declined = assistant.answer("২০২৩-২৪ অর্থবছরে বিধবা ভাতা মাসে কত টাকা?")  # the widow allowance: not said
    assert declined.abstained and declined.glossary == ()
    assert GLOSSARY_LABEL not in answer_text(declined)


def test_the_page_shows_the_terms_apart_and_in_the_pages_language(assistant):
    from nsss.ui.render import answer_html

    answer = assistant.answer(ASKED_IN_BANGLA)
    page = answer_html(answer, 1, "bn")
    assert 'class="nsss-glossary"' in page and "শব্দকোষ থেকে" in page and "বয়স্ক ভাতা" in page
    assert page.index("nsss-glossary") > page.index("Tk 600")  # after the answer, not in it


def test_the_evaluation_reads_the_answer_with_and_without_the_terms():
    gold = Question(
        "q1", ASKED_IN_BANGLA, "২০২৩-২৪ অর্থবছরে মাসে ৬০০ টাকা বয়স্ক ভাতা", ("old-age.md",), (), "lookup", True, lang="bn"
    )
    quote = "In the financial year 2023-24 each Old Age Allowance recipient received Tk 600 per month."
    plain = Output(f"{quote} [1]", False, (Cite(1, "old-age.md", "k", quote),), (), 1.0)
    glossed = Output(
        plain.text, False, plain.citations, (), 1.0, glossary="financial year = অর্থবছর; Old Age Allowance = বয়স্ক ভাতা"
    )
    assert score(gold, plain).correct is False and score(gold, plain).glossed is False
    assert score(gold, glossed).correct is False and score(gold, glossed).glossed is True
    assert score(gold, glossed).statements == score(gold, plain).statements  # the terms are no statement
