"""BM25 over chunks, with a tokenizer for English (stemmed, stop words out) and Bangla (whole words)."""

from __future__ import annotations

import functools
import json
import re
import unicodedata
from pathlib import Path

import numpy as np
from nsss.core.types import Chunk

# A word is a run of letters, digits and Bangla signs (vowel signs, hasanta, nukta) with joiners,
# so সামাজিক and নিরাপত্তা stay whole; apostrophes and inner dots do not split English words.
WORD = re.compile(r"[0-9A-Za-z\u00C0-\u024F\u0980-\u09FF\u200C\u200D]+(?:['’.][0-9A-Za-z\u0980-\u09FF]+)*")

ENGLISH_STOP = frozenset(
    """
a about above after again against all also am an and any are aren't as at be because been before being below
between both but by can could did do does doing done down during each few for from further had has have having
he her here hers herself him himself his how i if in into is it its itself just may me might more most must my
myself no nor not now of off on once only or other our ours ourselves out over own per same shall she should so
some such than that the their theirs them themselves then there these they this those through to too under until
up upon very via was we were what when where which while who whom whose why will with within would you your
yours yourself yourselves s t
""".split()
)

BANGLA_STOP = frozenset(
    """
ও এবং এ এই ঐ সে তা তার তাদের যে যা যার কি কী কে কোন কোনো করে করা করেন হয় হয়েছে হবে হয়ে ছিল ছিলেন আছে
থেকে জন্য মধ্যে সাথে সঙ্গে দিয়ে নিয়ে না নয় এক একটি এর আর বা তবে কিন্তু যদি তাই উপর পর প্রতি হলো হল
""".split()
)

# Saved indexes record this; one written by a tokenizer that splits words differently is rebuilt, not misread.
TOKENIZER_VERSION = 3

# A span of years, as fiscal years and plan periods are written: "2021-22", "2021-2022", "2021/22" and "2021–22" are
# one term (2021fy22) beside the start year, so each form finds the others and no other year; not "2021-22-23".
YEAR_SPAN = re.compile(r"\b((?:19|20)\d\d)\s*[-–—/]\s*(?:(?:19|20)(\d\d)|(\d\d))\b(?![-–—/]?\d)")

# Common Bangla inflections, longest first, stripped while a stem of two letters or more is left.
BANGLA_SUFFIXES = tuple(sorted("গুলোর গুলো গুলি দের েরা ের কে তে রা টি টা টির টার য় এর র ে".split(), key=len, reverse=True))


@functools.lru_cache(maxsize=1)
def _stemmer():
    import Stemmer

    return Stemmer.Stemmer("english")


@functools.lru_cache(maxsize=200_000)
def _term(word: str) -> str | None:
    if word[0] >= "\u0980":
        if word in BANGLA_STOP:
            return None
        stem = word
        while True:  # strip until nothing strips, so মন্ত্রণালয়গুলোর and মন্ত্রণালয় get the same stem
            for suffix in BANGLA_SUFFIXES:
                shorter = stem[: -len(suffix)]
                # A stem ending in hasanta would cut a conjunct in two (কৌশলপত্র is not কৌশলপত্ + র).
                if stem.endswith(suffix) and len(shorter) >= 2 and not shorter.endswith("\u09cd"):
                    stem = shorter
                    break
            else:
                return stem
    low = word.lower().replace("’", "'")
    if low in ENGLISH_STOP or (len(low) == 1 and not low.isdigit()):
        return None
    if low.endswith("'s"):
        low = low[:-2]
    low = low.replace(".", "") if re.fullmatch(r"(?:[a-z]\.)+[a-z]?", low) else low
    return _stemmer().stemWord(low)


def tokenize(text: str) -> list[str]:
    """Turn text into search terms: English words stemmed and without stop words, Bangla words kept whole."""
    text = YEAR_SPAN.sub(_one_span, unicodedata.normalize("NFC", text))
    terms = []
    for word in WORD.findall(text):
        for part in [word] if "." not in word or re.fullmatch(r"(?:[A-Za-z]\.)+[A-Za-z]?", word) else word.split("."):
            if part:
                term = _term(part)
                if term:
                    terms.append(term)
    return terms


def _one_span(match: re.Match) -> str:
    return f"{match.group(1)} {match.group(1)}fy{match.group(2) or match.group(3)}"


class LexicalIndex:
    """A BM25 index over a store's chunks, saved beside the store and rebuilt when the store changes."""

    def __init__(
        self, ids: list[str], doc_keys: list[str], kinds: list[str], years: list[int], df: dict[str, int], retriever
    ):
        self.ids = ids
        self.df = df  # term -> how many chunks hold it
        self.position = {cid: i for i, cid in enumerate(ids)}
        self.doc_keys = np.array(doc_keys, dtype=object)
        self.kinds = np.array(kinds, dtype=object)
        self.years = np.array(years, dtype=np.int32)
        self.retriever = retriever
        self._documents: np.ndarray | None = None  # each chunk's document as a number, made when first needed

    @classmethod
    def build(cls, chunks: list[Chunk]) -> LexicalIndex:
        """Index chunks by their title and text."""
        from collections import Counter

        import bm25s

        retriever = None
        df: Counter[str] = Counter()
        if chunks:
            retriever = bm25s.BM25(k1=1.2, b=0.75)
            corpus = [tokenize(f"{c.title}\n{c.text}") or ["\u2205"] for c in chunks]
            retriever.index(corpus, show_progress=False)
            for terms in corpus:
                df.update(set(terms))
        return cls(
            [c.id for c in chunks],
            [c.doc_key for c in chunks],
            [c.kind for c in chunks],
            [c.year or 0 for c in chunks],
            dict(df),
            retriever,
        )

    def save(self, folder: Path, fingerprint: str) -> None:
        """Write the index to a folder, atomically, tagged with the store state it reflects."""
        import shutil

        tmp = folder.with_name(folder.name + ".tmp")
        shutil.rmtree(tmp, ignore_errors=True)
        tmp.mkdir(parents=True)
        if self.retriever is not None:
            self.retriever.save(str(tmp / "bm25"))
        meta = {
            "fingerprint": fingerprint,
            "tokenizer": TOKENIZER_VERSION,
            "ids": self.ids,
            "doc_keys": list(self.doc_keys),
            "kinds": list(self.kinds),
            "years": [int(y) for y in self.years],
            "df": self.df,
        }
        (tmp / "chunks.json").write_text(json.dumps(meta), encoding="utf-8")
        old = folder.with_name(folder.name + ".old")
        shutil.rmtree(old, ignore_errors=True)
        if folder.exists():
            folder.rename(old)
        tmp.rename(folder)
        shutil.rmtree(old, ignore_errors=True)

    @classmethod
    def load(cls, folder: Path, fingerprint: str) -> LexicalIndex | None:
        """Read a saved index, or None when it is missing or does not match the store."""
        import bm25s

        try:
            meta = json.loads((folder / "chunks.json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        if meta.get("fingerprint") != fingerprint or meta.get("tokenizer") != TOKENIZER_VERSION or "df" not in meta:
            return None
        retriever = bm25s.BM25.load(str(folder / "bm25")) if meta["ids"] else None
        return cls(meta["ids"], meta["doc_keys"], meta["kinds"], meta["years"], meta["df"], retriever)

    def knows(self, term: str) -> bool:
        """Say whether some chunk holds a term."""
        return term in self.df

    def scores(self, terms: list[str], mask: np.ndarray | None = None) -> np.ndarray:
        """Score every chunk against the query terms; masked-out chunks score zero."""
        if self.retriever is None or not terms:
            return np.zeros(len(self.ids), dtype=np.float32)
        known = [t for t in terms if t in self.df]
        if not known:
            return np.zeros(len(self.ids), dtype=np.float32)
        scores = np.asarray(self.retriever.get_scores(known), dtype=np.float32)
        if mask is not None:
            scores = np.where(mask, scores, 0.0)
        return scores

    def held_by_documents(self, per_term: dict[str, np.ndarray], weights: list[tuple[str, float]]) -> np.ndarray:
        """Return, for every chunk, the weighted share of the terms that some chunk of its document holds.

        `per_term` maps each term to its BM25 scores (`scores([term])`); a document holds a term where one of its
        chunks scores above zero for it, so a document whose chunks hold different words of a question holds them all.
        """
        total = sum(w for _, w in weights)
        if not len(self.ids) or total <= 0:
            return np.zeros(len(self.ids), dtype=np.float32)
        if self._documents is None:
            self._documents = np.unique(self.doc_keys, return_inverse=True)[1]
        documents = self._documents
        count = int(documents.max()) + 1
        share = np.zeros(count, dtype=np.float32)
        for term, weight in weights:
            share += weight * (np.bincount(documents, weights=per_term[term] > 0, minlength=count) > 0)
        return share[documents] / total

    def idf(self, term: str) -> float:
        """Return how rare a term is among the chunks (BM25's idf); unseen terms are the rarest."""
        n, df = len(self.ids), self.df.get(term, 0)
        return float(np.log(1 + (n - df + 0.5) / (df + 0.5)))

    def mask(self, doc_keys=(), kinds=(), years=()) -> np.ndarray | None:
        """Return which chunks pass the filters, or None when there are none."""
        if not (doc_keys or kinds or years):
            return None
        keep = np.ones(len(self.ids), dtype=bool)
        if doc_keys:
            keep &= np.isin(self.doc_keys, list(doc_keys))
        if kinds:
            keep &= np.isin(self.kinds, list(kinds))
        if years:
            keep &= np.isin(self.years, list(years))
        return keep
