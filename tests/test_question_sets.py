"""Check the question sets in eval/ against the documents they cite."""

import json
import os
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parents[1]
SHARED = PROJECT.parent / "shared"
KEYS = {"id", "question", "answer", "sources", "evidence", "type", "answerable"}
OPTIONAL_KEYS = {"lang"}  # crosslang_qa.jsonl says which language asks about which
QUESTION_SETS = sorted((PROJECT / "eval").glob("*.jsonl"))
WEB_SET = PROJECT / "eval" / "web_qa.jsonl"
WEB_SETS = {"web_qa.jsonl", "crosslang_qa.jsonl"}  # question sets over the web corpus


def collapse(text):
    """Collapse every run of whitespace to a single space."""
    return " ".join(text.split())


def web_corpus():
    """Return the folder of web documents, skipping the test if it is absent."""
    folder = Path(os.environ.get("NSSS_WEB_CORPUS", SHARED / "corpus-web"))
    if not folder.is_dir():
        pytest.skip(f"web corpus not found at {folder}; set NSSS_WEB_CORPUS to its folder")
    return folder


def locate(question_set, name):
    """Return the file a question set's source name refers to."""
    if question_set.name in WEB_SETS:
        return web_corpus() / name
    bundled = PROJECT / "corpus" / name
    return bundled if bundled.exists() else SHARED / "corpus" / name


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
        if not KEYS <= set(record) <= KEYS | OPTIONAL_KEYS:
            found.append(f"{qid}: keys are {sorted(record)}, expected {sorted(KEYS)}")
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
