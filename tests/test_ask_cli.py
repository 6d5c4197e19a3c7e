"""`nsss ask` as a process: the JSON other tools rely on, questions from stdin, filters, text output, no network."""

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from nsss.index import open_index

PROJECT = Path(__file__).resolve().parents[1]
CLI = [sys.executable, "-m", "nsss.cli"]

FOCAL = "focal-point-meeting-2022-06-26.txt"
REFLECTIVE = "reflective-overview-consultation-workshop-2025.txt"
WORKSHOPS = {"dissemination-workshop-action-plan-ii-baseline-2022.txt", REFLECTIVE}
ANSWER_KEYS = {"question", "answer", "abstained", "citations", "retrieved", "timings_ms"}
# Beyond the shape: how the answer was made, any warning about it and its kind, whether it was read as a
# follow-up, the answerability model's features and probability, and the quotes' glossary terms in the question's
# language when they are in the other one.
EXTRA_KEYS = {"mode", "notice", "notice_kind", "followup", "answerability", "glossary"}
CITATION_KEYS = {"n", "source", "title", "page", "quote", "ocr", "date", "url", "publisher", "reference"}
RETRIEVED_KEYS = {"source", "title", "page", "score", "text"}

# Runs the CLI in a process that counts how often the model is loaded (each load reads the model's
# sentence_bert_config.json once, in PyTorch or ONNX), so "the model loads once" is measured rather than assumed.
COUNTING_LOADS = """
import atexit, sys
loads = []
sys.addaudithook(lambda event, args: loads.append(args[0]) if event == "open" and str(args[0]).endswith("sentence_bert_config.json") else None)
atexit.register(lambda: print(f"model loads: {len(loads)}", file=sys.stderr))
from nsss.cli import main
sys.exit(main(sys.argv[1:]))
"""


@pytest.fixture(scope="module")
def seed_texts(seed_store) -> dict[str, str]:
    """The extracted text of every seed document, by source path."""
    index = open_index(seed_store, lexical=False)
    return {r.source: index.store.document_text(r.key) for r in index.records}


def ask(cli_env, *args, stdin: str | None = None, code: list[str] | None = None, timeout: float = 180):
    """Run `nsss ask ARGS...` with text on standard input; return (exit status, stdout, stderr)."""
    proc = subprocess.run(
        [*(code or CLI), "ask", *map(str, args)],
        input=stdin or "",
        capture_output=True,
        text=True,
        timeout=timeout,
        env=cli_env,
        cwd=PROJECT,
    )
    return proc.returncode, proc.stdout, proc.stderr


def check_shape(obj: dict, texts: dict[str, str]) -> None:
    """Assert one `nsss ask --json` line has exactly the issue's keys and types."""
    assert ANSWER_KEYS <= set(obj) <= ANSWER_KEYS | EXTRA_KEYS, sorted(obj)
    assert isinstance(obj["question"], str) and isinstance(obj["answer"], str) and obj["answer"]
    assert isinstance(obj["abstained"], bool)
    assert all(len(pair) == 2 and all(isinstance(t, str) for t in pair) for pair in obj.get("glossary", []))
    assert isinstance(obj["citations"], list) and isinstance(obj["retrieved"], list)
    for n, c in enumerate(obj["citations"], 1):
        assert set(c) == CITATION_KEYS, sorted(c)
        assert c["n"] == n and type(c["n"]) is int
        assert isinstance(c["source"], str) and isinstance(c["title"], str) and c["title"]
        assert c["page"] is None, "text files have no pages"
        assert isinstance(c["quote"], str) and c["quote"] in texts[c["source"]], "the source is relative to the corpus"
        assert c["date"] is None or re.fullmatch(r"\d{4}(-\d\d){0,2}", c["date"]), c["date"]
        assert c["url"] is None or c["url"].startswith("https://"), c["url"]
        assert c["title"] in c["reference"] and f"File {c['source']}" in c["reference"]
        if c["date"]:
            assert c["date"][:4] in c["reference"]
    assert len(obj["retrieved"]) >= 5
    for r in obj["retrieved"]:
        assert set(r) == RETRIEVED_KEYS, sorted(r)
        assert r["source"] in texts and isinstance(r["title"], str) and r["page"] is None
        assert type(r["score"]) is float and isinstance(r["text"], str) and r["text"] in texts[r["source"]]
    # The assistant's order (README, "nsss ask --json"): the first quote's passage first, then one passage of each
    # other document before a second passage of any, each part in the search's order (descending score).
    sources = [r["source"] for r in obj["retrieved"]]
    scores = [r["score"] for r in obj["retrieved"]]
    documents = list(dict.fromkeys(sources))
    assert sources[: len(documents)] == documents, "one passage of each document before a second of any"
    for part in (scores[1 : len(documents)], scores[len(documents) :]):
        assert part == sorted(part, reverse=True), "retrieved passages are ranked"
    timings = obj["timings_ms"]
    assert set(timings) == {"retrieve", "answer", "total"}
    assert all(type(v) is float and v >= 0 for v in timings.values())
    assert timings["total"] >= max(timings["retrieve"], timings["answer"])


def test_json_lines_for_questions_on_stdin_with_one_model_load(seed_store, seed_texts, cli_env):
    questions = [
        "When was the focal point meeting held?",
        "and who chaired it?",
        "What is the boiling point of mercury?",
    ]

    status, out, err = ask(
        cli_env,
        "--json",
        "--store",
        seed_store.store,
        stdin="\n".join(questions) + "\n\n",
        code=[sys.executable, "-c", COUNTING_LOADS],
    )

    assert status == 0, err
    lines = out.strip().splitlines()
    assert len(lines) == 3, "one JSON object per question; the blank line is skipped"
    answers = [json.loads(line) for line in lines]
    for obj, question in zip(answers, questions, strict=True):
        check_shape(obj, seed_texts)
        assert obj["question"] == question
    when, who, mercury = answers
    assert "26 June 2022" in when["answer"] and {c["source"] for c in when["citations"]} == {FOCAL}
    # The follow-up is understood from the line before it: the lines are one conversation.
    assert not who["abstained"] and FOCAL in {c["source"] for c in who["citations"]}
    assert "Shamsul Arefin" in who["answer"], who["answer"]
    assert mercury["abstained"] and mercury["citations"] == []
    assert "model loads: 1" in err, err[-500:]


def test_text_output_has_references_and_the_kind_filter_holds(seed_store, cli_env):
    status, out, err = ask(cli_env, "Who was the chief guest?", "--kind", "workshop", "--store", seed_store.store)

    assert status == 0, err
    answer, _, references = out.partition("\nReferences:\n")
    assert "[1]" in answer and references, out
    lines = [line for line in references.splitlines() if line.strip()]
    assert lines and all(line.startswith(f"[{n}] ") for n, line in enumerate(lines, 1)), references
    cited = {re.search(r"\. File (\S+)\. “", line).group(1) for line in lines}
    assert cited <= WORKSHOPS, cited
    assert all(re.search(r"\((\d{1,2} \w+ )?\d{4}\)", line) for line in lines), lines  # each names its date
    assert all("https://socialprotection.gov.bd/" in line for line in lines), lines  # and its address


@pytest.mark.parametrize(
    ("flags", "allowed"),
    [
        (["--doc", FOCAL], {FOCAL}),
        (["--year", "2025"], {REFLECTIVE}),
    ],
)
def test_json_filters_restrict_sources(seed_store, cli_env, flags, allowed):
    question = "Who chaired the high-level policy dialogue on inter-ministerial coordination?"

    status, out, err = ask(cli_env, question, "--json", *flags, "--store", seed_store.store)

    assert status == 0, err
    obj = json.loads(out)
    assert obj["retrieved"] and {r["source"] for r in obj["retrieved"]} == allowed
    assert {c["source"] for c in obj["citations"]} <= allowed


def test_unknown_document_filter_exits_2_with_a_message(seed_store, cli_env):
    status, out, err = ask(cli_env, "Who chaired it?", "--doc", "no-such-report.pdf", "--store", seed_store.store)

    assert status == 2
    assert "no document matches 'no-such-report.pdf'" in err and "nsss status" in err
    assert "Traceback" not in err and not out


def test_ask_works_without_any_network(seed_store, cli_env):
    unshare = shutil.which("unshare")
    if not unshare or subprocess.run([unshare, "-n", "true"], capture_output=True).returncode != 0:
        pytest.skip("`unshare -n` is not available here (it needs root or user namespaces)")

    proc = subprocess.run(
        [
            unshare,
            "-n",
            *CLI,
            "ask",
            "When was the focal point meeting held?",
            "--json",
            "--store",
            str(seed_store.store),
        ],
        capture_output=True,
        text=True,
        timeout=180,
        env=cli_env,
        cwd=PROJECT,
    )

    assert proc.returncode == 0, proc.stderr
    obj = json.loads(proc.stdout)
    assert not obj["abstained"] and "26 June 2022" in obj["answer"]
    assert {c["source"] for c in obj["citations"]} == {FOCAL}
