"""Answer without an LLM: pick the sentences of the retrieved passages that answer the question, and quote them."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

import numpy as np

from index.lexical import tokenize
from index.search import Hit

# Words that say what is asked, not what about: they never count as evidence.
QUESTION_TERMS = set(tokenize(
    "what which who whom whose when where why how many much is are was were does did do the a of "
    "name names list tell give describe explain mean meant stand",
)) | {"mani", "much", "tell", "give", "name", "list"}

ABBREVIATIONS = re.compile(r"(?:\b(?:Mr|Mrs|Ms|Dr|Md|Prof|No|Nos|St|Govt|Gov|Jr|Sr|Ltd|Co|Inc|etc|vs|approx|e\.g|i\.e|"
                           r"Tk|Rs|Fig|Vol|Art|Sec|Ref|[A-Z])\.)$")
SENTENCE_END = re.compile(r"(?<=[.!?।])[\"”’')\]]*\s+")
LIST_ITEM = re.compile(r"^\s*(?:[-•*▪●◦]|\(?\d{1,2}[.)]|\(?[a-z][.)]|\(?[ivx]{1,4}[.)])\s+")
NUMBER = re.compile(r"\d|[০-৯]|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|hundred|thousand|million|"
                    r"billion|crore|lakh)\b", re.I)
DATE = re.compile(r"\b(?:1[89]\d\d|20\d\d)\b|\b(?:January|February|March|April|May|June|July|August|September|"
                  r"October|November|December)\b|[০-৯]{4}", re.I)
HONORIFIC = re.compile(r"\b(?:Mr|Ms|Mrs|Dr|Md|Prof|Mohammad|Muhammad|Sheikh|Begum|Engr|Justice|Professor)\b\.?\s+[A-Z]")
ORG_WORDS = frozenset("""Social Security Protection National Strategy Division Ministry Committee Programme Program
Bangladesh Plan Action Policy Support Government Cabinet Planning Commission General Economics Development Bank
Department Office Council Conference Centre Center International Five Year Phase Workshop Report Progress The
Central Management Monitoring Affairs Welfare Women Children Child Labour Employment Finance Disaster Relief Safety
Net Nations United World Household Database System Registry Allowance Benefit Fund Scheme Sustainable Goals""".split())
ORG = re.compile(r"\b[A-Z]{2,}\b|\b(?:[A-Z][a-z]+ ){1,4}(?:Division|Ministry|Committee|Programme|Program|Bank|Office|"
                 r"Council|Team|Institute|Organisation|Organization|Agency|Department|Commission|Unit)\b")


def has_person(text: str) -> bool:
    """Tell whether a text names a person: an honorific, or two or more capitalised words that are not an office."""
    if HONORIFIC.search(text):
        return True
    for run in re.findall(r"\b(?:[A-Z][a-z]+(?:\s+|$)){2,4}", text):
        if not any(w in ORG_WORDS for w in run.split()):
            return True
    return False

LIST_START = re.compile(r"^\s*(?:list|name|enumerate|give)\b|কী কী|কোন কোন|কারা", re.I)
WHAT_WHICH = re.compile(r"^\s*(?:(?:in|for|from|to|at|on|by|under|with)\s+)?(?:what|which)\s+(.*)", re.I)
AUXILIARY = frozenset("is are was were do does did will would can could should shall have has had may might must".split())
PLURAL_EXCEPTIONS = frozenset("is was has does this its us bus status process access gas less less news series "
                              "basis analysis crisis thesis success business progress address class".split())


SHORTLIST = 12  # sentences embedded per question


@dataclass(frozen=True)
class Sentence:
    """A sentence of a retrieved passage, with its exact place in the document."""

    hit_rank: int
    hit: Hit
    start: int  # offsets in the document text
    end: int
    text: str


@dataclass(frozen=True)
class Pick:
    """A sentence chosen as evidence, and how well it answers."""

    sentence: Sentence
    score: float
    coverage: float


def sentences(hits: list[Hit]) -> list[Sentence]:
    """Split retrieved passages into sentences (and list items), once each, keeping document offsets."""
    seen: set[tuple[str, int]] = set()
    out: list[Sentence] = []
    for rank, hit in enumerate(hits):
        c = hit.chunk
        for start, end in split_sentences(c.text):
            key = (c.doc_key, c.start + start)
            if key in seen:
                continue
            seen.add(key)
            out.append(Sentence(rank, hit, c.start + start, c.start + end, c.text[start:end]))
    return out


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Return (start, end) spans of the sentences and list items of a text, joining hard-wrapped lines."""
    spans: list[tuple[int, int]] = []
    for block_start, block_end in _blocks(text):
        block = text[block_start:block_end]
        cursor = 0
        for match in SENTENCE_END.finditer(block):
            head = block[cursor:match.start()]
            nxt = block[match.end():match.end() + 1]
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
            prev = text[blocks[-1][0]:blocks[-1][1]].rstrip()
            prev_line = prev.rsplit("\n", 1)[-1]
            gap = text[blocks[-1][1]:start]
            soft = (
                gap.count("\n") == 1
                and len(prev_line) >= 50
                and not re.search(r"[.!?:;।\"”)]$", prev_line)
                and not LIST_ITEM.match(text[start:end])
            )
            if soft:
                blocks[-1][1] = end
                continue
        blocks.append([start, end])
    return [(s, e) for s, e in blocks]


def query_terms(query: str) -> list[str]:
    """Return the content terms of a question, without question words."""
    return [t for t in dict.fromkeys(tokenize(query)) if t not in QUESTION_TERMS]


def is_list_question(question: str) -> bool:
    """Tell whether a question asks for several items: "Which groups...", "What were the outcomes...", "List..."."""
    if LIST_START.search(question) or re.search(r"\bwho (?:are|were)\b", question, re.I):
        return True
    match = WHAT_WHICH.match(question)
    if not match:
        return False
    words = [w.lower().strip("?,.;:'’\"") for w in match.group(1).split()]
    had_auxiliary = bool(words) and words[0] in AUXILIARY
    if had_auxiliary:
        words = words[1:]
    for i, word in enumerate(words[:5]):
        if word in AUXILIARY:
            break
        following = words[i + 1] if i + 1 < len(words) else ""
        if i and not had_auxiliary and following in ("the", "a", "an", "to", "as", "that", "this", "its", "their", "for", "in", "on"):
            break  # "which ministry coordinates the ...": a verb, not a plural noun
        if word in ("kinds", "types", "parts", "ways", "sorts") or (
            len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "'s", "’s"))
            and word not in PLURAL_EXCEPTIONS
        ):
            return True
    return False


def expected_type(question: str) -> str:
    """Guess what kind of thing answers the question: number, date, person, or anything."""
    q = question.lower().strip()
    if re.search(r"\bhow (?:many|much|long|old|big|large)\b|\b(?:what|which) (?:amount|share|percentage|number|"
                 r"proportion|rate|figure|sum|budget|allocation)\b|\bwhat (?:is|was) the (?:amount|number|total|"
                 r"rate|share|budget|allocation|value|size)\b|কত", q):
        return "number"
    if re.match(r"^(?:when|in which year|what year|since when|by (?:which|what) (?:year|date))\b|কবে|কখন", q):
        return "date"
    if re.match(r"^(?:who|whom)\b|\bwho\b|কে\b", q):
        return "person"
    return "any"


YEAR_RANGE = re.compile(r"\b((?:19|20)\d\d)\s*[-–—/]\s*(?:(?:19|20)(\d\d)|(\d\d))\b")
QUANTITY = re.compile(r"(?<![\d-])(?!(?:19|20)\d\d\b)\d[\d,.]*|[০-৯]+|\b(?:one|two|three|four|five|six|seven|eight|nine|"
                      r"ten|eleven|twelve|twenty|thirty|forty|fifty|hundred|thousand|million|billion|crore|lakh|half|"
                      r"double|twice)\b", re.I)


def normalize_figures(text: str) -> str:
    """Write year ranges one way (2021-22, 2021–2022 and 2021/22 all become 2021-22)."""
    return YEAR_RANGE.sub(lambda m: f"{m.group(1)}-{m.group(2) or m.group(3)}", text)


def figures(question: str) -> list[str]:
    """Return the numbers, years and year ranges a question names, written as normalize_figures writes them."""
    return [f.lower() for f in re.findall(r"\d[\d,./-]*\d|\d", normalize_figures(question))]


MONEY = re.compile(r"\b(?:tk|taka|bdt|usd|aud|us\$|a\$|\$|dollars?|euros?|crore|lakh|million|billion|percent|per cent)\b|"
                   r"[%$৳€£]|টাকা|কোটি|লাখ", re.I)


def answers_quantity(question: str, text: str) -> bool:
    """Tell whether a sentence gives the quantity asked for: an amount for "how much", and for "how many X"
    a number within a few words of X."""
    if not QUANTITY.search(text):
        return False
    match = re.search(r"\bhow (many|much)\s+((?:[\w'-]+\s+){0,4}[\w'-]+)", question, re.I)
    if not match:
        return True
    if match.group(1).lower() == "much":
        return bool(MONEY.search(text)) or bool(re.search(r"\bhow much (?:land|time|food|rice|grain)\b", question, re.I))
    counted = []
    for word in match.group(2).split():
        if word.lower() in AUXILIARY:
            break
        counted.append(word)
    wanted = [t for t in tokenize(" ".join(counted)) if t not in QUESTION_TERMS]
    if not wanted:
        return True
    words = [(t, bool(QUANTITY.fullmatch(w) or re.fullmatch(r"\d[\d,.]*", w)))
             for w in re.findall(r"[\w.,'’%৳$]+", text) for t in (tokenize(w) or [w.lower()])]
    numbers = [i for i, (_, is_number) in enumerate(words) if is_number]
    targets = [i for i, (t, _) in enumerate(words) if any(t.startswith(x[:5]) or x.startswith(t[:5]) for x in wanted)]
    return any(abs(i - j) <= 4 for i in numbers for j in targets)


def type_matches(kind: str, text: str) -> bool:
    """Tell whether a text holds the kind of thing the question asks for."""
    if kind == "number":
        return bool(QUANTITY.search(text))
    if kind == "date":
        return bool(DATE.search(text))
    if kind == "person":
        return has_person(text) or bool(ORG.search(text))
    return True


def score_sentences(question: str, query: str, hits: list[Hit], idf, embed) -> list[Pick]:
    """Score every sentence of the passages by how well it answers the question, best first."""
    cands = sentences(hits)
    if not cands:
        return []
    terms = query_terms(query)
    own = set(query_terms(question))
    token_sets = [_with_prefixes(set(tokenize(s.text)), terms) for s in cands]
    # A term most candidate sentences share is the topic; one few share is the focus of the question.
    n = len(cands)
    weights = {}
    for t in terms:
        local = sum(t in ts for ts in token_sets)
        rarity = math.log(1 + n / (1 + local)) / math.log(1 + n)
        weights[t] = idf(t) * (0.4 + 0.6 * rarity)
        if own and t not in own:
            weights[t] *= 0.35  # context carried over from earlier turns counts less than the question's words
    total = sum(weights.values()) or 1.0

    def cover(tokens: set[str]) -> float:
        return sum(w for t, w in weights.items() if t in tokens) / total

    # A sentence's topic may be named just before it ("The committee ... its member secretary"): what it covers
    # with the two sentences before it and its document's title counts too, less than what it covers alone.
    context = []
    for i, s in enumerate(cands):
        ctx = set(token_sets[i]) | _with_prefixes(set(tokenize(s.hit.chunk.title)), terms)
        for j in (i - 1, i - 2):
            if j >= 0 and cands[j].hit is s.hit:
                ctx |= token_sets[j]
        context.append(ctx)
    lexical = np.array([0.65 * cover(token_sets[i]) + 0.35 * cover(context[i]) for i in range(n)])
    top = max(h.score for h in hits) or 1.0
    passage = np.array([s.hit.score / top for s in cands])
    shortlist = np.argsort(-(0.6 * lexical + 0.4 * passage))[:SHORTLIST]
    # Only the most promising sentences are embedded (and only their first words): answers stay fast.
    texts = [" ".join(cands[i].text.split()[:60]) for i in shortlist]
    vectors = np.array(embed([query] + texts))
    dense = vectors[1:] @ vectors[0]
    kind = expected_type(question)
    query_set = set(terms)
    picks = []
    for j, i in enumerate(shortlist):
        s = cands[i]
        score = 0.45 * lexical[i] + 0.3 * float(dense[j]) + 0.15 * passage[i]
        if kind == "person":
            score += 0.12 if has_person(s.text) else (0.05 if type_matches(kind, s.text) else 0.0)
        elif kind != "any" and type_matches(kind, s.text):
            score += 0.12
        # A sentence that only restates the question (a heading, a title) does not answer it.
        novel = len(token_sets[i] - query_set)
        score += 0.1 * min(novel, 6) / 6
        words = len(s.text.split())
        if words < 6:
            score -= 0.15
        elif words > 80:
            score -= 0.05
        if is_heading(s.text):
            score -= 0.1
        picks.append(Pick(s, float(score), float(lexical[i])))
    return sorted(picks, key=lambda p: p.score, reverse=True)


def _with_prefixes(have: set[str], terms: list[str]) -> set[str]:
    """Count a question term as present when a sentence word shares its stem's start (cover ~ coverage)."""
    extra = {t for t in terms if t not in have and len(t) >= 4 and any(
        len(w) >= 4 and (w.startswith(t) or t.startswith(w)) for w in have)}
    return have | extra


def is_heading(text: str) -> bool:
    """Tell whether a line is a title or heading rather than a statement ("Chair: Mr X" is a statement)."""
    words = text.split()
    if len(words) >= 20 or ":" in text or re.search(r"[.!?।]$", text):
        return False
    capitalised = sum(w[:1].isupper() or not w[:1].isalpha() for w in words)
    return capitalised >= 0.6 * len(words)


def is_compound(question: str) -> bool:
    """Tell whether a question asks two things at once ("When was it held, and who chaired it?")."""
    return bool(re.search(r"\b(?:and|or)\s+(?:who|what|when|where|which|how|whom|why|is|was|were|did|does)\b|"
                          r"\b(?:when|where|who|what)\s+and\s+(?:when|where|who|what|how)\b|এবং|ও\s", question, re.I))


def select(question: str, picks: list[Pick], max_items: int = 5) -> list[Pick]:
    """Choose the sentences to quote: the best one (two for two-part questions), or for lists all good ones."""
    if not picks:
        return []
    best = picks[0]
    listing = is_list_question(question)
    compound = is_compound(question)
    wanted = max_items if listing else (3 if compound else 2)
    floor = best.score * 0.75
    chosen = [best]
    for p in picks[1:]:
        if len(chosen) >= wanted or p.score < floor:
            break
        # A simple question is answered from one document: one source, one story. Two-part questions and
        # lists may need more than one.
        other_doc = p.sentence.hit.chunk.doc_key != best.sentence.hit.chunk.doc_key
        if other_doc and not listing and (not compound or p.sentence.hit_rank > 1):
            continue
        if any(_overlap(p.sentence.text, c.sentence.text) > 0.6 for c in chosen):
            continue
        chosen.append(p)
    return chosen


def _overlap(a: str, b: str) -> float:
    ta, tb = set(tokenize(a)), set(tokenize(b))
    if not ta or not tb:
        return 0.0
    return len(ta & tb) / min(len(ta), len(tb))


def list_continuation(text: str, end: int, limit: int = 8) -> list[tuple[int, int]]:
    """Return the spans of the list items that follow a sentence ending in a colon."""
    spans: list[tuple[int, int]] = []
    itemized = None
    for line in re.finditer(r"[^\n]+", text[end:end + 4000]):
        raw = line.group()
        body = raw.strip()
        if not body:
            continue
        is_item = bool(LIST_ITEM.match(raw))
        if itemized is None:
            itemized = is_item
        if is_item != itemized or len(body.split()) > 60:
            break
        start = end + line.start() + (len(raw) - len(raw.lstrip()))
        spans.append((start, start + len(body)))
        if len(spans) >= (limit if itemized else 6):
            break
    return spans
