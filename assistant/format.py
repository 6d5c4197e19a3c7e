"""Turn answers into JSON for machines and text for people; the data itself is made elsewhere."""

from __future__ import annotations

from assistant.types import Answer, Citation


def citation_json(c: Citation) -> dict:
    """Return a citation in the `nsss ask --json` shape."""
    return {"n": c.n, "source": c.source, "title": c.title, "page": c.page, "quote": c.quote, "ocr": c.ocr}


def answer_json(answer: Answer) -> dict:
    """Return an answer in the `nsss ask --json` shape."""
    return {
        "question": answer.question,
        "answer": answer.text,
        "abstained": answer.abstained,
        "citations": [citation_json(c) for c in answer.citations],
        "retrieved": [
            {"source": h.chunk.source, "title": h.chunk.title, "page": h.chunk.page, "score": round(h.score, 6),
             "text": h.chunk.text}
            for h in answer.retrieved
        ],
        "timings_ms": answer.timings_ms,
        "mode": answer.mode,
        "notice": answer.notice,
        "followup": answer.followup,
        "answerability": answer.signals,
    }


def reference(c: Citation) -> str:
    """Format a citation in a standard form for notes: title, page, quoted words, file."""
    page = f", p. {c.page}" + (f" (printed {c.page_label})" if c.page_label else "") if c.page else ""
    page += ", text recognised from the image" if c.ocr and c.page else ""
    return f"{c.title}{page}: “{' '.join(c.quote.split())}” ({c.source})"


def answer_text(answer: Answer) -> str:
    """Format an answer for a terminal: the answer, then its references or the nearest passages."""
    lines = [answer.text]
    if answer.notice:
        lines += ["", f"Note: {answer.notice}"]
    if answer.citations:
        lines += ["", "References:"]
        lines += [f"[{c.n}] {reference(c)}" for c in answer.citations]
    elif answer.retrieved:
        lines += ["", "Nearest passages:"]
        for h in answer.retrieved[:3]:
            page = f", p. {h.chunk.page}" if h.chunk.page else ""
            snippet = " ".join(h.chunk.text.split())
            lines.append(f"- {h.chunk.title}{page} ({h.chunk.source}): {snippet[:240]}{'…' if len(snippet) > 240 else ''}")
    return "\n".join(lines) + "\n"
