"""Answer with an OpenAI-compatible LLM, then keep only the sentences the cited passages support."""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np
from nsss.assistant.compose import ABSTAIN_TEXT
from nsss.assistant.question import Question
from nsss.assistant.scoring import with_prefixes
from nsss.assistant.sentences import sentences
from nsss.assistant.types import Conversation
from nsss.core.settings import Settings
from nsss.core.text import split_sentences
from nsss.core.types import Hit
from nsss.index.lexical import tokenize

PASSAGES = 6
NOT_FOUND = "NOT FOUND"
SYSTEM = (
    "You answer questions about Bangladesh's National Social Security Strategy (NSSS) using only the numbered "
    "passages you are given. Write two to five short sentences. End every sentence with the number of the passage "
    "it comes from, in square brackets, like [2]. Do not use anything outside the passages. If the passages do not "
    f"contain the answer, reply with exactly: {NOT_FOUND}"
)
# A sentence is supported when a passage sentence holds most of what it adds to the question (its new words)
# and means much the same (cosine similarity of the bundled model's embeddings).
MIN_NEW_WORDS_FOUND = 0.7  # share of the new words' weight (rare words weigh more)
MIN_SIMILARITY = 0.45


class LLMFailure(RuntimeError):
    """The LLM did not answer, or nothing it said could be verified."""


@dataclass(frozen=True)
class Verified:
    """An LLM sentence with the passage sentence that supports it."""

    text: str
    hit: Hit
    start: int  # the supporting quote's offsets in the document text
    end: int
    support: float


class LLMClient:
    """An OpenAI-compatible chat endpoint, reached through llama-index."""

    def __init__(self, settings: Settings):
        from llama_index.llms.openai_like import OpenAILike

        self.url = settings.llm_url
        self.model = settings.llm_model or "default"
        self.llm = OpenAILike(
            model=self.model,
            api_base=settings.llm_url,
            api_key=settings.llm_api_key or "not-needed",
            is_chat_model=True,
            timeout=settings.llm_timeout,
            max_retries=0,
            max_tokens=300,
            temperature=0.1,
            context_window=4096,
        )

    def answer(self, q: Question, hits: list[Hit], conversation: Conversation | None, assistant, top_k: int = 5):
        """Ask the LLM, verify its sentences against the passages; return (text, citations, abstained, the number of
        its sentences left out because the passages do not support them)."""
        from llama_index.core.llms import ChatMessage

        question = q.text
        passages = hits[: min(PASSAGES, top_k)]
        messages = [
            ChatMessage(role="system", content=SYSTEM),
            ChatMessage(role="user", content=prompt(question, passages, conversation)),
        ]
        try:
            reply = self.llm.chat(messages).message.content or ""
        except Exception as exc:  # noqa: BLE001 - any transport or server error means: fall back
            raise LLMFailure(f"{self.url} did not answer: {type(exc).__name__}: {str(exc)[:200]}") from None
        reply = reply.strip()
        if not reply:
            raise LLMFailure("it returned an empty answer")
        if reply.upper().startswith(NOT_FOUND):
            return ABSTAIN_TEXT, [], True, 0
        claims = len([s for s in split_sentences(reply) if len(tokenize(reply[s[0] : s[1]])) >= 2])
        kept = verify(reply, passages, assistant.index.embedder.embed, question, assistant.index.lexical.idf)
        if not kept:
            raise LLMFailure("none of its sentences is supported by the passages")
        spans = [(v.hit, v.start, v.end) for v in kept]
        citations = assistant.cite(spans)
        by_span = {(c.doc_key, s, e): c.n for c in citations for s, e in [(c.start, c.end)]}
        lines = []
        for v in kept:
            n = next(
                (n for (key, s, e), n in by_span.items() if key == v.hit.chunk.doc_key and s <= v.start and v.end <= e),
                None,
            )
            lines.append(f"{v.text} [{n}]")
        return " ".join(lines), citations, False, max(0, claims - len(kept))


def prompt(question: str, passages: list[Hit], conversation: Conversation | None) -> str:
    """Write the user message: numbered passages, the conversation so far, and the question."""
    parts = ["Passages:"]
    for n, hit in enumerate(passages, 1):
        page = f", page {hit.chunk.page}" if hit.chunk.page else ""
        parts.append(f"[{n}] ({hit.chunk.title}{page})\n{' '.join(hit.chunk.text.split())}")
    if conversation and conversation.turns:
        parts.append("Conversation so far:")
        for turn in conversation.turns[-3:]:
            said = re.sub(r"\s*\[\d+\]", "", turn.answer)[:400]
            parts.append(f"Q: {turn.question}\nA: {said}")
    parts.append(f"Question: {question}\nAnswer with [n] after every sentence:")
    return "\n\n".join(parts)


def verify(reply: str, passages: list[Hit], embed, question: str = "", idf=lambda term: 1.0) -> list[Verified]:
    """Keep each sentence of the reply that a passage supports, with the exact sentence that supports it."""
    claims = []
    for start, end in split_sentences(reply):
        sentence = reply[start:end]
        cited = [int(n) for n in re.findall(r"\[(\d+)\]", sentence) if 1 <= int(n) <= len(passages)]
        text = re.sub(r"\s*\[\d+(?:\s*,\s*\d+)*\]", "", sentence).strip()
        if len(tokenize(text)) >= 2:
            claims.append((text, cited))
    if not claims:
        return []
    evidence = sentences(passages)
    if not evidence:
        return []
    vectors = np.array(embed([c for c, _ in claims] + [e.text for e in evidence]))
    claim_vecs, evidence_vecs = vectors[: len(claims)], vectors[len(claims) :]
    asked = set(tokenize(question))
    kept = []
    for i, (text, cited) in enumerate(claims):
        # What the sentence adds to the question is what must be found in a passage; rare words weigh more.
        new = {t: idf(t) for t in set(tokenize(text)) - asked}
        if not new:
            continue
        total = sum(new.values())
        best, best_score = None, 0.0
        # A sentence is checked against the passages it cites, then (its markers being wrong) against them all.
        for allowed in ([e for e in evidence if e.hit_rank + 1 in cited], evidence):
            for e in allowed:
                have = with_prefixes(set(tokenize(e.text)), list(new))
                found = sum(w for t, w in new.items() if t in have) / total
                similarity = float(evidence_vecs[evidence.index(e)] @ claim_vecs[i])
                if found < MIN_NEW_WORDS_FOUND or (similarity < MIN_SIMILARITY and found < 0.9):
                    continue
                score = 0.5 * found + 0.5 * similarity
                if score > best_score:
                    best, best_score = e, score
            if best is not None:
                break
        if best is not None:
            kept.append(Verified(text, best.hit, best.start, best.end, best_score))
    return kept
