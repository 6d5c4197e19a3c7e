"""Answers over real stores: exact quotes, right pages, markers that match citations, abstention, follow-ups, filters."""

import json
import re
from pathlib import Path

import pytest
from nsss.assistant import Conversation, open_assistant
from nsss.assistant.format import answer_json, answer_text
from nsss.core.types import Filters
from nsss.index import FilterError

PROJECT = Path(__file__).resolve().parents[1]

SEED_QA = [
    json.loads(line)
    for line in (PROJECT / "eval" / "seed_qa.jsonl").read_text(encoding="utf-8").splitlines()
    if line.strip()
]
FOCAL = "focal-point-meeting-2022-06-26.txt"
MARKER = re.compile(r"\[(\d+)\]")


@pytest.fixture(scope="module")
def assistant(seed_store):
    """The extractive assistant over the bundled corpus."""
    return open_assistant(seed_store, use_llm=False)


@pytest.fixture(scope="module")
def seed_answers(assistant):
    """The answer to every seed question, asked once."""
    return {row["id"]: assistant.answer(row["question"]) for row in SEED_QA}


def sources(items) -> set[str]:
    """Return the source files of citations or retrieved passages."""
    return {getattr(x, "chunk", x).source for x in items}


def assert_quotes_exact(answer, assistant) -> None:
    """Every quote is the document's extracted text at the citation's offsets."""
    for c in answer.citations:
        text = assistant.index.store.document_text(c.doc_key)
        assert c.quote.strip(), f"{answer.question!r}: citation [{c.n}] quotes nothing"
        assert text[c.start : c.end] == c.quote, (
            f"{answer.question!r}: citation [{c.n}] quote is not the document text at [{c.start}:{c.end}]"
        )


def assert_markers_match(answer) -> None:
    """Markers and citations match one to one, and no statement stands without a marker after it."""
    numbers = [c.n for c in answer.citations]
    assert numbers == list(range(1, len(numbers) + 1)), f"{answer.question!r}: citations numbered {numbers}"
    markers = {int(n) for n in MARKER.findall(answer.text)}
    assert markers == set(numbers), (
        f"{answer.question!r}: markers {sorted(markers)} but citations {numbers}:\n{answer.text}"
    )
    if answer.citations:
        pieces = MARKER.split(answer.text)[::2]  # the text between markers
        assert all(p.strip(" \n-") for p in pieces[:-1]), f"{answer.question!r}: a marker cites nothing:\n{answer.text}"
        assert not pieces[-1].strip(), f"{answer.question!r}: text after the last marker is uncited:\n{answer.text}"


# Citations ---------------------------------------------------------------------------------------------


def test_every_seed_answer_quotes_its_documents_exactly(seed_answers, assistant):
    assert len(seed_answers) == len(SEED_QA) == 40
    for answer in seed_answers.values():
        assert_quotes_exact(answer, assistant)
        for c in answer.citations:
            assert c.page is None, f"{c.source} is a text file: it has no pages"
            assert c.source.endswith(".txt") and "/" not in c.source, c.source


def test_markers_match_citations_and_answers_cite(seed_answers):
    for row in SEED_QA:
        answer = seed_answers[row["id"]]
        assert_markers_match(answer)
        if answer.abstained:
            assert not answer.citations
        else:
            assert answer.citations, f"{row['question']!r} answered without a citation"
        assert len(answer.retrieved) >= 5, f"{row['question']!r}: only {len(answer.retrieved)} passages retrieved"


def test_answerable_seed_questions_cite_a_gold_source_mostly(seed_answers):
    answerable = [r for r in SEED_QA if r["answerable"]]
    cited_gold = [r["id"] for r in answerable if sources(seed_answers[r["id"]].citations) & set(r["sources"])]
    assert len(cited_gold) >= 0.85 * len(answerable), (
        f"only {len(cited_gold)} of {len(answerable)} answers cite a document that holds the answer; missing: "
        f"{sorted(set(r['id'] for r in answerable) - set(cited_gold))}"
    )


def test_pdf_citation_names_the_page_and_its_printed_label(tmp_path, make_pdf, settings):
    from nsss.ingest import ingest

    filler = (
        "The district social welfare office reviewed the allowance lists and the payment records "
        "of every union in the quarter. "
    )
    pages = [
        "Annual review of the Kestrel Upazila safety net programmes. " + filler * 6,
        "Contents and acknowledgements. " + filler * 6,
        filler * 3 + "The Zorbanian household census counted 7,412 widows receiving the allowance in Kestrel "
        "Upazila. " + filler * 3,
        "Annex tables of the union councils. " + filler * 6,
    ]
    folder = tmp_path / "docs"
    folder.mkdir()
    # Front matter numbered i, ii; the body restarts at 1, so the third page is printed as "1".
    make_pdf(
        folder / "kestrel-review.pdf", pages, title="Kestrel Upazila Review", labels=((0, 1, "/r", 1), (2, 3, "/D", 1))
    )
    (folder / "other.txt").write_text(filler * 5, encoding="utf-8")
    assert not ingest([folder], settings, progress=False).failed
    pdf_assistant = open_assistant(settings, use_llm=False)
    answer = pdf_assistant.answer("How many widows did the Zorbanian household census count?")

    assert not answer.abstained, answer.text
    census = [c for c in answer.citations if "7,412 widows" in " ".join(c.quote.split())]
    assert census, f"no citation quotes the census figure:\n{answer.text}"
    c = census[0]
    assert (c.source, c.page, c.page_label) == ("kestrel-review.pdf", 3, "1")
    assert_quotes_exact(answer, pdf_assistant)
    assert answer_json(answer)["citations"][c.n - 1]["page"] == 3
    assert re.search(rf"\[{c.n}\] Kestrel Upazila Review \([^)]*\), p\. 3 \(printed 1\)\.", answer_text(answer)), (
        answer_text(answer)
    )


# Abstention and lookups ------------------------------------------------------------------------------------


def test_unanswerable_seed_questions_are_declined_and_answerable_ones_are_not(seed_answers):
    unanswerable = [r for r in SEED_QA if not r["answerable"]]
    answerable = [r for r in SEED_QA if r["answerable"]]
    declined = [r["question"] for r in unanswerable if seed_answers[r["id"]].abstained]
    assert len(unanswerable) == 4
    assert len(declined) >= 3, "answered questions the corpus cannot answer: " + "; ".join(
        f"{r['question']!r} -> {seed_answers[r['id']].text[:120]!r}"
        for r in unanswerable
        if not seed_answers[r["id"]].abstained
    )
    wrongly = [r["question"] for r in answerable if seed_answers[r["id"]].abstained]
    assert len(wrongly) <= 0.1 * len(answerable), f"declined answerable questions: {wrongly}"


def test_off_topic_question_is_declined_with_the_nearest_passages(assistant):
    answer = assistant.answer("What is the boiling point of mercury?")

    assert answer.abstained
    assert not answer.citations and not MARKER.search(answer.text)
    assert "do not answer" in answer.text
    shown = answer_text(answer)
    assert "Nearest passages:" in shown and "References:" not in shown
    nearest = [line for line in shown.splitlines() if line.startswith("- ")]
    assert len(nearest) == 3
    assert all(any(h.chunk.source in line for h in answer.retrieved) for line in nearest)


@pytest.mark.parametrize(
    "question",
    [
        "Who chaired the focal point meeting?",
        "Who was the Chair of the meeting of the Social Protection Focal Points?",
    ],
)
def test_lookup_names_the_chair_of_the_focal_point_meeting(assistant, question):
    answer = assistant.answer(question)

    assert not answer.abstained
    assert FOCAL in sources(answer.citations)
    assert "Shamsul Arefin" in answer.text, answer.text
    assert_quotes_exact(answer, assistant)


def test_follow_up_is_understood_from_the_earlier_turn(assistant):
    first = assistant.answer("When was the focal point meeting held?")
    assert "26 June 2022" in first.text and FOCAL in sources(first.citations), first.text

    second = assistant.answer("and who chaired it?", Conversation().add(first))

    assert not second.abstained
    assert FOCAL in sources(second.citations), second.text
    assert "Shamsul Arefin" in second.text, second.text
    assert_markers_match(second)
    assert_quotes_exact(second, assistant)

    # The same words after another first question are about another event, with another chair.
    other = assistant.answer("What was the high-level policy dialogue about?")
    third = assistant.answer("and who chaired it?", Conversation().add(other))
    assert "Mahbub Hossain" in third.text and "Shamsul Arefin" not in third.text, third.text
    assert "policy-dialogue-inter-ministerial-coordination.txt" in sources(third.citations)


# Filters ---------------------------------------------------------------------------------------------------


def test_filters_restrict_what_is_retrieved_and_cited(assistant):
    question = "Who chaired the high-level policy dialogue on inter-ministerial coordination?"
    unfiltered = assistant.answer(question)
    assert len(sources(unfiltered.retrieved)) > 1, "the unfiltered search should reach several documents"

    by_title = assistant.answer(
        question, filters=Filters(documents=("Meeting of the Social Protection Focal Points, 26 June 2022",))
    )
    assert sources(by_title.retrieved) == {FOCAL}
    assert sources(by_title.citations) <= {FOCAL}

    workshops = {
        "dissemination-workshop-action-plan-ii-baseline-2022.txt",
        "reflective-overview-consultation-workshop-2025.txt",
    }
    by_kind = assistant.answer("Who was the chief guest?", filters=Filters(kinds=("workshop",)))
    assert by_kind.retrieved and sources(by_kind.retrieved) <= workshops
    assert sources(by_kind.citations) <= workshops

    by_year = assistant.answer("Who was the chief guest?", filters=Filters(years=(2025,)))
    assert sources(by_year.retrieved) == {"reflective-overview-consultation-workshop-2025.txt"}

    with pytest.raises(FilterError, match="no-such-report.pdf"):
        assistant.answer(question, filters=Filters(documents=("no-such-report.pdf",)))
