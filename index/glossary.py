"""Bridge English and Bangla queries: the field's terms from a shipped glossary, acronyms spelt out, digits."""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable
from pathlib import Path

from nsss.core.text import BANGLA_LETTER, language
from nsss.index.lexical import tokenize

GLOSSARY = Path(__file__).resolve().parent / "glossary_bn_en.tsv"
PROGRAMMES_SECTION = "programmes and allowances"  # the glossary's section of the field's programmes and benefits
LONGEST = 8  # terms of the glossary hold at most this many words
# Bangla names of the Latin letters, as Bangla writes acronyms (এনএসএসএস for NSSS).
LETTERS = {
    "A": "এ",
    "B": "বি",
    "C": "সি",
    "D": "ডি",
    "E": "ই",
    "F": "এফ",
    "G": "জি",
    "H": "এইচ",
    "I": "আই",
    "J": "জে",
    "K": "কে",
    "L": "এল",
    "M": "এম",
    "N": "এন",
    "O": "ও",
    "P": "পি",
    "Q": "কিউ",
    "R": "আর",
    "S": "এস",
    "T": "টি",
    "U": "ইউ",
    "V": "ভি",
    "W": "ডব্লিউ",
    "X": "এক্স",
    "Y": "ওয়াই",
    "Z": "জেড",
}
# Case endings Bangla joins to an acronym (ইজিপিপির: of EGPP), longest first.
CASE_ENDINGS = ("য়ের", "ের", "এর", "কে", "তে", "র")
ONE_WAY = "from-bangla"  # a glossary line's third field: bridge Bangla queries only
BANGLA_DIGITS = str.maketrans("0123456789", "০১২৩৪৫৬৭৮৯")
LATIN_DIGITS = str.maketrans("০১২৩৪৫৬৭৮৯", "0123456789")


class Glossary:
    """Pairs of English and Bangla terms, looked up by their search terms (stemmed, stop words out)."""

    def __init__(self, pairs: list[tuple[str, str]], from_bangla: list[tuple[str, str]] = ()):
        self.pairs = pairs
        self.from_bangla = list(from_bangla)
        self._other: dict[tuple[str, ...], list[str]] = {}
        self._written: dict[tuple[str, ...], str] = {}  # a two-way term's search terms -> the term as written
        for english, bangla in pairs:
            for side in (english, bangla):
                self._written.setdefault(tuple(tokenize(side)), side)
        ways = [(english, bangla) for english, bangla in pairs] + [(bangla, english) for english, bangla in pairs]
        ways += [(bangla, english) for english, bangla in self.from_bangla]
        for side, other in ways:
            key = tuple(tokenize(side))
            if key and other not in self._other.setdefault(key, []):
                self._other[key].append(other)

    @classmethod
    def load(cls, path: Path = GLOSSARY) -> Glossary:
        """Read a glossary file: one `English<TAB>Bangla` pair a line, `#` starts a comment.

        A third field `from-bangla` bridges a Bangla query only: everyday words (programme, people) would send
        English queries to the few Bangla passages that use them.
        """
        pairs, from_bangla = [], []
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip() or line.startswith("#"):
                continue
            parts = [p.strip() for p in line.split("\t")]
            if len(parts) not in (2, 3) or not all(parts) or parts[2:] not in ([], [ONE_WAY]):
                raise ValueError(
                    f"{path}, line {number}: expected `English<TAB>Bangla` or `English<TAB>Bangla<TAB>{ONE_WAY}`, "
                    f"got {line!r}"
                )
            (from_bangla if parts[2:] else pairs).append((parts[0], parts[1]))
        return cls(pairs, from_bangla)

    def forms(self, terms: tuple[str, ...]) -> list[str]:
        """Return the forms in the other language of the glossary term with these search terms ([] when none)."""
        return list(self._other.get(terms, []))

    def terms_in(self, text: str) -> list[tuple[str, str]]:
        """Return the glossary's two-way terms a text holds, in order, each as the text writes it with the glossary's
        first form in the other language ("Old Age Allowances" -> "বয়স্ক ভাতা"), once per form: longest phrase first,
        as `bridge` matches. Not the acronyms spelt letter by letter nor figures that `bridge` adds (both read alike
        in either script), nor the one-way everyday words."""
        found: dict[str, tuple[str, str]] = {}  # by the other form: "financial year", "fiscal year" give অর্থবছর once
        for key, (other, *_) in self._phrases(
            tokenize(text), lambda key: self._other.get(key, []) if key in self._written else []
        ):
            # As the text writes it ("NSSS", "allowances"): a word that only shares the term's stem is another word
            # ("government" is not "governance") and is left out.
            seen = re.search(rf"(?<!\w){re.escape(self._written[key])}(?:s|es)?(?!\w)", text, re.I)
            if seen:
                found.setdefault(other, (seen.group(0), other))
        return list(found.values())

    def _phrases(self, terms: list[str], forms: Callable[[tuple[str, ...]], list[str]]):
        """Match a text's search terms to glossary phrases, longest first, left to right; yield each matched phrase's
        terms with its forms in the other language (`forms` gives them, or nothing for a phrase not to match)."""
        i = 0
        while i < len(terms):
            for n in range(min(LONGEST, len(terms) - i), 0, -1):
                key = tuple(terms[i : i + n])
                if other := forms(key):
                    yield key, other
                    i += n
                    break
            else:
                i += 1

    def bridge(self, query: str, usable: Callable[[str], bool] | None = None) -> list[tuple[str, str]]:
        """Pair the query's terms with their forms in the other language: glossary terms, acronyms, figures.

        Glossary phrases are matched longest first, among the forms `usable` accepts (a phrase the documents never
        write must not hide the words inside it: অবহিতকরণ কর্মশালা still gives workshop); acronyms are spelt in
        Bangla letters (NSSS, এনএসএসএস) and back; figures are written in the other script.
        """
        out: list[tuple[str, str]] = []

        def usable_forms(key: tuple[str, ...]) -> list[str]:
            return [t for t in self._other.get(key, []) if usable is None or usable(t)]

        for source, other in self._phrases(tokenize(query), usable_forms):
            out.extend((" ".join(source), term) for term in other[:2])
        for word in re.findall(r"\b[A-Z]{2,6}\b", query):
            out.append((word, "".join(LETTERS[ch] for ch in word)))
        for word in re.findall(r"[\u0980-\u09FF]+", query):
            out.extend((word, latin) for latin in acronym_readings(word))
        # A fiscal year in Bangla digits (২০১৭-১৮) is the documents' "2017-18", one term there, not two numbers.
        for years in re.findall(r"[০-৯]{4}\s*[-–/]\s*[০-৯]{2,4}", query):
            out.append((years, re.sub(r"\s*[-–/]\s*", "-", years.translate(LATIN_DIGITS))))
        for number in re.findall(r"\d+|[০-৯]+", query):
            out.append((number, number.translate(BANGLA_DIGITS if number.isascii() else LATIN_DIGITS)))
        seen: set[tuple[str, ...]] = set()
        kept = []
        for source, target in out:
            key = tuple(tokenize(target))
            if key and key not in seen and target not in query:
                seen.add(key)
                kept.append((source, target))
        return kept


def spell_acronym(word: str) -> str:
    """Read a Bangla spelling of letter names back as a Latin acronym (বিআইসিসি is BICC); "" when it is not one."""
    best: list[str | None] = [None] * (len(word) + 1)
    best[0] = ""
    for end in range(1, len(word) + 1):
        for letter, name in LETTERS.items():
            start = end - len(name)
            if start >= 0 and best[start] is not None and word[start:end] == name:
                best[end] = best[start] + letter
                break
    found = best[-1]
    # Short words such as আরও (আর + ও) spell letters by chance; acronyms written in Bangla are longer.
    return found if found and 2 <= len(found) <= 6 and len(word) >= 4 else ""


def acronym_readings(word: str) -> list[str]:
    """Read a Bangla word as an acronym, with a case ending or without (ইজিপিপির is EGPP; সিএমসিকে is CMCK or CMC:
    a case ending may also be a letter's name, so both are given and the caller keeps what the documents hold)."""
    stems = [word] + [word[: -len(e)] for e in CASE_ENDINGS if word.endswith(e)]
    return [latin for latin in dict.fromkeys(spell_acronym(stem) for stem in stems) if latin]


@functools.cache
def default_glossary() -> Glossary:
    """Return the glossary shipped with the project, read once."""
    return Glossary.load()


def english_side(text: str, bridge: list[tuple[str, str]], asked: str = "") -> str:
    """Return what the bundled (English-only) model should read of a query asked in Bangla: its words not written in
    Bangla letters and the English forms of its Bangla terms. The model reads any two Bangla texts as alike (cosine
    0.8 or more between unrelated Bangla sentences, against 0.05 with English ones), so the Bangla words would make
    the query close to every Bangla passage, whatever either says. A query asked in English is read as it is, with
    its terms' Bangla forms (eval/RESULTS.md, session 17). The language is read from the query as asked (`asked`),
    not from the text with its acronyms spelt out in English."""
    if language(asked or text) == "en":
        return f"{text} {' '.join(form for _, form in bridge)}" if bridge else text
    words = [w for w in text.split() if not BANGLA_LETTER.search(w)]
    forms = [form for form in dict.fromkeys(form for _, form in bridge) if not BANGLA_LETTER.search(form)]
    return " ".join(words + forms) or text


@functools.cache
def programme_names() -> tuple[tuple[tuple[str, ...], ...], tuple[str, ...]]:
    """The names of the field's programmes and benefits, from the glossary's section of them (PROGRAMMES_SECTION):
    English as search terms, Bangla as written."""
    english, bangla, inside = set(), set(), False
    for line in GLOSSARY.read_text(encoding="utf-8").splitlines():
        if line.startswith("# --"):
            inside = line.removeprefix("# --").strip() == PROGRAMMES_SECTION
        elif inside and line.strip() and not line.startswith("#"):
            en, bn = line.split("\t")[:2]  # English<TAB>Bangla, as the glossary is read
            if terms := tuple(tokenize(en)):
                english.add(terms)
            bangla.add(unicodedata.normalize("NFC", bn.strip()))
    return tuple(sorted(english)), tuple(sorted(bangla))


def names_programme(text: str) -> bool:
    """Say whether a text names one of the field's programmes or benefits, in English or in Bangla."""
    english, bangla = programme_names()
    words = set(tokenize(text))
    flat = unicodedata.normalize("NFC", text)
    return any(set(t) <= words for t in english) or any(b in flat for b in bangla)
