"""Add the documents' words for a query's everyday ones (city: urban, elderly: old age), from a shipped list."""

from __future__ import annotations

import functools
import re
from pathlib import Path

from nsss.index.lexical import tokenize

EVERYDAY = Path(__file__).resolve().parent / "everyday_en.tsv"


class Everyday:
    """Pairs of an everyday phrase and the documents' word for it, looked up by search terms (stemmed)."""

    def __init__(self, pairs: list[tuple[str, str]]):
        # Each pair as (the phrase's search terms, the documents' words, the phrase as written or None). A phrase in
        # double quotes is matched as written, not by its stems: "going down" is not the "go" of "where does it go?".
        self.pairs = [
            (
                tuple(tokenize(everyday.strip('"'))),
                documents,
                re.compile(r"\b" + re.escape(everyday.strip('"')) + r"\b", re.I) if everyday.startswith('"') else None,
            )
            for everyday, documents in pairs
        ]

    @classmethod
    def load(cls, path: Path = EVERYDAY) -> Everyday:
        """Read a list: one `everyday<TAB>documents' word` pair a line, `#` starts a comment; an everyday phrase in
        double quotes is matched as written, not by its stems."""
        pairs = []
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip() or line.startswith("#"):
                continue
            parts = [p.strip() for p in line.split("\t")]
            if len(parts) != 2 or not all(tokenize(p) for p in parts):
                raise ValueError(f"{path}, line {number}: expected `everyday words<TAB>documents' words`, got {line!r}")
            pairs.append((parts[0], parts[1]))
        return cls(pairs)

    def terms(self, query: str) -> list[str]:
        """Return the search terms of the documents' words for the query's everyday phrases, not already in it."""
        have = tokenize(query)
        found = [t for _, documents in self.found(query) for t in tokenize(documents)]
        return [t for t in dict.fromkeys(found) if t not in have]

    def found(self, query: str) -> list[tuple[str, str]]:
        """Return the pairs (the everyday phrase as search terms, the documents' words) whose phrase the query holds."""
        have = tokenize(query)
        out = []
        for phrase, documents, written in self.pairs:
            if written.search(query) if written else _holds_run(have, phrase):
                out.append((" ".join(phrase), documents))
        return out


def _holds_run(terms: list[str], phrase: tuple[str, ...]) -> bool:
    """Tell whether a phrase's search terms stand together, in order, among a text's."""
    n = len(phrase)
    return any(tuple(terms[i : i + n]) == phrase for i in range(len(terms) - n + 1))


@functools.cache
def default_everyday() -> Everyday:
    """Return the list shipped with the project, read once."""
    return Everyday.load()
