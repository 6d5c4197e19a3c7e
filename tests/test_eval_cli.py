"""`nsss eval` end to end on the bundled corpus and the seed questions, as a user runs it."""

import json
import subprocess
import sys
from pathlib import Path

import pytest
from nsss.eval.metrics import METRICS

PROJECT = Path(__file__).resolve().parents[1]
SEED = PROJECT / "eval" / "seed_qa.jsonl"
SYSTEMS = ("assistant", "bm25", "dense", "llamaindex-default")


def nsss(*args: str, timeout: int = 900) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "nsss.cli", *args], capture_output=True, text=True, cwd=PROJECT, timeout=timeout
    )


@pytest.fixture(scope="module")
def seed_eval(tmp_path_factory):
    """Run the whole evaluation once: every system on the seed questions, with a report."""
    report = tmp_path_factory.mktemp("report")
    done = nsss("eval", str(SEED), "--report", str(report), "--json")
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout.strip().splitlines()[-1]), report, done


@pytest.mark.slow
def test_json_last_line_has_every_system_with_every_metric(seed_eval):
    result, _, _ = seed_eval
    assert tuple(result["systems"]) == SYSTEMS
    for name, metrics in result["systems"].items():
        assert set(METRICS) <= set(metrics), name
        for metric in METRICS:
            assert isinstance(metrics[metric], int | float), (name, metric, metrics[metric])
    assert result["questions"] == 40 and result["answerable"] == 36


@pytest.mark.slow
def test_scores_are_sane_on_the_seed_set(seed_eval):
    systems = seed_eval[0]["systems"]
    assistant = systems["assistant"]
    assert assistant["R@5"] >= 0.8
    assert assistant["quote_exact"] == 1.0  # every quote is cut from its document
    assert assistant["false_abstain"] <= 0.25
    assert systems["bm25"]["R@5"] >= 0.9  # the seed questions share many words with their sources
    for name in ("bm25", "dense", "llamaindex-default"):
        assert systems[name]["abstain_recall"] == 0.0 and systems[name]["false_abstain"] == 0.0, name
        assert systems[name]["quote_exact"] == 1.0, name  # their quotes are the passages themselves
    for name, metrics in systems.items():
        assert 0 < metrics["p50_ms"] <= metrics["p95_ms"], name
        assert metrics["R@1"] <= metrics["R@5"] and metrics["R@1"] <= metrics["MRR"] <= metrics["R@5"], name


@pytest.mark.slow
def test_by_type_breakdown_covers_every_question_type(seed_eval):
    result = seed_eval[0]
    assert result["types"] == {"lookup": 20, "list": 9, "paraphrase": 5, "multi-doc": 2, "unanswerable": 4}
    assert set(result["by_type"]) == set(result["types"])
    unanswerable = result["by_type"]["unanswerable"]["bm25"]
    assert unanswerable["R@5"] is None and unanswerable["abstain_recall"] == 0.0


@pytest.mark.slow
def test_report_has_tables_plots_and_per_question_rows(seed_eval):
    _, report, _ = seed_eval
    page = (report / "report.md").read_text(encoding="utf-8")
    assert "nsss eval" in page and "seed_qa.jsonl" in page
    for name in SYSTEMS:
        assert f"| {name} |" in page
    assert "### unanswerable (4 questions)" in page
    for png in ("metrics.png", "latency.png"):
        data = (report / png).read_bytes()
        assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 10_000, png
    rows = [json.loads(line) for line in (report / "per_question.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in rows][:2] == ["s001", "s002"] and len(rows) == 40
    assert all(set(SYSTEMS) <= set(r) for r in rows)
    size = sum(p.stat().st_size for p in report.iterdir())
    assert size < 1_000_000, f"report folder is {size} bytes"


@pytest.mark.slow
def test_each_row_says_whether_a_gold_document_is_in_another_language(seed_eval):
    """The seed questions are English over English records: none is across languages; an unanswerable one has no
    gold document to say it of."""
    _, report, _ = seed_eval
    rows = [json.loads(line) for line in (report / "per_question.jsonl").read_text(encoding="utf-8").splitlines()]
    assert {r["across_languages"] for r in rows if r["answerable"]} == {False}
    assert {r["across_languages"] for r in rows if not r["answerable"]} == {None}


@pytest.mark.slow
def test_progress_goes_to_stderr_and_only_json_to_stdout(seed_eval):
    _, _, done = seed_eval
    assert "Evaluating" in done.stderr
    json.loads(done.stdout.strip().splitlines()[-1])


def test_unknown_system_is_named_with_the_choices(tmp_path):
    done = nsss("eval", str(SEED), "--systems", "bm25,gpt", "--store", str(tmp_path / "store"))
    assert done.returncode == 2
    assert "unknown system(s) gpt" in done.stderr and "llamaindex-default" in done.stderr
    assert "Traceback" not in done.stderr


def test_missing_question_set_is_reported_by_name(tmp_path):
    done = nsss("eval", str(tmp_path / "nope.jsonl"), "--store", str(tmp_path / "store"))
    assert done.returncode != 0
    assert "nope.jsonl: question set not found" in done.stderr and "Traceback" not in done.stderr


def test_a_question_set_that_is_not_json_lines_names_the_line(tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "a", "question": "q?", "answer": "x"}\nnot json\n', encoding="utf-8")
    done = nsss("eval", str(bad), "--store", str(tmp_path / "store"))
    assert done.returncode != 0
    assert "bad.jsonl line 2: not a question record" in done.stderr


# Pooling reports (`python -m nsss.eval.pool`): the figures RESULTS.md gives for many sets at once -------------------


def pool(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "nsss.eval.pool", *args], capture_output=True, text=True, cwd=PROJECT, timeout=120
    )


@pytest.mark.slow
def test_pooling_one_report_gives_its_own_figures_and_pooling_it_against_itself_no_change(seed_eval):
    result, report, _ = seed_eval
    done = pool(str(report), str(report), "--against", str(report), str(report), "--json", "--boot", "200")
    assert done.returncode == 0, done.stderr
    pooled = json.loads(done.stdout)
    assert pooled["sets"] == 2 and pooled["questions"] == 2 * result["questions"]
    own = {"all": result["systems"]["assistant"]} | {k: v["assistant"] for k, v in result["by_language"].items()}
    for name, figures in own.items():
        row = pooled["slices"][name]
        for metric in (
            "MRR",
            "R@5",
            "correct",
            "citation_source",
            "citation_holding",
            "abstain_recall",
            "false_abstain",
        ):
            if figures[metric] is None:
                assert metric not in row
                continue
            cell = row[metric]
            assert cell["value"] == pytest.approx(figures[metric], abs=1e-4), (name, metric)
            low, high = cell["interval"]
            # Two copies of one set: every resample is that set, so the interval is the figure itself.
            assert low == pytest.approx(cell["value"], abs=1e-4) and high == pytest.approx(cell["value"], abs=1e-4)
            assert cell["change"] == 0 and cell["change_interval"] == [0, 0]
    changed = {k: v for k, v in pooled["declines"].items() if k != "answerables"}
    assert (
        set(changed.values()) == {0}
        and pooled["declines"]["answerables"] == pooled["slices"]["all"]["questions"]["answerable"]
    )


def test_pooled_intervals_come_from_resampling_the_sets(tmp_path):
    """Two sets that differ: the pooled figure lies between theirs, and the interval spans both."""
    folders = []
    for name, ranks in (("a", [1, 1, 1, 1]), ("b", [2, None, 1, 5])):
        folder = tmp_path / name
        folder.mkdir()
        rows = [_row(f"{name}{i}", rank) for i, rank in enumerate(ranks)]
        (folder / "per_question.jsonl").write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
        folders.append(str(folder))
    done = pool(*folders, "--json", "--boot", "400")
    assert done.returncode == 0, done.stderr
    mrr = json.loads(done.stdout)["slices"]["all"]["MRR"]
    b = (0.5 + 0 + 1 + 0.2) / 4
    assert mrr["value"] == pytest.approx((4 + 4 * b) / 8)
    assert mrr["interval"][0] == pytest.approx(b) and mrr["interval"][1] == pytest.approx(1.0)
    # Reports written before `citation_holding` was measured give no figure for it, rather than a false one.
    assert "citation_holding" not in json.loads(done.stdout)["slices"]["all"]


def test_pooled_citations_at_a_document_holding_the_answer_count_those_at_gold_sources_and_at_copies(tmp_path):
    folder = tmp_path / "r"
    folder.mkdir()
    rows = [_row(f"q{i}", 1) for i in range(2)] + [_row("q2", 2)]
    rows[0]["assistant"] |= {"cited": ["gold.md", "copy.md"], "gold_cited": 1, "holding_cited": 2}
    rows[1]["assistant"] |= {"holding_cited": 1}
    rows[2]["assistant"] |= {"cited": ["elsewhere.md"], "gold_cited": 0, "holding_cited": 0}
    (folder / "per_question.jsonl").write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    done = pool(str(folder), "--json", "--boot", "50")
    assert done.returncode == 0, done.stderr
    row = json.loads(done.stdout)["slices"]["all"]
    assert row["citation_source"]["value"] == pytest.approx(2 / 4)
    assert row["citation_holding"]["value"] == pytest.approx(3 / 4)
    assert row["targets_met"]["citation_holding"] is False
    assert "citation_holding" in pool(str(folder)).stdout


def _row(qid: str, rank: int | None) -> dict:
    return {
        "id": qid,
        "type": "lookup",
        "answerable": True,
        "question": "q",
        "lang": "en",
        "assistant": {
            **dict.fromkeys(("citations", "precise", "statements", "supported", "quotes", "exact", "words"), 1),
            "rank": rank,
            "correct": rank == 1,
            "abstained": rank is None,
            "evidence": 1.0,
            "ms": 1.0,
            "gold_cited": int(rank == 1),
            "cited": ["x.md"],
        },
    }


def test_pool_names_the_folder_or_line_it_cannot_read_and_pairs_that_do_not_match(tmp_path):
    missing = pool(str(tmp_path / "nowhere"))
    assert missing.returncode == 2 and "nowhere" in missing.stderr and "per_question.jsonl" in missing.stderr

    broken = tmp_path / "broken"
    broken.mkdir()
    (broken / "per_question.jsonl").write_text(json.dumps(_row("x1", 1)) + "\n{not json\n", encoding="utf-8")
    bad = pool(str(broken))
    assert bad.returncode == 2 and "line 2" in bad.stderr and "broken" in bad.stderr

    other = tmp_path / "other"
    other.mkdir()
    (other / "per_question.jsonl").write_text(json.dumps(_row("y1", 1)) + "\n", encoding="utf-8")
    good = tmp_path / "good"
    good.mkdir()
    (good / "per_question.jsonl").write_text(json.dumps(_row("x1", 1)) + "\n", encoding="utf-8")
    unpaired = pool(str(good), "--against", str(other))
    assert unpaired.returncode == 2 and "same questions" in unpaired.stderr


# Telling the subject from others end to end (`python -m nsss.eval.subject`) ---------------------------------------


def test_the_subject_measure_asks_each_question_alone_and_counts_by_language(tmp_path, seed_store, cli_env):
    rows = [
        {"question": "কাল কি ঢাকায় বৃষ্টি হবে?", "on_subject": False},
        {"question": "How do I reset my Gmail password?", "on_subject": False},
        {"question": "Who chaired the focal point meeting?", "on_subject": True},
        {"question": "বিধবা ভাতার জন্য কোথায় আবেদন করব?", "on_subject": True},
    ]
    qa = tmp_path / "probe.jsonl"
    qa.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "nsss.eval.subject", str(qa), "--store", str(seed_store.store), "--json"],
        capture_output=True,
        text=True,
        cwd=PROJECT,
        env=cli_env,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    counts = json.loads(done.stdout.strip().splitlines()[-1])
    assert counts["all"]["off"] == counts["all"]["on"] == 2
    assert counts["bn"]["off"] == counts["en"]["off"] == 1
    assert counts["all"]["off_declined"] == 2 and counts["all"]["on_judged_off"] == 0  # both declined, neither judged
    assert counts["all"]["off_declined_share"] == 1.0 and counts["all"]["on_judged_off_share"] == 0.0

    qa.write_text('{"question": "Who chairs the CMC?", "on_subject": "yes"}\n', encoding="utf-8")
    bad = subprocess.run(
        [sys.executable, "-m", "nsss.eval.subject", str(qa), "--store", str(seed_store.store)],
        capture_output=True,
        text=True,
        cwd=PROJECT,
        env=cli_env,
        timeout=300,
    )
    assert bad.returncode != 0 and f"{qa}:1: field 'on_subject' must be true or false" in bad.stderr


# Answering again only the questions a change can touch (`python -m nsss.eval.subset`) ---------------------------------


def subset(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "nsss.eval.subset", *args], capture_output=True, text=True, cwd=PROJECT, timeout=120
    )


def test_a_subset_holds_the_questions_asked_for_with_their_whole_conversations(tmp_path):
    records = [
        {"id": "q1", "question": "Who chairs the CMC?"},
        {"id": "c1", "question": "When was the fair?", "conversation": "c", "turn": 1},
        {"id": "c2", "question": "Who opened it?", "conversation": "c", "turn": 2},
        {"id": "c3", "question": "And where?", "conversation": "c", "turn": 3},
        {"id": "q2", "question": "What is the EGPP?"},
    ]
    questions = tmp_path / "set_qa.jsonl"
    questions.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    out = tmp_path / "part_qa.jsonl"
    done = subset("pick", str(questions), str(out), "c2", "q2")
    assert done.returncode == 0, done.stderr
    assert [json.loads(line)["id"] for line in out.read_text().splitlines()] == ["c1", "c2", "c3", "q2"]

    unknown = subset("pick", str(questions), str(out), "q9")
    assert unknown.returncode == 2 and "set_qa.jsonl" in unknown.stderr and "q9" in unknown.stderr


def test_a_spliced_report_is_the_baseline_with_the_questions_answered_again_in_place(tmp_path):
    base, part = tmp_path / "base", tmp_path / "part"
    for folder, rows in ((base, [_row("a", 1), _row("b", None), _row("c", 2)]), (part, [_row("b", 1)])):
        folder.mkdir()
        (folder / "per_question.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    done = subset("splice", str(base), str(part), str(tmp_path / "out"))
    assert done.returncode == 0, done.stderr
    rows = [json.loads(line) for line in (tmp_path / "out" / "per_question.jsonl").read_text().splitlines()]
    assert [(r["id"], r["assistant"]["rank"]) for r in rows] == [("a", 1), ("b", 1), ("c", 2)]
    pooled = pool(str(tmp_path / "out"), "--against", str(base), "--json", "--boot", "50")
    assert pooled.returncode == 0, pooled.stderr
    assert json.loads(pooled.stdout)["slices"]["all"]["false_abstain"]["change"] == pytest.approx(-1 / 3, abs=1e-4)
    assert json.loads(pooled.stdout)["declines"] == {
        "answerable_answered": 1,
        "answerable_declined": 0,
        "unanswerable_answered": 0,
        "unanswerable_declined": 0,
        "answerable_answered_cited": 1,
        "answerable_declined_cited": 0,
        "answerable_declined_right": 0,
        "answerables": 3,
    }
    said = pool(str(tmp_path / "out"), "--against", str(base), "--boot", "50").stdout
    assert "answerables newly answered 1, newly declined 0; unanswerables newly answered 0" in said
    assert "citing a gold page: 1 of the answerables newly answered" in said

    (part / "per_question.jsonl").write_text(json.dumps(_row("z", 1)) + "\n", encoding="utf-8")
    other = subset("splice", str(base), str(part), str(tmp_path / "out2"))
    assert other.returncode == 2 and "not the same question set" in other.stderr and "z" in other.stderr


def test_the_judging_rule_is_checked_part_by_part_against_the_baseline(tmp_path):
    from nsss.eval.pool import RULE_MARGIN, verdict

    def row(**changes):
        return {
            m: {"value": 0.5, "change": changes.get(m, 0.0)}
            for m in ("MRR", "correct", "citation_source", "false_abstain")
        }

    counts = {
        "answerables": 1000,
        "answerable_answered": 5,
        "answerable_declined": 1,
        "answerable_declined_right": 1,
        "answerable_answered_cited": 3,
        "unanswerable_answered": 2,
        "unanswerable_declined": 0,
    }
    assert verdict(row(), counts) == {
        "right_answers_lost": True,  # 1 <= 0.002 x 1000
        "unanswerables_answered": True,  # 2 x 2 <= 4
        "figures_held": True,
        "added_answers_cite": True,  # 2 citing no gold page <= 3 citing one
        "passes": True,
        "net": {"answerable": 4, "unanswerable": 2},
    }
    # Answerables declined that the baseline answered wrongly and cited no gold page for are no loss; right ones are.
    assert verdict(row(false_abstain=0.01), counts)["passes"]
    assert not verdict(row(), counts | {"answerable_declined_right": 3})["right_answers_lost"]  # 3 > 2
    assert verdict(row(citation_source=-RULE_MARGIN), counts)["figures_held"]  # at the margin: holds
    failed = verdict(row(citation_source=-RULE_MARGIN - 0.0002), counts)
    assert not failed["figures_held"] and not failed["passes"]
    more = counts | {"unanswerable_answered": 3}
    assert not verdict(row(), more)["unanswerables_answered"]  # 2 x 3 > 4
    assert not verdict(row(), counts | {"answerable_answered_cited": 2})["added_answers_cite"]  # 3 without > 2 with
    # Parts 2 and 5 count over everything judged: the development part's answers join the new sets' ones.
    pooled = counts | {"unanswerable_declined": 4, "answerable_answered": 9, "answerable_answered_cited": 3}
    assert verdict(row(), more, pooled)["unanswerables_answered"]  # 2 x (3 - 4) <= 8
    assert not verdict(row(), counts, pooled)["added_answers_cite"]  # 6 without > 3 with

    # From the command: the answers newly given (one answerable, citing a gold page) pass; no baseline, no rule.
    base, mine = tmp_path / "base", tmp_path / "mine"
    for folder, rows in ((base, [_row("a", 1), _row("b", None)]), (mine, [_row("a", 1), _row("b", 1)])):
        folder.mkdir()
        (folder / "per_question.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    said = pool(str(mine), "--against", str(base), "--boot", "50")
    assert said.returncode == 0, said.stderr
    assert "judging rule: passes" in said.stdout and "3. MRR, key terms" in said.stdout
    assert json.loads(pool(str(mine), "--against", str(base), "--json", "--boot", "50").stdout)["verdict"]["passes"]
    assert "judging rule" not in pool(str(mine), "--boot", "50").stdout
    worse = pool(str(base), "--against", str(mine), "--boot", "50").stdout
    assert "judging rule: FAILS" in worse and "1. right answers lost (1 of 2 answerables)" in worse
    assert "the answerables: FAILS" in worse

    # --also: further pairs join the counts of answers newly given (here one answerable citing no gold page: part 5
    # fails over the two), never the figures; a folder left unpaired is named.
    dev, dev_base = tmp_path / "dev", tmp_path / "dev_base"
    for folder, rows in ((dev_base, [_row("d", None), _row("e", None)]), (dev, [_row("d", 2), _row("e", 3)])):
        folder.mkdir()
        (folder / "per_question.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    both = json.loads(
        pool(str(mine), "--against", str(base), "--also", str(dev), "--also-against", str(dev_base), "--json").stdout
    )
    assert both["pooled_declines"]["answerable_answered"] == 3 and both["slices"]["all"]["questions"]["answerable"] == 2
    assert not both["verdict"]["added_answers_cite"] and not both["verdict"]["passes"]
    unpaired = pool(str(mine), "--against", str(base), "--also", str(dev))
    assert unpaired.returncode == 2 and "--also" in unpaired.stderr


def test_pool_shows_the_questions_asked_in_their_documents_language_apart_from_those_asked_across(tmp_path):
    """Issue 8 is measured on questions in the language of their documents; a Bangla question over an English
    report is issue 9's kind (questions across languages): the pooled report shows both, when the reports say."""
    folder = tmp_path / "r"
    folder.mkdir()
    rows = [_row("en1", 1), _row("bn1", 1), _row("bn2", None), _row("u1", None)]
    rows[1]["lang"] = rows[2]["lang"] = "bn"
    rows[3] |= {"answerable": False, "type": "unanswerable"}
    for row, across in zip(rows, (False, False, True, None), strict=True):
        row["across_languages"] = across
    (folder / "per_question.jsonl").write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    done = pool(str(folder), "--json", "--boot", "50")
    assert done.returncode == 0, done.stderr
    shown = json.loads(done.stdout)["slices"]
    own, across = shown["in the documents' language"], shown["across languages"]
    assert own["questions"] == {"answerable": 2, "unanswerable": 1} and own["MRR"]["value"] == pytest.approx(1.0)
    assert across["questions"] == {"answerable": 1, "unanswerable": 0} and across["MRR"]["value"] == 0.0
    # A report written before it was measured shows neither.
    for row in rows:
        del row["across_languages"]
    (folder / "per_question.jsonl").write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    assert "across languages" not in json.loads(pool(str(folder), "--json", "--boot", "50").stdout)["slices"]


def test_a_question_is_across_languages_when_a_gold_document_is_written_in_another():
    from types import SimpleNamespace

    from nsss.eval.harness import _across_languages
    from nsss.eval.metrics import Question

    records = [SimpleNamespace(source="web/en.md", key="k1"), SimpleNamespace(source="web/bn.md", key="k2")]
    texts = {"k1": "The allowance is paid monthly.", "k2": "ভাতা প্রতি মাসে দেওয়া হয়।"}
    across = _across_languages(records, texts.__getitem__)

    def ask(lang: str, sources: list[str], answerable: bool = True) -> Question:
        return Question("q", "?", "", tuple(sources), (), "lookup", answerable, lang=lang)

    assert across(ask("bn", ["en.md"])) is True
    assert across(ask("bn", ["bn.md"])) is False
    assert across(ask("en", ["en.md"])) is False
    assert across(ask("en", ["en.md", "bn.md"])) is True  # a multi-document answer half in the other language
    assert across(ask("en", [], answerable=False)) is None
    assert across(ask("en", ["nowhere.md"])) is None
