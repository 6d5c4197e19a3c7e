"""Compose an answer from evidence: choose the sentences (or a section's items) to quote, and cite each one."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from nsss.assistant.question import RESPONSE_TO, RESPONSE_WORDS, SECTIONS, Part, Question, analyse, figures
from nsss.assistant.scoring import (
    Pick,
    asked_held,
    bridged,
    figures_first,
    figures_present,
    fills_slot,
    has_person,
    is_heading,
    with_prefixes,
)
from nsss.assistant.sentences import Sentence, enumerates, list_continuation
from nsss.assistant.types import Citation
from nsss.assistant.weights import Weights
from nsss.core.text import language, split_sentences
from nsss.core.types import DocRecord, Hit
from nsss.index.glossary import default_glossary
from nsss.index.lexical import tokenize

ABSTAIN_TEXT = "The documents do not answer this question. The nearest passages are listed below."

Span = tuple[Hit, int, int]  # a retrieved chunk and the offsets of a quote in its document


def select(
    question: Question, picks: list[Pick], w: Weights, document_text: Callable[[str], str] | None = None
) -> list[Pick]:
    """Choose the sentences to quote: the best one, and others only where they support the answer too."""
    picks = figures_first(question, picks, w)
    if not picks:
        return []
    best = picks[0]
    wanted = w.list_items if question.is_list else (3 if question.compound else 2)
    floor = best.score * w.second_floor
    chosen = [best]
    best_doc = best.sentence.hit.chunk.doc_key
    for p in picks[1:]:
        if len(chosen) >= wanted or p.score < floor:
            break
        other_doc = p.sentence.hit.chunk.doc_key != best_doc
        # A quote that does not hold the question's terms only fills space; one from another document must hold
        # as much of the question as the best one, or it cites a document that does not answer.
        if p.own_coverage < w.second_cover:
            continue
        if other_doc and not question.compound and (not question.is_list or p.coverage < 0.9 * best.coverage):
            continue
        # One of a question asking two things must answer a part the quotes chosen leave open, of the subject asked
        # ("where was it held" of the 2025 conference, not of another event): else it cites a document that does not
        # hold the answer.
        if other_doc and question.compound and not fills_open_part(question, p, chosen):
            continue
        if any(_overlap(p.sentence.text, c.sentence.text) > w.part_overlap for c in chosen):
            continue
        chosen.append(p)
    if question.is_list and question.asked and asked_held(question, best.sentence.text):
        chosen = _named_items(question, chosen, wanted, document_text, w.part_overlap)
    if question.is_list:
        chosen = _with_listing(question, picks, chosen, wanted, w)
    else:
        chosen = _complement(question, picks, chosen, w)
    return _complete(question, picks, chosen, w)


def _with_listing(question: Question, picks: list[Pick], chosen: list[Pick], wanted: int, w: Weights) -> list[Pick]:
    """For a list question whose quotes list nothing, quote the best sentence of the quoted documents that is a list
    written in one sentence ("...gaps in coverage, limited funding, and weak institutional coordination."): the
    sentences that restate the question ("The Strategy puts emphasis on... excluded population groups") name none of
    its items. It comes second, and takes the place of the weakest quote after the first when the answer is full."""
    # (two items already make a list: its first item often ends the words before it, "With support from DFAT
    # (AusAid), UKAid and UNDP")
    listed = [c for c in chosen if enumerates(c.sentence.text, 2)]
    if listed and not question.compound:
        return chosen
    docs = {c.sentence.hit.chunk.doc_key for c in chosen}
    floor = chosen[0].score * w.listing_floor
    # A list that names the plural asked for comes before one that does not ("The Pragati scheme will be applicable
    # for..., the Surokkha for..." before "three districts – Gopalganj, Bagerhat and Rangpur –" for "which schemes").
    above = [p for p in picks if p.score >= floor]
    for p in sorted(above, key=lambda p: not asked_held(question, p.sentence.text)):
        if p.sentence.hit.chunk.doc_key not in docs or p in chosen or not enumerates(p.sentence.text):
            continue
        if any(_overlap(p.sentence.text, c.sentence.text) > w.part_overlap for c in chosen):
            continue
        # Where a quote lists already, a question asking two things of the items ("which schemes, and who is each
        # for?") may need another list: one that says more, most of its words new ("Pragati, Surokkha, Samata and
        # Prabashi" is said; "Pragati ... for private job holders, the Surokkha for self-employed persons..." says
        # whom each is for).
        if listed and _new_share(p.sentence.text, listed) <= w.new_listing:
            continue
        rest = chosen[1:]
        if len(chosen) >= wanted:
            weakest = min(rest, key=lambda c: c.score)
            rest = [c for c in rest if c is not weakest]
        return [chosen[0], p, *rest]
    return chosen


def _new_share(text: str, quoted: list[Pick]) -> float:
    """Return the share of a text's words that none of the quoted sentences holds."""
    words = set(tokenize(text))
    said = set().union(*(tokenize(q.sentence.text) for q in quoted))
    return len(words - said) / len(words) if words else 0.0


def _complement(question: Question, picks: list[Pick], chosen: list[Pick], w: Weights) -> list[Pick]:
    """Add the best sentence of the lead's document that holds words of the question no chosen quote holds, nor the
    document's title: the lead often restates what the question is about ("A workshop on the NSSS was held on 23
    January 2025...") while the sentence that answers holds what only the question names ("...the UN Chief Executives
    Board")."""
    best = chosen[0]
    key, title = best.sentence.hit.chunk.doc_key, best.sentence.hit.chunk.title
    terms = set(question.terms)
    said = set().union(*(_held(terms, c.sentence.text) for c in chosen)) | _held(terms, title)
    floor = best.score * w.second_floor
    for p in picks[1 : w.shortlist]:
        if p.score < floor:
            break
        if p.sentence.hit.chunk.doc_key != key or any(p.sentence.start == c.sentence.start for c in chosen):
            continue
        if is_heading(p.sentence.text):
            continue  # a heading names a topic; it answers nothing
        if _held(terms, p.sentence.text) - said and not any(
            _overlap(p.sentence.text, c.sentence.text) > w.part_overlap for c in chosen
        ):
            return [*chosen, p]
    return chosen


def _held(terms: set[str], text: str) -> set[str]:
    """Return the terms a text holds (a term's longer forms count)."""
    return with_prefixes(set(tokenize(text)), terms) & terms


def _named_items(
    question: Question,
    chosen: list[Pick],
    wanted: int,
    document_text: Callable[[str], str] | None,
    overlap: float,
) -> list[Pick]:
    """For a list question whose lead names what is asked ("A second vital challenge is..."), quote the run of
    sentences around it that name it too: a list written as prose ("Principal among these challenges is...") is
    answered item by item, and sentences that name none of it only fill space."""
    best = chosen[0]
    kept = [best] + [p for p in chosen[1:] if asked_held(question, p.sentence.text)]
    lead = best.sentence
    key = lead.hit.chunk.doc_key
    if document_text is not None:
        text = document_text(key)
        start, end = max(0, lead.start - PARAGRAPH), min(len(text), lead.end + PARAGRAPH)
        spans = [(start + a, start + b) for a, b in split_sentences(text[start:end])]
        at = next((i for i, (a, _) in enumerate(spans) if a == lead.start), None)
        taken = {(p.sentence.hit.chunk.doc_key, p.sentence.start) for p in kept}
        for step in (-1, 1) if at is not None else ():
            i, gap = at + step, 0
            # The run ends at the second sentence in a row that names none of it (one may stand between two items:
            # "The VGD scheme provides... It is complemented by... The Allowance for Widowed... scheme").
            while 0 <= i < len(spans) and len(kept) < wanted and gap < 2:
                said = text[spans[i][0] : spans[i][1]]
                # (a sentence ending in a colon brings the whole list after it: a list of its own, not an item)
                if len(said.split()) > 60 or said.rstrip().endswith(":") or not asked_held(question, said):
                    gap += 1
                else:
                    gap = 0
                    if (key, spans[i][0]) not in taken and not any(
                        _overlap(said, p.sentence.text) > overlap for p in kept
                    ):
                        kept.append(replace(best, sentence=Sentence(lead.hit_rank, lead.hit, *spans[i], said)))
                i += step
        if at is not None and len(kept) == 1 and lead.text.count(",") < 2:
            kept += _what_follows(best, spans[at + 1 :], text)
    # The lead's document in its own order, so that "principal" comes before "second"; then any other document.
    return sorted(kept, key=lambda p: (p.sentence.hit.chunk.doc_key != key, p.sentence.start))


PARAGRAPH = 1500  # characters either side of a lead read for the rest of a list written as prose
FOLLOWING = 2  # sentences of its paragraph quoted after a lead that names what is asked and lists none of it


def _what_follows(best: Pick, spans: list[tuple[int, int]], text: str) -> list[Pick]:
    """Return the sentences after a lead that names what a list question asks for but lists none of it ("The cluster
    operates within a highly dynamic and constrained labour market context."), up to the end of its paragraph: they
    say what it is ("... compounded by persistent unemployment, limited fiscal space ...")."""
    lead, out, at = best.sentence, [], best.sentence.end
    for a, b in spans[:FOLLOWING]:
        said = text[a:b]
        if "\n\n" in text[at:a] or len(said.split()) > 60 or said.rstrip().endswith(":"):
            break
        out.append(replace(best, sentence=Sentence(lead.hit_rank, lead.hit, a, b, said)))
        at = b
    return out


def _complete(question: Question, picks: list[Pick], chosen: list[Pick], w: Weights) -> list[Pick]:
    """Add, for each part of a question that asks two things (or names two years) that no chosen quote answers, the
    best sentence that answers that part: "how many copies... and by whom?" is not answered by the count alone."""
    best_doc = chosen[0].sentence.hit.chunk.doc_key
    for part in question.parts:
        docs = {c.sentence.hit.chunk.doc_key for c in chosen}
        if any(answers_part(question, part, quoted_text(question, c.sentence), strict=True) for c in chosen):
            continue
        # (a quote that does not name the part's own figures says nothing of that part, however many words it shares)
        held = max(
            part_terms(part, text) if names_figures(question, part, text) else 0
            for c in chosen
            for text in [quoted_text(question, c.sentence)]
        )
        found = [
            (part_terms(part, p.sentence.text), -i)
            for i, p in enumerate(picks[: w.shortlist])
            # A part that names nothing of its own ("and by whom?") is about the same thing: the lead's document.
            # A part that does must cover the question at least part_cover as much as the lead does.
            if (p.sentence.hit.chunk.doc_key == best_doc if not (part.terms or part.figure) else True)
            and (not (part.terms or part.figure) or p.own_coverage >= w.part_cover * chosen[0].own_coverage)
            # (sentences about two years may share every other word: "there are 118 programmes... (FY 2017-18)")
            and (part.figure or not any(_overlap(p.sentence.text, c.sentence.text) > w.part_overlap for c in chosen))
            and answers_part(question, part, p.sentence.text)
            # (one from another document must name what that part is asked of)
            and (p.sentence.hit.chunk.doc_key in docs or names_subject(question, part, p))
        ]
        # It must say more of that part than the quotes chosen: else it repeats them.
        found = [f for f in found if not part.terms or f[0] > held]
        if found:
            chosen.append(picks[-max(found)[1]])
    return chosen


def fills_open_part(question: Question, pick: Pick, chosen: list[Pick]) -> bool:
    """Tell whether a sentence answers a part of the question that no chosen quote answers, and names (where it
    stands: its sentence, the two before, its title) the subject that part is asked of."""
    for part in question.parts:
        if any(answers_part(question, part, quoted_text(question, c.sentence), strict=True) for c in chosen):
            continue
        if answers_part(question, part, pick.sentence.text) and names_subject(question, part, pick):
            return True
    return False


def names_subject(question: Question, part: Part, pick: Pick) -> bool:
    """Tell whether a sentence names, where it stands (its sentence, the two before, its title), the subject one part
    of the question is asked of: "where was it held" of the 2025 conference is not answered by a workshop's venue. A
    part that names its own subject, in two words the sentence holds, is asked of that ("which phone company gave SIMs
    to mothers": "... Teletalk has given 2 million SIMs to mothers")."""
    if part_terms(part, pick.sentence.text) >= 2:
        return True
    carried = set(analyse(part.query).terms) & set(question.subject) - set(part.terms) if part.query else set()
    return not carried & set(pick.missing)


def part_terms(part: Part, text: str) -> int:
    """Return how many of the terms only one part of a question names a text holds (a term's longer forms count, and
    its form in the other language)."""
    have = with_prefixes(bridged(set(tokenize(text)), part.aliases), part.terms)
    return sum(t in have for t in part.terms)


def names_figures(question: Question, part: Part, text: str) -> bool:
    """Tell whether a text names every figure only this part of the question names ("day 2" of "which cluster met on
    day 2 ..., and who chaired?")."""
    return not part.figures or figures_present(replace(question, figures=part.figures), text)


def answers_part(question: Question, part: Part, text: str, strict: bool = False) -> bool:
    """Tell whether a text answers one part of a question: it names the part's figure, or most of the terms only that
    part names (strict), or two of them, and the kind of thing it asks for."""
    if part.figure:
        return figures_present(replace(question, figures=(part.figure,)), text)
    if not names_figures(question, part, text):
        return False  # "which cluster met on day 1": a sentence on the meetings that names no day 1 does not answer
    if part.terms:
        # A sentence to add needs two of them only: a part's words are the asker's ("which phone company gave SIMs
        # to mothers") and the document's may differ ("mobile operator Teletalk has given 2 million SIMs to mothers").
        half = (len(part.terms) + 1) // 2
        if part_terms(part, text) < (half if strict else min(2, half)):
            return False
    return part.slot in ("any", "list") or fills_slot(part.slot, text, question)


# A sentence that opens with a pronoun or a linking word goes on with the one before it ("This entails...",
# "However, the applicants would have to...").
CONTINUES = re.compile(
    r"^(?:this|these|that|those|it|its|they|their|such|he|she|his|her|however|moreover|further|furthermore|"
    r"additionally|in addition|also|besides|but|yet|thus|hence|therefore|accordingly|instead|meanwhile|"
    r"in (?:effect|particular|this regard)|for (?:example|instance)|as a result)\b|"
    # a share or a part of what the one before it named: "Over 33% of them are women."
    r"^(?:[\w%.,'’-]+\s+){1,3}(?:of|among)\s+(?:them|these|those|whom|which)\b",
    re.I,
)

# A sentence that opens with a personal pronoun speaks of someone named before it ("He said...", "তিনি বলেন...").
PERSONAL = re.compile(r"^\s*(?:(?:he|she)\b|(?:তিনি|উনি|তাঁর|তার|তাকে|তাঁকে)(?=[\s,।]))", re.I)

# A sentence that opens by pointing at the one before it: what it answers is said there.
BACK_LINK = re.compile(
    r"^(?:in response|in turn|consequently|as a result|as a consequence|because of this|because of these|"
    r"therefore|thus|hence|accordingly|for this reason|for these reasons)\b",
    re.I,
)


# A sentence that says what something became, naming it by pointing back: "Over time, the program evolved into ...".
BECAME = re.compile(
    r"^(?:[\w ,]{0,30}?,\s*)?(?:the|this|that|it|its)\b(?:\s+\w+){0,2}?\s+(?:evolved|became|was renamed|has been renamed)\b",
    re.I,
)


# A part of a question with this many words of its own or fewer ("and what is it meant to fix?") asks of the same
# subject as the part before it: the sentence after the one that answers that part may answer it.
SAME_SUBJECT_TERMS = 2

SENTENCE_END = re.compile(r"[.!?।:;)\]\"'”’]\s*$")
# A sentence that denies ("the NSSS does not provide any specific guidelines...") answers a yes-or-no question "no";
# the next one, when it says what instead ("On the contrary...", "The NSSS leaves the matter on further studies"),
# completes that answer.
DENIES = re.compile(
    r"\b(?:not|no|never|none|neither)\b(?!\s+only\b)|n['’]t\b|(?:^|\s)(?:না|নয়|নেই)(?=[\s,।;:]|$)|"
    # a "no" said without a negation: "without any additional cost", "free of charge" ("at no extra cost" holds "no")
    r"\bwithout\s+(?:any|an?)\b|\bfree of (?:cost|charge)\b",
    re.I,
)
INSTEAD = re.compile(r"^(?:on the contrary|instead|rather|but|however|in(?:stead)? of this)\b", re.I)


def neighbour(question: Question | None, sentence: Sentence) -> tuple[int, int] | None:
    """Return the span of the sentence next to this one in its passage that completes it, or None: the previous one
    when this one starts in lower case (cut at a line break); the next (or else the previous) sentence when this one
    lacks the kind of thing asked (a person for "who") and that one holds it; the previous one when this one points
    back to it ("In response, ..."); the next one when it goes on with this one ("This entails...") and nothing
    particular is asked."""
    chunk = sentence.hit.chunk
    spans = [(chunk.start + a, chunk.start + b) for a, b in split_sentences(chunk.text)]
    at = next((i for i, (a, _) in enumerate(spans) if a == sentence.start), None)
    if question is None or at is None or sentence.text.rstrip().endswith(":"):
        return None

    def text(i: int) -> str:
        return chunk.text[spans[i][0] - chunk.start : spans[i][1] - chunk.start]

    def usable(i: int) -> bool:
        if not (0 <= i < len(spans)) or text(i).rstrip().endswith(":") or len(text(i).split()) > 60:
            return False
        # The passage's last words may be a sentence the next passage goes on with ("In addition, programmes
        # tailor"): cut, it says nothing.
        return i < len(spans) - 1 or bool(SENTENCE_END.search(text(i)))

    nxt, prev = at + 1, at - 1
    # A sentence that starts in lower case is the end of one cut at a line break ("... (GED)\nadorned the occasion
    # as Special Guests"): its start, which names who or what it is about, is the sentence before.
    if sentence.text[:1].islower() and usable(prev):
        return spans[prev]
    # A sentence that answers by pointing back ("In response, the Government...", "Consequently, the impact...")
    # answers with the sentence it points to: the crisis responded to, the causes of the consequence.
    back = usable(prev) and bool(BACK_LINK.match(sentence.text))
    # A former name asked ("What was the EGPP called before?") is answered by a sentence saying what the thing became
    # that names it only by pointing back ("Over time, the program evolved into the EGPP"): its old name is in the
    # sentence before ("... a program called 100 Day Employment Generation Program (EGP)").
    back = back or (question.former_name and usable(prev) and bool(BECAME.match(sentence.text)))
    # A question asking two things whose other part this sentence leaves open ("What is the dynamic social registry,
    # and what is it meant to fix?") is answered on in the next sentence when that one goes on with this one ("It is
    # expected to check fraudulent ... practices").
    if (
        len(question.parts) >= 2
        and usable(nxt)
        and (
            CONTINUES.match(text(nxt))
            or any(
                len(p.terms) <= SAME_SUBJECT_TERMS and not answers_part(question, p, sentence.text, strict=True)
                for p in question.parts[1:]
            )
        )
        and not all(answers_part(question, p, sentence.text, strict=True) for p in question.parts)
    ):
        return spans[nxt]
    if question.slot not in ("any", "list"):
        if fills_slot(question.slot, sentence.text, question):
            return None
        if usable(nxt) and fills_slot(question.slot, text(nxt), question):
            return spans[nxt]
        if usable(prev) and fills_slot(question.slot, text(prev), question) or back:
            return spans[prev]
        return None
    if back:
        return spans[prev]
    if usable(nxt) and CONTINUES.match(text(nxt)):
        return spans[nxt]
    # A denial answering a yes-or-no question goes on in the next sentence when that one says what instead, or goes
    # on about the subject asked of.
    denial = question.yes_no and usable(nxt) and bool(DENIES.search(sentence.text))
    if denial and (INSTEAD.match(text(nxt)) or set(tokenize(text(nxt))) & set(question.subject)):
        return spans[nxt]
    return None


def named_before(
    question: Question | None, sentence: Sentence, document_text: Callable[[str], str]
) -> tuple[int, int] | None:
    """Return the span of the sentence before this one in its document when this one speaks of someone only by a
    pronoun and "who" is asked: "তিনি ... প্রধান অতিথির বক্তৃতায় এ কথা বলেন" ("He said this in his speech as chief
    guest") holds the role asked, and the sentence before names who held it (it may stand in the passage before)."""
    if question is None or question.slot != "person" or not PERSONAL.match(sentence.text):
        return None
    if has_person(sentence.text, offices=False):
        return None
    text = document_text(sentence.hit.chunk.doc_key)
    low = max(0, sentence.start - PREVIOUS_REACH)
    before = split_sentences(text[low : sentence.start])
    if not before:
        return None
    start, end = low + before[-1][0], low + before[-1][1]
    previous = text[start:end]
    if len(previous.split()) > 60 or previous.rstrip().endswith(":") or not has_person(previous, offices=False):
        return None
    return start, end


# How far back (characters) the sentence before one is looked for in its document.
PREVIOUS_REACH = 2000


# A line that opens what was said in reply to the item before it: "Management Response: [Added: 2020/08/10]",
# "Response:", "Reply of the Ministry:".
RESPONSE_LABEL = re.compile(
    r"^[ \t]*(?:[\w'’.-]+[ \t]+){0,4}(?:responses?|repl(?:y|ies))\b[^\n:]{0,40}:[^\n]{0,80}$", re.I | re.M
)


def response_after(
    question: Question, lead: Pick | None, document_text: Callable[[str], str], spans: list[Span]
) -> list[Span]:
    """Return the paragraph under the response label that follows the lead in its document, when the question asks
    how someone responded to what the lead names ("How did management respond to the recommendation on completing
    the pending activities?"): the lead states the recommendation; what answers is under "Management Response:" after
    it. [] when the question asks no response, the lead already says one, or no label follows before the next blank-
    line-separated item after it."""
    if lead is None or not RESPONSE_TO.search(question.text) or RESPONSE_LABEL.search(lead.sentence.text):
        return []
    if set(RESPONSE_WORDS) & set(tokenize(lead.sentence.text)):
        return []
    key = lead.sentence.hit.chunk.doc_key
    text = document_text(key)
    # The label must come right after the paragraph of the lead: the next paragraph, or the one after it.
    at = text.find("\n\n", lead.sentence.end)
    if at < 0:
        return []
    after = text.find("\n\n", at + 2)
    label = RESPONSE_LABEL.match(text, at + 2) or (RESPONSE_LABEL.match(text, after + 2) if after >= 0 else None)
    if label is None:
        return []
    start = label.end()
    while start < len(text) and text[start] in " \t\n":
        start += 1
    end = text.find("\n\n", start)
    end = len(text) if end < 0 else end
    sentences = [(start + a, start + b) for a, b in split_sentences(text[start:end])]
    taken, words = [], 0
    for a, b in sentences:
        if taken and words + len(text[a:b].split()) > RESPONSE_WORDS_MAX:
            break
        taken.append((a, b))
        words += len(text[a:b].split())
    if not taken or any(h.chunk.doc_key == key and a <= taken[0][0] < b for h, a, b in spans):
        return []
    return [(lead.sentence.hit, taken[0][0], taken[-1][1])]


# At most this many words of a response are quoted (whole sentences; the first always).
RESPONSE_WORDS_MAX = 150


def quoted_text(question: Question | None, sentence: Sentence) -> str:
    """Return what a quote of this sentence says, with the neighbour that completes it (see `neighbour`)."""
    near = neighbour(question, sentence)
    if near is None:
        return sentence.text
    chunk = sentence.hit.chunk
    start, end = min(near[0], sentence.start), max(near[1], sentence.end)
    return chunk.text[start - chunk.start : end - chunk.start]


def spans_of(picks: list[Pick], document_text: Callable[[str], str], question: Question | None = None) -> list[Span]:
    """Turn chosen sentences into quote spans; a sentence ending in a colon takes the list items after it, and a
    sentence its neighbour completes brings that neighbour as a quote of its own (see `neighbour`)."""
    spans = []
    for pick in picks:
        s = pick.sentence
        end = s.end
        if s.text.rstrip().endswith(":"):
            items = list_continuation(document_text(s.hit.chunk.doc_key), s.end)
            if items:
                end = items[-1][1]
        here = [(s.hit, s.start, end)]
        near = named_before(question, s, document_text) or neighbour(question, s)
        if near is not None and near[1] <= s.start and s.text[:1].islower():
            here = [(s.hit, near[0], end)]  # one sentence cut at a line break: one quote
        elif near is not None and not any(h.chunk.doc_key == s.hit.chunk.doc_key and a == near[0] for h, a, _ in spans):
            here.append((s.hit, near[0], near[1]))
        spans += sorted(here, key=lambda span: span[1])
    return spans


def section_spans(
    question: Question,
    hits: list[Hit],
    records: dict[str, DocRecord],
    idf,
    limit: int,
    document_text: Callable[[str], str] | None = None,
    names: tuple[tuple[str, ...], ...] = (),
) -> list[Span]:
    """Return the items under the heading a list question asks for ("Decisions:", "TOR of the CMC"), from the best
    of the top documents that has such a heading; [] when none has one. With the document's text, a list whose items
    are themselves of the kind asked for ("Which ministries...?": "- Ministry of Social Welfare", "- Ministry of
    Labour...") answers too, whatever its heading ("Cluster Formation").

    `names`: the acronyms the question names, each with its long forms; a document that gives none of the forms of
    one of them is not about what the question asks ("what did the GRS Technical Committee decide?" is not answered
    by another meeting's "Decisions:"), and its sections are passed over."""
    # (a plural in the question's subject may read it as a list question: "the Fishers Allowance in 2018-19")
    if question.figures and not question.section and document_text is not None:
        row = _table_row(question, hits, records, document_text)
        if row:
            return row
    quoted = _quoted_headings(question)
    if not (question.section or question.is_list or quoted):
        return []
    stems = SECTIONS.get(question.section, ())
    head = set(question.list_head)
    # A named kind of section ("decisions") is looked for in the top three documents; a heading that only repeats
    # the plural asked for ("methods") in the top one.
    for key in list(dict.fromkeys(h.chunk.doc_key for h in hits))[: 3 if stems or quoted else 1]:
        record = records.get(key)
        if record is None or not record.sections:
            continue
        if names and document_text is not None and not _names_all(names, f"{record.title}\n{document_text(key)}"):
            continue
        best, best_score = None, 0.0
        for section in record.sections:
            heading = section.heading.lower()
            words = set(tokenize(heading))
            if words and any(words == q for q in quoted):
                best, best_score = section, float("inf")  # the heading the question quotes: what it asks for
                break
            if not (question.section or question.is_list):
                continue
            if section is record.sections[0] and _title_block(section, record.title):
                continue
            # The heading must name what is asked (a section word such as "decisions", or the plural the question
            # asks for: "terms of reference", "methods", "methodology"); naming the subject as well makes it a
            # better match. Else most of its items must name it, each an instance of what is asked.
            named = any(stem in heading for stem in stems) or bool(with_prefixes(words, head) & head)
            if named:
                score = 1.0
            elif head and document_text is not None and _items_of_kind(head, section, document_text(key)):
                score = 0.5
            else:
                continue
            score += sum(idf(t) for t in words & set(question.terms))
            if score > best_score:
                best, best_score = section, score
        if best is not None:
            hit = next(h for h in hits if h.chunk.doc_key == key)
            return [(_hit_at(hits, key, start) or hit, start, end) for start, end in best.items[:limit]]
    return []


def _names_all(names: tuple[tuple[str, ...], ...], text: str) -> bool:
    """Tell whether a text gives one of the forms of each name (an acronym as a word, a long form in any case)."""
    low = text.lower()
    return all(
        any(re.search(rf"\b{re.escape(form)}\b", text) if form.isupper() else form.lower() in low for form in forms)
        for forms in names
    )


def _title_block(section, title: str) -> bool:
    """Tell whether a document's first section is its title block: a heading of two words or more that repeats the
    title, over the headline and the standfirst ("Social safety-net programmes" over "Dynamic selection process in
    the offing", "Aim to curb misuse, corruption"). Those lines name no items of anything."""
    words = set(tokenize(section.heading))
    return len(words) >= 2 and words <= set(tokenize(title))


def _table_row(
    question: Question, hits: list[Hit], records: dict[str, DocRecord], document_text: Callable[[str], str]
) -> list[Span]:
    """Return the row of a table that the question's figures pick out ("budget in 2015-16": "8 2015-16 14,400.00"),
    after the table's header row, so that the answer says what each cell is; [] when no table of the top documents
    has one such row under a header that names something the question asks."""
    # (the words that name a table's key column, a year, say nothing of what the question asks)
    asked = set(question.terms) - set(tokenize(" ".join(question.figures))) - KEY_COLUMN_WORDS
    for key in list(dict.fromkeys(h.chunk.doc_key for h in hits))[:3]:
        record = records.get(key)
        text = document_text(key) if record is not None and record.sections else ""
        for section in record.sections if text else ():
            header = set(tokenize(text[section.start : section.end]))
            if not _is_table(section, text) or not with_prefixes(header, asked) & asked:
                continue
            rows = [(a, b) for a, b in section.items if set(question.figures) <= set(figures(text[a:b]))]
            if len(rows) == 1:
                hit = next(h for h in hits if h.chunk.doc_key == key)
                heading = (_hit_at(hits, key, section.start) or hit, section.start, section.end)
                return [heading, (_hit_at(hits, key, rows[0][0]) or hit, *rows[0])]
    return []


KEY_COLUMN_WORDS = frozenset({"year", "fiscal", "fy", "financi", "month", "date"})


def _is_table(section, text: str) -> bool:
    """Tell whether a section is a table: three rows or more, each one line with as many cells as the others (cells
    apart by pipes, or by spaces when the cells are figures)."""
    rows = [text[a:b] for a, b in section.items]
    if len(rows) < 3 or any("\n" in r for r in rows):
        return False
    widths = {len(r.strip().strip("|").split("|")) if "|" in r else len(r.split()) for r in rows}
    return len(widths) == 1 and widths.pop() >= 2 and all("|" in r or len(figures(r)) >= 2 for r in rows)


def _quoted_headings(question: Question) -> list[set[str]]:
    """Return the terms of each phrase of two words or more the question quotes ("under 'Governance of Social
    Protection'"): a quoted phrase that is a heading asks for what stands under it."""
    phrases = re.findall(r"[‘'\"“]([^‘’'\"“”]{3,80})[’'\"”]", question.text)
    return [terms for p in phrases if len(terms := set(tokenize(p))) >= 2]


def _items_of_kind(head: set[str], section, text: str) -> bool:
    """Tell whether a section is a list of names (two items at least, each a short line) of which most name the kind
    of thing asked for: "Ministry of ..." items for "which ministries"; paragraphs that mention it are no such
    list."""
    items = section.items
    if len(items) < 2 or any(len(text[a:b].split()) > NAME_WORDS for a, b in items):
        return False
    named = sum(bool(with_prefixes(set(tokenize(text[a:b])), head) & head) for a, b in items)
    return named >= max(2, (len(items) + 1) // 2)


NAME_WORDS = 20  # words at most in an item that names one thing ("Ministry of Chittagong Hill Tracts Affairs")


def _hit_at(hits: list[Hit], key: str, offset: int) -> Hit | None:
    for h in hits:
        if h.chunk.doc_key == key and h.chunk.start <= offset < h.chunk.end:
            return h
    return None


BULLET = re.compile(r"(?:[-•*▪●◦·–—]\s+)*")  # list markers at an item's start (a number is kept: "2. Food Security...")


def cite(spans: list[Span], document_text: Callable[[str], str], records: dict[str, DocRecord]) -> list[Citation]:
    """Turn document spans into numbered citations whose quotes are exact; merge overlapping spans."""
    merged: list[list] = []
    for hit, start, end in spans:
        for m in merged:
            if m[0].chunk.doc_key == hit.chunk.doc_key and start <= m[2] and end >= m[1]:
                m[1], m[2] = min(m[1], start), max(m[2], end)
                break
        else:
            merged.append([hit, start, end])
    citations = []
    for n, (hit, start, end) in enumerate(merged, 1):
        c = hit.chunk
        # A list item's bullet ("• To identify...", "- To approve...") marks the item, it says nothing: the quote starts
        # after it (and stays exact), so that an answer listing the items does not print "- • To identify...".
        text = document_text(c.doc_key)
        marker = len(BULLET.match(text, start, end).group(0))
        start += marker if start + marker < end else 0
        quote = text[start:end]
        record = records.get(c.doc_key)
        page = record.page_at(start) if record is not None and c.page else None
        citations.append(
            Citation(
                n=n,
                source=c.source,
                title=c.title,
                page=page.number if page else c.page,
                quote=quote,
                doc_key=c.doc_key,
                start=start,
                end=end,
                page_label=(page.label if page and page.label != str(page.number) else c.page_label),
                passage=c.text,
                passage_start=c.start,
                ocr=bool(page and page.ocr),
                date=record.date if record else c.date,
                url=record.url if record else "",
                publisher=record.publisher if record else "",
            )
        )
    return citations


def compose(question: Question, citations: list[Citation], section_heading: str = "") -> str:
    """Write the answer: quotes with [n] markers; a list (one item, one citation) for list and section questions."""
    if (question.is_list or section_heading) and len(citations) > 1:
        return "\n".join(f"- {' '.join(c.quote.split())} [{c.n}]" for c in citations)
    return " ".join(f"{c.quote} [{c.n}]" for c in citations)


def _overlap(a: str, b: str) -> float:
    ta, tb = set(tokenize(a)), set(tokenize(b))
    if not ta or not tb:
        return 0.0
    return len(ta & tb) / min(len(ta), len(tb))


def glossary(question: Question, citations: list[Citation], limit: int) -> tuple[tuple[str, str], ...]:
    """Return the glossary terms of the quotes written in the other language than the question's, each with its form in
    the question's language, in the order the quotes use them, at most `limit`: a Bangla reader of an English quote
    is told that "Old Age Allowance" is বয়স্ক ভাতা. Term by term from the project's glossary, not a translation."""
    found: dict[str, tuple[str, str]] = {}  # once per form, across the quotes as within one (Glossary.terms_in)
    for c in citations:
        if language(c.quote) != question.language:
            for quoted, other in default_glossary().terms_in(c.quote):
                found.setdefault(other, (quoted, other))
    return tuple(found.values())[:limit]
