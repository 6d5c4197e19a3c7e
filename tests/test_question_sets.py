"""Check the question sets in eval/ against the documents they cite."""

import json
import os
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parents[1]
SHARED = PROJECT.parent / "shared"
KEYS = {"id", "question", "answer", "sources", "evidence", "type", "answerable"}
OPTIONAL = {"lang", "conversation", "turn", "split", "near_sources"}
QUESTION_SETS = sorted((PROJECT / "eval").glob("*_qa.jsonl"))
WEB_SET = PROJECT / "eval" / "web_qa.jsonl"
DEV_SET = PROJECT / "eval" / "dev_qa.jsonl"


def collapse(text):
    """Collapse every run of whitespace to a single space and fold case, as the evidence metric reads a quote
    (eval/metrics.py `collapse`, less its quote straightening): a writer may start a quote mid-sentence in lower case."""
    return " ".join(text.casefold().split())


def web_corpus():
    """Return the folder of web documents, skipping the test if it is absent."""
    folder = Path(os.environ.get("NSSS_WEB_CORPUS", SHARED / "corpus-web"))
    if not folder.is_dir():
        pytest.skip(f"web corpus not found at {folder}; set NSSS_WEB_CORPUS to its folder")
    return folder


def locate(question_set, name):
    """Return the file a question set's source name refers to: a bundled document or a web one."""
    for folder in (PROJECT / "corpus", SHARED / "corpus"):
        if (folder / name).exists():
            return folder / name
    return web_corpus() / name


def load(question_set):
    """Read one JSON object per non-blank line, failing on the first line that does not parse."""
    records = []
    for number, line in enumerate(question_set.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            try:
                records.append(json.loads(line))
            except json.JSONDecodeError as error:
                pytest.fail(f"{question_set.name} line {number} is not valid JSON: {error}")
    return records


def problems(question_set, records):
    """List every fault in the records, naming the question id and the quote at fault."""
    found, seen, texts = [], set(), {}
    for record in records:
        qid = record.get("id", "<no id>")
        if not KEYS <= set(record) <= KEYS | OPTIONAL:
            found.append(f"{qid}: keys are {sorted(record)}, expected {sorted(KEYS)} and any of {sorted(OPTIONAL)}")
            continue
        if qid in seen:
            found.append(f"{qid}: duplicate id")
        seen.add(qid)
        sources, evidence = record["sources"], record["evidence"]
        if not isinstance(record["answerable"], bool):
            found.append(f"{qid}: answerable must be true or false")
        elif record["answerable"] and not (sources and evidence):
            found.append(f"{qid}: answerable question needs sources and evidence")
        elif not record["answerable"] and (sources or evidence):
            found.append(f"{qid}: unanswerable question must have empty sources and evidence")
        for name in sources:
            path = locate(question_set, name)
            if not path.is_file():
                found.append(f"{qid}: source {name!r} not found at {path}")
            elif name not in texts:
                texts[name] = collapse(path.read_text(encoding="utf-8"))
        for quote in evidence:
            if not any(collapse(quote) in texts.get(name, "") for name in sources):
                found.append(f"{qid}: quote not found in {sources}: {quote!r}")
    return found


@pytest.mark.parametrize("question_set", QUESTION_SETS, ids=lambda path: path.name)
def test_question_set_is_well_formed_and_quotes_its_sources(question_set):
    """Check every record's shape, id, sources and verbatim evidence."""
    records = load(question_set)
    assert records, f"{question_set.name} holds no questions"
    found = problems(question_set, records)
    assert not found, f"{question_set.name}:\n" + "\n".join(found)


def test_web_question_set_is_large_and_varied():
    """Check the web set has enough questions, unanswerable ones and Bangla ones."""
    if not WEB_SET.exists():
        pytest.fail(f"{WEB_SET} is missing")
    records = load(WEB_SET)
    types = [record.get("type") for record in records]
    assert len(records) >= 60, f"only {len(records)} questions"
    assert sum(not record.get("answerable") for record in records) >= 8, "fewer than 8 unanswerable"
    assert types.count("bangla") >= 5, "fewer than 5 Bangla questions"


def test_development_set_is_large_varied_and_split_once():
    """Check the development set: 300+ questions, 60+ near misses, 20+ conversations of 2-4 turns, 30+ in Bangla,
    split into two halves with each conversation wholly in one."""
    records = load(DEV_SET)
    types = [r["type"] for r in records]
    assert len(records) >= 300, f"only {len(records)} questions"
    assert types.count("near-miss") >= 60 and all(not r["answerable"] for r in records if r["type"] == "near-miss")
    assert sum(r.get("lang") == "bn" for r in records) >= 30
    conversations = {}
    for r in records:
        if r.get("conversation"):
            conversations.setdefault(r["conversation"], []).append(r)
    assert len(conversations) >= 20
    for name, turns in conversations.items():
        assert 2 <= len(turns) <= 4, name
        assert [t["turn"] for t in turns] == list(range(1, len(turns) + 1)), f"{name}: turns out of order"
        assert len({t["split"] for t in turns}) == 1, f"{name}: split across halves"
    halves = [r["split"] for r in records]
    assert set(halves) == {"tune", "test"} and abs(halves.count("tune") - halves.count("test")) <= 0.1 * len(records)


def test_the_split_is_reproducible():
    """Check eval/split_dev.py gives the same halves again: the split was made once, with a fixed seed."""
    from nsss.eval.split_dev import split

    records = load(DEV_SET)
    again = split([{k: v for k, v in r.items() if k != "split"} for r in records])
    assert [r["split"] for r in again] == [r["split"] for r in records]
