"""The filter that keeps a held-out set's new questions runs, and keeps only what no other set already asks."""

import json
import subprocess
import sys

from conftest import PROJECT


def test_novel_drops_questions_asked_before_and_conversations_leaning_on_them(tmp_path, cli_env):
    def write(name: str, records: list[dict]) -> str:
        path = tmp_path / name
        path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
        return str(path)

    held = write(
        "held.jsonl",
        [
            {"id": "m1", "question": "Who chairs the Central Management Committee?", "answerable": True},
            {"id": "m2", "question": "How many copies of the Bangla NSSS were printed?", "answerable": True},
            {"id": "m3", "question": "Where was the Social Security Knowledge Fair 2019 held?", "answerable": True,
             "conversation": "c1", "turn": 1},
            {"id": "m4", "question": "Who opened it?", "answerable": True, "conversation": "c1", "turn": 2},
        ],
    )  # fmt: skip
    seen = write(
        "seen.jsonl",
        [
            {"id": "a1", "question": "Who is the chair of the Central Management Committee?"},
            {"id": "a2", "question": "Where did the Social Security Knowledge Fair 2019 take place?"},
        ],
    )
    out = tmp_path / "new.jsonl"
    proc = subprocess.run(
        [sys.executable, "-m", "nsss.eval.novel", held, "--against", seen, "--out", str(out)],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=PROJECT,
        env=cli_env,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    kept = [json.loads(line)["id"] for line in out.read_text(encoding="utf-8").splitlines()]
    assert kept == ["m2"]  # m1 asked before; m3 too, and m4 leans on it
    assert "1 of 4 questions" in proc.stderr
