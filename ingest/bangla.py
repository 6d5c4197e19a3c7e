"""Tell sound Bangla text from a broken text layer, repair visual vowel order, and convert legacy Bijoy text."""

from __future__ import annotations

import functools
import re
import unicodedata

BANGLA = re.compile(r"[\u0980-\u09FF]")
# Vowel signs drawn before their consonant; a PDF that stores glyphs in visual order puts them first.
PRE_BASE = "\u09bf\u09c7\u09c8"  # ি ে ৈ
# Dependent vowel signs, marks and the virama: none of them can begin a word in logical order.
DEPENDENT = "\u0981\u0982\u0983\u09bc\u09be\u09bf\u09c0\u09c1\u09c2\u09c3\u09c4\u09c7\u09c8\u09cb\u09cc\u09cd\u09d7"
VOWEL_SIGNS = "\u09be\u09bf\u09c0\u09c1\u09c2\u09c3\u09c4\u09c7\u09c8\u09cb\u09cc"
CONSONANT = "[\u0995-\u09b9\u09ce\u09dc\u09dd\u09df]\u09bc?"
# A consonant cluster: consonants joined by the virama (ক্ষ, ন্ত্র).
CLUSTER = f"{CONSONANT}(?:\u09cd{CONSONANT})*"
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
            or "\ufffd" in word
            or word[0] in DEPENDENT
            or re.search(f"[{VOWEL_SIGNS}][{VOWEL_SIGNS}]", word)
            or (re.search("[A-Za-z]", word) and BANGLA.search(word))
        ):
            bad += 1
    return words, bad


def is_broken(text: str, *, tolerance: float = 0.03) -> bool:
    """Say whether a page's Bangla text is too broken to quote: lost glyphs, vowel signs out of order."""
    if "\ufffd" in text or text.count("\x00") > 2:
        return True
    words, bad = defects(text)
    return words > 0 and bad > max(1, tolerance * words)


def repair(text: str) -> str:
    """Put vowel signs stored in visual order back after their consonant; join split and doubled signs."""
    if visual_order(text):
        # ে + cluster + া / ৗ was drawn for the two-part vowels ো / ৌ.
        text = re.sub(f"\u09c7({CLUSTER})\u09be", "\\1\u09cb", text)
        text = re.sub(f"\u09c7({CLUSTER})\u09d7", "\\1\u09cc", text)
        text = re.sub(f"([{PRE_BASE}])({CLUSTER})", "\\2\\1", text)
    text = re.sub(f"([{VOWEL_SIGNS}])\\1+", "\\1", text)
    return unicodedata.normalize("NFC", text)


def visual_order(text: str) -> bool:
    """Say whether a text stores pre-base vowel signs before their consonant (many words start with one)."""
    starts = len(re.findall(f"(?:^|[^\u0980-\u09ff])[{PRE_BASE}]", text))
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
    trail = text[len(text.rstrip()) :]
    return lead + unicodedata.normalize("NFC", _bijoy().convertBijoyToUnicode(text.strip())) + trail
