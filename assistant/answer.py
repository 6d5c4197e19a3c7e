"""Answer a question from the documents: retrieve, then quote (or ask an LLM and verify), or abstain."""

from __future__ import annotations

import re
import time

from assistant import extractive as ex
from assistant.types import Answer, Citation, Conversation
from index import Filters, Hit, Index, open_index
from index.lexical import tokenize
from nsss.settings import Settings

ABSTAIN_TEXT = "The documents do not answer this question. The nearest passages are listed below."
CONSIDERED = 8  # passages read for every answer; `retrieved` lists them all

FOLLOW_UP = re.compile(
    r"^\s*(?:and|but|also|so|then|what about|how about|and what|and who|and when|and where|what else|why)\b"
    r"|\b(?:it|its|they|them|their|he|him|his|she|her|this|that|these|those|there|the same|former|latter)\b"
    r"|^\s*(?:ও|আর|এবং)\b",
    re.I,
)


class Assistant:
    """The documents, the model, and (optionally) an LLM: everything needed to answer, loaded once."""

    def __init__(self, settings: Settings, index: Index | None = None, use_llm: bool = True):
        self.settings = settings
        self.index = index or open_index(settings)
        self.llm = None
        if use_llm and settings.llm_url:
            from assistant.llm import LLMClient

            self.llm = LLMClient(settings)
        self._texts: dict[tuple[str, str], str] = {}  # (document key, sha256) -> text: a changed document misses
        self._vectors: dict[str, list[float]] = {}
        import torch

        # Questions embed a few short texts: one thread answers them faster than two that fight for the cores.
        torch.set_num_threads(1)
        self.index.embedder.embed(["warm up"])  # the first inference is slow; pay for it before the first question

    def answer(
        self,
        question: str,
        conversation: Conversation | None = None,
        filters: Filters | None = None,
        top_k: int | None = None,
    ) -> Answer:
        """Answer a question with citations, or say that the documents do not answer it."""
        started = time.perf_counter()
        question = " ".join(question.split())
        if not question:
            raise ValueError("the question is empty")
        top_k = max(1, top_k or self.settings.top_k)
        query = contextual_query(question, conversation)
        hits = self.index.search(query, k=max(top_k, CONSIDERED), filters=filters)
        retrieved_at = time.perf_counter()
        text, citations, abstained = self.extract(question, query, hits)
        mode, notice = "extractive", ""
        if self.llm is not None and hits:
            from assistant.llm import LLMFailure

            try:
                text, citations, abstained, notice = self.llm.answer(question, hits, conversation, self, top_k)
                mode = "llm"
            except LLMFailure as exc:
                notice = f"The language model did not give a usable answer ({exc}); this is the extractive answer."
        done = time.perf_counter()
        return Answer(
            question=question, text=text, abstained=abstained, citations=tuple(citations),
            retrieved=tuple(hits[:max(top_k, 5)]) if len(hits) >= 5 else tuple(hits),
            timings_ms={"retrieve": _ms(retrieved_at - started), "answer": _ms(done - retrieved_at),
                        "total": _ms(done - started)},
            mode=mode, notice=notice, query=query,
        )

    def document_text(self, key: str) -> str:
        """Return a document's extracted text (cached), the ground truth for every quote; safe across threads."""
        version = (key, self.index.versions.get(key, ""))
        text = self._texts.get(version)
        if text is None:
            text = self.index.store.document_text(key)
            if len(self._texts) > 64:
                self._texts = {}  # replaced, not cleared: another thread may be reading the old one
            self._texts[version] = text
        return text

    def extract(self, question: str, query: str, hits: list[Hit]) -> tuple[str, list[Citation], bool]:
        """Compose an answer that quotes the best sentences, or abstain when the evidence is weak."""
        expanded = self.index.expand(query)
        picks = ex.score_sentences(question, expanded, hits, self._idf, self._embed)
        urls = " ".join(r.url for r in self.index.records if r.key in {h.chunk.doc_key for h in hits[:3]})
        if abstain(question, expanded, hits, picks, self._idf, urls):
            return ABSTAIN_TEXT, [], True
        chosen = ex.select(question, picks)
        spans = []
        for pick in chosen:
            s = pick.sentence
            end = s.end
            text = self.document_text(s.hit.chunk.doc_key)
            if s.text.rstrip().endswith(":"):
                items = ex.list_continuation(text, s.end)
                if items:
                    end = items[-1][1]
            spans.append((s.hit, s.start, end))
        citations = self.cite(spans)
        if ex.is_list_question(question) and len(citations) > 1:
            body = "\n".join(f"- {c.quote} [{c.n}]" for c in citations)
        else:
            body = " ".join(f"{c.quote} [{c.n}]" for c in citations)
        return body, citations, False

    def cite(self, spans: list[tuple[Hit, int, int]]) -> list[Citation]:
        """Turn document spans into numbered citations whose quotes are exact; merge overlapping spans."""
        merged: list[list] = []
        for hit, start, end in spans:
            for m in merged:
                if m[0].chunk.doc_key == hit.chunk.doc_key and start <= m[2] and end >= m[1]:
                    m[1], m[2] = min(m[1], start), max(m[2], end)
                    break
            else:
                merged.append([hit, start, end])
        citations = []
        for n, (hit, start, end) in enumerate(merged, 1):
            c = hit.chunk
            text = self.document_text(c.doc_key)
            quote = text[start:end]
            page = self._page(c.doc_key, start) if c.page else None
            citations.append(Citation(
                n=n, source=c.source, title=c.title, page=page.number if page else c.page, quote=quote,
                doc_key=c.doc_key, start=start, end=end,
                page_label=(page.label if page and page.label != str(page.number) else c.page_label),
                passage=c.text, passage_start=c.start,
            ))
        return citations

    def _page(self, key: str, offset: int):
        for record in self.index.records:
            if record.key == key:
                for page in record.page_spans:
                    if page.start <= offset <= page.end:
                        return page
        return None

    def _idf(self, term: str) -> float:
        return self.index.lexical.idf(term)

    def _embed(self, texts: list[str]) -> list[list[float]]:
        """Embed texts, reusing the vectors of sentences seen in earlier answers."""
        missing = list(dict.fromkeys(t for t in texts if t not in self._vectors))
        if missing:
            for text, vector in zip(missing, self.index.embedder.embed(missing)):
                self._vectors[text] = vector
            while len(self._vectors) > 20_000:
                self._vectors.pop(next(iter(self._vectors)))
        return [self._vectors[t] for t in texts]


def contextual_query(question: str, conversation: Conversation | None) -> str:
    """Fold the previous turn into a follow-up question, so "and who chaired it?" finds the right event."""
    if not conversation or not conversation.turns:
        return question
    own_terms = ex.query_terms(question)
    if not FOLLOW_UP.search(question) and len(own_terms) >= 3:
        return question
    previous = conversation.turns[-1].query
    return f"{question} {previous}"


def abstain(question: str, query: str, hits: list[Hit], picks: list[ex.Pick], idf, urls: str = "") -> bool:
    """Decide that the documents do not answer: a figure the question names is absent, nothing of the kind asked
    for is there, or the question's terms are barely covered."""
    if not hits or not picks:
        return True
    # A figure the question names (a year, a fiscal year, an amount) must stand near the evidence.
    near = " ".join(f"{p.sentence.hit.chunk.title} {p.sentence.text}" for p in picks[:8]) + " " + urls
    near = ex.normalize_figures(near.lower())
    for figure in ex.figures(question):
        if figure not in near:
            return True
    kind = ex.expected_type(question)
    simple = not ex.is_compound(question)
    if kind == "number" and simple and not any(ex.answers_quantity(question, p.sentence.text) for p in picks[:4]):
        return True
    if kind != "any" and not any(ex.type_matches(kind, p.sentence.text) for p in picks[:3]):
        return True
    # "Who is the minister...?" asks for a person by name; an office or a body does not answer it.
    if re.match(r"\s*who (?:is|was|are|were) the\b", question, re.I) and not any(
            ex.has_person(p.sentence.text) for p in picks[:3]):
        return True
    terms = ex.query_terms(query)
    weights = {t: idf(t) for t in terms}
    total = sum(weights.values()) or 1.0

    def coverage(text: str) -> float:
        have = set(tokenize(text))
        return sum(w for t, w in weights.items() if t in have) / total

    passage_cov = max(coverage(f"{h.chunk.title} {h.chunk.text}") for h in hits[:3])
    dense = max(h.dense for h in hits[:3])
    return passage_cov < 0.5 and picks[0].score < 0.45 and dense < 0.55


def _ms(seconds: float) -> float:
    return round(seconds * 1000, 1)


def open_assistant(settings: Settings, use_llm: bool = True) -> Assistant:
    """Open the store and model (and the LLM, when one is configured) for answering."""
    return Assistant(settings, use_llm=use_llm)
