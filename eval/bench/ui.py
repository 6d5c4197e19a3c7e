"""Measure what the web page adds to an answer: from pressing Ask to the sources shown, against Assistant.answer.

    python -m nsss.eval.bench.ui --store DIR [--questions 20] [--json]

One `nsss serve` on the store (no LLM), one Chromium page (Debian's /usr/bin/chromium, Playwright) at 1400x900.
Each question is typed, Ask pressed, and the clock stops when the Sources panel names the question; the answer's
own time (`timings_ms.total`, shown under it) is subtracted to give the page's overhead. Then the same question is
answered in this process with `Assistant.answer` over the same store, for the ratio.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import time
from pathlib import Path

from nsss.core.settings import Settings, go_offline
from nsss.eval.bench import CHROMIUM, CHROMIUM_ARGS, WEB_QA, read_questions, stop_server, summary, wait_for_page
from nsss.eval.bench.serve import _serve

# Press Ask and resolve with the milliseconds until the Sources panel names the question.
TIMED_ASK = """(q) => new Promise((resolve) => {
  const panel = document.querySelector('#nsss-sources');
  const done = () => (panel.querySelector('.nsss-panel-title') || {}).textContent?.includes(q);
  const t0 = performance.now();
  const watch = new MutationObserver(() => { if (done()) { watch.disconnect(); resolve(performance.now() - t0); } });
  watch.observe(panel, {subtree: true, childList: true, characterData: true});
  document.querySelector('#nsss-ask').click();
})"""


def page_latency(store: Path, questions: list[str]) -> dict:
    """Ask each question in the page; return wall times, the answers' own times and the overhead, in ms."""
    from playwright.sync_api import expect, sync_playwright

    proc, url, _ = _serve(store)
    walls, answers = [], []
    try:
        wait_for_page(url, proc, poll=0.05)
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": 1400, "height": 900})
            page.goto(url)
            expect(page.locator("#nsss-status-line")).to_contain_text("Model:", timeout=180_000)
            for i, q in enumerate([questions[0], *questions]):  # the first one warms up, untimed
                page.locator("#nsss-question textarea").fill(q)
                wall = page.evaluate(TIMED_ASK, q)  # timed in the page: Playwright's polling would add its own

                meta = page.locator("#nsss-chat .bot-row").last.locator(".nsss-meta").inner_text()
                took = float(re.search(r"(\d+) ms", meta).group(1))
                if i:
                    walls.append(wall)
                    answers.append(took)
                page.locator("#nsss-new").click()
            browser.close()
    finally:
        stop_server(proc)
    return {"walls": walls, "answers": answers}


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print its figures."""
    go_offline()
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", type=Path, required=True, help="a store holding the web corpus")
    parser.add_argument("--questions", type=int, default=20)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--qa", type=Path, default=WEB_QA, help="question set to ask (default: eval/web_qa.jsonl)")
    args = parser.parse_args(argv)
    questions = read_questions(args.qa)[: args.questions]
    measured = page_latency(args.store, questions)
    from nsss.assistant import open_assistant

    assistant = open_assistant(Settings.load(store=args.store).replace(chroma_url=""), use_llm=False)
    assistant.answer(questions[0])
    local = []
    for q in questions:
        t0 = time.perf_counter()
        assistant.answer(q)
        local.append((time.perf_counter() - t0) * 1000)
    overhead = [w - a for w, a in zip(measured["walls"], measured["answers"], strict=True)]
    result = {
        "page": summary(measured["walls"]),
        "answer_in_server": summary(measured["answers"]),
        "in_process": summary(local),
        "overhead": summary(overhead),
        "difference_p50_ms": round(statistics.median(measured["walls"]) - statistics.median(local), 1),
        "ratio_p50": round(statistics.median(measured["walls"]) / statistics.median(local), 2),
    }
    print(
        f"page (Ask to sources shown) p50/p95: {result['page']['p50_ms']}/{result['page']['p95_ms']} ms; "
        f"in-process Assistant.answer p50 {result['in_process']['p50_ms']} ms; page overhead p50/p95 "
        f"{result['overhead']['p50_ms']}/{result['overhead']['p95_ms']} ms; difference p50 "
        f"{result['difference_p50_ms']} ms, ratio {result['ratio_p50']}",
        file=sys.stderr,
    )
    if args.json:
        print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
