"""Answers to list questions that the documents do not answer under a heading that names what is asked: a list whose
items are of the kind asked, a list written as prose, and "what did they recommend?" in a conversation.
Real model, real Chroma in tmp_path."""

import pytest
from conftest import ask_in_turn, ingested_documents
from nsss.assistant import open_assistant
from nsss.assistant.question import analyse
from nsss.assistant.types import Conversation

# The items are ministries; their heading ("Cluster Formation") does not say so.
CLUSTER = (
    "# Human Resilience Cluster\n\n"
    "The cluster brings together the bodies whose programmes help households recover from floods and cyclones. "
    "Its vision is one system of support for every household hit by a disaster.\n\n"
    "Cluster Formation\n"
    "- Ministry of Disaster Management and Relief (Coordinator)\n"
    "- Ministry of Food\n"
    "- Ministry of Water Resources\n"
    "- Local Government Division\n"
)
# The challenges are sentences of a paragraph, not items under a heading.
REVIEW = (
    "# Review of the coastal cash transfer pilot, 2024\n\n"
    "The review of the coastal cash transfer pilot found that payments reached most households on time. "
    "While the pilot achieved much, it is not free of challenges. "
    "Principal among these challenges is the slow verification of new households by union offices. "
    "A second challenge is the weak link between the pilot's lists and the national household database.\n\n"
    "In summary, the review calls the coastal cash transfer pilot a model for other districts. "
    "Its authors visited ten unions in two districts. "
    "Donors often ask about such challenges.\n"
)
# Two headings with the same items' kind; the question quotes one of them.
PROGRAMME = (
    "# About the CRSP Programme\n\n"
    "The Coastal Resilience Support Programme (CRSP) helps the government protect coastal households.\n\n"
    "Governance of Coastal Protection\n"
    "- A coastal steering committee will oversee the programme's work;\n"
    "- Training of union officials in verifying households;\n"
    "- A research unit on coastal livelihoods.\n\n"
    "Strengthening Delivery\n"
    "- Payments into mobile accounts;\n"
    "- One registry of coastal households.\n"
)
WORKSHOP = (
    "# Workshop on the urban safety net, 12 May 2024\n\n"
    "The workshop on the urban safety net was held on 12 May 2024 at the NEC Conference Room, Dhaka. "
    "Ms. Farhana Akter, Secretary, Local Government Division, was the chief guest.\n\n"
    "At the end, the participants recommended that city corporations keep one list of the urban poor. "
    "They also recommended that the urban allowance be paid into mobile accounts. "
    "Finally, the participants recommended a yearly check of who is on the list.\n"
)


@pytest.fixture(scope="module")
def assistant(tmp_path_factory, embedder):
    """The extractive assistant over four short documents."""
    documents = {"cluster.md": CLUSTER, "review.md": REVIEW, "workshop.md": WORKSHOP, "crsp.md": PROGRAMME}
    return open_assistant(ingested_documents(tmp_path_factory, "lists", documents), use_llm=False)


def test_a_list_whose_items_are_of_the_kind_asked_answers_whatever_its_heading(assistant):
    answer = assistant.answer("Which ministries are in the Human Resilience Cluster?")

    quotes = [c.quote.lstrip("- ") for c in answer.citations]
    assert not answer.abstained, answer.text
    assert "Ministry of Food" in quotes and "Ministry of Water Resources" in quotes, quotes  # each item its citation
    assert all("households" not in q for q in quotes), quotes  # the sentences about the cluster are not its members


def test_a_list_written_as_prose_is_quoted_sentence_by_sentence_and_nothing_else(assistant):
    answer = assistant.answer("What challenges does the review of the coastal cash transfer pilot identify?")

    quotes = " ".join(c.quote for c in answer.citations)
    assert not answer.abstained, answer.text
    assert "slow verification" in quotes and "weak link" in quotes, answer.text
    assert "model for other districts" not in quotes, answer.text  # names no challenge: it would only fill space
    assert "Donors often ask" not in quotes, answer.text  # names challenges, but is no item of the list
    assert quotes.index("slow verification") < quotes.index("weak link"), answer.text  # in the document's order


def test_a_heading_the_question_quotes_is_answered_with_the_items_under_it(assistant):
    answer = assistant.answer("What does the CRSP programme plan under 'Governance of Coastal Protection'?")

    quotes = " ".join(c.quote for c in answer.citations)
    assert not answer.abstained, answer.text
    assert "steering committee" in quotes and "research unit" in quotes, answer.text
    assert "mobile accounts" not in quotes, answer.text  # the items of the other heading


def test_an_acronym_or_a_verb_is_not_read_as_the_plural_a_list_question_asks_for():
    assert analyse("What does the SSPS programme plan for 2026?").list_head == ()
    assert analyse("Which government body coordinates implementation of the NSSS?").list_head == ()
    assert analyse("What methods did the NSSS study use?").list_head == ("method",)


@pytest.mark.parametrize(
    ("question", "section"),
    [
        ("what did they recommend at the end?", "recommendations"),
        ("What did the meeting decide about the pension?", "decisions"),
        ("What did the committee agree on?", "decisions"),
        ("What did the workshop discuss?", ""),
        ("What came out of it?", "outcomes"),
        ("What recommendations came out of the October 2022 workshop?", "recommendations"),
    ],
)
def test_what_did_they_recommend_or_decide_asks_for_a_section(question, section):
    q = analyse(question)

    assert (q.section, q.is_list) == (section, bool(section)), q


def test_what_did_they_recommend_after_a_turn_quotes_every_recommendation(assistant):
    first = assistant.answer("Who was the chief guest at the workshop on the urban safety net?")
    answer = assistant.answer("what did they recommend at the end?", conversation=Conversation().add(first))

    quotes = " ".join(c.quote for c in answer.citations)
    assert "Farhana Akter" in first.text, first.text
    assert "one list of the urban poor" in quotes and "mobile accounts" in quotes, answer.text
    assert "yearly check" in quotes, answer.text


def test_paragraphs_that_mention_the_kind_asked_are_not_a_list_of_that_kind():
    from nsss.assistant.compose import _items_of_kind
    from nsss.core.types import Section

    names = "Ministry of Food\nMinistry of Water Resources\nLocal Government Division\n"
    paragraphs = (
        "There is already a set of schemes for women of working age, and the largest of them pays a small allowance "
        "every month to each woman selected by the union.\n"
        "The government will merge the two schemes into one benefit and index it to inflation from the next "
        "fiscal year, once the ministry has prepared its plan.\n"
    )

    def section(text):
        lines, start = [], 0
        for line in text.splitlines(keepends=True):
            lines.append((start, start + len(line.rstrip())))
            start += len(line)
        return Section(heading="Formation", start=0, end=0, items=tuple(lines))

    assert _items_of_kind({"ministri"}, section(names), names)
    assert not _items_of_kind({"scheme"}, section(paragraphs), paragraphs)


@pytest.mark.parametrize(
    "question, terms",
    [
        ("What came out of it?", ("outcom",)),
        ("What recommendations came out of the October 2022 workshop?", ("recommend", "octob", "2022", "workshop")),
    ],
)
def test_came_out_of_names_no_subject(question, terms):
    # "came" is no word a document's outcomes hold: the question asks for the outcomes, or the section it names
    assert analyse(question).terms == terms


def test_what_came_out_of_it_after_two_turns_quotes_the_outcomes(seed_store):
    """Asked after two turns on the policy dialogue, "What came out of it?" quotes the dialogue's outcomes, whose
    heading ("The outcomes of the dialogue included:") holds no "came" (eval/RESULTS.md, session 33: CA)."""
    assistant = open_assistant(seed_store, use_llm=False)
    *_, answer = ask_in_turn(
        assistant,
        "Who chaired the high-level policy dialogue on inter-ministerial coordination for NSSS implementation?",
        "How many government agencies does it say are involved in the reform process?",
        "What came out of it?",
    )

    quotes = " ".join(c.quote for c in answer.citations)
    assert not answer.abstained and "Single Registry MIS" in quotes and "NSSS 2026 and beyond" in quotes, answer.text


def test_a_listed_item_is_quoted_without_its_bullet(web_assistant):
    # The items under "Research objectives" are bulleted ("• To identify..."): the answer lists each once, "- To
    # identify... [1]", and each quote is still the document's text, exactly.
    answer = web_assistant.answer("What were the research objectives of the 2019 urban poverty diagnostics study?")

    assert not answer.abstained, answer.text
    assert len(answer.citations) >= 2, answer.text
    for c in answer.citations:
        assert not c.quote.lstrip().startswith(("•", "- ", "* ")), answer.text
        assert " ".join(c.quote.split()) in " ".join(c.passage.split()), c.quote
    assert "- •" not in answer.text and "- -" not in answer.text, answer.text
