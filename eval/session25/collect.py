"""Session 25 scratch (eval/RESULTS.md): answer sets as eval/fit_answerability.collect does; save each set's features as JSON.

NSSS_STORE=STORE python eval/session25/collect.py FEATURE_DIR eval/SET_qa.jsonl[:tune] ...
"""

import json
import sys
from pathlib import Path

from nsss.core.settings import Settings, go_offline

go_offline()
from nsss.assistant import Conversation, open_assistant  # noqa: E402 (after go_offline)
from nsss.assistant.answerability import FEATURES  # noqa: E402
from nsss.eval.harness import load_questions  # noqa: E402

out = Path(sys.argv[1])
out.mkdir(parents=True, exist_ok=True)
settings = Settings.load(store=Path(__import__("os").environ.get("NSSS_STORE", "/tmp/s7-store"))).replace(chroma_url="")
assistant = open_assistant(settings, use_llm=False)
assistant.index.fill_sentences(progress=False)
for spec in sys.argv[2:]:
    path, _, split = spec.partition(":")
    name = Path(path).name + (f" ({split})" if split else "")
    dest = out / (Path(path).stem + (f"-{split}" if split else "") + ".json")
    if dest.exists():
        continue
    qs = load_questions(Path(path), split or None)
    rows = []
    chat = Conversation()
    for q in qs:
        if not q.conversation or q.turn <= 1:
            chat = Conversation()
        a = assistant.answer(q.question, conversation=chat)
        chat = chat.add(a)
        found = any(h.chunk.source in q.sources for h in a.retrieved[:5])
        rows.append(
            dict(
                id=q.id,
                set=name,
                answerable=q.answerable,
                unfound=bool(q.answerable and not found),
                values=[a.signals[f] for f in FEATURES],
                abstained=a.abstained,
                p=a.signals.get("probability"),
            )
        )
    dest.write_text(json.dumps(rows))
    print(name, len(rows), flush=True)
