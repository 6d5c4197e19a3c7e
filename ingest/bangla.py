"""Tell sound Bangla text from a broken text layer, repair visual vowel order, and convert legacy Bijoy text."""

from __future__ import annotations

import functools
import re
import unicodedata

BANGLA = re.compile(r"[\u0980-\u09FF]")
# Vowel signs drawn before their consonant; a PDF that stores glyphs in visual order puts them first.
PRE_BASE = "\u09BF\u09C7\u09C8"  # ি ে ৈ
# Dependent vowel signs, marks and the virama: none of them can begin a word in logical order.
DEPENDENT = "\u0981\u0982\u0983\u09BC\u09BE\u09BF\u09C0\u09C1\u09C2\u09C3\u09C4\u09C7\u09C8\u09CB\u09CC\u09CD\u09D7"
VOWEL_SIGNS = "\u09BE\u09BF\u09C0\u09C1\u09C2\u09C3\u09C4\u09C7\u09C8\u09CB\u09CC"
CONSONANT = "[\u0995-\u09B9\u09CE\u09DC\u09DD\u09DF]\u09BC?"
# A consonant cluster: consonants joined by the virama (ক্ষ, ন্ত্র).
CLUSTER = f"{CONSONANT}(?:\u09CD{CONSONANT})*"
WORD = re.compile(r"[\u0980-\u09FFA-Za-z\x00\uFFFD]+")
# A legacy Bijoy font: SutonnyMJ, SutonnyOMJ, SolaimanLipiMJ... possibly with a subset prefix (ABCDEF+SutonnyMJ-Bold).
BIJOY_FONT = re.compile(r"(?:^|[+/])[A-Za-z]*(?:MJ|OMJ)(?:[-,][A-Za-z]+)?$")


def defects(text: str) -> tuple[int, int]:
    """Count the Bangla words of a text, and those that cannot occur in sound Unicode Bangla."""
    words = bad = 0
    for word in WORD.findall(text):
        if not BANGLA.search(word) and "\x00" not in word:
            continue
        words += 1
        if (
            "\x00" in word
            or "\uFFFD" in word
            or word[0] in DEPENDENT
            or re.search(f"[{VOWEL_SIGNS}][{VOWEL_SIGNS}]", word)
            or (re.search("[A-Za-z]", word) and BANGLA.search(word))
        ):
            bad += 1
    return words, bad


def is_broken(text: str, *, tolerance: float = 0.03) -> bool:
    """Say whether a page's Bangla text is too broken to quote: lost glyphs, vowel signs out of order."""
    if "\uFFFD" in text or text.count("\x00") > 2:
        return True
    words, bad = defects(text)
    return words > 0 and bad > max(1, tolerance * words)


def repair(text: str) -> str:
    """Put vowel signs stored in visual order back after their consonant; join split and doubled signs."""
    if visual_order(text):
        # ে + cluster + া / ৗ was drawn for the two-part vowels ো / ৌ.
        text = re.sub(f"\u09C7({CLUSTER})\u09BE", "\\1\u09CB", text)
        text = re.sub(f"\u09C7({CLUSTER})\u09D7", "\\1\u09CC", text)
        text = re.sub(f"([{PRE_BASE}])({CLUSTER})", "\\2\\1", text)
    text = re.sub(f"([{VOWEL_SIGNS}])\\1+", "\\1", text)
    return unicodedata.normalize("NFC", text)


def visual_order(text: str) -> bool:
    """Say whether a text stores pre-base vowel signs before their consonant (many words start with one)."""
    starts = len(re.findall(f"(?:^|[^\u0980-\u09FF])[{PRE_BASE}]", text))
    words, _ = defects(text)
    return words > 0 and starts >= max(1, 0.02 * words)


def is_bijoy_font(name: str) -> bool:
    """Say whether a PDF font name is a legacy Bijoy (ASCII-encoded Bangla) font such as SutonnyMJ."""
    return bool(BIJOY_FONT.search(name.lstrip("/")))


@functools.cache
def _bijoy():
    from bijoy2unicode import converter

    return converter.Unicode()


def from_bijoy(text: str) -> str:
    """Convert text typed in a Bijoy font (SutonnyMJ) to Unicode Bangla, in NFC."""
    if not text.strip():
        return text
    lead = text[: len(text) - len(text.lstrip())]
    trail = text[len(text.rstrip()):]
    return lead + unicodedata.normalize("NFC", _bijoy().convertBijoyToUnicode(text.strip())) + trail
