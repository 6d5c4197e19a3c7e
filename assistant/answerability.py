"""Decide whether the passages answer the question, from how the evidence aligns with what is asked.

The signals (features) are measured here; how they combine is fitted on data (assistant/answerability.json, made by
`python -m nsss.eval.fit_answerability`), not set by hand. A few checks veto an answer whatever the model says
(`answerable`): the evidence must hold what is asked (a figure the question names, the one definite kind of thing
it asks, the items of a counted set, a place it names by its kind), not a sibling of it.
"""

from __future__ import annotations

import functools
import math
import re

from nsss.assistant.compose import quoted_text
from nsss.assistant.question import MONTH, Question, framing, normalize_figures
from nsss.assistant.scoring import (
    EVENT_ROLES,
    ORG_KINDS,
    Aliases,
    Pick,
    asks_officer,
    bridged,
    figures_present,
    fills_slot,
    has_person,
    names_sibling,
    says_former_name,
    unit_missing,
    with_prefixes,
)
from nsss.assistant.sentences import items_listed
from nsss.assistant.weights import WEIGHTS, Answerability
from nsss.core.text import language, split_sentences
from nsss.core.types import Hit
from nsss.index.lexical import tokenize

FEATURES = (
    "window_cover",  # the lead sentence's (with the two before it and the title) share of the question's terms
    "own_cover",  # the same, the sentence alone
    "window_missing",  # the question's terms missing from that window (rare ones weigh more)
    "window_rarest",  # how rare the rarest term missing from the window is (0: none missing)
    "asked_missing",  # what is asked of the subject ("chief guest", "cost") missing from the lead sentence
    "doc_missing",  # the question's terms found in none of the top documents
    "slot_filled",  # the quote (the lead sentence and the neighbour it takes in) holds the kind of thing asked
    "slot_open",  # the question asks for no particular kind of thing (a list, a description)
    "slot_missing",  # it asks one thing of a definite kind (a date, a sum in its unit, who, where) the quote lacks
    "figures_ok",  # every figure the question names stands near the lead sentence
    "lead_dense",  # the lead sentence's similarity to the question
    "dense_top",  # the best passage's similarity to the question
    "lead_score",  # the lead sentence's score
    "lexical_top",  # the best passage's BM25 score per unit of the question's term weight
    "section_found",  # a section question found a heading of that name
    "lead_doc_missing",  # the question's terms found nowhere in the lead sentence's own document
    "kind_filled",  # the quote holds what the words ask when the slot says less: a sum, a count, a day of a month
    "unit_missing",  # a unit the question asks in (per month, a year, per cent, dollars) is missing from the quote
    "bangla",  # the question is in Bangla
)
# The direction each feature may push the decision, whatever the data: more of what is asked found never argues
# for declining. The fit keeps the model monotone in each feature named here (eval/fit_answerability.py), so that it
# holds on questions unlike the ones it was fitted on; the language and slot_open are free.
SIGNS = {
    "window_cover": 1,
    "own_cover": 1,
    "window_missing": -1,
    "window_rarest": -1,
    "asked_missing": -1,
    "doc_missing": -1,
    "slot_filled": 1,
    "slot_missing": -1,
    "figures_ok": 1,
    "lead_dense": 1,
    "dense_top": 1,
    "lead_score": 1,
    "lexical_top": 1,
    "section_found": 1,
    "lead_doc_missing": -1,
    "kind_filled": 1,
    "unit_missing": -1,
}


def features(
    question: Question,
    hits: list[Hit],
    picks: list[Pick],
    idf,
    about: dict[str, str] | None = None,
    section: str = "",
    document_text=None,
    aliases: Aliases = (),
    rare_name: float = WEIGHTS.rare_name_idf,
) -> dict[str, float]:
    """Measure how the evidence lines up with the question; picks are in answer order (the lead first); section is the
    text of the items under the heading a section question found ("" when it found none); a proper name the lead's
    document lacks vetoes the answer when its idf is at least rare_name (`proper_missing`)."""
    section_found = bool(section)
    if not hits or not picks:
        return dict.fromkeys(FEATURES, 0.0) | {
            "window_missing": 1.0,
            "window_rarest": 1.0,
            "doc_missing": 1.0,
            "lead_doc_missing": 1.0,
            "unit_missing": 1.0,
            "figures_in_document": 0.0,
            "sibling_named": 0.0,
        }
    weights = {t: idf(t) for t in question.terms}
    total = sum(weights.values()) or 1.0
    top_docs = list(dict.fromkeys(h.chunk.doc_key for h in hits))[:3]
    present: set[str] = set()
    for h in hits:
        if h.chunk.doc_key in top_docs:
            present |= set(tokenize(f"{h.chunk.title} {h.chunk.text}"))
    present = with_prefixes(bridged(present, aliases), list(weights))
    lead = picks[0]
    # The kind of thing asked may stand in the neighbour the quote takes in ("By Arju Afrin Kathy" before the
    # article's first sentence): the quote is what must hold it.
    quoted = quoted_text(question, lead.sentence)
    # What is asked of the subject ("chief guest", "theme") must be named by the lead sentence itself, not only by
    # its title or the sentences before it: else the sentence may tell of the chair, not the chief guest.
    # The plural a list question asks for ("which four categories") is named before the items, not by them.
    own = with_prefixes(bridged(set(tokenize(lead.sentence.text)), aliases), list(question.asked))
    own |= {t for t in question.list_head if t not in lead.missing}
    if fills_slot(question.slot, lead.sentence.text, question):
        own |= framing(question.slot)  # "Venue: Meeting Room No. 22" says where it was held without "held"
    rarest = max((weights.get(t, 0.0) for t in lead.missing), default=0.0)
    slot_open = question.slot in ("any", "list")
    # A figure the question names (a year, an amount) must stand where the answer is: in the lead sentence, the
    # text just before it, or its document's title, address or date (`about`).
    chunk = lead.sentence.hit.chunk
    near = (
        f"{chunk.title} {chunk.text[: lead.sentence.end - chunk.start][-400:]} {(about or {}).get(chunk.doc_key, '')}"
    )
    figures_near = figures_present(question, near)

    # A figure must stand in one of the top documents (their text, titles, addresses, dates): else a veto.
    def document(key: str) -> str:
        text = document_text(key) if document_text else " ".join(h.chunk.text for h in hits if h.chunk.doc_key == key)
        return f"{next(h.chunk.title for h in hits if h.chunk.doc_key == key)} {text} {(about or {}).get(key, '')}"

    # A day of a month names one event: it must be in the lead's own document.
    one_event = any(not f.isdigit() and " " in f for f in question.figures) and not question.compound
    scope = document(chunk.doc_key) if one_event else " ".join(document(k) for k in top_docs)
    figures_in_document = figures_present(question, scope)
    # The question's words the quoted document never uses: the sentence may come from a document on something else
    # ("115 programmes with a budget of Tk. 1,262 billion (FY 2023-24)" for the EGPP's budget that year).
    in_doc = with_prefixes(bridged(set(tokenize(document(chunk.doc_key))), aliases), list(weights))
    return {
        "figures_in_document": 1.0 if figures_in_document else 0.0,
        # (the items under a heading, a table's row under its header, answer for the heading, not the sentence)
        "sibling_named": 1.0 if names_sibling(question, section or quoted) else 0.0,
        "window_cover": lead.coverage,
        "own_cover": lead.own_coverage,
        "window_missing": sum(weights.get(t, 0.0) for t in lead.missing) / total,
        "window_rarest": rarest / (rarest + 3.0),
        "asked_missing": (sum(t not in own for t in question.asked) / len(question.asked)) if question.asked else 0.0,
        "doc_missing": sum(w for t, w in weights.items() if t not in present) / total,
        "slot_filled": 1.0 if slot_open or fills_slot(question.slot, quoted, question) else 0.0,
        "slot_open": 1.0 if slot_open else 0.0,
        # A question asking two things may be answered in part ("When did it launch, and who chaired it?"): only one
        # asking one thing must find what it asks in the quote. The items under a heading (a table's row under its
        # header row) answer for the heading the question names, not for a sentence's slot.
        "slot_missing": 1.0 if slot_missing(question, quoted) and not section_found else 0.0,
        "figures_ok": 1.0 if figures_near else 0.0,
        # A count or sum asked of the one year the question names (and no other figure) must be given where that year
        # stands (near the lead sentence, its title, its document's date): another year's figure answers no such
        # question ("the daily wage in 2023" is not "BDT25 is retained out of the daily rate", said of no year).
        "figure_away": 1.0
        if question.slot in ("number", "amount")
        and len(question.figures) == 1
        and YEAR_IN_FIGURE.search(question.figures[0])
        and not question.compound
        and not section_found
        and not figures_near
        else 0.0,
        "lead_dense": lead.dense if question.language == "en" else 0.0,
        "dense_top": max(h.dense for h in hits[:3]) if question.language == "en" else 0.0,
        "lead_score": lead.fitted,  # (on the scale the model was fitted on: Answerability.lead_weights)
        "lexical_top": math.log1p(max(h.lexical for h in hits[:3]) / total),
        "section_found": 1.0 if section_found else 0.0,
        "bangla": 1.0 if question.language == "bn" else 0.0,
        "lead_doc_missing": sum(w for t, w in weights.items() if t not in in_doc) / total,
        "unit_missing": 1.0 if unit_missing(question, quoted) else 0.0,
        "kind_filled": 1.0 if not question.implied or _holds(question.implied, quoted, question) else 0.0,
        "name_missing": 1.0 if set(named_terms(question)) & set(lead.missing) else 0.0,
        # A programme, place or body the question calls by its proper name ("the Jawtno programme", "Samata", "the
        # Sreemangal workshop") that the lead's document never names: the quote is about something else, however well
        # it fills the slot ("Taka 500 per month under the programme" of the old age allowance). Not of a question
        # asking two things, whose names may belong to its other part.
        "proper_missing": 1.0
        if not question.compound
        and not question.parts
        and any(t not in in_doc and idf(t) >= rare_name for t in proper_names(question))
        else 0.0,
    }


# A place the question names by its kind ("Lalmonirhat district", "Sunamganj itself" of a district's figure, "the
# Dhunot upazila"): the answer must stand where that place is named, or it gives the country's figure, or another
# place's.
NAMED_PLACE = re.compile(
    r"\b([A-Z][a-z][\w'’-]*)\s+(?:district|upazila|division|zila|city|municipality|union|ward|sadar)s?\b|"
    r"(?:^|\s)([\u0980-\u09FF]+)\s+(জেলা|উপজেলা|বিভাগ|ইউনিয়ন|ওয়ার্ড|পৌরসভা)\S*"
)
# The Bangla words before a place's kind that name none: which, how many, each, all, our, the country's ("দেশে
# পৌরসভা", the country's municipalities; "একেক ওয়ার্ডে", in each ward; "আটটি উপজেলা", eight upazilas).
NOT_A_NAME = frozenset(
    # which, how many, each, all, some, that, this (as written and as spoken)
    "কোন কোনো কুন কুনু কয় কত কতগুলো প্রতি পরতি প্রতিটি প্রত্যেক একেক একেকটা একেকটি সব সকল কিছু সেই হেই এই ওই ঐ মোট নিজ "
    # our, their, and, or, for, whether; now, then, at first; the country; a year; chosen, the pilot's
    "আমাদের আমাগো আমগো আমার তাদের ও আর বা এবং লাইগা নাকি এখন তখন শুরু শুরুতে দেশ দেশে দেশের সারা সারাদেশে সালে "
    "নির্বাচিত পাইলট পাইলটের জেলা "
    # numbers
    "এক দুই তিন চার পাঁচ ছয় সাত আট নয় দশ".split()
)
COUNTED = re.compile(r"^[০-৯0-9]|(?:টি|টা|টো|খান|ডা)$")  # a number of them: "২৪টি", "আটটা", "কয়ডা"
# "বিভাগ" is also a ministry's division ("মন্ত্রিপরিষদ বিভাগ", the Cabinet Division): only the country's eight
# divisions are places.
DIVISIONS = frozenset("ঢাকা চট্টগ্রাম রাজশাহী খুলনা বরিশাল সিলেট রংপুর ময়মনসিংহ".split())


# A proper name standing alone: a capitalised word inside a sentence, not its first ("the Jawtno programme", "Samata",
# "the Sreemangal workshop"). Not one word of a longer name ("the Central Management Committee", "the Financial
# Express", "Conference and Fair"), which a document may give in its own words or not at all (a newspaper's name is
# its address, not its text); not a month or a day, which say when, not what; not an acronym, which a document may
# spell out ("PM": Prime Minister).
NAME_WORD = re.compile(r"[A-Z][a-z]+")  # (scoring.CAPITALISED is a run of such words)
JOINERS = frozenset({"of", "and", "the", "&", "for", "on", "in", "/", "-"})
CALENDAR = re.compile(rf"^(?:{MONTH}|monday|tuesday|wednesday|thursday|friday|saturday|sunday)$", re.I)
STOPS = frozenset(".?!:;")
# The name of who says a thing: a paper, an office, a page ("the Observer's report", "according to the Sunamganj
# office"), which a document's text need not hold (its address does).
SOURCE_AFTER = re.compile(
    r"(?:['’]s\s+)?(?:report|reports|article|piece|story|newspaper|paper|office|page|website|site)\b", re.I
)
SOURCE_BEFORE = re.compile(r"\baccording\s+to(?:\s+the)?$", re.I)
QUOTES = frozenset("\"“‘'(")


def proper_names(question: Question) -> list[str]:
    """Return the terms of the proper names an English question gives, each a capitalised word standing alone inside
    its sentence, that are not the asker's own circumstance ("I moved to Dhaka for work")."""
    if question.language != "en":
        return []
    words = re.findall(r"[\w'’]+|[^\w\s]", question.text)

    def opens(i: int) -> bool:  # the word at i begins a sentence, quoted or not
        j = i - 1 if i > 0 and words[i - 1] in QUOTES else i
        return j == 0 or words[j - 1] in STOPS

    def capitalised(i: int) -> bool:  # the word at i is capitalised where a sentence does not make it so
        return 0 <= i < len(words) and words[i][:1].isupper() and not opens(i)

    def neighbour(i: int, step: int) -> int:  # the next word that is not a joiner ("of", "and", "/")
        i += step
        while 0 <= i < len(words) and words[i] in JOINERS:
            i += step
        return i

    names = []
    for i, word in enumerate(words):
        name = re.sub(r"['’]s$", "", word)
        if not NAME_WORD.fullmatch(name) or CALENDAR.match(name) or opens(i):
            continue
        if capitalised(neighbour(i, -1)) or capitalised(neighbour(i, 1)):
            continue  # one word of a longer name
        if SOURCE_AFTER.match(" ".join(words[i + 1 : i + 3])) or SOURCE_BEFORE.search(
            " ".join(words[max(0, i - 3) : i])
        ):
            continue  # who says it, not what it is about: "the Observer's report", "according to the Sunamganj office"
        names.append(name)
    terms = [t for name in names for t in tokenize(name) if t in question.terms]
    return [t for t in terms if t not in question.circumstance]


def named_terms(question: Question) -> list[str]:
    """Return the question's terms that name a place by its kind ("Lalmonirhat district", "ধুনট উপজেলায়")."""
    names = [
        english or bangla
        for english, bangla, kind in NAMED_PLACE.findall(question.text)
        if english
        or (bangla not in NOT_A_NAME and not COUNTED.search(bangla) and (kind != "বিভাগ" or bangla in DIVISIONS))
    ]
    return [t for name in names for t in tokenize(name) if t in question.terms]


# The kinds of thing asked that a quote either holds or does not: whatever else it says, it does not answer.
DEFINITE = ("date", "number", "amount", "person", "place")


# Someone a text says did a thing ("prepared by the General Economics Division", "By Arju Afrin Kathy").
BY_SOMEONE = re.compile(r"\b[Bb]y\s+(?:the\s+)?[A-Z]")


def slot_missing(question: Question, quoted: str) -> bool:
    """Tell whether a question asking one thing of a definite kind finds none in the quote: a sum asked per month is
    not found in a day's wage; "who" may be answered by a body ("Who formulated the NSSS?": the GED), but not who
    played a person's part at an event (the chair) or holds an office only a person holds (the member secretary); a
    body asked by its kind ("which bank", "which ministry coordinates the cluster") is not found in another body."""
    if question.former_name and not question.compound:
        # a former name is a definite kind: a quote that says no rename does not give one ("What was the old age
        # allowance called before?" is not answered by its budget)
        return not says_former_name(quoted)
    if question.author and not question.compound:
        # who wrote a piece: a person, or a body it is by ("prepared by the GED"); a quote naming neither ("This paper
        # examines urban poverty...") does not say who wrote it
        return not (fills_slot("person", quoted, question) or BY_SOMEONE.search(quoted))
    if question.slot == "organisation" and not question.compound and any(a.search(question.text) for a, _ in ORG_KINDS):
        # a body asked by its kind ("which bank", "which ministry", the cluster's coordinator) is definite too
        return not fills_slot("organisation", quoted, question)
    if question.slot not in DEFINITE or question.compound:
        return False
    if question.slot in ("amount", "number") and unit_missing(question, quoted):
        return True
    if question.slot == "date" and ASKED_DONE.search(question.text) and not_yet_done(quoted):
        return True  # "When did Parliament pass the Act?" is not answered by "so that it can be passed during mid-2020"
    if fills_slot(question.slot, quoted, question):
        # a name asked of someone ("the name of the UNDP representative") stands with the words saying whose it is:
        # "Ms. Sharifa Khan, Senior Secretary, ERD" is not the UNDP representative's
        # ("Ms. Sharifa Khan" in one sentence and "Assistant Resident Representative, UNDP" in the next: in none)
        return question.wants_name and not any(
            has_person(quoted[a:b], offices=False)
            and set(question.name_of) <= with_prefixes(set(tokenize(quoted[a:b])), question.name_of)
            for a, b in split_sentences(quoted)
        )
    if (
        question.slot != "person"
        or question.wants_name
        or any(role & set(tokenize(question.text)) for role in EVENT_ROLES)
    ):
        return True  # (a body is no one's name)
    if asks_officer(question):
        return True
    return not fills_slot("organisation", quoted, question)


# When something was done, asked in the past ("When did Parliament pass the Act?", "When was it approved?").
ASKED_DONE = re.compile(
    r"^\s*(?:and\s+)?(?:so\s+)?(?:when|on what date|in which year|what year)\s+(?:did|was|were)\b", re.I
)
# A text that says it is still to be done, and says nothing done: "needs to be expedited so that it can be passed
# during the Parliament session during the mid-2020", "will be launched next year", "is expected to be approved".
STILL_TO_DO = re.compile(
    r"\b(?:needs?\s+to\s+be|should\s+be|can\s+be|could\s+be|will\s+be|would\s+be|is\s+to\s+be|are\s+to\s+be|"
    r"(?:is|are)\s+(?:expected|scheduled|planned|likely|set|going)\s+to|yet\s+to\s+be|to\s+be\s+(?:passed|enacted|"
    r"approved|launched|adopted|held))\b",
    re.I,
)
# (the verb after "can be" is what is still to do: "can be passed" says nothing passed)
STILL_TO_DO_VERB = re.compile(rf"(?:{STILL_TO_DO.pattern})(?:\s+\w+)?", re.I)
DONE = re.compile(
    r"\b(?:was|were|has\s+been|have\s+been|had\s+been)\s+(?:\w+\s+)?\w+ed\b|\b(?:passed|approved|enacted|launched|"
    r"adopted|held|inaugurated|formed|started|began|unveiled|signed)\b(?!\s+(?:by|in|on|at)\s+the\s+(?:end|time)\b)",
    re.I,
)


def not_yet_done(quoted: str) -> bool:
    """Tell whether a quote says the thing is still to be done and says nothing done: its date is when it should
    happen, not when it did."""
    return bool(STILL_TO_DO.search(quoted)) and not DONE.search(STILL_TO_DO_VERB.sub(" ", quoted))


# A day of a month, however written: what "on what date" asks (a year, a month or a weekday says when only roughly).
DAY = re.compile(
    rf"(?<!\d)\d{{1,2}}(?:st|nd|rd|th)?[\s,.-]+{MONTH}(?![a-z])|(?<![a-z]){MONTH}\.?\s+\d{{1,2}}(?!\d)|"
    r"\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}[./]\d{1,2}[./]\d{2,4}\b",
    re.I,
)


def count_unlisted(question: Question, texts: list[str], section: bool) -> bool:
    """Tell whether a question asking for a counted set ("Which eight upazilas...?", "the eleven KEQs") is answered by
    quotes that name far fewer: a sentence that only gives the count ("some eight upazilas will be selected") names
    none of what is asked. The items under a heading count one each; else the longest list a quote writes, or the
    quotes that name the kind asked for, one item each. Asked for more than twelve, twelve named must do.

    Asked which places of a kind, with no count ("Which upazilas will try it first?", "In which districts was it
    run?"), the quotes must name one: a sentence that speaks of the kind only as a number or a group ("some eight
    upazilas will be selected", "FGDs conducted in slums of Dhaka") names none of those asked (`places_unnamed`)."""
    if not texts:
        return False
    if not question.items:
        return not section and places_unnamed(question, texts)
    head = set(question.list_head)
    naming = sum(bool(with_prefixes(set(tokenize(text)), head) & head) for text in texts) if head else 0
    named = len(texts) if section else max(naming, *(items_listed(text) for text in texts))
    return named < min(question.items, ENOUGH_ITEMS) - 1


ENOUGH_ITEMS = 12  # items named that answer a question asking for more (a long list is often quoted in part)

# The kinds of place a list question may ask for by name ("which upazilas", "in which districts"), as terms.
PLACE_KINDS = frozenset(
    tokenize(
        "upazila upazilas district districts division divisions slum slums village villages union unions city cities "
        "municipality municipalities pourashava pourashavas country countries region regions"
    )
)
# A place's name: a capitalised word that is not an acronym (DSR, FGD), within a few words of the kind it is one of
# ("17 districts of three divisions — Rangpur, Barisal and Mymensingh", "Kurigram and Gaibandha districts").
PLACE_NAME = re.compile(r"\b[A-Z][a-z][\w'’-]*")
WEEKDAY = r"monday|tuesday|wednesday|thursday|friday|saturday|sunday"
# The same kinds asked in Bangla ("কোন কোন উপজেলায়"), by their English forms (not "বিভাগ": a ministry's division too).
BANGLA_PLACE_KINDS = {
    "উপজেলা": "upazila",
    "জেলা": "district",
    "বস্তি": "slum",
    "গ্রাম": "village",
    "ইউনিয়ন": "union",
    "শহর": "city",
    "সিটি": "city",
    "পৌরসভা": "municipality",
}
# (which ones, not which one: "কোন কোন উপজেলায়", "কোন উপজেলাগুলোতে"; "কোন জেলায় হয়েছিল?" asks one place)
BANGLA_PLACE_ASKED = re.compile(
    rf"(?:কোন|কুন)\s+(?:কোন|কুন)\s+({'|'.join(BANGLA_PLACE_KINDS)})|(?:কোন|কুন)\s+({'|'.join(BANGLA_PLACE_KINDS)})(?:গুলো|গুলি|সমূহ)"
)
PLACE_REACH = 8  # words either side of the kind's word where its places' names are written


def places_unnamed(question: Question, texts: list[str]) -> bool:
    """Tell whether a question asking which places of a kind (PLACE_KINDS) is answered by quotes that name none of
    them: no mention of the kind has a place's name near it (other than the question's own words, a month, a weekday
    or the quote's first word), or the quotes never say the kind and list nothing."""
    head = set(question.list_head) & PLACE_KINDS
    if question.language == "bn":
        # ("কোন কোন উপজেলায়...?" asks the same, of English quotes: a Bangla quote is not read here)
        asked_bn = BANGLA_PLACE_ASKED.search(question.text)
        head = set(tokenize(BANGLA_PLACE_KINDS[asked_bn.group(1) or asked_bn.group(2)])) if asked_bn else set()
        if any(language(text) == "bn" for text in texts):
            return False
    if not head:
        return False
    asked = set(question.terms)
    for text in texts:
        words = text.split()
        for i, word in enumerate(words):
            if not set(tokenize(word)) & head:
                continue
            for j in range(max(0, i - PLACE_REACH), min(len(words), i + PLACE_REACH + 1)):
                name = PLACE_NAME.match(words[j].strip("\"“‘'(—–-,;:"))
                if not name or j == 0 or re.fullmatch(f"{MONTH}|{WEEKDAY}", name.group(0), re.I):
                    continue
                if j == i + 2 and words[i + 1].lower() in ("of", "in"):
                    continue  # "slums of Dhaka": the place they are in, not one of them
                if not set(tokenize(name.group(0))) & asked:
                    return False
    if any(with_prefixes(set(tokenize(text)), head) & head for text in texts):
        return True  # the kind is said, and no place of it named near
    # (quotes that never say the kind may still list its places: "Rangpur, Barisal and Mymensingh")
    return not any(items_listed(text) >= 2 for text in texts)


def asked_short(question: Question, quotes: list[str]) -> bool:
    """Tell whether a question asking a sum or a count ("the monthly instalment for the Prabashi scheme") finds it in
    no quote of the answer that speaks of what it names: the only sum quoted is a sibling's ("A subscriber to Samata
    pays Tk 500 a month") or another year's (`other_year`), or no quote holds a sum or the unit asked ("after paying
    instalments for 10 years")."""
    kind = question.slot if question.slot in ("amount", "number") else question.implied
    if kind not in ("amount", "number") or question.compound or not quotes:
        return False
    own = [text for text in quotes if not names_sibling(question, text) and not other_year(question, text)]
    if any(_holds(kind, text, question) for text in own):
        return False
    siblings_only = len(own) < len(quotes) and any(_holds(kind, text, question) for text in quotes)
    return siblings_only or (bool(question.units) and all(unit_missing(question, text) for text in quotes))


CALENDAR_YEAR = re.compile(r"(?:19|20)\d\d")
# A year among the figures a question names, a whole one ("2023", "2023-24", "2021fy22"; not inside "20000"). (Not
# question.YEAR, which a figure must match whole.)
YEAR_IN_FIGURE = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
CALENDAR_YEAR_IN = re.compile(r"(?<![\d-])(?:19|20)\d\d(?![\d]|-\d)")  # not a fiscal year's ("2022-23")
# A year a quote names as the start of a span ("since 2008", "from 2015") may hold the year asked.
SPAN_START = re.compile(r"\b(?:since|from|after|between)\s+(?:\w+\s+)?$|থেকে\s*$", re.I)


def other_year(question: Question, text: str) -> bool:
    """Tell whether a quote gives another year's figure than the one year a question asks a figure of: "the number of
    municipalities in 2022" is not "329 in 2018, where this number was only 64 in 1974". A year that starts a span
    ("since 2008") is not another year."""
    asked = {f for f in question.figures if CALENDAR_YEAR.fullmatch(f)}
    if len(asked) != 1:
        return False
    text = normalize_figures(text)
    said = {
        m.group()
        for m in CALENDAR_YEAR_IN.finditer(text)
        if not SPAN_START.search(text[max(0, m.start() - 20) : m.start()])
    }
    return bool(said) and not asked & said


def _holds(kind: str, text: str, question: Question) -> bool:
    """Tell whether a text holds the kind of thing the question's words ask for (Question.implied)."""
    if kind == "day":
        return bool(DAY.search(normalize_figures(text)))
    return fills_slot(kind, text, question)


@functools.lru_cache(maxsize=1)
def model() -> Answerability:
    """Load the fitted answerability model shipped with the project."""
    return Answerability.load()


def answerable(values: dict[str, float], fitted: Answerability | None = None, part: bool = False) -> tuple[bool, float]:
    """Return whether to answer, and the model's probability that the evidence answers.

    A figure the question names (a year, a day, an amount) that the answer's document does not hold vetoes the
    answer whatever the model says: that document is about another year or event. So does a quote that speaks of a
    sibling of what the question names and not of it (the district's committee for the upazila's); a quote that lacks
    the one definite kind of thing asked (a date for "when", a count for "how many": `slot_missing`), unless it is
    the reading of one part, whose other sentences may hold it; quotes that count a set asked for without naming it
    (`count_unlisted`); a lead that does not name the place the question names by its kind (`name_missing`); and
    quotes that hold the sum or count asked only where they speak of a sibling or of another year, or hold neither it
    nor the unit asked (`asked_short`), unless it is the reading of one part; and a count or sum asked of a year that
    does not stand near the lead (`figure_away`), unless it is the reading of one part.
    """
    fitted = fitted or model()
    # A part read alone is spared the slot veto (its quote's other sentences may hold what it asks); the model, fitted
    # on whole questions, where a missing slot means a decline, is not shown the feature either.
    p = fitted.probability({**values, "slot_missing": 0.0} if part else values)
    return p >= fitted.threshold_for(values) and not vetoes(values, part), p


# The vetoes `answerable` reads, by the signal that says so: (its value when absent, whether a value vetoes, whether
# a part read alone is spared it).
VETOES = (
    ("figures_in_document", 1.0, lambda v: v <= 0, False),
    ("sibling_named", 0.0, lambda v: v > 0, False),
    ("slot_missing", 0.0, lambda v: v > 0, True),
    ("count_unlisted", 0.0, lambda v: v > 0, False),
    ("name_missing", 0.0, lambda v: v > 0, False),
    ("proper_missing", 0.0, lambda v: v > 0, False),
    ("asked_short", 0.0, lambda v: v > 0, True),
    ("figure_away", 0.0, lambda v: v > 0, True),
)


def vetoes(values: dict[str, float], part: bool = False) -> list[str]:
    """Return the vetoes that hold for a reading's signals (VETOES), whatever the model says."""
    return [name for name, absent, holds, spared in VETOES if holds(values.get(name, absent)) and not (part and spared)]
