"""`nsss eval` reports conversations' later turns apart, by language, and why they are missed (real model, Chroma)."""

import json

from nsss.eval.harness import run_eval
from nsss.eval.metrics import Score, followup_rows, later_turn_slices

FOCAL = "focal-point-meeting-2022-06-26.txt"
DIALOGUE = "policy-dialogue-inter-ministerial-coordination.txt"
BASE = {"answer": "", "evidence": [], "answerable": True}
ROWS = [
    {
        "id": "c1",
        "question": "When was the focal point meeting held?",
        "answer": "26 June 2022",
        "sources": [FOCAL],
        "evidence": ["26 June 2022"],
        "type": "conversation",
        "conversation": "A",
        "turn": 1,
        "lang": "en",
    },
    {
        "id": "c2",
        "question": "and who chaired it?",
        "answer": "Md Shamsul Arefin",
        "sources": [FOCAL],
        "type": "conversation",
        "conversation": "A",
        "turn": 2,
        "lang": "en",
    },
    {
        "id": "c3",
        "question": "Who chaired the high-level policy dialogue on inter-ministerial coordination?",
        "answer": "Cabinet Secretary Md Mahbub Hossain",
        "sources": [DIALOGUE],
        "type": "conversation",
        "conversation": "A",
        "turn": 3,
        "lang": "en",
    },
    {
        "id": "c4",
        "question": "What is the fare of the Dhaka metro rail?",
        "sources": [],
        "answerable": False,
        "type": "conversation",
        "conversation": "A",
        "turn": 4,
        "lang": "en",
    },
    {
        "id": "b1",
        "question": "মন্ত্রিসভা কবে জাতীয় সামাজিক নিরাপত্তা কৌশল (NSSS) অনুমোদন করে?",
        "answer": "জুন ২০১৫",
        "sources": [DIALOGUE],
        "type": "lookup",
        "lang": "bn",
    },
]


def test_later_turns_are_scored_apart_by_language_and_sorted_by_how_they_were_read(seed_store, tmp_path):
    questions = tmp_path / "chat_qa.jsonl"
    questions.write_text("".join(json.dumps(BASE | r, ensure_ascii=False) + "\n" for r in ROWS), encoding="utf-8")

    result = run_eval(questions, seed_store, systems=("assistant", "bm25"), store_given=True, report=tmp_path / "r")

    assert set(result.by_language) == {"en", "bn"}
    assert set(result.later_turns) == {"all", "en"}  # c2 to c4: the first turn and b1 are not later turns
    later = result.later_turns["all"]["assistant"]
    assert later["abstain_recall"] == 1.0  # the metro fare is declined
    # c2 is read as a follow-up and answered in the focal point meeting's record, the file c1 was about; c3 names its
    # own subject, another file.
    rows = {(r["read_as"], r["gold_in"]): r for r in result.followups}
    assert rows[("follow-up", "previous")]["turns"] == 1 and rows[("follow-up", "previous")]["first"] == 1
    assert rows[("standalone", "elsewhere")]["turns"] == 1
    assert sum(r["turns"] for r in result.followups) == 2  # answerable later turns only
    assert later["MRR"] == sum(r["MRR"] * r["turns"] for r in result.followups) / 2
    assert result.followups and all(r["lang"] == "en" for r in result.followups)

    page = (tmp_path / "r" / "report.md").read_text(encoding="utf-8")
    assert "## By language" in page and "### Bangla" in page and "### All later turns" in page
    assert "| English | follow-up | the turn before | 1 | 1 | 0 | 0 | 1.000 |" in page
    per_question = [json.loads(line) for line in (tmp_path / "r" / "per_question.jsonl").open(encoding="utf-8")]
    c2 = next(r for r in per_question if r["id"] == "c2")
    assert c2["turn"] == 2 and c2["assistant"]["followup"] is True and c2["assistant"]["gold_in_previous"] is True
    assert c2["bm25"]["followup"] is None  # a baseline does not converse
    assert FOCAL in c2["assistant"]["cited"] and c2["assistant"]["gold_cited"] >= 1


def test_followup_rows_count_ranks_within_each_group():
    def turn(rank, followup, previous, lang="en", later=True, answerable=True):
        return Score(
            "x",
            "conversation",
            answerable,
            False,
            rank=rank,
            lang=lang,
            later=later,
            followup=followup,
            gold_previous=previous,
        )

    scores = [
        turn(1, True, True),
        turn(3, True, True),
        turn(None, False, True),
        turn(2, False, False, "bn"),
        turn(1, True, True, later=False),  # a first turn
        turn(None, False, True, answerable=False),  # unanswerable
    ]
    rows = followup_rows(scores)
    assert [(r["lang"], r["read_as"], r["gold_in"], r["turns"], r["first"], r["top5"], r["missed"]) for r in rows] == [
        ("bn", "standalone", "elsewhere", 1, 0, 1, 0),
        ("en", "follow-up", "previous", 2, 1, 1, 0),
        ("en", "standalone", "previous", 1, 0, 0, 1),
    ]
    assert rows[1]["MRR"] == round((1 + 1 / 3) / 2, 4)
    assert [len(v) for v in later_turn_slices(scores).values()] == [5, 1, 4]
