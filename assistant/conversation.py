"""Understand a question within its conversation: a follow-up is searched in the documents its topic came from."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from nsss.assistant.question import (
    ATTRIBUTE_WORDS,
    BANGLA_KINDS,
    KIND_NOUNS,
    QUESTION_WORDS,
    SLOT_WORDS,
    WEAK_BACK,
    YEAR,
    Question,
    introduced,
    normalize_figures,
    says_which,
)
from nsss.assistant.types import Conversation
from nsss.core.text import BANGLA_END, BANGLA_LETTER, BANGLA_START
from nsss.index.glossary import default_glossary, names_programme
from nsss.index.lexical import tokenize

# Bangla words that say what is asked of a subject or how, never which subject: giving and getting, being, amounts
# and spans of time (their English forms are among question.ATTRIBUTE_WORDS and SLOT_WORDS). "প্রতি মাসে কত টাকা
# দেওয়া হতো?" names nothing of its own: it asks about the programme of the turn before.
UNNAMING = frozenset(
    tokenize(
        "মাস মাসে মাসিক বছর বছরে বার্ষিক দিন দিনে সপ্তাহ সময় টাকা পরিমাণ হার সংখ্যা মোট দেওয়া দেয়া দিয়েছে দেয় "
        "দিত দিতেন দেন প্রদান পায় পান পেয়েছে পাবেন পেতেন পেত হয় হতো হবে হয়েছে হয়েছিল হচ্ছে করা করে করেছে করত "
        # (words of time, "আর এখন?" is "and now?", and getting as it goes on)
        "এখন তখন আগে শুরুতে বর্তমানে পাচ্ছেন পাচ্ছে"
    )
)
# What the English question.ATTRIBUTE_WORDS name, in Bangla (that list holds few Bangla words): what is asked of an
# event, a body or a programme, never which one ("আর কি-নোট উপস্থাপন করেছিলেন কে?" is "and who gave the keynote?").
# With the words that point, and the asker's own "I" and "my".
BANGLA_ASKED_OF = frozenset(
    tokenize(
        "নোট মূল প্রবন্ধ উপস্থাপন উপস্থাপনা উদ্বোধন উদ্বোধনী বক্তা বক্তব্য স্বাগত সঞ্চালক সঞ্চালনা আয়োজক আয়োজন "
        "অংশ অংশগ্রহণ অংশগ্রহণকারী অতিথি সভাপতি ভেন্যু স্থান জায়গা তারিখ বাজেট খরচ ব্যয় অর্থায়ন তহবিল অংশীদার "
        "সহযোগী সদস্য লক্ষ্য উদ্দেশ্য ফলাফল সুপারিশ সিদ্ধান্ত চ্যালেঞ্জ ভূমিকা দায়িত্ব কাজ প্রতিপাদ্য থিম শিরোনাম "
        "পরিকল্পনা অন্য অন্যান্য বাকি নতুন প্রথম শেষ পরবর্তী একজন "
        # (the kinds of event, body or paper, as the English list has "meeting", "committee", "report")
        "কমিটি কর্মসূচি প্রকল্প প্রতিবেদন সম্মেলন সংলাপ সেমিনার অধিবেশন "
        # (the English words as Bangla writes them: "কি-নোট প্রেজেন্টেশন", "টেকনিক্যাল সাপোর্ট")
        "প্রেজেন্টেশন সাপোর্ট ফান্ড ফান্ডিং মিটিং ওয়ার্কশপ প্রোগ্রাম প্রজেক্ট রিপোর্ট চেয়ার গেস্ট স্পিকার ডেট টাইম "
        "টপিক রেজাল্ট মেম্বার রোল "
        "এটি এটা এতে এর ওটা সেটা আমি আমার আমরা আমাদের আপনি আপনার"
    )
)
# More Bangla verbs, in the forms a question puts them (getting, giving, coming, bringing, keeping, doing, being,
# going, can, want, taking, counting, running, joining, saying; UNNAMING holds the commonest): like "get", "give",
# "take" among the English ATTRIBUTE_WORDS they say what happens to a subject, never which one ("কতজনকে আনার
# পরিকল্পনা?").
BANGLA_VERBS = frozenset(
    tokenize(
        "পাবে পাব পেয়েছেন পেয়েছিল পেয়েছিলেন পেতো পেলেন পেল পেতে পাওয়া পাওয়ার "
        "দেবে দেবেন দিবে দিবেন দিচ্ছে দিচ্ছেন দিয়েছেন দিয়েছিল দিয়েছিলেন দিল দিলেন দিতে দেওয়ার দেয়ার "
        "আসে আসেন আসবে আসবেন আসছে আসছেন এসেছে এসেছেন এসেছিল আসত আসতেন এলেন আসতে আসা আসার "
        "আনে আনেন আনবে আনবেন আনছে এনেছে এনেছেন আনা আনার আনতে "
        "রাখে রাখেন রাখবে রাখবেন রেখেছে রেখেছেন রেখেছিলেন রাখা রাখার রাখতে "
        "করবে করবেন করছে করছেন করেছেন করেছিল করেছিলেন করতেন করল করলেন করতে করার করলে "
        "হন হবেন হল হলো হলেন হতে হওয়া হওয়ার হলে "
        "যায় যান যাবে যাবেন গেছে গেছেন গিয়েছিল গেল গেলেন যেতে যাওয়া "
        "পারে পারেন পারবে পারবেন পারব পারি পারত "
        "চান চায় চাইলে চেয়েছেন "
        "থাকে থাকেন থাকবে থাকবেন আছে আছেন থাকা থাকার থাকতে "
        "নেয় নেন নেবে নেবেন নিচ্ছে নিয়েছে নিয়েছেন নিয়েছিল নিত নিতেন নিলেন নিতে নেওয়া নেয়া "
        "ধরা ধরে ধরবে ধরেছে চলে চলছে চলবে চলেছে চলত যোগ বলে বলেন বলেছে বলেছেন বলা আছিল"
    )
)
# A Bangla verb by its ending, in the forms people type as well as the written ones ("দিছিলেন", "হইছে",
# "বানাবে", "কমানো"): whatever its root, a verb says what happened to a subject, not which (BANGLA_VERBS lists the
# common ones whose forms the endings miss: "পায়", "দেয়").
BANGLA_VERB_FORM = re.compile(
    r"^[\u0980-\u09FF]{2,}?(?:ছিলেন|ছিলাম|ছিলো|ছিল|চ্ছেন|চ্ছে|ছেন|ছে|বেন|লেন|তেন|তাম|ইছেন|ইছে|ানো|ানোর|(?<!ভা)বে)$"
)
BANGLA_UNNAMING = UNNAMING | BANGLA_ASKED_OF | BANGLA_VERBS
# Words that say which part or which of a series, not which event: "the inaugural ceremony", "the first meeting".
PART_WORDS = (
    r"inaugural|opening|closing|concluding|technical|plenary|first|second|third|last|final|main|previous|next|"
    r"recent|latest|whole|entire"
)
# English words that name no subject either: the part of an event asked about ("who chaired the opening?", "at the
# inaugural": PART_WORDS), "anything" and its kin, and the verbs questions on programmes ask with ("who is covered?",
# "how often are they paid?"), as "get", "give" and "take" among question.ATTRIBUTE_WORDS.
ENGLISH_UNNAMING = frozenset(
    tokenize(
        f"{PART_WORDS.replace('|', ' ')} anything something anyone someone everything everyone nothing nobody "
        "cover covers covered covering pay pays paid paying hold holds held run runs ran start starts started begin "
        "began end ended join joined apply applied back "
        # (and words that say nothing of which subject: "the whole thing"; a round of a programme; coming and
        # bringing: "When was the whole thing meant to be done?", "When does the first round happen?", "Which places
        # come first?" ask about the turn before's subject)
        "thing things round rounds come comes came coming put bring brings brought"
    )
)
# "the project" with nothing after it that says which one ("the project on ...", "the project that ...") points
# at the one the conversation is about: "When is the project due to finish?".
DEFINITE_KIND = re.compile(
    rf"\bthe\s+(?:(?:{PART_WORDS})\s+)?(?:{KIND_NOUNS})s?\b(?!\s+(?:of|on|for|about|in|at|with|to|by|under|from|between|called|titled|"
    r"named|that|which|who|where|(?:held|organi[sz]ed|conducted)\s+(?:in|on|at|by)|"
    # a clause that says which one: "the committee working to introduce the registry", "the body set up to..."
    r"[a-z]+ing\s+(?:to|on|for|in|into|at|with|under|over|after|the)|(?:formed|set\s+up|tasked|created|established|constituted)\s+"
    r"(?:to|by|for|in|under|with))\b|(?-i:\s*[A-Z0-9(\"“‘']))",
    re.I,
)
# The same in Bangla: a kind of event or programme with the definite ending or "this", "that" ("অনুষ্ঠানটি", "এই
# কর্মসূচি"): "অনুষ্ঠানটি কে সঞ্চালনা করেন?" (who moderated the event?).
BANGLA_DEFINITE = re.compile(rf"(?:{BANGLA_KINDS})(?:টি|টা)|(?:এই|উক্ত)\s+(?:{BANGLA_KINDS})")
# The words a follow-up points back with ("that ceremony", "the project", "অনুষ্ঠানটি"): they stand for the topic,
# so the answer need not hold them ("moderated the function" answers "অনুষ্ঠানটি কে সঞ্চালনা করেন?").
POINTER = re.compile(
    rf"\b(?:the|this|that|these|those)\s+(?:{KIND_NOUNS})s?\b|(?:এই|ওই|সেই|উক্ত)\s+(?:{BANGLA_KINDS})\S*|"
    rf"(?:{BANGLA_KINDS})(?:টি|টা)\S*",
    re.I,
)
# A name in the question (a capitalised word past its first, an acronym): "the workshop" then means one it names.
NAMED = re.compile(r"(?<!^)(?<![.?!] )\b[A-Z][\w'’-]*")
# What a question sets aside names nothing it asks about: "besides the ILO", "other than Dhaka".
SET_ASIDE = re.compile(
    r"\b(?:besides|except(?:\s+for)?|other\s+than|apart\s+from|aside\s+from|excluding|beyond)\s+(?:the\s+)?"
    r"[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*"
)
OBJECT_PRONOUN = re.compile(r"\b(?:it|them|him|her)\b", re.I)
# "her" before a word that is not a preposition, a particle or a conjunction is a possessive, not an object: "My aunt
# gets her widow money on bKash" (a word before it may be what it stands for, as before "its").
POSSESSIVE_HER = re.compile(
    r"her\s+(?!(?:to|for|on|onto|in|into|with|about|by|from|of|at|out|up|over|off|through|and|or|but|if|when|now|then|"
    r"again|back|too|also|yet|still|first|any|anything|nothing|all|both|either|more|less|enough)\b)[\w'’-]",
    re.I,
)
# A possessor ("My sister's husband"): within a pronoun's own clause it may be what the pronoun stands for.
POSSESSOR = re.compile(r"([\w-]+)['’]s\b")
AUXILIARY = frozenset("is are was were do does did has have had will would can could should may might".split())
# A word that joins a question to the turn before ("And which foreign partners backed the pilot?", "So list them"):
# what follows it is read as if it opened the question.
JOINING = r"(?:(?:and|but|so|then|also|now|ok|okay|well)\b[\s,]*)?"
# What a question asks, never the antecedent of its subject pronoun: "How large" of "How large is it?", "what exact
# date" of "On what exact date was it unveiled?" (up to its verb). (An object pronoun's antecedent stands in an earlier
# clause: `points_back`.)
ASKING_PHRASE = re.compile(
    rf"^\s*{JOINING}"
    r"(?:(?:on|in|at|from|for|by|since|until|to|with|under|of|during)\s+)?"  # "On what exact date was it unveiled?"
    r"(?:which|what|whose|how\s+(?:many|much|large|big|long|far|often|old|soon|high|low|small)\b)"
    rf"(?:\s+(?!(?:{'|'.join(sorted(AUXILIARY | {'shall', 'must', 'be', 'been', 'get', 'gets', 'got'}))})\b)"
    r"[\w'’-]+){0,3}",
    re.I,
)
# A count asked ("how many people"): never what a pronoun after it stands for (`points_back`).
HOW_MANY = re.compile(r"\bhow\s+(?:many|much)\s+[\w'’-]+", re.I)
# A request that opens a question names nothing it could stand for: "Summarise its main terms of reference.",
# "Tell me about their findings".
REQUEST = re.compile(
    rf"^\s*{JOINING}(?:please\s+)?(?:can|could|would)?\s*(?:you\s+)?(?:please\s+)?"
    r"(?:summari[sz]e|list|name|describe|explain|outline|tell\s+me(?:\s+about)?|give\s+me|show\s+me)\b",
    re.I,
)
# The same in Bangla: "কোন কোন ভাতা" of "কোন কোন ভাতা এর আওতায় আনা হবে?" (which allowances will be brought under
# it?) is what is asked, not what "এর" (its) stands for.
BANGLA_ASKING_PHRASE = re.compile(r"(?:^|\s)(?:কোন কোন|কোনো|কোন|কী কী|কয়টা|কয়টি|কতগুলো|কতগুলি)\s+\S+")
# After "what about X": a question word that asks something of X itself ("what about the cluster, who runs it?").
# (A Bangla question word begins a word of its own: "থেকে" (from) ends in কে and "কেন্দ্রীয়" (central) begins with কেন;
# "কতজন" and "কোনটি" begin with theirs.)
OWN_ASK = re.compile(
    r"\b(?:who|whom|whose|what|when|where|which|how|why)\b|"
    rf"{BANGLA_START}(?:কে{BANGLA_END}|কারা|কবে|কোথায়|কত|কোন|কেন(?:ো)?{BANGLA_END})",
    re.I,
)
# "And in 2018?", "What about FY 2022-23?": a continuation that names only a year asks the earlier question again
# (question.YEAR).
YEAR_WORDS = frozenset(tokenize("fy fiscal financial year years সাল সালে অর্থবছর অর্থবছরে"))
WHAT_ABOUT_OPENER = re.compile(r"^\s*(?:and\s+)?(?:what|how)\s+about\b|^\s*(?:আর|এবং)\s", re.I)


@dataclass(frozen=True)
class Plan:
    """How to search for a question: its own words, and for a follow-up the documents and topic it leans on."""

    query: str  # searched as it is: a question that names its own subject is never rewritten
    focus: tuple[str, ...] = ()  # document keys to search first (a follow-up's topic documents)
    topic: str = ""  # the earlier turn's subject words, for a wider search when the focus does not answer
    followup: bool = False
    pointers: tuple[str, ...] = ()  # a follow-up's terms that only point back ("ceremony" of "that ceremony")
    also: tuple[str, ...] = ()  # documents searched next, when those of focus do not answer


def plan(question: Question, conversation: Conversation | None, findable: frozenset[str] | None = None) -> Plan:
    """Decide whether a question follows up the previous turn, and where to look for its answer.

    `findable`: the question's Bangla terms the documents could find (see `names_subject`); None reads every word
    that is not an asking as naming.
    """
    if not conversation or not conversation.turns:
        return Plan(question.text)
    previous = conversation.turns[-1]
    if (question.continues or question.switches) and names_only_years(question) and not asks_its_own(question):
        # "And in 2018?" after "Who was the chief guest at the 2019 fair?": the same question, of 2018's.
        # The earlier question as asked, or, when it was itself a follow-up naming no year, what it asked of its topic.
        earlier = normalize_figures(previous.question)
        if not YEAR.search(earlier) and YEAR.search(normalize_figures(previous.topic)):
            earlier = normalize_figures(f"{previous.asked} {previous.topic}")
        years = [f for f in question.figures if YEAR.fullmatch(f)]
        again = YEAR.sub(years[0], earlier) if YEAR.search(earlier) else f"{earlier} {question.text}"
        return Plan(again)
    if question.switches and question.anchored:
        if asks_its_own(question):
            return Plan(question.text)  # "what about the social allowance cluster, who coordinates it?"
        # "What about the 2019 conference?": the earlier question asked again, of the subject named now.
        return Plan(f"{previous.asked} {question.text}".strip())
    follows = (
        points_back(question) or not names_subject(question, findable) or (question.continues and not question.subject)
    )
    if not follows or not previous.focus:
        return Plan(question.text)
    pointers = tuple(t for m in POINTER.finditer(question.text) for t in tokenize(m.group(0)) if t in question.terms)
    return Plan(
        question.text,
        focus=previous.focus,
        topic=previous.topic,
        followup=True,
        pointers=pointers,
        also=tuple(k for k in previous.also if k not in previous.focus),
    )


# "the labour one", "the first one", "that one": "one" stands for a kind of thing named before (the clusters of "What
# are the five thematic clusters?"). Not "no one", "the one of", "one day".
ONE = re.compile(
    r"\b(the|that|this)\s+((?:(?!(?:the|that|this|of|and|or|in|for)\b)[\w/&'’-]+\s+){0,4}?)one\b(?!\s+(?:of|another|day|time)\b)(?!['’-])",
    re.I,
)
KIND = re.compile(rf"\b({KIND_NOUNS})s?\b", re.I)
# "And the labour one?": a subject alone, with no asking of its own.
BARE = re.compile(
    r"^\s*(?:and|but|also|now)\s+(?:for\s+|of\s+|in\s+|about\s+)?(?:the|that|this)\s+(?![^?]*\b(?:who|whom|whose|what|when|"
    r"where|which|how|why|is|are|was|were|do|does|did|can|could|will|would|has|have|had)\b)[^?]*\?\s*$",
    re.I,
)
ORDINALS = {"first": 0, "second": 1, "third": 2, "fourth": 3, "fifth": 4, "last": -1}
# "the first of those", "the last of them": an item of what the answer before listed.
ORDINAL_OF = re.compile(rf"\bthe\s+({'|'.join(ORDINALS)})\s+(?:one\s+)?of\s+(?:those|them|these)\b", re.I)
# A listed item of an answer: its line, without the bullet, the number and the citation ("- 1. Social Allowance
# Cluster [2]" is "Social Allowance Cluster").
ITEM_LINE = re.compile(r"^-\s+(?:(\d{1,2})[.)]\s+)?(.+?)\s*(?:\[\d+\])*\s*$", re.M)
ITEM_WORDS = 12  # an item longer than this is a sentence quoted before the list, not one of its items


def resolve_one(text: str, conversation: Conversation | None) -> str:
    """Say what "one" stands for in a later turn: "Which ministry coordinates the first one?" (or "the first of
    those") after a list of the five clusters is asked of the first cluster listed ("the Social Allowance Cluster");
    "And the labour one?" of the labour cluster. The kind of thing is the last one the question names before "one",
    else the last one the turns before name; an ordinal picks the item of the answer before, when that answer is a
    list. Unchanged when there is no such "one", or no kind of thing to read it as."""
    if (of := ORDINAL_OF.search(text)) and (item := _listed(conversation, of.group(1))):
        return f"{text[: of.start()]}the {item}{text[of.end() :]}"
    match = ONE.search(text)
    if not match or not conversation or not conversation.turns:
        return text
    kinds = [m.group(1).lower() for m in KIND.finditer(text[: match.start()])]
    for turn in reversed(conversation.turns):
        if kinds:
            break
        kinds = [m.group(1).lower() for m in KIND.finditer(turn.question)]
    kind = kinds[-1] if kinds else ""
    said = match.group(2).strip()
    if item := _listed(conversation, said):
        named = item if not kind or kind in item.lower() else f"{item} {kind}"
        return f"{text[: match.start()]}the {named}{text[match.end() :]}"
    if not kind:
        return text
    phrase = f"{match.group(1)} {said + ' ' if said else ''}{kind}"
    if BARE.match(text):
        # "And the labour one?" asks the question before of the labour cluster: "Which ministry coordinates the
        # Social Allowance Cluster?" with the one named now in place of the one named then.
        before = re.search(rf"\bthe\s+(?:[\w/&'’-]+\s+){{0,5}}?{kind}s?\b", conversation.turns[-1].query, re.I)
        if before:
            query = conversation.turns[-1].query
            return f"{query[: before.start()]}{phrase}{query[before.end() :]}"
    return f"{text[: match.start()]}{phrase}{text[match.end() :]}"


def _listed(conversation: Conversation | None, ordinal: str) -> str:
    """Return the item an ordinal ("first", "last") picks of what the answer before listed; "" when it listed none."""
    place = ORDINALS.get(ordinal.lower())
    if place is None or not conversation or not conversation.turns:
        return ""
    items = _items(conversation.turns[-1].answer)
    return items[place] if -len(items) <= place < len(items) else ""


def _items(answer: str) -> list[str]:
    """Return the items an answer lists, in order: its numbered ones when it numbers them, else its short lines."""
    lines = [(m.group(1), m.group(2)) for m in ITEM_LINE.finditer(answer) if len(m.group(2).split()) <= ITEM_WORDS]
    numbered = sorted((int(n), item) for n, item in lines if n)
    return [item for _, item in numbered] if numbered else [item for _, item in lines]


def names_only_years(question: Question) -> bool:
    """Tell whether the only thing a question names is a year or a fiscal year ("and in FY 2022-23?")."""
    years = [f for f in question.figures if YEAR.fullmatch(f)]
    digits = {t for f in years for t in tokenize(f)}
    return bool(years) and all(normalize_figures(t) in digits or t in YEAR_WORDS for t in question.terms)


def names_subject(question: Question, findable: frozenset[str] | None = None) -> bool:
    """Tell whether a question names what it is about (a figure other than a year, or a word that names a thing, not
    an asking).

    A Bangla word names a subject only when the documents could find it (`findable`: a term some passage holds, or
    one the glossary or the spoken bridge turns into a term some passage holds). The lists of askings cannot hold
    every spoken and regional form of a verb or a question word ("পাইত", "হইব", "কেডা"), and a word no document can
    be found by names nothing a search could go to: "তখন কয়জন পাইত?" (how many got it then?) asks about the
    programme of the turn before. Latin words (names, acronyms) name as before. Nor does a Bangla word whose every
    English form in the glossary is an asking in English (অনুষ্ঠিত, "held"; বরাদ্দ, "allocation"), unless it names a
    programme (`_glossed_unnaming`): the question is read as its English form would be.

    A year names no subject either: "২০২৩-২৪ অর্থবছরে মাসে কত দেয়?" (in 2023-24, how much is given a month?) asks
    about the programme of the turn before in another year; another figure (a sum, a count) does name what is asked.
    """
    years = [f for f in question.figures if YEAR.fullmatch(f)]
    return len(years) < len(question.figures) or bool(_naming(question, findable))


def _naming(question: Question, findable: frozenset[str] | None = None, glossed: bool = True) -> set[str]:
    """Return the question's subject terms that name a thing (see `names_subject`); years and their words are not.
    `glossed`: a Bangla term the glossary reads as an asking names nothing (`_glossed_unnaming`); `points_back`,
    looking for what a pointer stands for, reads without it."""
    digits = {d for f in question.figures if YEAR.fullmatch(f) for d in re.findall(r"\d+", f)}
    subject = [
        t
        for t in question.subject
        if t not in YEAR_WORDS
        and not (re.search(r"\d", n := normalize_figures(t)) and set(re.findall(r"\d+", n)) <= digits)
    ]
    if question.language != "bn":
        return {t for t in subject if t not in ENGLISH_UNNAMING}
    verbs = {t for w in question.text.split() if BANGLA_VERB_FORM.match(w.strip("?,।!")) for t in tokenize(w)}
    naming = {t for t in subject if t not in BANGLA_UNNAMING | verbs and not (glossed and _glossed_unnaming(t))}
    if findable is None:
        return naming
    return {t for t in naming if t in findable or not BANGLA_LETTER.match(t)}


# The English words that name no subject: what a question asks with, what it asks of a subject ("chief guest",
# "date", "held"), and the words ENGLISH_UNNAMING adds.
ENGLISH_ASKING = QUESTION_WORDS | ATTRIBUTE_WORDS | SLOT_WORDS | ENGLISH_UNNAMING


@functools.lru_cache(maxsize=4096)
def _glossed_unnaming(term: str) -> bool:
    """Tell whether a Bangla term names no subject because what the glossary gives for it in English names none:
    অনুষ্ঠিত is "held", বরাদ্দ "allocation", বয়স "age" (read as the English question would be, so the hand list
    BANGLA_UNNAMING need not hold every word the glossary already reads). A programme's name names it, whatever its
    English form: উপবৃত্তি is "stipend", a sum in an English question, and the stipend programme in a Bangla one."""
    if names_programme(term):
        return False
    forms = [tokenize(form) for form in default_glossary().forms((term,))]
    return any(forms) and all(set(form) <= ENGLISH_ASKING for form in forms)


def points_back(question: Question) -> bool:
    """Tell whether a question points at an earlier turn: a pronoun or "there", or "the project" that says not which.

    A pronoun after its verb ("who approved it?") has no antecedent in that verb, nor in what the question asks
    ("Which donors supported it?"): only a word naming a thing before them can be one ("What is the allowance and who
    gets it?").
    """
    if question.refers_back:
        return True
    text = question.text
    # A year or a number is never what "it" stands for ("what did it cost that year?" after "in 2021-22"); nor, in
    # Bangla, an asking or a verb ("এখন কতজন পায় এইটা?", how many get it now?).
    # Nor a word that names no subject in either language: "Who ran the event?" (`_naming`).
    subject = set(question.subject) - {t for f in question.figures for t in tokenize(f)}
    # (A word the glossary reads as an asking may still be what a pointer after it stands for, as any word of the
    # question may: "কর্মপরিকল্পনা-২ এর" is "of Action Plan 2", not "of it".)
    subject &= _naming(question, glossed=False)
    definite = (
        ()
        if question.figures or NAMED.search(SET_ASIDE.sub(" ", text).strip())
        else (*DEFINITE_KIND.finditer(text), *BANGLA_DEFINITE.finditer(text))
    )
    intro = introduced(text)
    for match in (*WEAK_BACK.finditer(text), *definite):
        if says_which(text, match, subject):
            continue  # "the budget that raised the allowance": the clause says which budget
        if intro and match.start() >= intro:
            continue  # "There used to be a work scheme for poor villagers. What's it called now?": it is that scheme
        before = text[: match.start()]
        if OBJECT_PRONOUN.fullmatch(match.group(0)) and not POSSESSIVE_HER.match(text, match.start()):
            # A pronoun that is the object of its clause never stands for a word of that clause, its subject
            # included: "Were any foreign countries backing it?", "How much did DFAT put into funding it?" ask about
            # the turn before's subject. Only a word of an earlier clause can be its antecedent: "What is the
            # allowance, and who gets it?"; or a possessor within its own: "My sister's husband left her".
            # (What an earlier clause asks may be it: "Which cluster met first, and which ministries were in it?")
            start = _clause_start(before)
            # (A count asked is no antecedent: "How many people and how many districts did it cover?")
            before = f"{HOW_MANY.sub(' ', before[:start])} {' '.join(POSSESSOR.findall(before[start:]))}"
        else:
            before = BANGLA_ASKING_PHRASE.sub(" ", ASKING_PHRASE.sub(" ", REQUEST.sub(" ", before)))
        if not subject & set(tokenize(before)):
            return True
    return False


# Where a clause begins: a stop, a comma or a dash, "and", "but", "or", or a word that opens a clause of time, cause or
# condition ("Who presided when the Prime Minister launched it?").
CLAUSE_BREAK = re.compile(
    r"[,;:.?!—–]|\s-\s|\b(?:and|but|or|when|whenever|while|whereas|after|before|because|if|although|though|once|until|"
    # (and a relative clause: "help for a woman whose husband has left her")
    r"so|whose|whom)\b",
    re.I,
)
# "and" between two names joins them, not two clauses: "the Netherlands and GIZ".
JOINED_NAMES = re.compile(r"[A-Z][\w'’-]*\s+(?:and|or)\s+(?:the\s+)?[A-Z]")


def _clause_start(text: str) -> int:
    """Return where the last clause of a text begins (0 when it has one clause)."""
    starts = [
        m.end()
        for m in CLAUSE_BREAK.finditer(text)
        if not JOINED_NAMES.match(text, max(0, text.rfind(" ", 0, m.start() - 1) + 1))
    ]
    return starts[-1] if starts else 0


def asks_its_own(question: Question) -> bool:
    """Tell whether a "what about X" question goes on to ask its own question of X."""
    opener = WHAT_ABOUT_OPENER.match(question.text)
    rest = question.text[opener.end() :] if opener else question.text
    rest = re.sub(r"(?:কী|কি)\s*\??\s*$", "", rest)  # "আর X কী?": the closing "what" is the opener's own
    return bool(OWN_ASK.search(rest))


def about(plan_: Plan, cited: tuple[str, ...], nearest: tuple[str, ...]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Return the documents an answer is about, where a follow-up to it is searched first, and those searched next.

    First the documents it cites; next the one the search ranked first, when that is another (two reports of one
    event: the follow-up may be answered by either, but the cited one is more often about the same event). When it
    cites none: the topic's documents, or else the nearest ("who was the chief guest?" after a declined question).
    """
    if cited:
        return cited, tuple(k for k in nearest[:1] if k not in cited)
    if plan_.followup:
        return plan_.focus, plan_.also
    return nearest[:1], ()
