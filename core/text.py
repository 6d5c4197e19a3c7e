"""Cut text the same way at every stage: sentences and list items (the units an answer is chosen from, whose
vectors ingest stores), and the part of each that the dense model reads; and tell which language a text is in."""

from __future__ import annotations

import re

BANGLA_LETTER = re.compile(r"[\u0980-\u09FF]")
# Where a Bangla word starts and ends, for a pattern that must match whole Bangla words ("কবে", when, is not the end of
# "থাকবে", will be; the month "মে" is not inside "মাধ্যমে"): Python's \b cannot tell, a Bangla vowel sign or virama
# being no word character to it.
BANGLA_START = r"(?<![\u0980-\u09ff])"
BANGLA_END = r"(?![\u0980-\u09ff])"
# An acronym as the documents write one: two capitals or more ("NSSS", "MoLE", "NGOs").
ACRONYM = re.compile(r"\b[A-Z][A-Za-z0-9&]*[A-Z][A-Za-z0-9&]*\b")


def language(text: str) -> str:
    """Return "bn" for a text written mostly in Bangla letters, else "en"."""
    return "bn" if len(BANGLA_LETTER.findall(text)) > len(re.findall(r"[A-Za-z]", text)) else "en"


# A line that starts a list item: a bullet, "1." / "(a)" / "iv)", or a Bangla numeral.
LIST_ITEM = re.compile(r"^\s*(?:[-•*▪●◦–]|\(?\d{1,2}[.)]|\(?[a-zA-Z][.)]|\(?[ivxIVX]{1,4}[.)]|[০-৯]{1,2}[.)।])\s+")

# A sentence is scored by the model on its first words only: long ones cost more and say no more (scoring.py).
SCORED_WORDS = 60

ABBREVIATIONS = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|Md|Prof|No|Nos|St|Govt|Gov|Jr|Sr|Ltd|Co|Inc|etc|vs|approx|e\.g|i\.e|"
    r"Tk|Rs|Fig|Vol|Art|Sec|Ref|[A-Z])\.|"
    # Bangla titles and initials: "ড. শিরীন শারমিন চৌধুরী" (Dr), "মো." (Md), "এ. কে. মহিউদ্দিন" (the letters'
    # names). A Bangla sentence ends with "।": a full stop after these is not the end of one.
    r"(?<![\u0980-\u09ff])(?:ড|ডা|মো|মু|মোহা|অধ্যা|প্রফে|"
    r"এ|বি|সি|ডি|ই|এফ|জি|এইচ|আই|জে|কে|এল|এম|এন|ও|পি|কিউ|আর|এস|টি|ইউ|ভি|ডব্লিউ|এক্স|জেড)\.)$"
)
# A line that ends in a closing bracket or quote with no full stop before it: a phrase closed, not a sentence.
WRAPPED_CLOSE = re.compile(r"(?<![.!?।])[)\"”’]$")
SENTENCE_END = re.compile(r"(?<=[.!?।])[\"”’')\]]*\s+")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Return (start, end) spans of the sentences and list items of a text, joining hard-wrapped lines."""
    spans: list[tuple[int, int]] = []
    for block_start, block_end in _blocks(text):
        block = text[block_start:block_end]
        cursor = 0
        for match in SENTENCE_END.finditer(block):
            head = block[cursor : match.start()]
            nxt = block[match.end() : match.end() + 1]
            if ABBREVIATIONS.search(head) or not nxt.strip() or nxt.islower():
                continue
            spans.append((block_start + cursor, block_start + match.start()))
            cursor = match.end()
        spans.append((block_start + cursor, block_end))
    trimmed = []
    for s, e in spans:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e - s >= 3 and re.search(r"\w", text[s:e]):
            trimmed.append((s, e))
    return trimmed


def _blocks(text: str) -> list[tuple[int, int]]:
    """Split text at hard line breaks; a line that wraps mid-sentence continues on the next one."""
    lines = [(m.start(), m.end()) for m in re.finditer(r"[^\n]*", text) if m.end() > m.start()]
    blocks: list[list[int]] = []
    for start, end in lines:
        line = text[start:end].strip()
        if not line:
            continue
        if blocks:
            prev = text[blocks[-1][0] : blocks[-1][1]].rstrip()
            prev_line = prev.rsplit("\n", 1)[-1]
            gap = text[blocks[-1][1] : start]
            soft = (
                gap.count("\n") == 1
                and len(prev_line) >= 50
                and (
                    not re.search(r"[.!?:;।\"”)]$", prev_line)
                    # a bracket or a quote that closes a phrase, not a sentence, with the sentence going on in lower
                    # case: "... Monitoring and Evaluation (M&E)\nmechanism and ..." (not "url:" after a title line)
                    or (WRAPPED_CLOSE.search(prev_line) and re.match(r"[a-z](?![a-z_]*:)", text[start:end]))
                )
                and not LIST_ITEM.match(text[start:end])
            )
            if soft:
                blocks[-1][1] = end
                continue
        blocks.append([start, end])
    return [(s, e) for s, e in blocks]


def scored_text(sentence: str) -> str:
    """Return the part of a sentence the dense model reads to score it: its first SCORED_WORDS words."""
    return " ".join(sentence.split()[:SCORED_WORDS])


def scored_texts(text: str) -> list[str]:
    """Return what the model reads of each sentence of a passage, as the assistant scores them."""
    return [scored_text(text[s:e]) for s, e in split_sentences(text)]
