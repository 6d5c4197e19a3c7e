"""`python -m nsss.eval.declines`: why answerable questions are declined, on a real store and the real model."""

import json

import pytest
from conftest import ingested_documents
from nsss.eval.declines import REASONS, main, reason

WORKFARE = """# Employment Generation Programme for the Poorest

The Employment Generation Programme for the Poorest (EGPP) offers up to 80 days of work a year to rural households
that own no land. Workers are paid BDT 400 per working day in the 2024 season.
"""


@pytest.mark.parametrize(
    "signals, why",
    [
        ({"slot_missing": 1.0, "sibling_named": 1.0, "probability": 0.1}, "slot"),  # the slot veto is tried first
        ({"slot_missing": 0.0, "figures_in_document": 0.0, "probability": 0.9}, "veto"),
        ({"asked_short": 1.0, "probability": 0.9}, "veto"),
        ({"figures_in_document": 1.0, "sibling_named": 0.0, "probability": 0.2}, "model"),
        ({"figures_in_document": 1.0, "sibling_named": 0.0, "probability": 0.8}, "wider"),
    ],
)
def test_a_decline_is_counted_under_the_first_reason_that_holds(signals, why):
    assert reason(signals, threshold=0.3) == why


def test_the_tally_counts_each_declined_answerable_question_once(tmp_path_factory, tmp_path, capsys):
    settings = ingested_documents(tmp_path_factory, "declines", {"workfare.md": WORKFARE})
    questions = [
        # answered: the day's wage is what the document says
        {"id": "d1", "question": "How much is an EGPP worker paid per working day?", "answerable": True},
        # declined: the document gives a day's wage, not a month's
        {"id": "d2", "question": "How much is an EGPP worker paid per month?", "answerable": True},
        # unanswerable: not counted
        {"id": "d3", "question": "Who chairs the EGPP steering committee?", "answerable": False},
    ]
    path = tmp_path / "set_qa.jsonl"
    common = {"answer": "", "sources": ["workfare.md"], "evidence": [], "type": "lookup"}
    path.write_text("".join(json.dumps(common | q) + "\n" for q in questions), encoding="utf-8")

    assert main([str(path), "--store", str(settings.store), "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert (result["answerable"], result["declined"]) == (2, 1)
    assert set(result["reasons"]) == set(REASONS) and sum(result["reasons"].values()) == 1


def test_a_store_without_documents_is_an_error_that_names_it(tmp_path, capsys):
    path = tmp_path / "set_qa.jsonl"
    path.write_text("", encoding="utf-8")
    assert main([str(path), "--store", str(tmp_path / "empty")]) == 2
    assert str(tmp_path / "empty") in capsys.readouterr().err
