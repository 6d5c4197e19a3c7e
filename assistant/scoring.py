"""Score the sentences of the retrieved passages by how well each answers the question, and tell what a sentence
holds: a person, a date, a place, a number, an amount, an organisation."""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, replace

import numpy as np
from nsss.assistant.question import BANGLA_MONTH, DAY_MONTH, Question, figures, normalize_figures
from nsss.assistant.sentences import Sentence, enumerates, sentences
from nsss.assistant.weights import Weights
from nsss.core.text import ACRONYM, BANGLA_END, BANGLA_LETTER, BANGLA_START, LIST_ITEM, scored_text
from nsss.core.types import Hit
from nsss.index.lexical import tokenize

DATE = re.compile(
    r"\b(?:1[89]\d\d|20\d\d)\b|\b(?:January|February|March|April|May|June|July|August|September|"
    r"October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\b|[০-৯]{4}|" + BANGLA_MONTH,
    re.I,
)
HONORIFIC = re.compile(
    r"\b(?:Mr|Ms|Mrs|Dr|Md|Prof|Mohammad|Muhammad|Sheikh|Begum|Engr|Justice|Professor|Hon'?ble)\b\.?"
    r"\s+[A-Z]|জনাব|ড\.|মোঃ|মো\.|বেগম"
)
ORG_WORDS = frozenset(
    """Social Security Protection National Strategy Division Ministry Committee Programme Program
Bangladesh Plan Action Policy Support Government Cabinet Planning Commission General Economics Development Bank
Department Office Council Conference Centre Center International Five Year Phase Workshop Report Progress The
Central Management Monitoring Affairs Welfare Women Children Child Labour Employment Finance Disaster Relief Safety
Net Nations United World Household Database System Registry Allowance Benefit Fund Scheme Sustainable Goals Union
Cooperation Commission Agency Organisation Organization Institute Authority""".split()
) | frozenset(
    # Words that start with a capital in titles and headings ("5 Day Long Meetings of Thematic Clusters"): a run of
    # them is an event or a document, not a person.
    """Meeting Meetings Workshop Workshops Seminar Dialogue Consultation Overview Reflective Fair Knowledge Day Days
Long Week Month Year Thematic Cluster Clusters Schemes Pension Universal Research Paper Papers Background Preparing
Formulation Implementation Review Assessment Baseline Dissemination Launch Pilot Insurance Injury Disability
Maternity Livelihood Intervention Urban Poverty Food Fuel Financial Crisis Brief Exploring Evidence Published Printed
Copies Inaugural Session Opening Closing Speech Vote Thanks Article News Press Release Daily Star Tribune Observer
January February March April May June July August September October November December Monday Tuesday Wednesday
Thursday Friday Saturday Sunday Phase Fiscal Budget""".split()
)
# Words of an address or a venue ("Building No. 1", "Osmani Memorial Hall"): a place, not a person.
VENUE_WORDS = frozenset(
    """No Room Building Hall Floor Road Street Avenue Lane House Secretariat Nagar Bhaban Bhabon Hotel Auditorium
Memorial Campus Complex Stadium""".split()
)
ORG = re.compile(
    r"\b[A-Z]{2,}\b|\b(?:[A-Z][a-z]+ ){1,4}(?:Division|Ministry|Committee|Programme|Program|Bank|Office|"
    r"Council|Team|Institute|Organisation|Organization|Agency|Department|Commission|Unit|Authority|"
    r"Directorate|Bureau|Foundation|Network|Group|Cell|Board|Forum|Secretariat|Panel|Wing|Centre|Center|"
    r"University|Association|Federation|Alliance|Company|Limited|Trust|Society|Corporation)\b|"
    # "the Ministry of Disaster Management and Relief", "Department of Social Services"
    r"\b(?:Ministry|Division|Department|Directorate|Bureau|Commission|Office|Bank) of (?:the )?[A-Z]|"
    r"মন্ত্রণালয়|বিভাগ|অধিদপ্তর|কমিটি|সংস্থা"
)
PLACE = re.compile(
    r"\b(?:held|organi[sz]ed|took place|venue|located|situated|hosted)\b[^.]{0,60}\b(?:at|in)\s+[A-Z]|"
    r"\b(?:at|in)\s+(?:the\s+)?[A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,5}\s*,\s*(?:Dhaka|Bangladesh|[A-Z][a-z]+)\b|"
    r"\b(?:Dhaka|Chattogram|Chittagong|Khulna|Rajshahi|Sylhet|Barishal|Barisal|Rangpur|Mymensingh|"
    r"Gazipur|Cox's Bazar|Sunamganj|Bogura|Bogra|Netrokona)\b|\b(?:district|upazila|division|city|"
    r"village|union)\b|(?:ঢাকা|জেলা|উপজেলা|বিভাগে|শহর)|"
    # A venue: "Venue: Meeting Room No. 22, Building No. 1", "the Hotel InterContinental", "Osmani Memorial Hall".
    # (a venue's noun after a name, or before a name or number: not "Building consensus")
    r"\b[Vv]enue\b|\b[A-Z][\w'’-]*\s+(?:Room|Hall|Hotel|Secretariat|Bhaban|Bhabon|Auditorium|Centre|Center|"
    r"Building|Stadium|Complex|Campus)\b|\b(?:Hotel|Room|Building|Hall)\s+(?:No\.?\s*\d|[A-Z])|"
    r"মিলনায়তন|সম্মেলন কেন্দ্র|সচিবালয়|ভবন|হোটেল|"
    # Where a service is had: "withdraw the money at nearby Rupali Bank SureCash agents", "from the post office".
    r"\b(?:at|from)\s+(?!least\b)(?:[\w'’-]+\s+){0,4}?(?:agents?|agent points?|branch(?:es)?|post offices?|offices?|"
    r"outlets?|booths?|kiosks?|ATMs?|counters?)\b"
)
# An organisation asked by its kind is named by it: "which bank" by a bank, "which ministry" by a ministry or division.
ORG_KINDS = (
    (re.compile(r"\b(?:which|what)\s+banks?\b|কোন ব্যাংক", re.I), re.compile(r"\bbank\b|ব্যাংক", re.I)),
    (
        re.compile(r"\b(?:which|what)\s+(?:ministry|ministries)\b|কোন মন্ত্রণালয়", re.I),
        re.compile(r"\bministry\b|\bministries\b|\bdivision\b|\bMo[A-Z]{1,5}\b|মন্ত্রণালয়|বিভাগ", re.I),
    ),
    # "Which firm or consultant carried out the evaluation?", "which printer printed it?" ask for a firm: a body that
    # names itself as one (a company, a consultancy, an institute, a press), not the programme's own ministry or
    # project ("The SSPS project is a major programme for the Government of Bangladesh").
    (
        re.compile(
            r"\b(?:firms?|consultants?|consultanc(?:y|ies)|consulting|evaluators?|printers?|printing (?:company|house|"
            r"press)|institutes?)\b",
            re.I,
        ),
        re.compile(
            r"\b(?:Ltd|Limited|Compan(?:y|ies)|Consult\w*|Institutes?|Universit(?:y|ies)|Printers?|Printed by|Press|"
            r"Associates|Firms?|Bureau|Foundation)\b",
            re.I,
        ),
    ),
    # "Which ministry coordinates (leads, is in charge of) the cluster?" asks for its coordinator: a body named as
    # coordinating or leading it, not any ministry on the page ("coordination of the programmes ... by the ministries").
    (
        re.compile(r"\bcoordinat(?:es|e|ed|ing|or)\b|\blead(?:s|ing)?\b|\bin charge\b|সমন্বয়", re.I),
        re.compile(
            r"\bcoordinat(?:or|ors|es|ed|ing)\b|\bled by\b|\blead(?:s|ing)?\b|\bin charge\b|সমন্বয়ক|সমন্বয়কারী",
            re.I,
        ),
    ),
)
# An office answers "who" as a name does: "headed by the Cabinet Secretary", "the Finance Minister chaired".
OFFICE = re.compile(
    r"\b(?:Secretary|Minister|Adviser|Advisor|Director|Director-General|Chairman|Chairperson|Speaker|Governor|"
    r"Commissioner|Ambassador|Mayor)s?\b|সচিব|মন্ত্রী|উপদেষ্টা|মহাপরিচালক|চেয়ারম্যান|স্পিকার"
)
# An office's title, its capitalised words before the office's noun: "Assistant Resident Representative", "Country
# Director", "First Secretary, Development Cooperation" name an office, not who holds it.
OFFICE_TITLE = re.compile(
    r"\b(?:[A-Z][\w'’-]*\s+){0,4}(?:Representative|Director|Director-General|Secretary|Officer|Head|Chief|Adviser|"
    r"Advisor|Minister|Coordinator|Specialist|Consultant|Counsellor|Ambassador|Commissioner|Governor|Chairman|"
    r"Chairperson|Chair|Speaker|Mayor)s?\b|" + OFFICE.pattern
)
# An office-holder's office, which is a body: "the Prime Minister's Office", "the Office of the Chief Adviser".
OFFICE_AS_BODY = re.compile(
    r"\b(?:Prime\s+)?(?:Minister|Secretary|Adviser|Advisor|Director|Director-General|Commissioner|Speaker)['’]s\s+"
    r"(?:Office|Secretariat)\b|\bOffice of the (?:Prime\s+)?(?:Chief\s+)?(?:Minister|Adviser|Advisor|Secretary|Speaker)\b"
)
# A label naming where a text appeared, not who wrote it.
PUBLISHED = re.compile(r"\b(?:Published(?: in| by)?|Source|Publisher|Courtesy)\s*:[^\n]*", re.I)
DAY_OF_MONTH = re.compile(
    r"\b\d{1,2}(?:st|nd|rd|th)?\s+(?:January|February|March|April|May|June|July|August|September|"
    r"October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\b",
    re.I,
)
# A number that names a thing rather than counting it: "Room No. 22", "Convention No. 121", "article 15(d)",
# "Section 3", "Goal 1", "Day 3".
LABEL_NUMBER = re.compile(
    r"\b(?:No|Nos|Number|Article|Section|Clause|Chapter|Rule|Goal|SDG|Day|Room|Building|Floor|Level|Phase|Annex|"
    r"Table|Figure|Page|Ward|Road)\.?\s*[-–:]?\s*\d[\d.()a-z]*|নং\s*[০-৯\d]+|[০-৯\d]+\s*নং",
    re.I,
)
TITLE = re.compile(
    r"[‘“\"'][^‘’“”\"']{8,}[’”\"']|\b(?:theme|titled|entitled|slogan|motto)\b|প্রতিপাদ্য|স্লোগান|"
    # a short name in quotes ("the project titled- 'Mayer Hasi'"), or one given after "called" / "known as"
    r"[‘“\"'][A-Z][^‘’“”\"']{2,}[’”\"']|\b(?:called|named|known as)\s+[‘“\"']?[A-Z]",
)
QUANTITY = re.compile(
    r"(?<![\d-])(?!(?:19|20)\d\d\b)\d[\d,.]*|[০-৯]+|\b(?:one|two|three|four|five|six|seven|eight|nine|"
    r"ten|eleven|twelve|twenty|thirty|forty|fifty|hundred|thousand|million|billion|crore|lakh|half|"
    r"double|twice|percent)\b|[%]|"
    # Bangla numbers in words ("তিন দিনব্যাপী" a three-day), whole words only ("একটি" is "a"; "নয়" is also "is not")
    rf"{BANGLA_START}(?:এক|দুই|তিন|চার|পাঁচ|ছয়|সাত|আট|দশ|বিশ|শত|একশ|হাজার|লাখ|লক্ষ|কোটি){BANGLA_END}",
    re.I,
)
# An amount names its currency (or is a rate): "1 million individuals" and "20 lakh beneficiaries" are counts.
MONEY = re.compile(
    # (a currency written against its figure counts: "BDT25", "Tk500")
    r"\b(?:tk|taka|bdt|usd|aud|us\$|a\$|dollars?|euros?|percent|per cent)(?:\b|(?=\d))|[%$৳€£]|টাকা|শতাংশ",
    re.I,
)
# What states a reason or a purpose: a cause ("because", "driven by", "prompted by"), an aim ("so as to", "with the
# aim"), an effect that explains ("enabling self-targeting"), in English and Bangla ("কারণে", "লক্ষ্যে", "উদ্দেশ্যে",
# "যাতে", "ফলে"). ("The major objective of the Division is..." states an aim of a body, not why something was done.)
REASON = re.compile(
    r"\b(?:because|due to|owing to|as a result|so that|so as to|in order to|to ensure|aims? to|aimed at|"
    r"reasons?|rationale|since|given that|for the purpose|purpose of|with a view to|with the aim|designed to|intended to|"
    r"driven by|motivated by|prompted by|in response to|in light of|enabl(?:e|es|ed|ing)|thanks to|on account of)\b|"
    r"কারণ|জন্য|লক্ষ্যে|উদ্দেশ্যে|যাতে|ফলে",
    re.I,
)
DEFINITION = re.compile(
    r"\b(?:is|are|was|refers to|means|stands for|known as|defined as|comprises|consists of)\b|"
    r"\([A-Z]{2,}\)|হলো|হচ্ছে",
    re.I,
)


@dataclass(frozen=True)
class Pick:
    """A sentence chosen as evidence, and how well it answers."""

    sentence: Sentence
    score: float
    coverage: float  # share of the question's weighted terms it covers (with the sentences before it)
    own_coverage: float  # the same, the sentence alone
    dense: float = 0.0  # similarity to the question under the bundled model
    missing: tuple[str, ...] = ()  # the question's own terms found neither in it, the two before, nor the title
    fitted: float = 0.0  # its score on the answerability model's own sentence weights (Answerability.lead_weights)
    byline: bool = False  # holds the byline of a piece whose writer is asked (lead puts it first)


def has_person(text: str, offices: bool = True) -> bool:
    """Tell whether a text names a person: an honorific, an office someone holds ("the Cabinet Secretary"), or two or
    more capitalised words that are not an organisation. Without offices, only a name counts: a question asking
    for the name of the UNDP representative is not answered by "Assistant Resident Representative, UNDP"."""
    text = PUBLISHED.sub(" ", text)  # "Published: Prothom Alo" names a newspaper
    text = OFFICE_AS_BODY.sub(" ", text)  # "the Prime Minister's Office" names a body, not the one who holds the office
    if HONORIFIC.search(text) or (offices and OFFICE.search(text)):
        return True
    if not offices:
        # ("Assistant Resident Representative", "Country Director" name no one; the body's acronym before a name is
        # not part of it: "Country Director of ILO Tuomo Poutiainen")
        text = ACRONYM.sub(" ", OFFICE_TITLE.sub(" ", text))
    return any(_names_someone(span, text) for span in CAPITALISED.finditer(text))


# A run of capitalised words, with the small words and hyphens that join the words of a title or a name of a place
# ("Baseline Assessment and Way Forward", "A Journey Towards an Equitable Society", "Bangladesh-China Friendship
# Conference Centre"): read whole, the run says whether it is a person's name or a title.
JOINING = r"(?:of|and|the|for|on|to|an|a|in|at|towards|&)"
CAPITALISED = re.compile(
    rf"[‘“\"']?\b[A-Z][\w'’]*(?:(?:[ \t]*[-–][ \t]*|[ \t]+)(?:{JOINING}[ \t]+)*(?!(?:The|A|An)\b)[A-Z][\w'’]*)*"
)


def _names_someone(span: re.Match, text: str) -> bool:
    """Tell whether a run of capitalised words is a person's name: two to four capitalised words with nothing that
    makes it a title (a joining word, a word of an organisation's or event's name, quotes, an article before it: "the
    Way Forward") or an acronym."""
    run = span.group()
    if run[0] in "‘“\"'" or re.search(r"[-–]", run) or re.search(r"\b(?:the|a|an)\s+$", text[: span.start()], re.I):
        return False
    words = run.split()
    return 2 <= len(words) <= 4 and all(
        re.fullmatch(r"[A-Z][a-z]+", w) and w not in ORG_WORDS and w not in VENUE_WORDS for w in words
    )


# The roles people play at an event, each by the words that name it (as tokenize gives them); ROLES adds the part
# they play in a text (its author), which a body may play too.
EVENT_ROLES = tuple(
    frozenset(tokenize(words))
    for words in (
        "chair chaired chairs chairing chairperson chairman presided presiding সভাপতি সভাপতিত্ব",
        "guest guests অতিথি",
        "keynote",
        "moderated moderator moderating সঞ্চালনা সঞ্চালক",
        "welcome স্বাগত",
        "thanks",
    )
)
ROLES = (*EVENT_ROLES, frozenset(tokenize("author authored wrote written লেখক লিখেছেন")))
# Who opened an event or unveiled a work is asked by the verb, which names no office ("Who inaugurated the pilot?",
# "কে উদ্বোধন করেন?"), not by "the inaugural ceremony", which names the occasion: the chair named is not who
# inaugurated it. A text holds the role by any form of the word ("inaugurated", "the inauguration"); one that says
# who inaugurated, asked who presided, says who opened the event, not that another presided.
INAUGURATED_ASKED = re.compile(
    r"\b(?:inaugurated|inaugurate|inaugurates|unveiled|unveil|unveils)\b|উদ্বোধন\s*(?:কর|হয়)", re.I
)
INAUGURATED = frozenset(tokenize("inaugurated unveiled উদ্বোধন"))


# The offices held in a committee or a team, each said by a phrase (its words alone say other things: "secretary").
OFFICES_HELD = {
    "member secretary": re.compile(r"\bmember[- ]secretar(?:y|ies)\b|সদস্য[- ]?সচিব", re.I),
    "head": re.compile(
        r"\b(?:headed|heads?|led|chaired|chairs?|chairperson|chairman|presided)\b(?! of (?:state|government))|"
        r"সভাপতি|প্রধান",
        re.I,
    ),
    "convener": re.compile(r"\bconven[eo]rs?\b|আহ্বায়ক", re.I),
    "team leader": re.compile(r"\bteam leaders?\b|দলনেতা", re.I),
    "focal point": re.compile(r"\bfocal points?\b|ফোকাল পয়েন্ট", re.I),
}
# Those only a person holds: a body may head a cluster, not be its member secretary.
PERSONS_OFFICES = ("member secretary", "convener", "team leader")


def asks_officer(question: Question) -> bool:
    """Tell whether a question asks who holds an office only a person holds (the member secretary, the convener, the
    team leader): a body does not answer it, as one may answer who leads a cluster."""
    return any(OFFICES_HELD[office].search(question.text) for office in PERSONS_OFFICES)


def other_role(question: Question, text: str) -> bool:
    """Tell whether a question asks for one role (the chief guest, the member secretary) and a text names only another
    ("Chair: Mr X", "headed by the Deputy Commissioner")."""
    if question.parts:
        return False
    asked = [r for r in ROLES if r & set(question.asked)]
    if INAUGURATED_ASKED.search(question.text):
        asked.append(INAUGURATED)
    if asked:
        held = set(tokenize(text))
        return not any(r & held for r in asked) and any(r & held for r in ROLES if r not in asked)
    # (the first office the question names is the one asked: "the member secretary of the committee headed by...")
    named = [p for p in OFFICES_HELD.values() if p.search(question.text)]
    if len(named) != 1:
        return False
    return not named[0].search(text) and any(p.search(text) for p in OFFICES_HELD.values() if p is not named[0])


def fills_slot(slot: str, text: str, question: Question | None = None) -> bool:
    """Tell whether a text holds the kind of thing the question asks for."""
    if slot == "person":
        # The chair named is not the chief guest asked for.
        offices = question is None or not question.wants_name
        return has_person(text, offices) and not (question is not None and other_role(question, text))
    if slot == "organisation":
        if question is not None:
            # "Which bank pays the wages?" asks for a bank: an acronym ("EGPP") or a ministry does not say which.
            for asks, kind in ORG_KINDS:
                if asks.search(question.text) and not kind.search(text):
                    return False
        return bool(ORG.search(text))
    if slot == "date":
        if question is not None and asks_span(question):
            return holds_span(text)  # "over what period": a span, not any date
        if question is not None:
            # A year the question names is not the date it asks for: "the Bangladesh Social Security Conference
            # 2026" says which conference, not when ("When will the 2026 conference take place?").
            named = [f for f in question.figures if re.fullmatch(r"(?:19|20)\d\d", f)]
            text = re.sub(rf"\b(?:{'|'.join(named)})\b", " ", normalize_figures(text)) if named else text
        return bool(DATE.search(text))
    if slot == "place":
        return bool(PLACE.search(text))
    if slot in ("number", "amount"):
        # A list item's number ("5) The committee...") and a day of the month are not the quantity asked for.
        text = LABEL_NUMBER.sub(" ", DAY_OF_MONTH.sub(" ", LIST_ITEM.sub("", text)))
        if question is not None and not question.counted:
            # "What was the age limit cut to?" asks for an age: "three programmes" holds a number, not an age; "How
            # much is it in US dollars?" asks for dollars: "Tk.800 per month" does not say.
            for asks, unit in MEASURES:
                if asks.search(question.text) and not unit.search(text):
                    return False
        if slot == "amount":
            return bool(QUANTITY.search(text)) and bool(MONEY.search(text))
        if question is not None and HOW_OFTEN.search(question.text):
            return bool(FREQUENCY.search(text))  # "how often": a frequency, not any number
        if question is not None and asks_span(question):
            return holds_span(text)  # "how long": a span of time, not any number
        return (
            answers_count(question, text) if question is not None and question.counted else bool(QUANTITY.search(text))
        )
    if slot == "title":
        return bool(TITLE.search(text))
    if slot == "reason":
        return bool(REASON.search(text))
    if slot == "definition":
        return bool(DEFINITION.search(text))
    return True


# The kinds of thing asked that a question in everyday words may ask with no word of the sentence holding it
# (Weights.amount_shortlist and the two after it say how far to look).
PLAIN_SLOTS = ("amount", "title", "place")

HOW_OFTEN = re.compile(r"\bhow (?:often|frequently)\b|কতবার|কত দিন পর পর", re.I)
FREQUENCY = re.compile(
    # (a period after "every", "each", "per", "a": "each district" and "multiple times" say nothing of how often)
    r"\b(?:once|twice|thrice|annually|monthly|quarterly|weekly|yearly|fortnightly|daily|bi-?monthly|bi-?annually|"
    r"half-yearly)\b|\b(?:every|each|per|a|an|times? a|times? per|times? in a)\s+(?:\w+\s+)?(?:years?|months?|weeks?|"
    r"days?|quarters?|annum|session)\b|প্রতি\s*(?:\S+\s+)?(?:মাস|বছর|সপ্তাহ|দিন)|মাসিক|বার্ষিক|ত্রৈমাসিক|"
    r"(?:এক|দুই|দু|তিন|চার)বার|নিয়মিত",
    re.I,
)
# "How long" asks for a span of time: so many days or years, a period, a gap, a span between two dates, "since" a
# time. Another number ("eleven KEQs", "39 ministries") says nothing of how long. ("কত বছর বয়সে" asks an age, "কত দিন
# পর পর" how often.)
HOW_LONG = re.compile(r"\bhow long\b|(?:কত|কয়)\s*(?:দিন|মাস|বছর|সপ্তাহ|ঘণ্টা|ঘন্টা|ক্ষণ)(?!\s*(?:পর|বয়স))|মেয়াদ", re.I)
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
DURATION = re.compile(
    r"\b(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|several|"
    r"a few|many|over a|more than a|half a)[\s-]+(?:(?:working|calendar|long)[\s-]+)?"
    r"(?:days?|weeks?|months?|years?|decades?|hours?)\b|"
    r"\b(?:duration|period|gap|span|tenure|term|lasting|long)\b|\b(?:since|until|till|through)\s+\w|"
    # two dates that bound a span: "August 2025 – February 2026", "from 2021 to 2022", "15 March to 07 April 2021"
    rf"\b(?:{_MONTH}\s+)?(?:19|20)\d\d\s*(?:[-–—]|to|until|till)\s*(?:\d{{1,2}}\s+)?(?:{_MONTH}\s+)?(?:19|20)\d\d\b|"
    rf"\b\d{{1,2}}\s+{_MONTH}\s*(?:[-–—]|to|until|till)\s*\d{{1,2}}\s+{_MONTH}|"
    rf"\b{_MONTH}\s*(?:[-–—]|to|until|till)\s*{_MONTH}\s+(?:19|20)\d\d\b|"
    r"(?:দিন|মাস|বছর|সপ্তাহ)(?:ব্যাপী|মেয়াদি|মেয়াদী)?|মেয়াদ|পর্যন্ত|থেকে",
    re.I,
)


# Other ways to ask how long: "over what period", "the project duration", "the timeline". (Not "how many years":
# a count, `question.counted`.)
SPAN_ASKED = re.compile(
    r"\b(?:over|for|during|across)\s+what\s+(?:period|time\s*frame|timeframe|span|time)\b|\bwhat\s+period\b|"
    r"\bduration\b|\btime\s*frame\b|\btimeline\b",
    re.I,
)
# A year range in brackets after a name is the name's own ("Action Plan Phase II (2021–2026)", "NSSS (2015-2025)"):
# it says which plan, not how long what is asked of runs.
NAMED_RANGE = re.compile(r"(?<=[\w)])\s*\(\s*(?:19|20)\d\d\s*[-–—/]\s*(?:19|20)?\d\d\s*\)")


def asks_span(question: Question) -> bool:
    """Tell whether a question asks how long something lasts ("how long", "over what period", "its duration")."""
    if question.counted or question.parts:
        return False
    return bool(HOW_LONG.search(question.text) or SPAN_ASKED.search(question.text))


def holds_span(text: str) -> bool:
    """Tell whether a text gives a span of time, leaving aside the year range a name carries."""
    return bool(DURATION.search(NAMED_RANGE.sub(" ", text)))


# Words that count people, whoever they are: "how many people" is answered by "430,000 recipients".
PEOPLE = frozenset(
    tokenize(
        "people person persons individuals recipients beneficiaries citizens elderly women men children mothers "
        "workers households families students জন মানুষ ব্যক্তি উপকারভোগী ভাতাভোগী"
    )
)

ANYONE = frozenset(tokenize("people persons individuals"))

# A number asked as a measure of something is given in that measure's unit: an age in years, a share in per cent.
MEASURES = (
    (
        # (not the "age" of "old age allowance", which names the programme)
        re.compile(r"(?<!old )(?<!old-)\b(?:age|ages)\b(?!\s*(?:-\s*)?(?:allowance|pension|group))|\bhow old\b", re.I),
        re.compile(
            r"\b\d{1,3}\s*(?:years?|yrs)\b|\baged?\s+(?:of\s+)?(?:above\s+|over\s+)?\d{1,3}\b|year-old|বছর", re.I
        ),
    ),
    (
        re.compile(r"\b(?:percentage|share|proportion)\b|শতাংশ", re.I),
        re.compile(r"%|\bper ?cent\b|শতাংশ", re.I),
    ),
    # A rate of interest or return is a share too: "Tk 500 per month" is no rate of return.
    (
        re.compile(r"\binterest\b|\brates? of return\b|\breturn rate\b|\bprofit rate\b|সুদ|মুনাফার হার", re.I),
        re.compile(r"%|\bper ?cent\b|শতাংশ", re.I),
    ),
    # A sum asked in one currency is given in it: an amount in taka does not say how many dollars.
    (
        re.compile(r"\b(?:us\s*)?dollars?\b|\busd\b|\bus\$|ডলার", re.I),
        re.compile(r"\$|\bdollars?\b|\busd\b|ডলার", re.I),
    ),
    (
        re.compile(r"\b(?:in|how many)\s+taka\b|টাকায়", re.I),
        re.compile(r"\btk\b|\btaka\b|\bbdt|৳|টাকা", re.I),
    ),
)


def answers_count(question: Question, text: str) -> bool:
    """Tell whether a sentence gives a number within a few words of what "how many X" counts."""
    if not QUANTITY.search(text):
        return False
    words = [
        (t, bool(QUANTITY.fullmatch(w) or re.fullmatch(r"\d[\d,.]*", w)), w)
        for w in re.findall(r"[\w.,'’%৳$]+", text)
        for t in (tokenize(w) or [w.lower()])
    ]
    numbers = [i for i, (_, is_number, _) in enumerate(words) if is_number]
    wanted = question.counted
    # "How many people were getting X" counts them under the document's own name for them ("recipients").
    people = PEOPLE if set(wanted) & ANYONE else frozenset()
    # An acronym of what is counted names it too: "eleven KEQs" counts key evaluation questions.
    initials = "".join(t[0] for t in wanted if t[:1].isascii() and t[:1].isalpha())
    targets = [
        i
        for i, (t, _, w) in enumerate(words)
        if t in people
        or any(t == x or (min(len(t), len(x)) >= 6 and t[:6] == x[:6]) for x in wanted)
        or _acronym_of(w, initials)
    ]
    return any(abs(i - j) <= 4 for i in numbers for j in targets)


def _acronym_of(word: str, initials: str) -> bool:
    """Tell whether a word is an acronym ("KEQs") of the words whose first letters these are (key evaluation
    questions), or of the last of them."""
    word = word.rstrip(".,'’")
    letters = word[:-1] if word.endswith("s") else word
    return 2 <= len(letters) <= 6 and letters.isupper() and letters.isascii() and initials.endswith(letters.lower())


# Names of things that exclude each other, English and Bangla, one pattern each: a level of local government; the
# countryside or the towns; the main programmes (a question on the widow allowance is not answered by the old age
# allowance's figure). Each set is read in its order, a match taken out before the next ("mother and child benefit"
# is not also "child benefit"; "উপজেলা" is not also "জেলা").
SIBLINGS = tuple(
    tuple(re.compile(p, re.I) for p in group)
    for group in (
        (r"\bupazilas?\b|\bthanas?\b|উপজেলা", r"\bunions?\b|ইউনিয়ন", r"\bdistricts?\b|\bzilas?\b|জেলা"),
        (r"\brural\b|\bvillages?\b|গ্রাম", r"\burban\b|\bcity\b|\bcities\b|শহর|নগর"),
        (
            r"mother and child benefit|\bmcbp\b|মা ও শিশু সহায়তা|এমসিবিপি",
            r"vulnerable women[’']?s? benefit|\bvwb\b|ভিডব্লিউবি",
            r"vulnerable group development|\bvgd\b|ভিজিডি",
            r"vulnerable group feeding|\bvgf\b|ভিজিএফ",
            r"students? with disabilit\w*|disabled students|প্রতিবন্ধী শিক্ষার্থী",
            r"old[- ]age (?:allowance|pension)|elderly allowance|senior citizens?[’']? allowance|বয়স্ক ?ভাতা",
            r"\bwidow\w*|husband[- ]deserted|বিধবা|স্বামী নিগৃহীতা|স্বামী পরিত্যক্তা",
            r"disability allowance|insolvent disabled|প্রতিবন্ধী ভাতা",
            r"maternity allowance|maternal allowance|\blactating\b|মাতৃত্বকাল|ল্যাকটেটিং|দুগ্ধদানকারী",
            r"child benefit|শিশু ভাতা|শিশু সুবিধা",
            r"\begpp\b|employment generation program(?:me)? for the poorest|ইজিপিপি",
            r"employment injury|\beis\b|কর্মক্ষেত্রে দুর্ঘটনা",
            r"freedom fighters?[’']? (?:honorarium|allowance)|মুক্তিযোদ্ধা সম্মানী",
            r"\bprabashi\b|\bprobash\w*|প্রবাসী স্কিম|প্রবাস স্কিম",
            r"\bpragati\b|\bprogoti\b|প্রগতি স্কিম",
            r"\bsurokkha\b|\bsuraksha\b|সুরক্ষা স্কিম",
            r"\bsamata\b|\bsamota\b|সমতা স্কিম",
        ),
    )
)
RELATIVE_ORDINALS = frozenset(tokenize("latter later next subsequent following final last remaining পরবর্তী শেষ"))
FISCAL_YEAR = re.compile(r"(?:19|20)\d\d-\d\d")
ORDINALS = (
    frozenset({"first", "1st", "প্রথম"}),
    frozenset({"second", "2nd", "দ্বিতী", "দ্বিতীয়"}),
    frozenset({"third", "3rd", "তৃতী", "তৃতীয়"}),
    frozenset({"fourth", "4th", "চতুর্থ"}),
    frozenset({"fifth", "5th", "পঞ্চম"}),
)


def _named(group: tuple[re.Pattern, ...], text: str) -> set[int]:
    """Return which of a set of sibling names a text holds."""
    found = set()
    for i, pattern in enumerate(group):
        text, n = pattern.subn(" ", text)
        if n:
            found.add(i)
    return found


def names_sibling(question: Question, text: str) -> bool:
    """Tell whether a text speaks of a sibling of what the question names, and not of it: the district's committee
    for the upazila's ("How many members sit on the upazila committee?": "a 22-member committee headed by the Deputy
    Commissioners of the respective districts"), the old age allowance for the widow allowance, the first meeting for
    the second ("When was the second meeting held?": "the first meeting ..., held on 31 December 2015"), one fiscal
    year's figure for another's."""
    if question.slot == "any" and (question.yes_no or not question.implied):
        # (a question asking for no kind of thing names a level in passing: "must she still queue at the upazila
        # office?")
        return False
    # A fiscal year is the sibling of another: asked of 2023-24, the quote gives 2022-23's.
    asked_years = {f for f in question.figures if FISCAL_YEAR.fullmatch(f)}
    said_years = {f for f in figures(text) if FISCAL_YEAR.fullmatch(f)}
    if len(asked_years) == 1 and said_years and not asked_years & said_years:
        return True
    asked_text, said_text = unicodedata.normalize("NFC", question.text), unicodedata.normalize("NFC", text)
    for group in SIBLINGS:
        asked, said = _named(group, asked_text), _named(group, said_text)
        if len(asked) == 1 and said and not asked & said:
            return True
    # An ordinal is compared with the word it counts: "the second meeting" and "the first meeting"; unless the text
    # also names one by its place among the others ("the first phase from 2021 to 2022, and the latter phase...").
    asked, said = tokenize(question.text), tokenize(text)
    held = set(said)
    if held & RELATIVE_ORDINALS:
        return False
    for ordinal in ORDINALS:
        nouns = {b for a, b in zip(asked, asked[1:]) if a in ordinal}
        if not nouns or ordinal & held:
            continue
        if any(a in other and b in nouns for other in ORDINALS if other is not ordinal for a, b in zip(said, said[1:])):
            return True
    return False


def figures_present(question: Question, text: str) -> bool:
    """Tell whether every figure the question names (a year, a range, an amount, a day of a month) stands in a
    text as a whole figure ("26" is not found in "126", "26 june" not in "06 June")."""
    near = normalize_figures(text.lower()).replace(",", "")
    near = MONTH_DAY.sub(lambda m: f"{int(m.group(2))} {MONTHS[m.group(1)[:3]]}", near)
    near = SHORT_DAY_MONTH.sub(lambda m: f"{int(m.group(1))} {MONTHS[m.group(2)[:3]]}", near)
    near = DAY_MONTH.sub(lambda m: f"{int(m.group(1))} {m.group(2).lower()}", near)
    return all(re.search(rf"(?<![\d.]){re.escape(f)}(?![\d])", near) for f in question.figures)


# A day of a month written month first or with the month cut short ("Aug 17, 2023", "August 17", "17 Aug") is the
# day the question writes "17 August": both are read as "17 august" (the text is lower case by then).
MONTHS = {
    m[:3]: m for m in "january february march april may june july august september october november december".split()
}
MONTH_DAY = re.compile(
    r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)(?:[a-z]*)\.?\s+(\d{1,2})(?:st|nd|rd|th)?\b(?!\d)"
)
SHORT_DAY_MONTH = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+(jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\b\.?")

Aliases = tuple[tuple[frozenset[str], tuple[str, ...]], ...]  # (terms in one language, the question's terms)


# What says a former name, for a question asking one (Question.former_name, whose words read "formerly called"): a
# text that says the thing was renamed, or was the erstwhile or former one, or evolved into what it is now, holds the
# question's words ("the erstwhile Central Monitoring Committee ... has been reformed and renamed as ...").
FORMER_NAME: Aliases = tuple(
    (frozenset(tokenize(said)), tuple(tokenize(asked)))
    for said, asked in (
        ("renamed", "formerly called"),
        ("erstwhile", "formerly called"),
        ("evolved", "formerly called"),
        ("formerly", "called"),
        ("previous name", "formerly called"),  # "Previous programme name (if any)": a field's label
        ("former name", "formerly called"),
        ("previously called", "formerly"),
        ("originally called", "formerly"),
        ("earlier called", "formerly"),
    )
)


# What says who is eligible, for a question asking it ("Who is eligible?", "Who can sign up?": question.
# EVERYDAY_ELIGIBILITY reads both as "eligible"): the documents set it out as criteria ("Criteria for participation",
# "selection criteria") or say who qualifies or is entitled.
ELIGIBLE = tuple(tokenize("eligible"))
ELIGIBILITY: Aliases = tuple(
    (frozenset(tokenize(said)), ELIGIBLE)
    for said in ("criteria", "criterion", "qualify", "qualifies", "entitled", "entitlement")
)


def asks_eligibility(question: Question) -> bool:
    """Tell whether a question asks who is eligible (its asked words hold "eligible": ELIGIBILITY's words answer)."""
    return set(ELIGIBLE) <= set(question.asked)


def says_former_name(text: str) -> bool:
    """Tell whether a text says a former name (FORMER_NAME): it says something was renamed, or was the erstwhile one."""
    have = set(tokenize(text))
    return any(said <= have for said, _ in FORMER_NAME)


def aliases_of(bridge: list[tuple[str, str]]) -> Aliases:
    """Turn the glossary's pairs for a question (its phrase, the phrase in the other language) into aliases: a text
    that holds every term of the other-language phrase holds the question's phrase."""
    return tuple(
        (frozenset(tokenize(target)), tuple(tokenize(source))) for source, target in bridge if tokenize(target)
    )


def bridge_counted(question: Question, aliases: Aliases, knows: Callable[[str], bool]) -> Question:
    """Give what a Bangla count asks for ("কতজন অংশগ্রহণকারী") its English form from the glossary, so that the quote of
    an English document is checked for a number of participants, not for any number ("the three-day conference").

    A Bangla term the glossary does not bridge but some passage holds (knows) is dropped: the quote may be English, in
    which it cannot be found. One no passage holds stays: what no document names, no number of theirs counts ("কয়টি
    স্টল", stalls). With nothing left, any number answers, as for a count whose thing is not named."""
    if question.language != "bn" or not question.counted:
        return question
    have = set(question.counted)
    kept = [t for t in question.counted if not BANGLA_LETTER.search(t) or not knows(t)]
    for target, source in aliases:
        if source and set(source) <= have:
            kept += [*source, *sorted(target)]
    counted = tuple(dict.fromkeys(kept))
    return question if counted == question.counted else replace(question, counted=counted)


def bridged(have: set[str], aliases: Aliases) -> set[str]:
    """Add to a text's terms the question's terms whose other-language form the text holds."""
    extra = [source for target, source in aliases if target <= have]
    return have.union(*extra) if extra else have


def with_prefixes(have: set[str], terms) -> set[str]:
    """Count a question term as present when a word shares its stem's start (cover ~ coverage)."""
    extra = {t for t in terms if t not in have and len(t) >= 4 and _shares_start(t, have)}
    return have | extra


def related_words(terms, vocabulary: set[str]) -> dict[str, frozenset[str]]:
    """Return, for each term of four letters or more, the words of a vocabulary that with_prefixes would count it
    present for: found once for all the sentences of an answer, not once per sentence."""
    return {
        t: frozenset(w for w in vocabulary if len(w) >= 4 and w != t and (w.startswith(t) or t.startswith(w)))
        for t in terms
        if len(t) >= 4
    }


def with_related(have: set[str], related: dict[str, frozenset[str]]) -> set[str]:
    """Do what with_prefixes does, with the related words found beforehand (related_words)."""
    extra = {t for t, words in related.items() if t not in have and not words.isdisjoint(have)}
    return have | extra if extra else have


def _shares_start(term: str, have: set[str]) -> bool:
    """Tell whether a word of four letters or more starts with the term, or the term starts with such a word."""
    if any(term[:n] in have for n in range(4, len(term))):
        return True  # a shorter word the term starts with (the term itself is not in have)
    return any(w.startswith(term) for w in have if len(w) > len(term))


def is_heading(text: str) -> bool:
    """Tell whether a line is a title or heading rather than a statement ("Chair: Mr X" is a statement)."""
    words = text.split()
    if len(words) >= 20 or ":" in text or re.search(r"[.!?।]$", text):
        return False
    capitalised = sum(w[:1].isupper() or not w[:1].isalpha() for w in words)
    return capitalised >= 0.6 * len(words)


def term_weights(
    question: Question, terms: list[str], token_sets: list[set[str]], idf, w: Weights, translated=frozenset()
) -> dict[str, float]:
    """Weigh each query term: rare in the corpus and rare among the candidate sentences weighs more; a term that
    only translates one of the question's (counted through its alias already) weighs translated_terms as much."""
    n = max(1, len(token_sets))
    own = set(question.terms)
    weights = {}
    for t in terms:
        local = sum(t in ts for ts in token_sets)
        rarity = math.log(1 + n / (1 + local)) / math.log(1 + n) if n > 1 else 1.0
        weights[t] = idf(t) * (0.4 + 0.6 * rarity)
        if t in translated:
            weights[t] *= w.translated_terms
        elif own and t not in own:
            weights[t] *= w.carried_terms
    return weights


def score_sentences(
    question: Question,
    query: str,
    terms: list[str],
    hits: list[Hit],
    idf,
    embed,
    w: Weights,
    aliases: Aliases = (),
    translated=frozenset(),
    judged_on: tuple[float, float, float] | None = None,
) -> list[Pick]:
    """Score every sentence of the passages by how well it answers the question, best first; a term counts as
    found in its other-language form too (aliases), and the terms that only translate the question's weigh little.
    Each pick also carries its score on the sentence weights `judged_on` (`Pick.fitted`; by default w's own)."""
    cands = sentences(hits)
    if not cands:
        return []
    fit_lexical, fit_dense, fit_passage = judged_on or w.sentence
    raw = [bridged(set(tokenize(s.text)), aliases) for s in cands]
    titles = {h.chunk.title: bridged(set(tokenize(h.chunk.title)), aliases) for h in hits}
    related = related_words(terms, set().union(*raw, *titles.values()))
    titles = {title: with_related(have, related) for title, have in titles.items()}
    token_sets = [with_related(have, related) for have in raw]
    weights = term_weights(question, terms, token_sets, idf, w, translated)
    total = sum(weights.values()) or 1.0

    def cover(tokens: set[str]) -> float:
        return sum(wt for t, wt in weights.items() if t in tokens) / total

    # A sentence's topic may be named just before it ("The committee ... its member secretary"): what it covers
    # with the two sentences before it and its document's title counts too, less than what it covers alone.
    context, titled = [], []
    for i, s in enumerate(cands):
        title = titles[s.hit.chunk.title]
        ctx = set(token_sets[i]) | title
        for j in (i - 1, i - 2):
            if j >= 0 and cands[j].hit is s.hit:
                ctx |= token_sets[j]
        context.append(ctx)
        titled.append(title)
    own_cover = np.array([cover(token_sets[i]) for i in range(len(cands))])
    ctx_cover = np.array([cover(context[i]) for i in range(len(cands))])
    # Within a document, the terms its title already names pick out the document, not the sentence: a sentence
    # earns its own share for the question's other terms ("participants" in the workshop's record), so the
    # sentence that restates the title does not win over the one that answers.
    fresh_cover = np.array([cover(token_sets[i] - titled[i]) for i in range(len(cands))])
    own_part = (1 - w.title_share) * own_cover + w.title_share * fresh_cover
    lexical = w.cover_own * own_part + w.cover_context * ctx_cover
    top = max(h.score for h in hits) or 1.0
    passage = np.array([s.hit.score / top for s in cands])
    ranked = np.argsort(-(0.6 * lexical + 0.4 * passage))
    shortlist = ranked[: w.shortlist]
    if question.section and question.asked:
        # A section written as prose ("The conference came up with recommendations that...") is found by the
        # sentences that name it, however little else of the question they hold: they join the shortlist.
        shortlist = _joined(
            shortlist, ranked, cands, _top_docs(hits, 1), lambda i: asked_held(question, cands[i].text), w.section_named
        )
    if question.is_list and not question.section:
        # A list written in one sentence ("The Pragati scheme will be applicable for private job holders, the
        # Surokkha for...") names its items, not the question's words: of the top documents, the best such sentences
        # that hold one of the question's subject words join the shortlist (compose.select quotes one), those naming
        # the plural asked for first ("The Pragati scheme will be..." for "which schemes...").
        subject, head = set(question.subject), set(question.list_head)
        shortlist = _joined(
            shortlist,
            ranked,
            cands,
            _top_docs(hits, w.listing_docs),
            lambda i: bool(token_sets[i] & subject) and enumerates(cands[i].text),
            w.listing_shortlist,
            first=lambda i: bool(token_sets[i] & head),
        )
    if question.slot in PLAIN_SLOTS:
        # A question in everyday words may share no word with the sentence that holds what it asks ("how much does a
        # worker keep in the bank each day?" for "out of the daily rate, BDT25 is retained..."): of the top
        # document, the best sentences that hold the kind of thing asked join the shortlist.
        shortlist = _joined(
            shortlist,
            ranked,
            cands,
            _top_docs(hits, 1),
            lambda i: fills_slot(question.slot, cands[i].text),
            w.amount_shortlist,
        )
    if question.yes_no and question.slot == "any" and not question.is_list:
        # A yes-or-no question is settled by a sentence that denies or limits ("the NSSS does not provide any
        # specific guidelines...", "only 9 percent"), which may hold few of the question's words: of the top
        # documents, the best such sentences that name one of its subject words join the shortlist.
        subject = set(question.subject)
        shortlist = _joined(
            shortlist,
            ranked,
            cands,
            _top_docs(hits, w.yes_no_docs),
            lambda i: bool(token_sets[i] & subject) and bool(STANCE.search(cands[i].text)),
            w.yes_no_shortlist,
        )
    bylined = _bylined_docs(hits, lambda title: cover(titles[title])) if question.author else set()
    if bylined:
        # Who wrote a piece is said by its byline, which holds none of the question's words: it joins the shortlist.
        shortlist = _joined(shortlist, ranked, cands, bylined, lambda i: holds_byline(cands[i]), len(bylined))
    # Only the most promising sentences are embedded (and only their first words): answers stay fast.
    texts = [scored_text(cands[i].text) for i in shortlist]
    vectors = np.array(embed([query] + texts))
    dense = vectors[1:] @ vectors[0]
    query_set = set(terms)
    picks = []
    for j, i in enumerate(shortlist):
        s = cands[i]
        weighed = w.lexical * lexical[i] + w.dense * float(dense[j]) + w.passage * passage[i]
        as_fitted = fit_lexical * lexical[i] + fit_dense * float(dense[j]) + fit_passage * passage[i]
        score = weighed
        if question.slot not in ("any", "list") and fills_slot(question.slot, s.text, question):
            score += w.slot_bonus
        novel = len(token_sets[i] - query_set)
        score += w.novelty * min(novel, 6) / 6
        words = len(s.text.split())
        if words < 6:
            score -= w.short_penalty
        elif words > 80:
            score -= w.long_penalty
        if is_heading(s.text):
            score -= w.heading_penalty
        missing = tuple(t for t in question.terms if t not in context[i])
        fitted = float(score - weighed + as_fitted)  # the same bonuses and penalties, on the fitted weights
        byline = s.hit.chunk.doc_key in bylined and holds_byline(s)
        picks.append(
            Pick(s, float(score), float(ctx_cover[i]), float(own_cover[i]), float(dense[j]), missing, fitted, byline)
        )
    return sorted(picks, key=lambda p: p.score, reverse=True)


# A byline: a line of its own under a piece's title naming who wrote it ("By Dr. Shamsul Alam", "By Arju Afrin Kathy").
BYLINE = re.compile(
    r"^[ \t]*(By)[ \t]+(?:(?:Dr|Mr|Ms|Mrs|Prof|Md)\.?[ \t]+)?[A-Z][\w'’.-]*(?:[ \t]+[A-Z][\w'’.-]*){1,4}[ \t]*$", re.M
)


def holds_byline(s: Sentence) -> bool:
    """Tell whether a sentence holds its document's byline (a line of its own: BYLINE)."""
    text, a, b = s.hit.chunk.text, s.start - s.hit.chunk.start, s.end - s.hit.chunk.start
    return any(a <= m.start(1) < b for m in BYLINE.finditer(text))


def _bylined_docs(hits: list[Hit], cover_title) -> set[str]:
    """Return the documents whose byline answers who wrote the piece asked about: the first document, and the second
    if its title is as much about the question as the first's ("the 2025 article on labour and livelihood
    interventions" ranks a conference report of 2025 first, and the article itself second)."""
    first = {}
    for h in hits:
        first.setdefault(h.chunk.doc_key, h.chunk.title)
    ranked = list(first.items())[:2]
    if not ranked:
        return set()
    top = cover_title(ranked[0][1])
    return {key for n, (key, title) in enumerate(ranked) if n == 0 or cover_title(title) >= top}


def _top_docs(hits: list[Hit], n: int) -> set[str]:
    """Return the first n documents of the hits, in rank order."""
    return set(list(dict.fromkeys(h.chunk.doc_key for h in hits))[:n])


def _joined(shortlist, ranked, cands, docs: set[str], keep, limit: int, first=None):
    """Add to the shortlist at most limit more sentences: the best ranked of the given documents that keep accepts
    (those first accepts before the rest)."""
    listed = set(shortlist.tolist())
    found = [i for i in ranked if i not in listed and cands[i].hit.chunk.doc_key in docs and keep(i)]
    if first is not None:
        found.sort(key=lambda i: not first(i))
    return np.concatenate([shortlist, np.array(found[:limit], dtype=shortlist.dtype)])


# How a text says a sum or a rate in the unit a question asks it in (Question.units): asked "per month", a yearly
# sum does not answer; asked in dollars, a sum in taka does not.
UNIT_SAID = {
    "month": re.compile(r"\bmonth|\bmonthly\b|মাস", re.I),
    "year": re.compile(r"\byear|\bannual|\bFY\b|বছর|বার্ষিক", re.I),
    "percent": re.compile(r"\bper ?cent|%|শতাংশ", re.I),
    "dollar": re.compile(r"\$|\bdollars?\b|\busd\b", re.I),
    "day": re.compile(r"\bday|\bdaily\b|দিন|দৈনিক", re.I),
}


# How a text gives a sum or a rate per the unit asked, as what leads must say it: "Tk 600 a month", "annually", "in
# FY 2022-23"; not a duration or an age ("over the past 20 years", "people over 60 years of age") that UNIT_SAID's
# looser reading lets count as saying the unit.
UNIT_RATE = {
    "month": re.compile(r"\b(?:a|per|each|every)\s+month\b|\bmonthly\b|/\s*month|মাসে|মাসিক|প্রতি মাস", re.I),
    "year": re.compile(
        r"\b(?:a|per|each|every)\s+year\b|\b(?:annual|annually|yearly)\b|/\s*year|\bFY\b|\b(?:financial|fiscal)\s+year\b|"
        r"বছরে|বার্ষিক|প্রতি বছর|অর্থবছর",
        re.I,
    ),
    "percent": UNIT_SAID["percent"],
    "dollar": UNIT_SAID["dollar"],
    "day": re.compile(r"\b(?:a|per|each|every)\s+day\b|\bdaily\b|/\s*day|দৈনিক|প্রতিদিন|দিনে", re.I),
}


def says_rate(question: Question, text: str) -> bool:
    """Tell whether a text gives its sum in every unit the question asks it in (UNIT_RATE); False when none is asked."""
    return bool(question.units) and all(UNIT_RATE[unit].search(text) for unit in question.units)


def unit_missing(question: Question, text: str) -> bool:
    """Tell whether the question asks in a unit (per month, a year, per cent, dollars) the text does not say."""
    return any(not UNIT_SAID[unit].search(text) for unit in question.units)


def lead(question: Question, picks: list[Pick], w: Weights) -> list[Pick]:
    """Put first the best sentence that holds what is asked (a date for "when"; for a question that asks for no
    particular kind of thing, the words naming what is asked: "donors", "constraints"); the others keep their order."""
    if not picks:
        return picks
    bylines = [i for i, p in enumerate(picks) if p.byline]
    if bylines:
        # Who wrote the piece: its byline leads.
        return [picks[bylines[0]]] + picks[: bylines[0]] + picks[bylines[0] + 1 :]
    if question.yes_no and question.slot == "any" and not question.is_list:
        settled = _lead_settling(picks, w)
        if settled is not picks:
            return settled
    if question.slot in ("any", "list"):
        return _lead_by_asked(question, picks, w)
    # Only a sentence about as much about the question as the best one: a date in a sentence on another matter
    # does not answer "when". Of those that hold what is asked, the one that also names what is asked of the
    # subject ("chief guest", "chair") in the same sentence binds the answer to the question: it leads.
    filled = [i for i in _near(picks, w) if fills_slot(question.slot, picks[i].sentence.text, question)]
    if not filled and question.slot in PLAIN_SLOTS:
        # The best sentence restates the subject in the question's words, and the sentence that holds the amount
        # asked says it in the document's own: the best of the same document that holds it leads, if it scores
        # near enough.
        key = picks[0].sentence.hit.chunk.doc_key
        filled = [
            i
            for i, p in enumerate(picks[: w.amount_window])
            if p.sentence.hit.chunk.doc_key == key
            and p.score >= w.amount_floor * picks[0].score
            and fills_slot(question.slot, p.sentence.text, question)
        ][:1]
    if not filled:
        return picks
    # Asked in a unit ("per month"), a sentence of the best one's document that gives the sum in it leads over one
    # that gives another ("a yearly income below Tk 10,000" for the allowance a month): answerability declines a lead
    # that does not say it. (Another document's sentence in the unit is another programme's sum, or another matter's.)
    key = picks[0].sentence.hit.chunk.doc_key

    def says_unit(i: int) -> bool:
        return picks[i].sentence.hit.chunk.doc_key == key and says_rate(question, picks[i].sentence.text)

    best = max(filled, key=lambda i: (says_unit(i), asked_held(question, picks[i].sentence.text), -i))
    return [picks[best]] + picks[:best] + picks[best + 1 :]


# What settles a yes-or-no question: a denial, a limit or a sole case ("does not", "without", "only", "up to"), in
# English and Bangla, or a share ("only 9 percent", "stagnant at 15.05%"); not any figure ("a survey among 200
# households", "held on 23 January 2025" only name the matter).
STANCE = re.compile(
    r"\b(?:no|none|never|neither|nor|without|cannot|solely|exclusively|up to|at most|maximum|limited to|cap(?:ped)?|"
    r"unconditional(?:ly)?)\b|n['’]t\b|"
    # ("not only... but also" denies nothing; "only in recent years" dates, it does not limit)
    r"\bnot\b(?!\s+only\b)|(?<!not )\bonly\b(?!\s+(?:in|since|after|when|recently|then|now|once)\b)|"
    r"(?:^|\s)(?:না|নয়|নেই|নি|শুধু|শুধুমাত্র|কেবল|কেবলমাত্র|সর্বোচ্চ|পর্যন্ত|ছাড়া|বিনা)(?=[\s,।;:]|$)",
    re.I,
)
YEAR_OR_DAY = re.compile(r"(?:19|20)\d\d(?:-\d\d(?:\d\d)?)?|\d{1,2} [a-z]+")
SHARE = re.compile(r"\d(?:[\d.,]*\d)?\s*(?:%|percent\b|per cent\b|শতাংশ)", re.I)


def settles(text: str) -> bool:
    """Tell whether a sentence states what settles a yes-or-no question: a denial, a limit, or a share."""
    return bool(STANCE.search(text.replace("No.", "")) or SHARE.search(normalize_figures(text)))


def _lead_settling(picks: list[Pick], w: Weights) -> list[Pick]:
    """Put first, when the best sentence only names the topic of a yes-or-no question, the first of the next ones
    that settles it, if it is near enough in score and in how much of the question it covers: "while 30 percent of
    rural residents benefit..., the system reaches only 9 percent of the urban population" over "In Bangladesh...
    there are emerging vulnerabilities for the urban poor"."""
    best = picks[0]
    # A best sentence that gives a count, an age or a sum may settle it too ("all women aged 62 or above"): only a
    # plain denial, limit or share is sure enough to lead over it.
    if settles(best.sentence.text) or any(not YEAR_OR_DAY.fullmatch(f) for f in figures(best.sentence.text)):
        return picks
    for i, p in enumerate(picks[1 : w.yes_no_window], start=1):
        near = p.coverage >= w.yes_no_near * best.coverage and p.score >= w.yes_no_floor * best.score
        if near and settles(p.sentence.text):
            return [p] + picks[:i] + picks[i + 1 :]
    return picks


def figures_first(question: Question, picks: list[Pick], w: Weights) -> list[Pick]:
    """Put first, when the leading sentence of a question asking a count or a sum lacks a figure the question names
    ("by 2026", "in FY 2023-24"), the first sentence of its document about as much about the question that names them
    all and holds what is asked: "with an ultimate target to reach 6 million beneficiaries by 2026" over "The
    programme provides monthly benefit of BDT 800". (For the quotes only: whether the passages answer is judged on
    the sentences as `lead` orders them.)"""
    if not picks or question.slot not in ("number", "amount") or not question.figures:
        return picks
    if figures_present(question, picks[0].sentence.text):
        return picks
    # (a sentence of another document naming the year answers of another programme: "covers 1.25 million by 2023-24")
    key = picks[0].sentence.hit.chunk.doc_key
    for i in _near(picks, w)[1:]:
        # (a dateline, "Published : 20 May 2017, 00:24:10", names the year of the page, not the figure asked)
        text = PUBLISHED.sub(" ", picks[i].sentence.text)
        same = picks[i].sentence.hit.chunk.doc_key == key
        if same and figures_present(question, text) and fills_slot(question.slot, text, question):
            return [picks[i]] + picks[:i] + picks[i + 1 :]
    return picks


def asked_held(question: Question, text: str) -> int:
    """Count the terms naming what is asked of the subject ("chief guest", "theme") that a text holds itself."""
    have = with_prefixes(set(tokenize(text)), question.asked)
    return sum(t in have for t in question.asked)


def _near(picks: list[Pick], w: Weights) -> list[int]:
    """Return the places of the first sentences about as much about the question as the best one."""
    return [i for i, p in enumerate(picks[: w.lead_window]) if p.coverage >= w.lead_near * picks[0].coverage]


def _lead_by_asked(question: Question, picks: list[Pick], w: Weights) -> list[Pick]:
    """Put first, of the sentences about as much about the question as the best one, the one that names more of what
    is asked of the subject: a sentence that restates the event or report ("organised a flagship event titled...")
    covers the subject as well as the one that answers ("With support from DFAT..."), but names none of it. A
    section asked for ("What did the workshop recommend?") that none of those names is led by the best sentence of
    the best one's document that names it ("The conference came up with recommendations that...")."""
    if not question.asked:
        return picks
    near = _near(picks, w)
    if question.section and not any(asked_held(question, picks[i].sentence.text) for i in near):
        key = picks[0].sentence.hit.chunk.doc_key
        named = [
            i
            for i, p in enumerate(picks)
            if p.sentence.hit.chunk.doc_key == key and asked_held(question, p.sentence.text)
        ]
        if named:
            return [picks[named[0]]] + picks[: named[0]] + picks[named[0] + 1 :]
    best = max(near, key=lambda i: (asked_held(question, picks[i].sentence.text), -i))
    if asked_held(question, picks[best].sentence.text) <= asked_held(question, picks[0].sentence.text):
        return picks
    return [picks[best]] + picks[:best] + picks[best + 1 :]
