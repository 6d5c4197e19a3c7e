"""Answers to list questions whose items the documents write in one sentence ("A for X, B for Y and C for Z"), not
under a heading: the sentence that lists them is quoted, each item with the source it stands in, though sentences
that restate the question hold more of its words. Real model, real Chroma in tmp_path."""

import pytest
from conftest import BUNDLED_CORPUS, ingested_documents
from nsss.assistant import open_assistant
from nsss.assistant.question import analyse
from nsss.assistant.scoring import figures_present
from nsss.assistant.sentences import items_listed

# Real documents: a news report that names the four schemes twice (once bare, once with whom each is for) among
# sentences restating the launch, and three documents on another pension system, a meeting and the lifecycle system.
DOCUMENTS = (
    "pobnews24-universal-pension-launch.md",
    "dhakatribune-national-pension-system.md",
    "focal-point-meeting-2022-06-26.txt",
    "sp-gov-bd-lifecycle-consolidation.md",
)


@pytest.fixture(scope="module")
def assistant(tmp_path_factory, web_corpus, embedder):
    """The extractive assistant over four real documents."""
    documents = {}
    for name in DOCUMENTS:
        path = web_corpus / name if (web_corpus / name).is_file() else BUNDLED_CORPUS / name
        documents[name] = path.read_text(encoding="utf-8")
    return open_assistant(ingested_documents(tmp_path_factory, "inline-lists", documents), use_llm=False)


def test_the_sentence_that_lists_the_items_is_quoted_with_its_own_citation(assistant):
    answer = assistant.answer(
        "Which pension schemes did the Prime Minister open in August 2023, and whom does each serve?"
    )

    assert not answer.abstained, answer.text
    listing = [c for c in answer.citations if "the Surokkha for self-employed persons" in c.quote]
    assert listing, answer.text  # whom each is for, not only the sentences restating the launch
    assert listing[0].source.endswith("pobnews24-universal-pension-launch.md")
    assert f"[{listing[0].n}]" in answer.text
    # A list of something else ("three districts - Gopalganj, Bagerhat and Rangpur") only fills space.
    assert not any("Gopalganj" in c.quote for c in answer.citations), answer.text


def test_a_day_the_document_writes_month_first_is_the_day_asked_for(assistant):
    q = analyse("What was launched on 17 August 2023?")
    assert figures_present(q, "POBNEWS24, Dhaka Aug 17, 2023 : Prime Minister Sheikh Hasina today inaugurated")
    assert figures_present(q, "launched on 17 Aug. 2023") and figures_present(q, "on August 17th, 2023")
    assert not figures_present(q, "on Aug 7, 2023") and not figures_present(q, "on 17 July 2023")

    # The report is dated "Aug 17, 2023": the question's "17 August 2023" stands in it, and the answer is not declined.
    answer = assistant.answer("Which universal pension schemes were opened on 17 August 2023, and who is each for?")

    assert not answer.abstained, answer.text
    assert any("the Surokkha for self-employed persons" in c.quote for c in answer.citations), answer.text


def test_a_plural_asked_for_after_a_noun_of_figures_asks_for_a_list_not_a_number(assistant):
    assert analyse("Which population groups does the coastal plan cover?").slot == "list"
    assert analyse("What budget items were cut in 2024?").slot == "list"
    assert analyse("How many population groups does the plan cover?").slot == "number"

    answer = assistant.answer("Which population groups does the lifecycle consolidation section prioritise?")

    assert not answer.abstained, answer.text
    assert any("a) children; b) the working age population" in c.quote for c in answer.citations), answer.text


def test_a_request_after_and_makes_a_question_ask_two_things():
    assert analyse("List the schemes launched in 2024 and say who each one is for.").compound
    assert not analyse("List the schemes launched in 2024 for fishing families.").compound


@pytest.mark.parametrize(
    ("sentence", "items"),
    [
        ("The Nodi scheme is for fishing families, the Chor for char dwellers and the Bandh for settlers.", 2),
        ("The poor stay outside, reflecting missing registries, short funding, and weak coordination.", 3),
        ("Support goes to a) children; b) the working age population; c) the elderly and d) disabled people.", 4),
        ("In 2019, the allowance was raised, and the number of beneficiaries grew.", 2),
        ("Since 2008, the programme, set up after the 2008 food price crisis, paid over 700,000 of the poorest.", 0),
        ("The conference and fair was attended, among others, by representatives of ministries.", 0),
    ],
)
def test_the_items_a_sentence_lists_are_counted_after_its_own_subject(sentence, items):
    assert items_listed(sentence) == items
