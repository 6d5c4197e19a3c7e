"""Learn the acronyms a document defines, as in "Vulnerable Women's Benefit (VWB)"."""

from __future__ import annotations

import re

DEFINITION = re.compile(r"\(\s*([A-Z][A-Za-z0-9&]{1,11})s?\s*\)")
DIGIT_WORDS = {"2": "t", "4": "f"}


def find_acronyms(text: str) -> dict[str, list[str]]:
    """Return each acronym defined in the text with the long forms written before it."""
    found: dict[str, list[str]] = {}
    for match in DEFINITION.finditer(text):
        short = match.group(1)
        if sum(ch.isupper() for ch in short) < 2:
            continue
        before = text[max(0, match.start() - 200) : match.start()].rstrip()
        words = re.split(r"\s+", before)
        window = " ".join(words[-(len(short) + 5) :])
        window = re.split(r"[.;:()\n]", window)[-1].strip(" ,–-")
        long = _best_long_form(short, window)
        if long and long.lower() != short.lower() and len(re.split(r"[\s‐-]+", long)) >= 2:
            forms = found.setdefault(short, [])
            if long not in forms:
                forms.append(long)
    return found


def _best_long_form(short: str, window: str) -> str | None:
    """Match the acronym's letters backwards to the window (Schwartz and Hearst, 2003)."""
    letters = [DIGIT_WORDS.get(ch, ch.lower()) for ch in short if ch.isalnum()]
    s, i = len(letters) - 1, len(window) - 1
    while s >= 0:
        c = letters[s]
        while i >= 0 and (window[i].lower() != c or (s == 0 and i > 0 and window[i - 1].isalnum())):
            i -= 1
        if i < 0:
            return None
        i -= 1
        s -= 1
    start = max(window.rfind(" ", 0, i + 1), window.rfind("\t", 0, i + 1)) + 1
    long = window[start:].strip(" \"'“”‘’")
    if len(long.split()) > len(letters) + 4:
        return None
    return long
