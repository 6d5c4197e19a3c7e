"""A list question names the plural it asks for, and the items under the heading that lists them answer it. Two ways
of asking that were not read as naming one: a preposition before "which" or "what" ("Into which five clusters...",
"Among which groups..."), read now as a question opening with "which"; and a Bangla question asking the names of a
counted set ("পাঁচটি থিম্যাটিক ক্লাস্টারের নাম কী কী?", the names of the five thematic clusters), whose plural is read
in the documents' English from the glossary. Real model, real Chroma."""

import pytest
from conftest import cited, ingested_documents
from nsss.assistant import open_assistant
from nsss.assistant.question import analyse

DOCS = {
    "thematic-clusters.md": """# Thematic Clusters

The NSSS suggests administrative arrangements for the coordination of the social security programmes of the line
ministries. Such ministries and divisions have been grouped into five clusters to coordinate their programmes. The five
clusters as recommended in the NSSS are shown in the following diagram:

In order to give effect to the recommendations of the NSSS the Cabinet Division has issued a circular defining the
structure of the thematic clusters and their roles. The thematic clusters are as follows:

1. Social Allowance Cluster
2. Food Security and Disaster Assistance Cluster
3. Social Insurance Cluster
4. Labour and Livelihood Intervention Cluster
5. Human Development and Social Empowerment Cluster
""",
    "workshop.md": """# Reflective overview workshop

Workshop participants included a diverse group of key stakeholders, comprising Secretaries from the ministries and
divisions, development partners and researchers.
""",
}


@pytest.fixture(scope="module")
def assistant(tmp_path_factory, embedder):
    """The extractive assistant over the pages above."""
    return open_assistant(ingested_documents(tmp_path_factory, "list-heads", DOCS), use_llm=False)


@pytest.mark.parametrize("opening", ["Into which", "Among which", "Through what", "Of which", "Between which"])
def test_a_preposition_before_which_reads_the_plural_asked(opening):
    q = analyse(f"{opening} groups are the ministries put?")
    assert q.is_list and q.list_head == ("group",)


def test_the_clusters_asked_into_which_are_listed(assistant):
    answer = assistant.answer("Into which five thematic clusters does the NSSS group the ministries and divisions?")

    assert not answer.abstained and cited(answer) == {"thematic-clusters.md"}, answer.text
    assert "Social Allowance Cluster" in answer.text, answer.text


def test_the_names_of_a_counted_set_asked_in_bangla_read_the_plural_in_english():
    assert analyse("এনএসএসএস অনুসারে গঠিত পাঁচটি থিম্যাটিক ক্লাস্টারের নাম কী কী?").list_head == ("cluster",)
    # Not a list question ("কী", not "কী কী"): nothing is read.
    assert analyse("আটটি উপজেলার নাম কী?").list_head == ()


def test_the_clusters_named_in_bangla_are_listed(assistant):
    answer = assistant.answer("এনএসএসএস অনুসারে গঠিত পাঁচটি থিম্যাটিক ক্লাস্টারের নাম কী কী?")

    assert not answer.abstained and cited(answer) == {"thematic-clusters.md"}, answer.text
    assert "Social Allowance Cluster" in answer.text, answer.text
