"""In a later turn "one" stands for the kind of thing named before ("And the labour one?" after the thematic
clusters), and an ordinal for the item the answer before listed ("Which ministry coordinates the first one?"). The
reading on its own, and real model, real Chroma for the conversation."""

import pytest
from conftest import ask_in_turn
from nsss.assistant.conversation import resolve_one
from nsss.assistant.types import Conversation, Turn

CLUSTERS = (
    "- The thematic clusters are as follows: [1]\n- 1. Social Allowance Cluster [2]\n"
    "- 2. Food Security & Disaster Assistance Cluster [3]\n- 3. Social Insurance Cluster [4]"
)


@pytest.mark.parametrize(
    "question, read",
    [
        ("Which ministry coordinates the first one?", "Which ministry coordinates the Social Allowance Cluster?"),
        ("What are the aims of the last one?", "What are the aims of the Social Insurance Cluster?"),
        ("Which ministry coordinates the first of those?", "Which ministry coordinates the Social Allowance Cluster?"),
        ("Who leads the labour one?", "Who leads the labour cluster?"),
        # a bare "and the X one?" asks the question before, of X
        ("And the labour one?", "Which ministry coordinates the labour cluster?"),
        ("And the one about jobs, who leads it?", "And the cluster about jobs, who leads it?"),
        # not "one" standing for a thing
        ("Will every old person get the allowance one day?", "Will every old person get the allowance one day?"),
        (
            "Is the social allowance cluster the one of most use?",
            "Is the social allowance cluster the one of most use?",
        ),
    ],
)
def test_one_is_read_as_the_kind_named_before(question, read):
    turns = (
        Turn("What are the thematic clusters of the NSSS?", "What are the thematic clusters of the NSSS?", CLUSTERS),
        Turn(
            "Which ministry coordinates the social allowance one?",
            "Which ministry coordinates the social allowance cluster?",
            "- Ministry of Social Welfare (Coordinator) [1]",
        ),
    )
    conversation = Conversation(turns[:1] if "first" in question or "last" in question else turns)
    assert resolve_one(question, conversation) == read


def test_one_alone_is_left_as_asked():
    assert resolve_one("Who leads the labour one?", Conversation()) == "Who leads the labour one?"


def test_the_first_one_and_the_labour_one_are_the_clusters_listed(web_assistant):
    """After the five thematic clusters, "the first one" is the Social Allowance Cluster and "And the labour one?"
    asks who coordinates the labour cluster; before, "one" named nothing and both were answered from other pages
    (eval/RESULTS.md, session 34: ON)."""
    _, first, labour = ask_in_turn(
        web_assistant,
        "What are the five thematic clusters of the NSSS?",
        "Which ministry coordinates the first one?",
        "And the labour one?",
    )

    assert "Ministry of Social Welfare" in first.text, first.text
    assert {c.source.rsplit("/", 1)[-1] for c in first.citations} == {"sp-gov-bd-social-allowance-cluster.md"}
    assert "Disaster Management and Relief" in labour.text, labour.text
