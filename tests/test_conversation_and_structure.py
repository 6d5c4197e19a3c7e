"""Answers that hold on questions nobody tuned for: conversations resolved by topic, section answers, near-miss
abstention, citations that support, and the CLI's --conversation contract. Real model, real Chroma."""

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ask_in_turn
from nsss.assistant import open_assistant
from nsss.assistant.question import analyse
from nsss.assistant.scoring import fills_slot
from nsss.index.lexical import tokenize
from nsss.ingest.structure import find_sections

PROJECT = Path(__file__).resolve().parents[1]
FOCAL = "focal-point-meeting-2022-06-26.txt"
BASELINE = "dissemination-workshop-action-plan-ii-baseline-2022.txt"
REFLECTIVE = "reflective-overview-consultation-workshop-2025.txt"
DIALOGUE = "policy-dialogue-inter-ministerial-coordination.txt"
MARKER = re.compile(r"\[(\d+)\]")


@pytest.fixture(scope="module")
def assistant(seed_store):
    """The extractive assistant over the bundled corpus."""
    return open_assistant(seed_store, use_llm=False)


def sources(items) -> set[str]:
    """Return the source files of citations or retrieved passages."""
    return {getattr(x, "chunk", x).source for x in items}


# Reading a question -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "slot", "section", "anchored", "refers_back"),
    [
        ("Who chaired the focal point meeting in June 2022?", "person", "", True, False),
        ("What was decided there?", "list", "decisions", False, True),
        ("Who was the chief guest?", "person", "", False, False),
        ("When was the NSSS approved by the cabinet?", "date", "", True, False),
        ("What's the monthly contribution for the Samata pension scheme?", "amount", "", True, False),
        ("How many members does the upazila committee have?", "number", "members", True, False),
        ("Where will the next conference be held?", "place", "", False, False),
        ("What is the Old Age Allowance and who gets it?", "definition", "", True, False),
        ("ওই সভায় কী সিদ্ধান্ত হয়েছিল?", "list", "decisions", False, True),
    ],
)
def test_a_question_is_read_once_into_its_slot_section_and_subject(question, slot, section, anchored, refers_back):
    q = analyse(question)

    assert (q.slot, q.section, q.anchored, q.refers_back) == (slot, section, anchored, refers_back), q


# Conversations ---------------------------------------------------------------------------------------------


def test_a_follow_up_with_an_elided_subject_answers_for_the_event_of_the_previous_answer(assistant):
    """ "Who was the chief guest?" after a question about one workshop answers for that workshop, not another."""
    first, second = ask_in_turn(
        assistant,
        "What was the dissemination workshop on the Action Plan Phase II baseline about?",
        "Who was the chief guest?",
    )
    assert second.followup and sources(second.citations) == {BASELINE}, second.text
    assert "Khandker Anwarul Islam" in second.text, second.text

    _, other = ask_in_turn(
        assistant, "What was the reflective overview consultation workshop in 2025 about?", "Who was the chief guest?"
    )
    assert sources(other.citations) == {REFLECTIVE}, other.text
    assert "Khandker Anwarul Islam" not in other.text


def test_what_was_decided_there_lists_the_meetings_decisions_each_cited(assistant, seed_store):
    first, decided = ask_in_turn(
        assistant, "Who chaired the focal point meeting in June 2022?", "What was decided there?"
    )
    assert "Shamsul Arefin" in first.text

    assert not decided.abstained and sources(decided.citations) == {FOCAL}
    items = decided.text.splitlines()
    assert len(items) == len(decided.citations) == 5, decided.text  # the five numbered decisions, one cite each
    assert all(
        line.startswith("- ") and line.endswith(f"[{c.n}]") for line, c in zip(items, decided.citations, strict=True)
    )
    assert "Detail Implementation Plan was unanimously adopted" in decided.citations[0].quote
    assert "regular meetings" in decided.citations[-1].quote
    text = assistant.index.store.document_text(decided.citations[0].doc_key)
    assert all(text[c.start : c.end] == c.quote for c in decided.citations)


def test_a_question_that_names_its_own_subject_is_never_rewritten_after_unrelated_turns(assistant):
    question = "Who chaired the high-level policy dialogue on inter-ministerial coordination?"
    alone = assistant.answer(question)
    *_, after = ask_in_turn(
        assistant,
        "When was the focal point meeting held?",
        "Who chaired it?",
        "What did the 2022 baseline dissemination workshop focus on?",
        question,
    )

    assert not after.followup and after.query == question
    assert after.text == alone.text and [c.quote for c in after.citations] == [c.quote for c in alone.citations]
    assert "Mahbub Hossain" in after.text and sources(after.citations) == {DIALOGUE}


def test_a_follow_up_the_topics_document_cannot_answer_is_declined_not_answered_from_another_event(assistant):
    """The focal point meeting had a chair and no chief guest: the chief guest of a workshop is not its answer."""
    _, guest = ask_in_turn(assistant, "Who chaired the focal point meeting in June 2022?", "Who was the chief guest?")

    assert guest.abstained and not guest.citations, guest.text


# Near misses and citations ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "question",
    [
        "What is the boiling point of mercury?",
        "Who was the chief guest at the 26 June 2022 social protection focal point meeting?",
        "What was the total budget of the 2022 baseline dissemination workshop in US dollars?",
    ],
)
def test_near_miss_and_off_topic_questions_are_declined(assistant, question):
    answer = assistant.answer(question)

    assert answer.abstained and not answer.citations, answer.text
    assert answer.retrieved, "an abstention still shows the nearest passages"


def test_every_citation_of_a_simple_answer_comes_from_the_document_that_answers(assistant):
    answer = assistant.answer("Who made the keynote presentation at the 2022 baseline dissemination workshop?")

    assert not answer.abstained and "Shamsul Arefin" in answer.text
    assert sources(answer.citations) == {BASELINE}, [c.source for c in answer.citations]
    for c in answer.citations:  # each quote holds words of the question: none is there to fill space
        assert {"keynote", "workshop", "baseline", "presentation", "dissemination"} & set(c.quote.lower().split()), c


# What fills the asked slot, and quotes that hold it -----------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "slot"),
    [
        ("Who paid for the NSSS background research papers?", "organisation"),
        ("Who coordinates the social allowance cluster?", "organisation"),
        ("Who presided over the thematic cluster meetings?", "person"),
        ("How often is the Central Management Committee required to meet?", "number"),
    ],
)
def test_who_funded_or_coordinated_asks_for_a_body_not_a_person(question, slot):
    assert analyse(question).slot == slot


@pytest.mark.parametrize(
    ("question", "text", "filled"),
    [
        ("How much did EGPP pay per working day?", "BDT 200 per working day in 2017 (8).", True),
        ("How much did EGPP pay per working day?", "EGPP reached nearly 1 million individuals in 2016.", False),
        ("How much is the allowance?", "20 lakh beneficiaries get the allowance.", False),
        ("Who presided over the meetings?", "5 Day Long Meetings of Thematic Clusters held in 2021", False),
        ("Who presided over the meetings?", "Mr. Md. Kamal Hossain presided over the meetings.", True),
        ("Who wrote the article?", "By Arju Afrin Kathy", True),
        ("How often does the committee meet?", "The committee comprises at least 23 ministries.", False),
        ("How often does the committee meet?", "The committee meets twice a year.", True),
    ],
)
def test_the_asked_slot_is_filled_only_by_its_own_kind_of_thing(question, text, filled):
    """A count is no amount, a title in capitals is no person, and any number is no frequency."""
    q = analyse(question)

    assert fills_slot(q.slot, text, q) is filled


@pytest.mark.parametrize(
    ("question", "asked"),
    [
        ("Who was the chief guest at the action plan II baseline workshop in October 2022?", ("guest",)),
        ("Who chaired the focal point meeting in June 2022?", ("chair",)),
        ("What was the theme of the 2019 knowledge fair?", ("theme",)),
    ],
)
def test_a_word_that_only_modifies_the_next_names_the_subject_not_what_is_asked(question, asked):
    """ "action" of "action plan" and "point" of "focal point" are not asked of the subject; "guest" is."""
    assert analyse(question).asked == asked


def test_bangla_question_words_are_not_read_as_terms_the_answer_must_hold():
    q = analyse("উপদেষ্টা কমিটি গঠনের প্রজ্ঞাপন কবে জারি হয়েছিল?")

    assert not set(tokenize("কবে")) & set(q.terms) and q.slot == "date", q.terms


@pytest.fixture(scope="module")
def article_store(tmp_path_factory, embedder):
    """A store with one article whose byline stands before its first sentence, and a plan explained in two."""
    from nsss.core.settings import Settings
    from nsss.ingest import ingest

    folder = tmp_path_factory.mktemp("articles")
    (folder / "cluster-article.md").write_text(
        "# Notes from the field, 2025\n\n"
        "By Nasrin Akter Chowdhury\n\n"
        "The Labour and Livelihood Intervention Cluster is a core part of the social protection system of "
        "Bangladesh, working on employment generation and skills.\n\n"
        "The cluster will launch a digital jobs registry for rural workers next year. This entails training "
        "union digital centre staff, linking the registry to the national identity database, and publishing "
        "vacancies by text message.\n",
        encoding="utf-8",
    )
    settings = Settings(store=tmp_path_factory.mktemp("article-store") / "store")
    assert not ingest([folder], settings, progress=False).failed
    return open_assistant(settings, use_llm=False)


def test_a_quote_that_lacks_the_asked_person_brings_the_byline_next_to_it_as_its_own_citation(article_store):
    answer = article_store.answer("Who wrote about the labour and livelihood intervention cluster?")

    assert not answer.abstained and "Nasrin Akter Chowdhury" in answer.text, answer.text
    assert any(c.quote.strip() == "By Nasrin Akter Chowdhury" for c in answer.citations), answer.citations


def test_a_quote_takes_in_the_next_sentence_that_goes_on_with_it(article_store):
    answer = article_store.answer("What will the labour and livelihood cluster launch next year?")

    assert not answer.abstained and "union digital centre staff" in answer.text, answer.text
    quotes = [c.quote for c in answer.citations]
    assert any(q.startswith("This entails") for q in quotes), quotes  # cited on its own, as every sentence is


# The command line ------------------------------------------------------------------------------------------


def run_ask(seed_store, stdin: str, *flags: str) -> list[dict]:
    env = {"NSSS_STORE": str(seed_store.store), "PATH": "/usr/bin:/bin", "HOME": str(seed_store.store.parent)}
    proc = subprocess.run(
        [sys.executable, "-m", "nsss.cli", "ask", "--json", *flags],
        input=stdin,
        text=True,
        capture_output=True,
        timeout=240,
        env=env,
        cwd=PROJECT,
    )
    assert proc.returncode == 0, proc.stderr
    return [json.loads(line) for line in proc.stdout.splitlines() if line.strip()]


@pytest.mark.slow
def test_cli_reads_stdin_lines_as_independent_questions_unless_asked_for_a_conversation(seed_store):
    lines = "When was the focal point meeting held?\nWho chaired it?\n\nWho chaired it?\n"

    independent = run_ask(seed_store, lines)
    assert [a["followup"] for a in independent] == [False, False, False]

    talk = run_ask(seed_store, lines, "--conversation")
    first, follow, after_blank = talk
    assert follow["followup"] and "Shamsul Arefin" in follow["answer"]
    assert {c["source"] for c in follow["citations"]} == {FOCAL}
    assert not after_blank["followup"], "a blank line starts a new conversation"


def test_sections_are_found_under_headings_and_after_lead_in_lines():
    text = (
        "Minutes\n\nThe meeting opened at ten.\n\nDecisions:\n\n1) Adopt the plan.\n\n2) Meet monthly.\n\n"
        "Closing remarks were made.\n\nTOR of Central Management Committee\nThe main terms of reference include:\n"
        "- To approve plans;\n- To monitor progress.\n"
    )
    sections = {s.heading: [text[a:b] for a, b in s.items] for s in find_sections(text)}

    assert sections["Decisions:"] == ["1) Adopt the plan.", "2) Meet monthly."]
    assert sections["TOR of Central Management Committee / The main terms of reference include:"] == [
        "- To approve plans;",
        "- To monitor progress.",
    ]
