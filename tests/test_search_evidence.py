"""Search on questions nobody tuned for: a document's evidence across its chunks, acronyms, everyday words."""

import json

import pytest
from conftest import ingested_documents
from nsss.index import open_index
from nsss.index.everyday import Everyday

FILLER = (
    "The district office keeps the records of every union and reports each quarter to the ministry. "
    "Officials visit the sites, check the attendance sheets and settle complaints from the communities. "
)

# Three documents on one programme. Two spell its name out again and again; the third names it once, at the top,
# and gives the figures further down, in another chunk than the name.
PROGRAMME = {
    "brief.md": "# Employment Generation Programme for the Poorest: programme brief\n\n"
    + (
        "The Employment Generation Programme for the Poorest (EGPP) gives the poorest rural households work in "
        "the lean season. The Employment Generation Programme for the Poorest builds rural roads and embankments. "
    )
    * 4,
    "results.md": "# Results of the Employment Generation Programme for the Poorest\n\n"
    + (
        "Under the Employment Generation Programme for the Poorest (EGPP), the poorest households earn wages in "
        "public works. The Employment Generation Programme for the Poorest reached more districts every year. "
    )
    * 4,
    "jobs.md": "# Job guarantee in Bangladesh\n\n"
    "EGPP is the country's job guarantee scheme for rural households without land.\n\n"
    + FILLER * 10
    + "\n\nIn fiscal year 2021-22, 812,000 people took part, two thirds of them women.\n",
}

# Two documents on coverage: one in the documents' words (urban, rural), one that shares the question's everyday
# words but not its subject.
COVERAGE = {
    "urban.md": "# Urban social protection\n\n"
    "Social protection reaches 18 per cent of the urban poor against 36 per cent in rural areas, so the urban "
    "poor are covered half as often. Urban programmes are few and small.\n",
    "meals.md": "# School meals\n\n"
    "School meals are part of social protection. People in the hill districts get cooked meals at school; people "
    "say the meals get children to class. Cities and villages alike ask for more meals.\n",
}


@pytest.fixture(scope="module")
def programme(tmp_path_factory, embedder):
    return open_index(ingested_documents(tmp_path_factory, "programme", PROGRAMME))


@pytest.fixture(scope="module")
def coverage(tmp_path_factory, embedder):
    return open_index(ingested_documents(tmp_path_factory, "coverage", COVERAGE))


def first_source(index, question):
    return index.search(question, k=5)[0].chunk.source


def test_the_document_holding_every_word_of_the_question_wins_over_those_repeating_its_name(programme):
    chunks = [c for c in programme.store.all_chunks() if c.source == "jobs.md"]
    assert len(chunks) > 1 and not any("EGPP" in c.text and "2021-22" in c.text for c in chunks), (
        "the test needs the name and the figures in different chunks"
    )
    assert first_source(programme, "How many people took part in EGPP in fiscal year 2021-22?") == "jobs.md"


def test_the_fit_prefers_the_weights_that_rank_the_right_document_first(programme, tmp_path):
    from nsss.eval.fit_retrieval import fit

    questions = tmp_path / "qa.jsonl"
    question = {"id": "q1", "question": "How many people took part in EGPP in fiscal year 2021-22?"}
    questions.write_text(json.dumps({**question, "sources": ["jobs.md"], "answerable": True}) + "\n")
    grid = {"dense": (0.6,), "expansions": (1.0, 0.2), "everyday": (0.0,), "document": (0.0, 0.5)}
    ranked = fit(programme.settings, sets=((questions, None),), grid=grid)
    mrr = {(w["expansions"], w["document"]): m for m, w in ranked}
    assert ranked[0][0] == 1.0 and mrr[(0.2, 0.5)] == 1.0
    assert mrr[(1.0, 0.0)] < 1.0, "weighed as before, a page repeating the programme's name is first"


def test_everyday_words_find_the_documents_words(coverage):
    assert first_source(coverage, "Do people in cities get social protection as much as people in villages?") == (
        "urban.md"
    )


def test_everyday_list_adds_the_documents_words_only_for_everyday_phrases():
    everyday = Everyday([("city", "urban"), ("keeps tabs", "monitoring")])
    assert everyday.terms("Who keeps tabs on cities?") == ["urban", "monitor"]
    assert everyday.terms("Which urban programmes keep records?") == [], "tabs is missing; urban is held already"


def test_a_malformed_everyday_line_names_the_file_and_line(tmp_path):
    path = tmp_path / "everyday.tsv"
    path.write_text("# comment\ncity\turban\nvillage rural\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"everyday.tsv, line 3: expected"):
        Everyday.load(path)
