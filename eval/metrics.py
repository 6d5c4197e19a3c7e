"""Score answers and retrievals against gold questions: pure functions on small dataclasses.

Definitions (also printed in every report, see `DEFINITIONS`):

- Source rank: the 1-based rank of the first retrieved passage (of the first `RANK_DEPTH`) whose source names a
  gold source; a source matches when the relative paths are equal or one ends with the other's file name.
- `R@1`, `R@5`: share of answerable questions whose source rank is at most 1 or 5. `MRR`: mean of 1/rank (0 when
  no gold source is retrieved).
- `evidence_recall`: share of gold evidence quotes found, after collapsing whitespace and case-folding, in the top 5
  retrieved passages or in the document text they cover (adjacent passages of one document joined).
- `correct`: the answer holds the gold answer's key terms (see `key_terms`): at least `CORRECT_SHARE` of them, and all
  of them when there are at most two. Abstentions are not correct.
- `citation_precision`, `citation_recall`: as in ALCE (Gao et al., 2023) with `supports` in place of an NLI model.
  The answer is cut into statements (`statements`). A statement is supported when the union of the quotes it cites
  supports it; `citation_recall` is the share of statements supported (a statement with no citation is not).
  A citation is precise when its statement is supported and the citation is needed: it supports the statement
  alone, or the other citations without it do not; `citation_precision` is the share of citations that are precise.
- `citation_source`: share of citations (of answerable questions) that point at a gold source document.
- `citation_holding`: share of those citations that point at a document holding the answer: a gold source, or a
  document whose text holds one of the gold evidence quotes of at least `HOLDING_WORDS` words (whitespace collapsed,
  case-folded): the same page on two sites, or a second report of one press release. What the issue asks for ("a
  document that holds the answer"); `citation_source` counts only the document the writer read.
- `quote_exact`: share of citation quotes that are exact substrings of their document's extracted text.
- `abstain_recall`: share of unanswerable questions declined; `false_abstain`: share of answerable ones declined.
- `p50_ms`, `p95_ms`: percentiles of the per-question wall time.
"""

from __future__ import annotations

import dataclasses
import functools
import math
import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

import numpy as np

RANK_DEPTH = 10
EVIDENCE_DEPTH = 5
CORRECT_SHARE = 0.6
LEXICAL_SUPPORT = 0.6  # share of a statement's key terms that its evidence must hold
COSINE_SUPPORT = 0.75  # or: cosine similarity of statement and evidence under the bundled model
# A gold evidence quote this long, found verbatim in another document, says that document holds the answer too
# (`citation_holding`); a shorter one ("in 2015") may stand in a document on something else.
HOLDING_WORDS = 6

METRICS = (
    "R@1",
    "R@5",
    "MRR",
    "evidence_recall",
    "correct",
    "correct_glossed",
    "citation_precision",
    "citation_recall",
    "citation_source",
    "citation_holding",
    "quote_exact",
    "abstain_recall",
    "false_abstain",
    "answer_words",
    "p50_ms",
    "p95_ms",
)

DEFINITIONS = {
    "R@1": "answerable questions whose first retrieved passage comes from a gold source",
    "R@5": "answerable questions with a gold source among the first 5 retrieved passages",
    "MRR": f"mean of 1/rank of the first passage from a gold source (0 if none in the first {RANK_DEPTH})",
    "evidence_recall": "gold evidence quotes found (whitespace collapsed, case-folded) in the top 5 passages "
    "or the document text they cover",
    "correct": f"answers holding >= {CORRECT_SHARE:.0%} of the gold answer's key terms (all of them when there are "
    "<= 2); key terms are numbers, and the stemmed English / whole Bangla words left after stop words; fiscal years, "
    "the taka and lakh / crore are read in one form (2023-2024 = 2023-24, Tk = taka = BDT = টাকা)",
    "correct_glossed": "as correct, reading the answer with the quotes' glossary terms shown beside it (a Bangla "
    "question answered from an English quote: its terms in Bangla, from the project's glossary; never cited)",
    "citation_precision": "ALCE-style: citations whose statement is supported by its cited quotes and that are "
    "needed (support it alone, or the rest do not without them)",
    "citation_recall": "ALCE-style: answer statements supported by the union of the quotes they cite",
    "citation_source": "citations of answerable questions that point at a gold source document",
    "citation_holding": "citations of answerable questions that point at a document holding the answer: a gold "
    f"source, or one whose text holds a gold evidence quote of >= {HOLDING_WORDS} words (whitespace collapsed, "
    "case-folded)",
    "quote_exact": "citation quotes that are exact substrings of their document's extracted text",
    "abstain_recall": "unanswerable questions declined",
    "false_abstain": "answerable questions declined",
    "answer_words": "mean words per answer given (not abstained): long answers hold key terms more easily",
    "p50_ms": "median wall time per question (ms)",
    "p95_ms": "95th percentile wall time per question (ms)",
}
SUPPORT_RULE = (
    f"evidence supports a statement when it holds every number of the statement and either "
    f">= {LEXICAL_SUPPORT:.0%} of the statement's key terms or a cosine similarity >= {COSINE_SUPPORT} "
    "under the bundled all-MiniLM-L6-v2 model"
)

# Words that carry no content in a gold answer ("Yes: both are 800 Taka a month").
FILLER = frozenset({"yes", "both", "each", "also", "respect", "etc", "includ", "among", "other"})
BANGLA_DIGITS = str.maketrans("০১২৩৪৫৬৭৮৯", "0123456789")
# A number standing alone ("39", "1,262", "1.9", "30%", "10th"), not a digit inside a name such as G2P.
NUMBER = re.compile(r"(?<![\w.])\d+(?:[.,]\d+)*(?:st|nd|rd|th)?(?!\w)")
MARKER = re.compile(r"\s*\[(\d+)\]")
MARKERS = re.compile(r"(?:\s*\[\d+\])+")


# Data ----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Question:
    """A gold question: what is asked, what answers it, and where the answer is written."""

    id: str
    question: str
    answer: str
    sources: tuple[str, ...]
    evidence: tuple[str, ...]
    type: str
    answerable: bool
    conversation: str = ""  # turns of one conversation share this and are asked in order
    turn: int = 0
    lang: str = ""
    split: str = ""  # "tune" or "test" in the development set


@dataclass(frozen=True)
class Passage:
    """A retrieved passage: its document, its span in the document text, and its text."""

    source: str
    doc_key: str
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Cite:
    """A citation an answer makes: its marker number, document and quote."""

    n: int
    source: str
    doc_key: str
    quote: str


@dataclass(frozen=True)
class Output:
    """What a system returned for one question, and how long it took."""

    text: str
    abstained: bool
    citations: tuple[Cite, ...]
    retrieved: tuple[Passage, ...]
    ms: float
    followup: bool | None = None  # read as a follow-up of the turn before (the assistant only)
    previous: tuple[str, ...] = ()  # the files the turn before was about, where a follow-up is searched
    glossary: str = ""  # the quotes' glossary terms in the question's language, shown apart (the assistant only)


@dataclass(frozen=True)
class Score:
    """One system's scores on one question; None where a metric does not apply."""

    id: str
    type: str
    answerable: bool
    abstained: bool
    rank: int | None = None
    evidence: float | None = None
    correct: bool | None = None
    glossed: bool | None = None  # correct, read with the glossary terms shown beside the answer
    citations: int = 0
    precise: int = 0
    statements: int = 0
    supported: int = 0
    gold_cited: int = 0
    holding_cited: int | None = None  # citations at a document holding the answer (None: not measured)
    cited_answerable: int = 0
    quotes: int = 0
    exact: int = 0
    words: int = 0
    ms: float = 0.0
    lang: str = ""
    later: bool = False  # a turn past the first of its conversation
    followup: bool | None = None
    gold_previous: bool | None = None  # a gold file is one the turn before was about
    # A gold document is in another language than the question (a Bangla question over an English report): issue
    # 9's kind, apart from issue 8's. None: an unanswerable question, or a report written before it was measured.
    across: bool | None = None


# Text ----------------------------------------------------------------------------------------------


def collapse(text: str) -> str:
    """Normalise text for containment tests: NFC, case-folded, whitespace collapsed, curly quotes straightened."""
    text = unicodedata.normalize("NFC", text).replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    return " ".join(text.casefold().split())


def _number(raw: str) -> str:
    raw = re.sub(r"(st|nd|rd|th)$", "", raw).replace(",", "")
    if re.fullmatch(r"\d+", raw):
        return str(int(raw))
    return raw.rstrip(".")


# One form for what is written several ways: a fiscal year ("2023-2024", "2023–24", "2023/24" are "2023-24"), the
# taka ("Tk", "taka", "BDT", "৳", "টাকা") and the Indian units ("lac", "lakhs", "লাখ"; "crores", "কোটি").
YEAR_RANGE = re.compile(r"\b((?:19|20)\d\d)\s*[-–—/]\s*(?:(?:19|20)(\d\d)|(\d\d))\b")
SAME_UNIT = (
    (re.compile(r"\b(?:tk|taka|bdt)\b\.?|৳|টাকা", re.I), " tk "),
    (re.compile(r"\b(?:lac|lacs|lakhs)\b|লাখ", re.I), " lakh "),
    (re.compile(r"\bcrores\b|কোটি", re.I), " crore "),
)


def same_forms(text: str) -> str:
    """Write fiscal years, the taka and lakh / crore one way, so that a gold answer and an answer that write the same
    figure differently ("Tk 600", "600 taka"; "2023-24", "2023-2024") are compared as equal, both ways."""
    text = YEAR_RANGE.sub(lambda m: f"{m.group(1)}-{m.group(2) or m.group(3)}", text)
    for pattern, form in SAME_UNIT:
        text = pattern.sub(form, text)
    return text


def key_terms(text: str) -> list[str]:
    """Return the terms an answer must hold: numbers, then stemmed English and whole Bangla content words."""
    from nsss.index.lexical import tokenize

    text = same_forms(unicodedata.normalize("NFC", MARKERS.sub(" ", text)).translate(BANGLA_DIGITS))
    numbers = [_number(m) for m in NUMBER.findall(text)]
    words = [t for t in tokenize(NUMBER.sub(" ", text)) if t not in FILLER]
    return list(dict.fromkeys(numbers + words))


def numbers_in(text: str) -> set[str]:
    """Return the normalised numbers a text holds (Bangla digits read as ASCII)."""
    text = unicodedata.normalize("NFC", MARKERS.sub(" ", text)).translate(BANGLA_DIGITS)
    return {_number(m) for m in NUMBER.findall(text)}


def term_coverage(terms: Sequence[str], text: str) -> float:
    """Return the share of terms found in a text (a Bangla term may also sit inside an inflected word)."""
    if not terms:
        return 1.0
    have = set(key_terms(text))
    flat = collapse(unicodedata.normalize("NFC", text).translate(BANGLA_DIGITS))
    found = sum(1 for t in terms if t in have or (t[0] >= "\u0980" and t in flat))
    return found / len(terms)


def is_correct(answer: str, gold: str, share: float = CORRECT_SHARE) -> bool:
    """Say whether an answer holds the gold answer's key terms (all of them when there are two or fewer)."""
    terms = key_terms(gold)
    if not terms:
        return collapse(gold) in collapse(answer)
    coverage = term_coverage(terms, answer)
    return coverage == 1.0 if len(terms) <= 2 else coverage >= share - 1e-9


# Retrieval -----------------------------------------------------------------------------------------


def same_source(retrieved: str, gold: str) -> bool:
    """Say whether a retrieved source path names a gold source (equal paths, or equal file names)."""
    a, b = retrieved.replace("\\", "/").strip("/"), gold.replace("\\", "/").strip("/")
    return a == b or a.endswith("/" + b) or b.endswith("/" + a) or a.rsplit("/", 1)[-1] == b.rsplit("/", 1)[-1]


def source_rank(retrieved: Sequence[str], gold: Iterable[str], depth: int = RANK_DEPTH) -> int | None:
    """Return the 1-based rank of the first retrieved source that is a gold source, or None."""
    gold = list(gold)
    for rank, source in enumerate(retrieved[:depth], 1):
        if any(same_source(source, g) for g in gold):
            return rank
    return None


def recall_at(ranks: Sequence[int | None], k: int) -> float:
    """Return the share of ranks that are at most k."""
    return sum(1 for r in ranks if r is not None and r <= k) / len(ranks) if ranks else math.nan


def mean_reciprocal_rank(ranks: Sequence[int | None]) -> float:
    """Return the mean of 1/rank, counting a missing rank as 0."""
    return sum(1.0 / r for r in ranks if r) / len(ranks) if ranks else math.nan


def covered_texts(passages: Sequence[Passage], document: Callable[[str], str] | None = None) -> list[str]:
    """Return the passages' texts and, per document, the text of each run of adjacent or overlapping passages."""
    texts = [p.text for p in passages]
    if document is None:
        return texts
    by_doc: dict[str, list[Passage]] = {}
    for p in passages:
        by_doc.setdefault(p.doc_key, []).append(p)
    for key, group in by_doc.items():
        if len(group) < 2:
            continue
        try:
            text = document(key)
        except KeyError:
            continue
        spans = sorted((p.start, p.end) for p in group)
        start, end = spans[0]
        runs = []
        for s, e in spans[1:]:
            if s <= end or not text[end:s].strip():
                end = max(end, e)
            else:
                runs.append((start, end))
                start, end = s, e
        runs.append((start, end))
        texts.extend(text[s:e] for s, e in runs if (s, e) not in spans)
    return texts


def evidence_found(evidence: Sequence[str], texts: Sequence[str]) -> float:
    """Return the share of evidence quotes found in the texts, whitespace collapsed and case-folded."""
    if not evidence:
        return math.nan
    haystack = "\n".join(collapse(t) for t in texts)
    return sum(1 for quote in evidence if collapse(quote) in haystack) / len(evidence)


# Citations -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Statement:
    """A piece of an answer and the citation numbers it carries."""

    text: str
    cites: tuple[int, ...]


def statements(answer: str) -> list[Statement]:
    """Cut an answer into statements: the text up to each group of [n] markers, and any uncited text left.

    The answer is cut into blocks first (paragraphs and list items; a single line break inside a quoted,
    hard-wrapped passage is a space). Within a block, a statement runs from the previous marker group (or the
    block start) to the next one, so a passage quoted with one marker at its end is one statement; uncited text
    after the last marker is cut into sentences. Text with no content word, or ending in a colon (a lead-in such
    as "The documents say:"), is not a statement.
    """
    out = []
    for block in re.split(r"\n\s*\n|\n(?=\s*(?:[-*•]|\d+[.)])\s)", answer):
        block = " ".join(block.split())
        pos = 0
        for m in MARKERS.finditer(block):
            text = block[pos : m.start()]
            cites = tuple(int(n) for n in re.findall(r"\[(\d+)\]", m.group()))
            pos = m.end()
            if _has_content(text):
                out.append(Statement(_clean(text), cites))
            elif out and out[-1].cites and not text.strip(" .;,:"):
                out[-1] = Statement(out[-1].text, tuple(dict.fromkeys(out[-1].cites + cites)))
        for sentence in re.split(r"(?<=[.!?।])\s+", block[pos:].strip()):
            if _has_content(sentence) and not sentence.endswith(":"):
                out.append(Statement(_clean(sentence), ()))
    return out


def _clean(text: str) -> str:
    text = re.sub(r"^[\s.;,:!?।]+", "", text)
    return re.sub(r"^(?:[-*•]|\d+[.)])\s+", "", text).strip()


def _has_content(text: str) -> bool:
    return bool(key_terms(text))


def supports(evidence: str, claim: str, similarity: Callable[[str, str], float] | None = None) -> bool:
    """Say whether evidence supports a claim: it holds the claim's numbers, and most of its terms or its meaning."""
    if not evidence.strip():
        return False
    if not numbers_in(claim) <= numbers_in(evidence):
        return False
    terms = key_terms(claim)
    if term_coverage(terms, evidence) >= LEXICAL_SUPPORT - 1e-9:
        return True
    return similarity is not None and similarity(evidence, claim) >= COSINE_SUPPORT


def citation_counts(
    answer: str,
    quotes: dict[int, str],
    similarity: Callable[[str, str], float] | None = None,
) -> tuple[int, int, int, int]:
    """Return (precise citations, citations, supported statements, statements) of an answer, as in ALCE."""
    precise = total = supported = count = 0
    for st in statements(answer):
        count += 1
        cites = [n for n in dict.fromkeys(st.cites)]
        total += len(cites)
        if not cites:
            continue
        joint = supports("\n".join(quotes.get(n, "") for n in cites), st.text, similarity)
        if not joint:
            continue
        supported += 1
        for n in cites:
            alone = supports(quotes.get(n, ""), st.text, similarity)
            rest = [quotes.get(m, "") for m in cites if m != n]
            if alone or not rest or not supports("\n".join(rest), st.text, similarity):
                precise += 1
    return precise, total, supported, count


# Scoring -------------------------------------------------------------------------------------------


def score(
    question: Question,
    output: Output,
    document: Callable[[str], str] | None = None,
    similarity: Callable[[str, str], float] | None = None,
) -> Score:
    """Score one system's output on one question; `document(doc_key)` returns a document's extracted text."""
    quotes = {c.n: c.quote for c in output.citations}
    exact = sum(1 for c in output.citations if _in_document(c, document))
    precise = total = supported = count = 0
    if not output.abstained:
        precise, total, supported, count = citation_counts(output.text, quotes, similarity)
    common = dict(
        id=question.id,
        type=question.type,
        answerable=question.answerable,
        abstained=output.abstained,
        citations=total,
        precise=precise,
        statements=count,
        supported=supported,
        quotes=len(output.citations),
        exact=exact,
        ms=output.ms,
        lang=question.lang or "en",
        later=bool(question.conversation) and question.turn > 1,
        followup=output.followup,
        words=0 if output.abstained else len(MARKERS.sub(" ", output.text).split()),
    )
    if not question.answerable:
        return Score(**common)
    rank = source_rank([p.source for p in output.retrieved], question.sources)
    top = output.retrieved[:EVIDENCE_DEPTH]
    evidence = evidence_found(question.evidence, covered_texts(top, document))
    correct = not output.abstained and is_correct(output.text, question.answer)
    glossed = correct or (
        not output.abstained
        and bool(output.glossary)
        and is_correct(f"{output.text}\n{output.glossary}", question.answer)
    )
    cited = [c for c in output.citations] if not output.abstained else []
    at_gold = [any(same_source(c.source, g) for g in question.sources) for c in cited]
    long_quotes = [collapse(e) for e in question.evidence if len(e.split()) >= HOLDING_WORDS]
    holding = sum(1 for c, gold in zip(cited, at_gold, strict=True) if gold or _holds_any(c, long_quotes, document))
    previous = any(same_source(p, g) for p in output.previous for g in question.sources) if output.previous else None
    return Score(
        **common,
        rank=rank,
        evidence=evidence,
        correct=correct,
        glossed=glossed,
        gold_cited=sum(at_gold),
        holding_cited=holding if document is not None else None,
        cited_answerable=len(cited),
        gold_previous=previous,
    )


def _holds_any(cite: Cite, quotes: Sequence[str], document: Callable[[str], str] | None) -> bool:
    """Say whether the cited document's text holds one of the (collapsed) quotes."""
    if document is None or not quotes:
        return False
    try:
        text = _collapsed(document(cite.doc_key))
    except KeyError:
        return False
    return any(q in text for q in quotes)


@functools.lru_cache(maxsize=64)
def _collapsed(text: str) -> str:
    return collapse(text)


def _in_document(cite: Cite, document: Callable[[str], str] | None) -> bool:
    if document is None:
        return False
    try:
        return cite.quote in document(cite.doc_key)
    except KeyError:  # a citation of a document the store does not hold is not exact
        return False


@dataclass(frozen=True)
class EvalResult:
    """What an evaluation found: each system's metrics, overall and by question type, and how it was run."""

    systems: dict[str, dict[str, float | None]]  # system -> metric -> value (None where no question applies)
    by_type: dict[str, dict[str, dict[str, float | None]]]  # type -> system -> metric -> value
    questions: int
    answerable: int
    types: dict[str, int]  # type -> how many questions
    question_set: str
    corpus: str | None
    split: str
    as_conversation: bool
    store: str
    assistant_mode: str | None
    seconds: float
    report: str | None = None  # the Markdown report written, if any
    by_language: dict[str, dict[str, dict[str, float | None]]] = field(default_factory=dict)  # lang -> system -> ..
    later_turns: dict[str, dict[str, dict[str, float | None]]] = field(default_factory=dict)  # "all"/lang -> ..
    followups: list[dict] = field(default_factory=list)  # the assistant's later turns, sorted: see `followup_rows`

    def to_json(self) -> dict:
        """Return the object `nsss eval --json` prints: plain JSON, NaN (no question of a kind) as null."""
        return _nan_to_none(dataclasses.asdict(self))


def _nan_to_none(value):
    if isinstance(value, dict):
        return {k: _nan_to_none(v) for k, v in value.items()}
    if isinstance(value, float) and math.isnan(value):
        return None
    return value


def fmt(value: float | None, metric: str) -> str:
    """Format a metric's value for a table: shares to 3 decimals, times in whole ms, "-" when none applies."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "-"
    if metric == "answer_words":
        return f"{value:.0f}"
    if metric.endswith("_ms"):
        return f"{value:.1f}" if value < 100 else f"{value:.0f}"
    return f"{value:.3f}"


def _share(numerator: float, denominator: float) -> float | None:
    return numerator / denominator if denominator else None


def later_turn_slices(scores: Sequence[Score]) -> dict[str, list[Score]]:
    """Group the turns past the first of their conversation: all of them, then by language ("all", "en", "bn")."""
    later = [s for s in scores if s.later]
    if not later:
        return {}
    return {"all": later} | {lang: [s for s in later if s.lang == lang] for lang in sorted({s.lang for s in later})}


def followup_rows(scores: Sequence[Score]) -> list[dict]:
    """Count the answerable later turns by language, by whether they were read as follow-ups, and by whether their
    answer stands in the files the turn before was about; and where the right file was ranked.

    This says which later turns are missed and why: a follow-up searched in the wrong place, or a question read as
    standalone whose answer was in the conversation's documents.
    """
    groups: dict[tuple[str, str, str], list[Score]] = {}
    for s in scores:
        if not (s.later and s.answerable and s.followup is not None):
            continue
        key = (s.lang, "follow-up" if s.followup else "standalone", "previous" if s.gold_previous else "elsewhere")
        groups.setdefault(key, []).append(s)
    rows = []
    for (lang, read, gold), group in sorted(groups.items()):
        ranks = [s.rank for s in group]
        rows.append(
            {
                "lang": lang,
                "read_as": read,
                "gold_in": gold,
                "turns": len(group),
                "first": sum(1 for r in ranks if r == 1),
                "top5": sum(1 for r in ranks if r and 1 < r <= 5),
                "missed": sum(1 for r in ranks if not r or r > 5),
                "MRR": round(sum(1.0 / r for r in ranks if r) / len(ranks), 4),
            }
        )
    return rows


def summarize(scores: Sequence[Score]) -> dict[str, float | None]:
    """Aggregate per-question scores into the metrics of `METRICS`; None where no question applies."""
    answerable = [s for s in scores if s.answerable]
    unanswerable = [s for s in scores if not s.answerable]
    ranks = [s.rank for s in answerable]
    evidence = [s.evidence for s in answerable if s.evidence is not None and not math.isnan(s.evidence)]
    times = [s.ms for s in scores]
    out = {
        "R@1": _share(sum(1 for r in ranks if r == 1), len(ranks)),
        "R@5": _share(sum(1 for r in ranks if r and r <= 5), len(ranks)),
        "MRR": _share(sum(1.0 / r for r in ranks if r), len(ranks)),
        "evidence_recall": _share(sum(evidence), len(evidence)),
        "correct": _share(sum(1 for s in answerable if s.correct), len(answerable)),
        "correct_glossed": _share(sum(1 for s in answerable if s.glossed), len(answerable)),
        "citation_precision": _share(sum(s.precise for s in scores), sum(s.citations for s in scores)),
        "citation_recall": _share(sum(s.supported for s in scores), sum(s.statements for s in scores)),
        "citation_source": _share(sum(s.gold_cited for s in answerable), sum(s.cited_answerable for s in answerable)),
        "citation_holding": None
        if any(s.holding_cited is None for s in answerable)
        else _share(sum(s.holding_cited for s in answerable), sum(s.cited_answerable for s in answerable)),
        "quote_exact": _share(sum(s.exact for s in scores), sum(s.quotes for s in scores)),
        "abstain_recall": _share(sum(1 for s in unanswerable if s.abstained), len(unanswerable)),
        "false_abstain": _share(sum(1 for s in answerable if s.abstained), len(answerable)),
        "answer_words": _share(sum(s.words for s in scores if not s.abstained), sum(not s.abstained for s in scores)),
        "p50_ms": float(np.percentile(times, 50)) if times else None,
        "p95_ms": float(np.percentile(times, 95)) if times else None,
    }
    return {k: (round(v, 4) if isinstance(v, float) else v) for k, v in out.items()}
