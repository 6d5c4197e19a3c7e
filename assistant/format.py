"""Turn answers into JSON for machines and text for people; the data itself is made elsewhere."""

from __future__ import annotations

from nsss.assistant.references import citation_json, reference
from nsss.assistant.types import Answer

GLOSSARY_LABEL = "Terms of the quotes, from the glossary (not quoted)"


def answer_json(answer: Answer, style: str = "author-date") -> dict:
    """Return an answer in the `nsss ask --json` shape."""
    return {
        "question": answer.question,
        "answer": answer.text,
        "abstained": answer.abstained,
        "citations": [citation_json(c, style) for c in answer.citations],
        "retrieved": [
            {
                "source": h.chunk.source,
                "title": h.chunk.title,
                "page": h.chunk.page,
                "score": round(h.score, 6),
                "text": h.chunk.text,
            }
            for h in answer.retrieved
        ],
        "timings_ms": answer.timings_ms,
        "mode": answer.mode,
        "notice": answer.notice,
        "notice_kind": answer.notice_kind,
        "followup": answer.followup,
        "glossary": [list(pair) for pair in answer.glossary],
        "answerability": answer.signals,
    }


def answer_text(answer: Answer, style: str = "author-date") -> str:
    """Format an answer for a terminal: the answer, then its references or the nearest passages."""
    lines = [answer.text]
    if answer.glossary:
        lines += ["", f"{GLOSSARY_LABEL}: " + "; ".join(f"{quoted} = {other}" for quoted, other in answer.glossary)]
    if answer.notice:
        lines += ["", f"Note: {answer.notice}"]
    if answer.citations:
        lines += ["", "References:"]
        lines += [f"[{c.n}] {reference(c, style)}" for c in answer.citations]
    elif answer.retrieved:
        lines += ["", "Nearest passages:"]
        for h in answer.retrieved[:3]:
            page = f", p. {h.chunk.page}" if h.chunk.page else ""
            snippet = " ".join(h.chunk.text.split())
            lines.append(
                f"- {h.chunk.title}{page} ({h.chunk.source}): {snippet[:240]}{'…' if len(snippet) > 240 else ''}"
            )
    return "\n".join(lines) + "\n"
