"""Find the passages that answer a query: BM25 and dense retrieval fused, with acronyms expanded and filters."""

from __future__ import annotations

import contextlib
import re
import threading
from dataclasses import dataclass

import numpy as np
from nsss.core.layout import bm25_dir, sentences_file
from nsss.core.settings import Settings
from nsss.core.types import Chunk, DocRecord, Filters, Hit
from nsss.index.embed import Embedder
from nsss.index.everyday import default_everyday
from nsss.index.glossary import acronym_readings, default_glossary, english_side
from nsss.index.lexical import LexicalIndex, tokenize
from nsss.index.sentence_vectors import SentenceVectors
from nsss.index.store import Store, fingerprint, generation
from nsss.index.transliterate import BANGLA_WORD, SoundIndex

CANDIDATES = 60
# Weight of the query's terms in the other language (index/glossary.py), after idf scaling; 1.5 found the right
# document in the first five for 34 of 36 cross-language questions and cost one of 74 English ones (RESULTS.md).
BRIDGE_WEIGHT = 1.5
# Asking when in other words ("on what date", "in which year"; "কোন তারিখে", "কত সালে"): searched as "when", so that
# "date" or "year" finds no page headed "Date of meeting:" before the one that says when. (Not "which year of the
# plan", nor "which year's budget".)
DATE_ASKED = re.compile(
    r"\b(?:(?:on|at|by|in)\s+)?(?:what|which)\s+(?:exact\s+|precise\s+|specific\s+)?(?:date|year)\b(?!\s*'s|\s+of\b)",
    re.I,
)
DATE_ASKED_BN = re.compile(r"(?<![\u0980-\u09FF])(?:কোন|কত)\s+(?:তারিখে|সালে|বছরে)(?![\u0980-\u09FF])")


@dataclass(frozen=True)
class Fusion:
    """How a search weighs its evidence; fitted on training questions by `python -m nsss.eval.fit_retrieval`.

    A chunk scores its BM25 (scaled by the best BM25 score) plus `dense` times its dense similarity (scaled between
    the weakest and the best of the dense candidates), plus `document` times the share of the query's terms (idf
    weighted) that its document holds in any of its chunks. BM25 is the stronger signal on this domain (names,
    acronyms, figures); dense retrieval adds paraphrase matches (this beat reciprocal-rank fusion, eval/RESULTS.md
    "Fusion"); the document's share lets the one document that holds all the question's words across its chunks win
    over one that repeats its topic in each (eval/RESULTS.md, "Retrieval on questions nobody tuned for").
    """

    dense: float = 0.6
    # Acronyms' long forms (and acronyms for long forms) count this much of their BM25: EGPP's five words would
    # outweigh the question's own and favour whichever document spells the name out most.
    expansions: float = 0.2
    everyday: float = 1.0  # the documents' words for the query's everyday ones (index/everyday_en.tsv)
    document: float = 0.5


FUSION = Fusion()  # python -m nsss.eval.fit_retrieval --store STORE (eval/RESULTS.md, "Retrieval on questions ...")
# A topic, not a question (assistant/brief.py): every passage naming it counts, by its acronym or its long form, and
# no one document is sought; as the search weighed before issue 8's fit.
TOPIC = Fusion(dense=0.6, expansions=1.0, everyday=0.0, document=0.0)


class FilterError(ValueError):
    """A filter names something the store does not have."""


class Index:
    """An opened store with its model and lexical index: everything a search needs, loaded once."""

    def __init__(self, settings: Settings, lexical: bool = True):
        from nsss.index.embed import load_embedder

        self.settings = settings
        self.embedder: Embedder = load_embedder(settings.embed_model, settings.onnx)
        self._generation = generation(settings)
        self._reloading = threading.Lock()
        self._sounds: tuple[LexicalIndex, SoundIndex] | None = None  # built once per lexical index, when first asked
        self.store = Store(settings, self.embedder.slug)
        self.sentence_vectors = SentenceVectors(sentences_file(settings.store, self.embedder.slug), self.embedder.dim)
        self.records: list[DocRecord] = []
        self.versions: dict[str, str] = {}  # document key -> sha256 of the version the records describe
        self.lexical: LexicalIndex | None = None
        # The passages' vectors, a row each in the lexical index's order, for the exact dense search (nearest).
        self.vectors = np.zeros((0, 0), dtype=np.float32)
        self._acronyms: dict[str, list[str]] = {}
        self._long_forms: dict[str, str] = {}
        self._recent: dict[str, list[float]] = {}  # text -> vector, see encode()
        # A resident service (ui/service.py) keeps the sentence vectors filled after every change it notices.
        self.keeps_sentences = False
        self._filling = threading.Lock()
        self.reload(lexical)

    def reload(self, lexical: bool = True, store: Store | None = None, save: bool = True) -> None:
        """Re-read the store's documents and the lexical index, after an ingest.

        Everything is built first and swapped in at the end: a search running meanwhile keeps what it started with.
        """
        store = store or self.store
        records = store.documents()
        acronyms: dict[str, list[str]] = {}
        long_forms: dict[str, str] = {}
        for record in records:
            for short, forms in record.acronyms.items():
                known = acronyms.setdefault(short, [])
                for form in forms:
                    if form.lower() not in (f.lower() for f in known):
                        known.append(form)
                    long_forms.setdefault(_squash(form), short)
        index, vectors = self.lexical, self.vectors
        if lexical:
            stamp = fingerprint(records)
            folder = bm25_dir(self.settings.store, self.embedder.slug)
            index = LexicalIndex.load(folder, stamp)
            if index is None:
                index = LexicalIndex.build(list(store.all_chunks()))
                if save:
                    index.save(folder, stamp)
            vectors = store.vectors(index.ids)
        self.store, self.records, self._acronyms, self._long_forms = store, records, acronyms, long_forms
        self.versions = {r.key: r.sha256 for r in records}
        self.lexical, self.vectors = index, vectors

    def check(self) -> bool:
        """Reload what this index holds when the store changed since (another process ingested); say if it did."""
        now = generation(self.settings)
        if now == self._generation:
            return False
        with self._reloading:
            if now == self._generation:
                return False  # another thread reloaded while this one waited
            # A new Chroma client: the one open holds a vector index from before the change. The lexical index
            # is read as saved by the ingest; one that does not match is built here but saved only by ingests.
            self.reload(lexical=True, store=Store(self.settings, self.embedder.slug, fresh=True), save=False)
            self._generation = now
        if self.keeps_sentences:
            self.fill_sentences(wait=False)
        return True

    def fill_sentences(self, wait: bool = True, progress: bool = False) -> int:
        """Encode the stored passages' sentences that have no vector yet (index/sentence_vectors.py); return how many.

        Answers then look their candidate sentences up instead of encoding them while someone waits. This is the
        answering side's work, not ingestion's: a service runs it in the background (wait=False) after opening the
        store and after each change, `nsss eval` and the benchmarks before they time answers. Until it is done,
        an answer encodes the sentences it weighs, with the same vectors.
        """
        if not wait:
            threading.Thread(target=self._fill_quietly, name="nsss-sentences", daemon=True).start()
            return 0
        with self._filling:  # one fill at a time in a process; another waiting finds the work done
            store = self.store
            records = store.documents()  # read once: the stamp and the passages are of the same documents
            return self.sentence_vectors.fill(
                (c.text for c in store.all_chunks(records)), self.embedder.embed, fingerprint(records), progress
            )

    def _fill_quietly(self) -> None:
        # A fill that fails (the store changed under it, a disk full) costs speed, never an answer: the next change
        # or start fills again.
        with contextlib.suppress(Exception):
            self.fill_sentences()

    def refresh_lexical(self, records: list[DocRecord] | None = None, chunks: list[Chunk] | None = None) -> None:
        """Rebuild the lexical index from the store and save it beside the store (`records`: its documents, and
        `chunks`: their chunks, when the caller has just read them)."""
        records = self.store.documents() if records is None else records
        self.lexical = LexicalIndex.build(list(self.store.all_chunks(records)) if chunks is None else chunks)
        self.lexical.save(bm25_dir(self.settings.store, self.embedder.slug), fingerprint(records))

    def encode(self, texts: list[str]) -> list[list[float]]:
        """Embed texts with the store's model, remembering the latest ones: an answer weighs its sentences against
        the vector of the very query its search encoded."""
        recent = self._recent
        missing = list(dict.fromkeys(t for t in texts if t not in recent))
        if missing:
            if len(recent) > 256:
                recent = self._recent = {}  # replaced, not cleared: another thread may be reading the old one
            # Each text on its own: encoded beside others (the encoder packs texts into one sequence), a text's vector
            # differs by about 1e-7 with its neighbours, and a near tie then turns on what was asked before (this
            # cache, and the answer's, keep whichever vector came first). Alone, as fast here (eval/RESULTS.md,
            # session 44).
            recent.update((t, self.embedder.embed([t])[0]) for t in missing)
        return [recent[t] for t in texts]

    @property
    def acronyms(self) -> dict[str, list[str]]:
        """Return the acronyms the documents define, with their long forms."""
        return self._acronyms

    def expand(self, query: str) -> str:
        """Add each acronym's long form, each long form's acronym, and the terms in the other language."""
        acronyms = self._expand_acronyms(query)
        bridge = self.bridge(acronyms)
        return f"{acronyms} {' '.join(t for _, t in bridge)}" if bridge else acronyms

    def bridge(self, query: str) -> list[tuple[str, str]]:
        """Pair the query's terms with their forms in the other language that some passage of the store holds.

        Only forms the store holds, so a store in one language searches (and judges coverage) as it did before.
        """
        if not self.settings.glossary:
            return []
        lexical = self.lexical

        def usable(target: str) -> bool:
            return lexical is None or all(lexical.knows(t) for t in tokenize(target))

        pairs = [(source, target) for source, target in default_glossary().bridge(query, usable) if usable(target)]
        return pairs + self._spoken(query, pairs) if lexical is not None else pairs

    def _spoken(self, query: str, pairs: list[tuple[str, str]]) -> list[tuple[str, str]]:
        """Pair the query's Bangla spellings of English words (names, loanwords) with the store's English terms.

        Only words the glossary did not bridge, no Bangla passage holds (a Bangla word of the documents is Bangla),
        and that are not acronyms spelt in letters (the glossary spells those).
        """
        lexical = self.lexical
        if self._sounds is None or self._sounds[0] is not lexical:
            self._sounds = (lexical, SoundIndex(list(lexical.df)))
        sounds = self._sounds[1]
        bridged = {t for source, _ in pairs for t in tokenize(source)}
        out = []
        for word in dict.fromkeys(BANGLA_WORD.findall(query)):
            stems = tokenize(word)
            if len(stems) != 1 or stems[0] in bridged or lexical.knows(stems[0]) or acronym_readings(word):
                continue
            out.extend((word, term) for term in sounds.match(stems[0]))
        return out

    def _bridge_scores(self, bridge: list[tuple[str, str]], mask) -> np.ndarray:
        """Score chunks by the query's terms in the other language, each weighed as informative as its source.

        The Bangla side of a mostly English store is small, so its terms are rare and BM25 would weigh them far
        above the English words they translate (এনএসএসএস against NSSS); each translation's score is scaled by the
        ratio of the two idfs, so a term keeps the weight it has in the question's own language.
        """
        total = np.zeros(len(self.lexical.ids), dtype=np.float32)
        for source, target in bridge:
            terms = tokenize(target)
            target_idf = sum(self.lexical.idf(t) for t in terms)
            source_idf = sum(self.lexical.idf(t) for t in tokenize(source))
            if target_idf > 0:
                total += min(1.0, source_idf / target_idf) * self.lexical.scores(terms, mask)
        return total

    def _expand_acronyms(self, query: str) -> str:
        extra: list[str] = []
        for word in dict.fromkeys(re.findall(r"\b[A-Za-z][A-Za-z0-9&]{1,11}\b", query)):
            extra.extend(self._acronyms.get(word, [])[:2])
        squashed = f" {_squash(query)} "
        for form, short in self._long_forms.items():
            if f" {form} " in squashed and short not in query:
                extra.append(short)
        return f"{query} {' '.join(dict.fromkeys(extra))}".strip() if extra else query

    def resolve(self, filters: Filters | None) -> tuple[tuple[str, ...], tuple[str, ...], tuple[int, ...]]:
        """Turn a filter's document names (key, source path or title) into document keys."""
        if not filters:
            return (), (), ()
        keys: list[str] = []
        for wanted in filters.documents:
            low = wanted.lower()
            matched = [
                r.key
                for r in self.records
                if wanted in (r.key, r.source) or r.title.lower() == low or r.source.lower().endswith(low)
            ]
            if not matched:
                raise FilterError(f"no document matches {wanted!r}; `nsss status` lists the documents")
            keys.extend(matched)
        return tuple(keys), tuple(filters.kinds), tuple(int(y) for y in filters.years)

    def search(self, query: str, k: int = 10, filters: Filters | None = None, fusion: Fusion = FUSION) -> list[Hit]:
        """Return the k best chunks for a query, best first."""
        if self.lexical is None:
            self.reload(lexical=True)
        self.check()
        # One consistent view for this search, whatever a reload swaps in meanwhile.
        lexical, vectors, versions, store = self.lexical, self.vectors, self.versions, self.store
        keys, kinds, years = self.resolve(filters)
        query = DATE_ASKED_BN.sub("কবে", DATE_ASKED.sub("when", query))
        expanded = self._expand_acronyms(query)
        mask = lexical.mask(keys, kinds, years)
        # The BM25 of the whole expanded query is what a hit reports (answerability reads it); the ranking weighs
        # the query's own terms above those added for it.
        lex_scores = lexical.scores(tokenize(expanded), mask)
        own = list(dict.fromkeys(tokenize(query)))
        added = [t for t in dict.fromkeys(tokenize(expanded)) if t not in own]
        everyday = [t for t in default_everyday().terms(query) if t not in own and t not in added]
        weighted = [(t, 1.0) for t in own] + [(t, fusion.expansions) for t in added]
        weighted += [(t, fusion.everyday) for t in everyday]
        per_term = {t: lexical.scores([t], mask) for t, _ in weighted}
        rank_scores = sum((w * per_term[t] for t, w in weighted), np.zeros(len(lexical.ids), dtype=np.float32))
        bridge = self.bridge(expanded)
        if bridge:
            # The query's terms in the other language find the passages written in it (eval/RESULTS.md, issue 9).
            bridged = BRIDGE_WEIGHT * self._bridge_scores(bridge, mask)
            lex_scores, rank_scores = lex_scores + bridged, rank_scores + bridged
        top_lexical = [int(i) for i in np.argsort(-rank_scores)[:CANDIDATES] if rank_scores[i] > 0]
        lex_max = float(rank_scores.max()) if len(rank_scores) else 0.0
        held = lexical.held_by_documents(per_term, [(t, w * lexical.idf(t)) for t, w in weighted])

        # The dense model sees the translations too: that lifted cross-language R@1 from 0.33 to 0.56 (RESULTS.md).
        # It reads English only: of a query asked in Bangla it sees the English words and the Bangla terms' English
        # forms, never the Bangla words, which it reads as alike whatever they say.
        text = english_side(expanded, bridge, asked=query)
        embed_query = getattr(self.embedder, "embed_query", None)  # models that read queries differently
        vector = embed_query(text) if embed_query else self.encode([text])[0]
        dense = dict(nearest(lexical.ids, vectors, vector, CANDIDATES, mask))
        chunks: dict[str, Chunk] = {}
        floor = min(dense.values(), default=0.0)
        span = max(dense.values(), default=0.0) - floor

        candidates = dict.fromkeys([lexical.ids[i] for i in top_lexical] + list(dense))
        fused = {}
        for cid in candidates:
            i = lexical.position.get(cid)
            lex = float(rank_scores[i]) if i is not None else 0.0
            dn = (dense[cid] - floor) / span if cid in dense and span > 0 else (1.0 if cid in dense else 0.0)
            share = float(held[i]) if i is not None else 0.0
            fused[cid] = (lex / lex_max if lex_max > 0 else 0.0) + fusion.dense * dn + fusion.document * share
        ranked = sorted(fused, key=fused.get, reverse=True)
        # Chunks whose document record is missing (an interrupted ingest) or of another version are skipped, so
        # the k best are taken from further down when some of the first are.
        best: list[str] = []
        for start in range(0, len(ranked), max(k, 1)):
            part = ranked[start : start + max(k, 1)]
            chunks.update(store.get_chunks([cid for cid in part if cid not in chunks], versions))
            best.extend(cid for cid in part if cid in chunks and chunks[cid].doc_key in versions)
            if len(best) >= k:
                break
        return [
            Hit(
                chunks[cid],
                fused[cid],
                dense.get(cid, 0.0),
                float(lex_scores[lexical.position[cid]]) if cid in lexical.position else 0.0,
            )
            for cid in best[:k]
        ]


def nearest(
    ids: list[str], vectors: np.ndarray, vector, k: int, mask: np.ndarray | None = None
) -> list[tuple[str, float]]:
    """Return the k passages nearest a vector by cosine similarity, best first (ties in the passages' order), of
    those the mask keeps.

    Exact, over every passage's vector: Chroma's own index is approximate and rebuilt each time a process opens the
    store, so a passage near the k-th (or one its graph cannot reach) was found in one process and missed in the
    next, and the same question got another answer after a restart or beside another process (eval/RESULTS.md,
    session 46, DET). About 9 ms over 100,000 passages here (`python -m nsss.eval.bench.scale`).
    """
    if not len(ids) or vectors.shape[0] != len(ids) or not vectors.shape[1]:
        return []
    query = np.asarray(vector, dtype=np.float32)
    norm = float(np.linalg.norm(query))
    if norm == 0:
        return []
    sims = vectors @ (query / norm)
    keep = ~np.isnan(sims)
    if mask is not None:
        keep &= mask
    places = np.flatnonzero(keep)
    scores = sims[places]
    if len(places) > k > 0:
        # (all those scoring at least the k-th, so that a tie at the k-th place is settled below, the same way)
        kth = np.partition(scores, len(scores) - k)[len(scores) - k]
        places, scores = places[scores >= kth], scores[scores >= kth]
    order = np.lexsort((places, -scores))[:k]
    return [(ids[int(places[i])], float(scores[i])) for i in order]


def _squash(text: str) -> str:
    return " ".join(re.findall(r"[a-z0-9]+", text.lower().replace("’", "'")))
