"""Read a question once: what it asks for (the slot), what defines it (constraint terms), and how it is put."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from nsss.core.text import ACRONYM, BANGLA_END, BANGLA_START, language
from nsss.index.glossary import default_glossary, names_programme
from nsss.index.lexical import tokenize

# Words that say what is asked, not what about: they never count as evidence of an answer.
QUESTION_WORDS = frozenset(
    tokenize(
        "what which who whom whose when where why how many much is are was were does did do the a of name names list "
        "tell give describe explain mean meant stand kind kinds type types about please know",
    )
) | {
    "mani",
    "much",
    "tell",
    "give",
    "name",
    "list",
    "কী",
    "কি",
    "কে",
    "কারা",
    "কোন",
    "কোথায়",
    "কবে",
    "কখন",
    "কত",
    "কেন",
    "কীভাবে",
    "কিভাবে",
    "বলুন",
    "জানতে",
    "চাই",
}
# The Bangla question words as the tokenizer stems them ("কবে" is read as "কব"), so they never count as terms.
QUESTION_WORDS = QUESTION_WORDS | frozenset(
    tokenize("কী কি কে কারা কোন কোথায় কবে কখন কত কতজন কতটি কয়টি কয়জন কেন কীভাবে কিভাবে বলুন জানতে চাই")
)

# Words that name what is asked of an event, a body or a programme, never which one: a question made only of
# these (and question words) has no subject of its own ("Who was the chief guest?").
ATTRIBUTE_WORDS = frozenset(
    tokenize("""
chief guest special guests chair chaired chairs chairperson presided preside president head heads headed lead led
leads venue place held hold location date day time year when organised organized organiser organizer
decided decide decision decisions recommend recommended recommendation recommendations outcome outcomes result
results objective objectives aim aims goal goals purpose challenge challenges member members membership composition
step steps action actions point points participant participants attend attended attendee speaker speakers keynote
presentation presented moderator moderated theme title topic budget amount cost fund funded funding support
supported partner partners role responsibility responsibilities function functions finding findings lesson lessons
key message messages discuss discussed discussion issue issues say said mention mentioned main major number many
meeting meetings workshop workshops event events conference programme program programmes project report plan
session dialogue seminar committee this that these those there it its they them their he she his her same one
also else other next first last new get gets got receive received give gave provide provided do does make made take
took happen happened work worked
""")
) | frozenset(
    tokenize("""
ওই সেই এই সেখানে সভা সভায় কর্মশালা কর্মশালায় অনুষ্ঠান অনুষ্ঠানে হয়েছিল হয়েছে ছিলেন ছিল করেন করেছিলেন করেছেন
সভাপতিত্ব প্রধান অতিথি বিশেষ সিদ্ধান্ত সুপারিশ উদ্দেশ্য সদস্য তিনি তারা তাদের এটি এটা কোথায় কবে কখন
""")
)

# Words that neither name a subject nor say what is asked of it.
GENERIC_WORDS = frozenset(
    tokenize("""
meeting meetings workshop workshops event events conference programme program programmes project report plan session
dialogue seminar committee this that these those there it its they them their he she his her same one also else
other next first last new get gets got give gave do does make made take took happen happened work worked main major
number many say said mention mentioned
""")
) | frozenset(
    tokenize(
        "ওই সেই এই সেখানে সভা সভায় কর্মশালা কর্মশালায় অনুষ্ঠান অনুষ্ঠানে হয়েছিল হয়েছে ছিলেন ছিল করেন "
        "করেছিলেন করেছেন তিনি তারা তাদের এটি এটা"
    )
)

# Bangla words that stand for a thing, a body or people named before, beyond the commonest (WEAK_BACK): "this one",
# "that one", "these", "they", "them", the respectful "he" and "she", and "there", in written forms and as people type
# them in speech and in the regions ("এইটা", "এইডা", "হেইটা", "হেরা", "হেগো", "উনি", "ওইখানে"), and "this way"
# ("এইভাবে", as "this way" of English points back through its "this"). "About this" ("এই
# নিয়া কী কইছেন?", what did he say about this?; "এ বিষয়ে") always points back, as "there" does (STRONG_BACK).
BANGLA_POINTED_THINGS = tuple(
    "এইটা এইটি এইডা এডা ওটা ওটি ওইটা ওইডা ঐটা সেটা সেটি হেইটা হেইডা এগুলো এগুলা ওগুলো ওগুলা সেগুলো সেগুলা হেগুলা "
    "ওখানে ওইখানে হেইখানে হেখানে এইভাবে এভাবে ওইভাবে সেভাবে".split()
)
BANGLA_POINTED_PEOPLE = tuple("এরা এদের ওরা ওদের হেরা হেগো হেগোর তেনারা উনি ওনার উনার ওনারা উনারা ওনাদের উনাদের তেনার তেনি".split())
BANGLA_POINTERS = BANGLA_POINTED_THINGS + BANGLA_POINTED_PEOPLE
# The written pronouns that may also stand for what the question names itself (WEAK_BACK): first those for a thing
# ("এটি", this; "এতে", in it), then those for a person, "of" and "which".
BANGLA_WEAK_THINGS = ("এটি", "এটা", "এতে")
BANGLA_WEAK = (*BANGLA_WEAK_THINGS, "তারা", "তাদের", "এর", "তিনি", "তাঁরা", "তাঁর", "তার", "কোনটি", "কোনটা")

# The case endings a Bangla pointer takes, written and spoken: "এইটার", "এইটারে", "হেইডাতে", "ওইটায়", "এটাকে".
BANGLA_CASE_ENDINGS = "রে|র|তে|য়|কে|ে"

# "there" (held there, decided there; not "is there", "there's no farm work"), "the same" (not "the same amount as X",
# "the same monthly amount from X as from Y": what it is the same as is said in its own clause), "the former" (not
# "the former members"): always point back.
STRONG_BACK = re.compile(
    r"(?<!\bis )(?<!\bare )(?<!\bwas )(?<!\bwere )(?<!'s )\bthere\b(?!\s+(?:is|are|was|were|be|been|has|have|had)\b)"
    # ("There used to be a '100 days' work scheme", "there will be", "there seems to be": a thing said to exist)
    r"(?!\s+(?:used\s+to|will|would|could|should|might|may|must|seems?|seemed|appears?|exists?|existed|remains?)\b)"
    r"(?!['’](?:s|re|ll|d)\b)|"
    r"\bthe same\b(?![^,;:?!.]*?\s+as\b)|\bthe (?:former|latter)(?=\s*(?:[?.,;!]|$))|সেখানে|সেখানকার|ওই|সেই|"
    rf"{BANGLA_START}(?:এই|এ|এটা|এইটা)\s+(?:নিয়ে|নিয়া|ব্যাপারে|বিষয়ে){BANGLA_END}",
    re.I,
)
# "it", "they", "that meeting", "she": point back only when the question names no subject of its own before them
# ("What is the allowance and who gets it?", "the committee that BCC organised" are whole).
WEAK_BACK = re.compile(
    r"\b(?:it|its|they|them|their|this|that|these|those|he|she|his|her|him)\b|"
    # "Which one is for people working abroad?" chooses among what the last answer listed.
    r"\bwhich one\b(?!\s+of\b)|"
    # A Bangla pointer is a whole word, its case ending and "ই", "ও" (only, too) joined: never "তার" of "তারিখে" (on
    # the date) or "ভাতার" (the allowance's), "তিনি" of "প্রতিনিধি", "এটি" of "ডিএফএটি"; nor "এর" joined to a name by a
    # hyphen ("ILO-এর": of the ILO).
    rf"(?<![\u0980-\u09FF-])(?:{'|'.join(BANGLA_WEAK)})(?:{BANGLA_CASE_ENDINGS})?(?:ই|ও)?"
    rf"{BANGLA_END}|"
    # The other Bangla pointers, written and as people type them (BANGLA_POINTERS): "এইটা শুরু হইছিল কবে?" (when did
    # this start?), "হেরা কী কাম করে?" (what do they do?).
    # With the case endings Bangla joins to them: "এইটার" (its), "হেইডাতে" (in it), "ওইটারে" (to it).
    rf"{BANGLA_START}(?:{'|'.join(BANGLA_POINTERS)})(?:{BANGLA_CASE_ENDINGS})?{BANGLA_END}|"
    # "এই" before a noun that is not a time ("এই ভাতায়", this allowance; "এই কামের লাইগা"; not "এই বছর", this
    # year), as "this" before a noun (POINTED_NOUN); "ওই" and "সেই" always point (STRONG_BACK).
    rf"{BANGLA_START}এই\s+(?!(?:বছর|মাস|সময়|দিন|সপ্তাহ|সাল|অর্থবছর|পর্যন্ত|নিয়ে|নিয়া|ব্যাপারে|বিষয়ে)"
    r"[\u0980-\u09FF]*)(?=[\u0980-\u09FF])",
    re.I,
)
CONTINUATION = re.compile(
    r"^\s*(?:and|but|also|so|then|what about|how about|what else|anything else|ok(?:ay)?|and what|and who|and when|"
    r"and where|and how)\b|^\s*(?:আর|এবং|ও)\s",
    re.I,
)
WHAT_ABOUT = re.compile(r"^\s*(?:and\s+)?(?:what|how) about\b|^\s*(?:আর|এবং)\s.*(?:কী|কি)\s*\??$", re.I)

# A question asking for the items under a heading: the section's name, and the stems that name it in a heading.
SECTIONS = {
    "decisions": ("decis", "decid", "resolut", "resolv", "agreed", "সিদ্ধান্ত"),
    "recommendations": ("recommend", "suggest", "way forward", "সুপারিশ", "পরামর্শ"),
    "outcomes": ("outcome", "result", "achiev", "output", "ফলাফল", "অর্জন"),
    "objectives": ("objective", "aim", "goal", "purpose", "উদ্দেশ্য", "লক্ষ্য"),
    "challenges": ("challeng", "constraint", "problem", "gap", "barrier", "issue", "চ্যালেঞ্জ", "সমস্যা"),
    "members": ("member", "composition", "participant", "attend", "সদস্য", "অংশগ্রহণ"),
    "steps": ("step", "action point", "action", "way forward", "next step", "activit", "পদক্ষেপ", "কার্যক্রম"),
    "findings": ("finding", "lesson", "key message", "observation", "conclusion", "ফলাফল"),
    "functions": ("function", "responsibilit", "terms of reference", "tor", "mandate", "role", "দায়িত্ব", "কাজ"),
    "components": ("component", "pillar", "feature", "element", "area", "উপাদান"),
    "eligibility": ("eligib", "criteria", "qualif", "যোগ্যতা"),
}
SECTION_ASKED = re.compile(
    r"\b(decisions|recommendations|outcomes|objectives|aims|goals|challenges|members|membership|participants|steps|"
    r"findings|lessons|functions|responsibilities|components|pillars|action points|key messages|resolutions|"
    r"terms of reference)\b"
    r"|\b(?:what|which) (?:was|were|is|are) (?:the )?(?:main |key |major |specific |principal )?(decision|"
    r"recommendation|outcome|objective|aim|goal|challenge|finding|lesson)\b"
    r"|\bwhat (?:(?:was|were|is|are|has been|have been)\s+|did\s+\w+(?:\s+\w+)?\s+)?(decided|recommended|agreed|"
    r"resolved)\b"
    # "What did they recommend?", "what did the meeting decide": the verb after "did" stands in its base form.
    # (however long its subject, brackets and all: "what did the Dissemination workshop on the Baseline Assessment
    # (October 2022) recommend?")
    # ("What did the workshop end up recommending?": the verb after "end up" stands in its -ing form.)
    r"|\bwhat (?:did|do|does|will|would)\s+(?:[^\s?]+\s+){1,30}?(decide|recommend|agree|resolve)\b"
    r"|\bwhat (?:did|do|does|will|would)\s+(?:[^\s?]+\s+){1,30}?end\s+up\s+(deciding|recommending|agreeing|resolving)\b"
    r"|\bwho (?:participated|attended|took part|were present|are the members|were the members)\b()"
    r"|\bwhat (came) out of\b"
    r"|\b(eligib)(?:le|ility)\b"
    # The same asked in everyday words: what a body is "supposed to do" (its functions), what a study "set out to find"
    # or a plan is "meant to achieve" (its objectives).
    r"|\b(?:supposed|meant|expected|there) to (do)\b"
    r"|\b(?:supposed|meant|expected) to (achieve)\b"
    r"|\b(set out) to (?:find|learn|examine|study|explore|assess|understand|look|achieve|do)\b"
    r"|\b(trying|hoping|seeking) to (?:find|learn|achieve|get out of|understand|work out)\b"
    # (not "সদস্য সচিব", the member secretary: one person, as "member secretary" is in English)
    r"|(সিদ্ধান্ত|সুপারিশ|উদ্দেশ্য|চ্যালেঞ্জ|সদস্য(?![\s-]*সচিব)|পদক্ষেপ|অংশগ্রহণ)",
    re.I,
)
SECTION_OF = {
    "decision": "decisions",
    "decided": "decisions",
    "decide": "decisions",
    "agreed": "decisions",
    "resolved": "decisions",
    "deciding": "decisions",
    "resolving": "decisions",
    "resolve": "decisions",
    "agree": "decisions",
    "resolution": "decisions",
    "recommendation": "recommendations",
    "recommend": "recommendations",
    "recommended": "recommendations",
    "outcome": "outcomes",
    "objective": "objectives",
    "aim": "objectives",
    "goal": "objectives",
    "challenge": "challenges",
    "member": "members",
    "participant": "members",
    "step": "steps",
    "action point": "steps",
    "finding": "findings",
    "lesson": "findings",
    "key message": "findings",
    "function": "functions",
    "responsibilitie": "functions",
    "component": "components",
    "pillar": "components",
    "eligib": "eligibility",
    "do": "functions",  # "what is the committee supposed to do?"
    "achieve": "objectives",
    "set out": "objectives",
    "trying": "objectives",
    "hoping": "objectives",
    "seeking": "objectives",
    "came": "outcomes",  # "what came out of the dialogue?"
    "terms of reference": "functions",
    "membership": "members",
    "aims": "objectives",
    "goals": "objectives",
    "অংশগ্রহণ": "members",
    "সিদ্ধান্ত": "decisions",
    "সুপারিশ": "recommendations",
    "উদ্দেশ্য": "objectives",
    "চ্যালেঞ্জ": "challenges",
    "সদস্য": "members",
    "পদক্ষেপ": "steps",
}

# A former name asked: "called before / at first", "its old name", "used to be called". (English only: a Bangla
# question's words reach the English sentence that answers through the glossary, which "formerly called" would not.)
FORMER_NAME_ASKED = re.compile(
    r"\b(?:called|known as|named)\s+(?:before|earlier|previously|originally|formerly|at first|at the start|"
    r"in the beginning)\b|\b(?:old|previous|former|earlier|original)\s+name\b|\bused to be (?:called|known as|named)\b|"
    r"\b(?:originally|previously|formerly|first) (?:called|known as|named)\b",
    re.I,
)

# Who may take part in a programme, in everyday verbs ("Who can sign up for it?", "Who is allowed to join?", "Who
# qualifies?"): it asks who is eligible, a group, not a named person, and the documents say it as eligibility
# ("Eligible households should have...", "Eligibility criteria"). The verbs name no subject.
EVERYDAY_ELIGIBILITY = re.compile(
    r"\bwho(?:['’]s|\s+is|\s+are)?(?:\s+(?:can|could|may|might|would|will|gets?))?(?:\s+be)?"
    r"(?:\s+(?:allowed|permitted|able))?(?:\s+to)?\s+(?:sign(?:s|ed)?\s+up|join|joins|enrol+s?|register|registers|"
    r"take\s+part|takes\s+part|participate|participates|get\s+(?:onto|into|on)|work\s+on|qualif(?:y|ies))\b",
    re.I,
)

# The same in Bangla: signing up ("নাম লেখাতে", "নাম লেখাইতে"), being eligible ("যোগ্য", "যোগ্যতার") and the
# conditions asked for as a list ("কী কী শর্ত"), read as the English "eligible" (a yes-or-no "বয়সের শর্ত কি
# বদলাইছে?" asks of one condition, not all of them).
BANGLA_ELIGIBILITY = re.compile(
    r"নাম\s*(?:লেখা|লিখা)\S*|(?<!\S)যোগ্য(?:তা\S*)?(?=[\s?।,]|$)|(?:কী কী|কি কি|কোন কোন)\s+(?:\S+\s+)?শর্ত\S*"
)


# A person's own age, said to frame the question ("My aunt is 63. Can she get the old-age allowance?", "I'm 52: am I
# too old to join?", "আমার মায়ের বয়স ৬৩"): the asker's circumstance, not a figure the documents must name (they name
# the ages that qualify: "women aged 62 or above"). It is left out of the question's figures, which a quote or its
# document must hold: "My aunt is 63" names none. Its words stay to be searched: the age may be the one that
# qualifies ("আমার মায়ের বয়স ৬২"). A threshold the question names ("over 50", "৫০-এর বেশি") is asked about, and stays.
# (the people an asker speaks of: relatives, a neighbour, a friend)
RELATIVES = (
    r"mother|mum|mom|mam+a|ma|grandmother|grandma|gran|granny|nani|nanu|dadi|aunt|auntie|aunty|sister|wife|daughter|"
    r"niece|widow|neighbour lady|father|dad|papa|abba|grandfather|grandpa|grandad|granddad|nana|dada|uncle|brother|"
    r"husband|son|nephew|friend|neighbour|neighbor|cousin|relative|parent"
)
OWN_AGE = re.compile(
    rf"\b(?P<who>(?:my|our|his|her|their|a|the)\s+(?:\w+\s+)?(?:{RELATIVES})|she|he|i)"
    r"(?:['’]s|['’]m|\s+(?:is|am|was|turns|turned|will\s+turn|will\s+be|is\s+turning|has\s+turned|just\s+turned))"
    r"(?:\s+(?:now|only|already|just|nearly|almost|about))?\s+\d{2,3}"
    r"(?:\s*(?:years?|yrs?)(?:\s*old)?)?(?!\s*(?:%|per\b|taka|tk\b|years?\s+(?:ago|later|from)))\b",
    re.I,
)
# "আমার মায়ের বয়স ৬৩", "নানির বয়স ৬৩ বছর" (not "বয়স ৫০-এর বেশি", a threshold)
OWN_AGE_BN = re.compile(r"((?:ের|র)\s+বয়স)\s*[০-৯]{2,3}(?:\s*বছর)?(?![^?।,]{0,12}(?:বেশি|উপরে|ঊর্ধ্বে|কম|নিচে|পার))")


def read_age(text: str) -> str:
    """Return a question without a person's own age (OWN_AGE, OWN_AGE_BN): "My aunt is 63" reads "My aunt", "I'm 52"
    reads "I"; "আমার মায়ের বয়স ৬৩" reads "আমার মায়ের বয়স"."""
    return OWN_AGE_BN.sub(r"\1", OWN_AGE.sub(lambda m: m["who"], text))


def added_terms(question: Question) -> list[str]:
    """Return the terms a reading gives a question beyond its own words: those it is read as ("eligible" for "Who can
    sign up?", "formerly called" for "its old name") and a follow-up's topic."""
    own = set(tokenize(question.text))
    return [t for t in question.terms if t not in own]


def read_eligibility(text: str) -> str:
    """Return a question with who may take part said as eligibility (EVERYDAY_ELIGIBILITY, BANGLA_ELIGIBILITY): "Who
    can sign up for it?" reads "who is eligible for it?"; "eligible" once, where two Bangla phrases say it."""
    text = BANGLA_ELIGIBILITY.sub(" eligible ", EVERYDAY_ELIGIBILITY.sub("who is eligible", text))
    return re.sub(r"\b(eligible\b.*?)\s*\beligible\b", r"\1", text)


LIST_START = re.compile(r"^\s*(?:list|name|enumerate|give|mention)\b|কী কী|কোন কোন|কারা|কোনগুলো", re.I)
# (after any preposition: "Into which five clusters...", "Among which groups...", "Through what channels...")
WHAT_WHICH = re.compile(
    r"^\s*(?:(?:in|into|for|from|to|towards?|at|on|onto|by|under|with|within|among|amongst|between|through|across|over|"
    r"of|about|during|after|before|against|beyond|upon|via)\s+)?(?:what|which)\s+(.*)",
    re.I,
)
AUXILIARY = frozenset(
    "is are was were do does did will would can could should shall have has had may might must".split()
)
PLURAL_EXCEPTIONS = frozenset(
    "is was has does this its us bus status process access gas less news series basis "
    "analysis crisis thesis success business progress address class".split()
)
# Verbs a question puts after its subject that end in -s like a plural ("which body coordinates...").
VERBS_IN_S = frozenset(
    """coordinates funds finances pays sponsors supports implements runs manages organises organizes chairs leads
heads covers includes provides gets receives offers oversees monitors says states requires allows targets
recommends suggests proposes identifies describes explains lists mentions shows needs wants aims seeks""".split()
)
YEAR_RANGE = re.compile(r"\b((?:19|20)\d\d)\s*[-–—/]\s*(?:(?:19|20)(\d\d)|(\d\d))\b")
BANGLA_DIGITS = str.maketrans("০১২৩৪৫৬৭৮৯", "0123456789")


@dataclass(frozen=True)
class Part:
    """One of the things a question asks at once: its slot, the terms only it names, or a figure only it names."""

    slot: str
    terms: tuple[str, ...]
    figure: str = ""
    query: str = ""  # the part asked on its own, searched on its own (its answer may be in another document)
    figures: tuple[str, ...] = ()  # the figures only this part names ("day 1"): an answer to it names them too
    # the question's terms in the documents' other language (scoring.Aliases), set once the glossary has read the
    # question: a part asked in Bangla is answered by an English sentence holding them
    aliases: tuple[tuple[frozenset[str], tuple[str, ...]], ...] = ()


@dataclass(frozen=True)
class Question:
    """A question read once; every later step reads this, never the raw text again."""

    text: str
    language: str  # "en" or "bn"
    slot: str  # person, date, place, number, amount, title, organisation, definition, reason, list, any
    terms: tuple[str, ...]  # content terms (search terms less question words)
    subject: tuple[str, ...]  # content terms that name what the question is about (not what it asks of it)
    asked: tuple[str, ...]  # terms that name what is asked of the subject ("chief guest", "theme", "decided")
    list_head: tuple[str, ...]  # the terms of the plural a list question asks for ("method" in "what methods...")
    figures: tuple[str, ...]  # numbers, years and year ranges it names, normalised
    counted: tuple[str, ...]  # for "how many X": the terms of X
    is_list: bool
    compound: bool  # asks two things at once
    section: str  # "decisions", "recommendations"... when it asks for the items under such a heading
    refers_back: bool  # a pronoun or "there" that points at an earlier turn
    continues: bool  # starts like a continuation: "and...", "what about..."
    switches: bool  # "what about X?": the earlier question asked again of another subject
    parts: tuple[Part, ...] = ()  # what a two-part question asks in each part ("how many... and by whom?")
    yes_no: bool = False  # asks whether something holds ("Is there a cap...?", "... কি বাড়ানো হয়েছিল?")
    implied: str = ""  # what its words ask for where the slot says less: "day", "amount", "number", "date" or ""
    units: tuple[str, ...] = ()  # the units it asks a sum or a rate in: "month", "year", "percent", "dollar", "day"
    former_name: bool = False  # asks the name something had before it was renamed ("What was it called before?")
    # asks who wrote a piece ("Who wrote the 2025 article on...?"): its byline answers it (AUTHOR_ASKED)
    author: bool = False
    items: int = 0  # how many things it asks to be named, when it says ("which eight upazilas", "the eleven KEQs")
    # whose name it asks, when it asks a person's name ("the name of the UNDP representative": undp, repres): an
    # office gives none, and the name must stand with these words
    name_of: tuple[str, ...] = ()
    # the terms only the asker's own circumstance names, said before the question ("I run my own little shop. Which
    # one is for me?": run, littl, shop): what the asker is, not what the question is about (CIRCUMSTANCE)
    circumstance: tuple[str, ...] = ()

    @property
    def wants_name(self) -> bool:
        """Tell whether the question asks a person's name, not only who holds an office."""
        return bool(self.name_of)

    @property
    def anchored(self) -> bool:
        """Tell whether the question names its own subject."""
        return bool(self.subject) or bool(self.figures)


# What the asker is writing, said before the question ("For a background note:", "I'm drafting a note on X:"): it
# names no subject of the question, and its words ("background", "note") would choose the sentences that hold them.
WRITING = r"(?:(?:background|briefing|short|news|quick)\s+)?(?:note|notes|story|brief|memo|report|speech|article|presentation)"
PURPOSE = re.compile(
    rf"^(?:(?:for|in)\s+(?:a|an|my|our)\s+{WRITING}|"
    rf"(?:i['’]?m|i am|we['’]re|we are)\s+(?:drafting|writing|preparing|putting together)\s+(?:a|an|my|our|the)\s+{WRITING}|"
    r"(?:a\s+)?(?:different|another|new|quick|one more)\s+question)\b\s*[:,–—-]?\s*",
    re.I,
)


# "Who is in charge of X?" asks who heads it: the documents say "headed by", "chaired by", "presided over" (scoring.
# OFFICES_HELD), and "in charge" drew the sentences that use it of another post ("the ex-officio desk officer in
# charge of social security of each ministry" for the Central Management Committee's chair). Read as "who heads",
# for the terms and for the search. (A ministry in charge of a cluster is its coordinator, scoring.ORG_KINDS: only
# "who" is read so.)
IN_CHARGE = re.compile(
    r"\bwho(?:['’]s|\s+is|\s+was|\s+will be|\s+would be|\s+are|\s+were|\s+has been|\s+had been)\s+"
    r"(?:\w+ly\s+)?(?:put\s+|left\s+)?in charge(?:\s+of)?\b",
    re.I,
)


# "Who opened it?", "Who switched it on?", "Who kicked off the payments?" ask who inaugurated it, as the documents
# say ("Prime Minister's Advisor Salman F Rahman inaugurated the project"): read as "who inaugurated", for the terms
# and for the search, as IN_CHARGE is. Only "who" is read so ("Which schemes did they open?" asks the schemes).
OPENED = re.compile(
    r"\b(who)(\s+(?:actually|first|officially|formally|really)\s+|\s+)"
    r"(?:opened|switched\s+on|turned\s+on|kicked\s+off|started\s+off|"
    r"(?:switched|turned|kicked|started|set|got)\s+(it|that|this|them|these|those)\s+(?:on|off|going|rolling))\b",
    re.I,
)

# "The main talk", "the main speaker", "the principal address" of an event: its keynote, as the documents say ("presented
# the keynote paper", "Keynote speaker Azizul Alam"). Read as "keynote", for the terms and the search. ("The main paper"
# may be a programme's main document: left as asked.)
MAIN_TALK = re.compile(
    r"\b(?:main|principal|key|big)\s+(talk|speech|speeches|speakers?|address|lecture|presentation)\b", re.I
)

# "backed" and "backing" as support ("backed up" too), not "backed out", "backed down" (analyse reads them as "supported").
BACKED = re.compile(r"\b(backed|backing)\b(?!\s+(?:down|out|off|away|into|onto|then)\b)(?:\s+up\b)?", re.I)

# Who wrote a piece asked ("Who wrote the op-ed...?", "whose article", "the author of"): a byline answers it, a line
# naming the writer under the title (scoring.BYLINE), which holds none of the question's words.
AUTHOR_ASKED = re.compile(
    r"\bwho (?:wrote|writes|has written|had written|authored|penned|is the author|was the author|were the authors)\b"
    r"|\b(?:written|authored|penned) by whom\b|\bwhose (?:article|op-?ed|opinion piece|piece|column|essay|paper)\b"
    r"|\b(?:the )?(?:author|authors|writer) of\b|লেখক কে|কে লিখেছেন|কে লেখেন|লিখেছেন কে|কার লেখা",
    re.I,
)
# The kind of piece a "who wrote" names ("the op-ed", "that article"): no sentence of the piece says it of itself.
PIECE = re.compile(r"\b(?:opinion piece|op-?ed|article|piece|column|essay)s?\b", re.I)


def analyse(text: str) -> Question:
    """Read a question: its slot, terms, figures, and whether it leans on an earlier turn. A preamble saying what the
    asker is writing is left out (PURPOSE); what it names after "on" or "about" stays. "Who is in charge of" is read
    as "who heads" (IN_CHARGE), "Who opened it?" as "who inaugurated it" (OPENED), "the main talk" as
    "the keynote" (MAIN_TALK), "backed" as "supported" (BACKED)."""
    text = unicodedata.normalize("NFC", " ".join(text.split()))  # য় typed as one character reads as the index's two
    text = PURPOSE.sub("", text, count=1) or text
    text = IN_CHARGE.sub(lambda m: f"{m.group(0)[:3]} heads", text)  # ("Who"/"who" as written)
    text = MAIN_TALK.sub(lambda m: "keynote" if m.group(1).lower() == "talk" else f"keynote {m.group(1)}", text)
    text = OPENED.sub(lambda m: f"{m.group(1)}{m.group(2)}inaugurated" + (f" {m.group(3)}" if m.group(3) else ""), text)
    # "Who backed the pilot?", "Which donors are backing it?" ask who supports it, as the documents say it ("supported
    # by the Netherlands government"): not "back" of "back then" or "come back".
    text = BACKED.sub(lambda m: {"backed": "supported", "backing": "supporting"}[m.group(1).lower()], text)
    words = re.sub(r"\b(what|who|where|when|how|that|it)['’]s\b", r"\1 is", text, flags=re.I)
    words = read_eligibility(words)
    # "How many took part?" asks how many participated: "part" names no subject.
    words = re.sub(r"\b(?:take|takes|took|taken|taking) part\b", "participated", words, flags=re.I)
    # "What came out of it?" asks for its outcomes (SECTION_ASKED): "came" names no subject (read as one, it left a
    # follow-up with a word no passage of its topic holds). "What recommendations came out of it?" names its section.
    words = re.sub(r"\bwhat (?:came|comes|has come|have come) out of\b", "what outcomes of", words, flags=re.I)
    words = re.sub(r"\b(?:came|come|comes|coming) out of\b", "from", words, flags=re.I)
    # "What did they end up deciding?": "end up" says how it turned out, and names nothing ("end" drew "At the end of
    # the meeting...").
    words = re.sub(r"\b(?:end|ends|ended|ending) up\b", " ", words, flags=re.I)
    # Who wrote a piece: "wrote" and "article" name what is asked and of what kind of text, not its subject; the
    # byline that answers holds neither (nor do the piece's other sentences, mostly).
    author = bool(AUTHOR_ASKED.search(words))
    if author:
        words = PIECE.sub(" ", AUTHOR_ASKED.sub("who", words))
    # "What was it called before?", "its old name", "what was it originally called" ask one thing, a former name:
    # read alike, as "formerly called" (scoring.FORMER_NAME says which words of a text say it).
    former_name = bool(FORMER_NAME_ASKED.search(words))
    words = FORMER_NAME_ASKED.sub(" formerly called ", words)
    terms = tuple(t for t in dict.fromkeys(tokenize(words)) if t not in QUESTION_WORDS and not _lone_sign(t))
    subject = tuple(t for t in terms if t not in ATTRIBUTE_WORDS and t not in SLOT_WORDS)
    # A word that only modifies the noun after it names the subject, not what is asked of it: "action" in "action
    # plan", "point" in "focal point meeting", "age" in "old age allowance" ("chief guest" keeps "guest").
    modifiers = _modifiers(words)
    asked = tuple(
        t for t in terms if (t in ATTRIBUTE_WORDS or t in SLOT_WORDS) and t not in GENERIC_WORDS and t not in modifiers
    )
    main = main_clause(text)
    head = _list_head(main)
    is_list = head is not None
    section = _section(read_eligibility(text))
    # The slot is read from the question proper only when the clause before it would set one itself ("When
    # allowances started going out..., who paid?"): else the whole question reads as it always did.
    slotted = main if main != text and _slot(text[: len(text) - len(main)], False) != "any" else text
    if section and _by_plural_only(text) and _slot(slotted, False) in SPECIFIC_SLOTS:
        # "Is there a body that checks whether the CMC's decisions are carried out? Who runs it?" asks for a body:
        # the section's plural names what the body is about, not what is asked.
        section = ""
    list_head = tuple(tokenize(head or "")) or (_bangla_named_set(text) if is_list else ())
    asked = asked + tuple(t for t in list_head if t not in asked)
    response = RESPONSE_TO.search(text)
    if response:
        # "How did management respond to the recommendation on X?" asks for the response: the recommendation it
        # answers is its subject, and a sentence restating that recommendation does not answer.
        after = set(tokenize(text[response.end() :]))
        asked = RESPONSE_WORDS + tuple(t for t in asked if t not in after and t not in RESPONSE_WORDS)
    slot = _slot(slotted, is_list or bool(section))
    counted = tuple(_counted(text))
    if slot == "any" and counted and BANGLA_COUNT_BARE.search(text):
        slot = "number"  # "কত মানুষ ভাতা পায়?" asks how many people, as "কতজন" does
    lang = language(text)
    if slot == "any" and lang == "bn":
        slot = _bangla_measured(text) or slot
    if slot in ("number", "amount") and list_head and not set(list_head) & SLOT_WORDS and not HOW_MUCH.search(text):
        # "Which population groups...", "what budget items...": the noun that names a figure only modifies the plural
        # asked for; the question asks for the groups, not a number.
        slot = "list"
    return Question(
        text=text,
        language=lang,
        slot=slot,
        terms=terms,
        subject=subject,
        asked=asked,
        list_head=list_head,
        figures=tuple(figures(read_age(text))),  # "My aunt is 63": no figure to be found (OWN_AGE)
        counted=counted,
        is_list=is_list or bool(section),
        compound=_is_compound(text),
        section=section,
        refers_back=_refers_back(text, subject),
        continues=bool(CONTINUATION.search(text)),
        switches=bool(WHAT_ABOUT.search(text)),
        parts=_parts(words, terms),
        yes_no=is_yes_no(text),
        implied=_implied(text, slot),
        units=tuple(unit for unit, asks in UNITS_ASKED.items() if asks.search(text)),
        items=items_asked(text),
        former_name=former_name,
        author=author,
        name_of=_name_of(text),
        circumstance=_circumstance_terms(text, terms),
    )


# The units a sum or a rate is asked in ("per month", "in dollars"); the answerability model checks the quote says
# it in them (scoring.UNIT_SAID).
UNITS_ASKED = {
    # (Bangla words whole: "অর্থবছরে" is "in the fiscal year", not "a year")
    "month": re.compile(rf"\b(?:per|a|each|every) month\b|\bmonthly\b|{BANGLA_START}(?:মাসে|মাসিক)", re.I),
    "year": re.compile(
        rf"\b(?:per|a|each|every) year\b|\b(?:annual|annually|yearly)\b|{BANGLA_START}(?:বছরে|বার্ষিক)", re.I
    ),
    "percent": re.compile(r"\b(?:per ?cent|percentage)\b|%|শতাংশ", re.I),
    "dollar": re.compile(r"\b(?:dollars?|usd|us\$)", re.I),
    # ("The Daily Star", "the Daily Sun report": a newspaper's name, written with capitals, asks no daily rate)
    "day": re.compile(r"\b(?:per|a|each|every) day\b|\b(?!(?-i:Daily\s+[A-Z]))daily\b|দৈনিক|প্রতিদিন", re.I),
}
# A question asking for the date or the day ("On what date...", "কোন তারিখে") asks for a day of a month: a year, a
# month or a weekday ("মঙ্গলবার") says when only roughly, and often of another event.
ASKS_DAY = re.compile(r"\b(?:what|which)\s+(?:exact\s+|precise\s+)?(?:date|dates|day)\b|তারিখ|কোন দিন", re.I)
# The words after "what" up to the first preposition or verb: what a question of no particular slot asks for.
ASKED_PHRASE = re.compile(
    r"^\s*(?:what|which)(?:\s+(?:is|was|are|were|will be|would be))?(?:\s+(?:the|a|an))?\s+"
    r"((?:(?!(?:of|for|in|under|to|do|does|did|is|was|are|were|will|would|has|have|had|at|by|on|from|that|with|"
    r"per|paid|given)\b)[\w'’-]+\s*){1,6})"
)


def _implied(text: str, slot: str) -> str:
    """Return the kind of thing a question asks for when its slot says less: a day of a month for "on what date",
    a sum for "the monthly widow allowance rate" (a question of no particular slot); "" when the slot says it."""
    if slot == "date" and ASKS_DAY.search(text):
        return "day"
    if slot != "any":
        return ""
    text = text.lower()
    # "What is the monthly widow allowance rate in...", "What monthly allowance do...": the words after "what" up to
    # the first preposition or verb name what is asked; the rest names its subject ("What role did she have at the
    # launch of stipend payments?" asks a role, not a sum). A question with no "what" ("EGPP daily wage 2023?") is
    # all asking.
    head = ASKED_PHRASE.match(text)
    asked = head.group(1) if head else text
    return next((kind for kind, words in IMPLIED if words.search(asked)), "")


# A question that opens with its verb asks whether something holds ("Is there a cap...?", "Did the focal points sign
# off...?", "In 2023, was the EGPP budget raised?"); one that asks for something politely does not ("Can you tell me
# what...", "Do you know who...").
YES_NO_START = re.compile(
    r"^\s*(?:(?:and|but|so|also|ok(?:ay)?|then|now)\s*,?\s+)?(?:[^?,;:]{3,60},\s*)?"
    r"(?:is|are|was|were|do|does|did|will|would|can|could|should|shall|has|have|had|may|might|must|"
    r"isn['’]t|aren['’]t|wasn['’]t|weren['’]t|don['’]t|doesn['’]t|didn['’]t|won['’]t|can['’]t|hasn['’]t|haven['’]t)\b",
    re.I,
)
REQUEST = re.compile(
    r"^\s*(?:(?:and|but|so|also|ok(?:ay)?|then|now)\s*,?\s+)?(?:can|could|would|will|do|did)\s+(?:you|u)\s+"
    r"(?:please\s+)?(?:tell|give|list|explain|show|name|describe|help|provide|share|summari[sz]e|remind|suggest|"
    r"find|say|outline|walk|let|know|recommend|point|clarify|recall|remember|mention)\b",
    re.I,
)
# Bangla asks yes or no with the particle "কি" (or "কি না", "নাকি") and no question word ("কী" asks what).
BANGLA_YES_NO = re.compile(r"(?:^|[\s,])(?:কি|নাকি)(?=[\s?।,]|$)")
BANGLA_ASKING = re.compile(
    r"(?:^|[\s,(])(?:কী\S*|কে|কারা|কাদের|কার|কাকে|কোন\S*|কোথায়|কবে|কখন|কত\S*|কয়\S*|কেন|কিভাবে|কেমন)(?=[\s?।,)]|$)"
)


def is_yes_no(text: str) -> bool:
    """Tell whether a question asks whether something holds, rather than for a thing."""
    if BANGLA_YES_NO.search(text):
        return not BANGLA_ASKING.search(re.sub(r"কি\s*না|নাকি", " ", text))
    return bool(YES_NO_START.match(text)) and not REQUEST.match(text)


HOW_MUCH = re.compile(r"\bhow (?:many|much)\b|কত", re.I)

# The verbs that frame a question for a place ("where was it held", "where did it take place").
PLACE_FRAME = frozenset(tokenize("held hold holds take took taken place located situated hosted"))


def framing(slot: str) -> frozenset[str]:
    """Return the words that only frame a question asking for this kind of thing, as its question word does."""
    return PLACE_FRAME if slot == "place" else frozenset()


# A question that asks something: a question word before a verb or a noun it asks about ("who presided", "when were
# they held", "how many members"); "When allowances started going out" and "Apart from rural roads" ask nothing.
ASKS = re.compile(
    r"\b(?:who|whom|whose|what|which|where|why|how)\b|"
    r"\bwhen\s+(?:was|were|did|is|are|will|does|do|has|have|had|would|could|can)\b",
    re.I,
)
# A clause before the question proper, ending in a comma: "Apart from rural roads, what kinds...", "When allowances
# started going out through bKash, who paid the cash-out charge?".
LEADING_CLAUSE = re.compile(r"^([^?,;:]{3,}?),\s*(?=(?:who|whom|whose|what|when|where|which|how|why)\b)", re.I)
# (not a number: "How many members does the committee have?" is answered by its members, whom the reader can count)
SPECIFIC_SLOTS = frozenset({"person", "organisation", "date", "place", "title"})


def main_clause(text: str) -> str:
    """Return a question without a leading clause that asks nothing ("Apart from rural roads, what kinds of public
    works..." is "what kinds of public works..."): the slot and the plural asked for are read from what is left."""
    match = LEADING_CLAUSE.match(text)
    if not match or ASKS.search(match.group(1)):
        return text
    return text[match.end() :]


def _by_plural_only(text: str) -> bool:
    """Tell whether a question names a section only by its plural ("decisions"), with no question word for it."""
    match = SECTION_ASKED.search(text)
    return bool(match and match.group(1))


NOT_NOUN = frozenset(
    "of at in on for by from to that which who whom whose when where why how what is are was were be been do does did "
    "will would can could should has have had and or but the a an this these those its their his her it they with "
    "about under during between after before since per as than into over".split()
)


def _modifiers(text: str) -> set[str]:
    """Return the terms of words directly followed, in the same phrase, by another noun (English noun compounds put
    the head last)."""
    out: set[str] = set()
    for phrase in re.split(r"[,;:?!.()\"“”]", text):
        words = re.findall(r"[A-Za-z][\w'’-]*", phrase)
        for word, following in zip(words, words[1:], strict=False):
            if following.lower() not in NOT_NOUN and word.lower() not in NOT_NOUN:
                out.update(tokenize(word))
    return out


def _lone_sign(term: str) -> bool:
    """Tell a stray Bangla letter or sign (the র of "ILO-র") from a word."""
    return len(term) == 1 and "\u0980" <= term <= "\u09ff"


# The Bangla pointers that stand for a thing, a place or a way, not a person.
BANGLA_THING = re.compile(f"(?:{'|'.join((*BANGLA_WEAK_THINGS, *BANGLA_POINTED_THINGS))})")
# Where a clause ends in a Bangla question: a stop, a danda, a comma, a dash, "এবং" (and), "কিন্তু" (but), or a verb
# of condition, written or as people type it ("মায়েরা উপবৃত্তির টাকা পাইলে সেটা কোথায় তোলে?", if mothers get the
# stipend, where do they draw it?). (By its ending alone a condition is not told from a place: "সালে", "স্কুলে".)
BANGLA_CLAUSE_BREAK = re.compile(
    rf"[,;:.?!।—–]|\s-\s|{BANGLA_START}(?:এবং|কিন্তু|(?:কর|হ|হই|পে|পাই|গে|যাই|দি|দেই|নি|নেই|থাক|চাই|লাগ|"
    rf"বল|কই|আস|আই|দেখ|জান|তুল|ফির|মর|চল|শুরু কর|বন্ধ হ)লে){BANGLA_END}"
)


# The asker's own circumstance, said in a sentence before the question ("I run my own little shop.", "My sister has
# three little ones.", "I'm self-employed."): it says who asks, and a thing the question points at ("Which one is
# for me?", "Would she get it?") is never one of its words. Not what the asker heard or read ("I heard there's a
# pension now."), which names a subject, nor what the asker is writing (PURPOSE).
CIRCUMSTANCE = re.compile(
    r"^\s*(?:I|I['’]m|I am|I['’]ve|I have|We|We['’]re|We are|We['’]ve|We have|My|Our)\b"
    r"(?!\s+(?:also\s+|just\s+|once\s+)?(?:heard|hear|read|saw|see|seen|have\s+heard|have\s+read|was\s+told|were\s+told|"
    r"learned|learnt|noticed|understand|think|thought|know|knew|want|wanted|need|needed|wonder|came\s+across|"
    r"drafting|writing|preparing|working\s+on)\b)"
    r"[^.?!]*[.!]\s+(?=\S)",
    re.I,
)
# The pointers that stand for a thing, never for the asker or a relative ("it", "which one"; not "she", "his").
THING_POINTER = re.compile(r"it|its|they|them|their|these|those|which one", re.I)


def _circumstance_terms(text: str, terms: tuple[str, ...]) -> tuple[str, ...]:
    """Return the terms only the asker's own circumstance names (CIRCUMSTANCE)."""
    said = circumstance_end(text)
    if not said:
        return ()
    own, rest = set(tokenize(text[:said])), set(tokenize(text[said:]))
    return tuple(t for t in terms if t in own and t not in rest)


def circumstance_end(text: str) -> int:
    """Return where the asker's own circumstance said before the question ends (CIRCUMSTANCE), 0 when none is. A
    sentence naming a kind of event, programme or document, or an acronym, is about what the question asks of, not
    about the asker: "I'm briefing on the dissemination workshop on the NSSS Action Plan Phase II. Who was the chief
    guest at its inaugural ceremony?"."""
    found = CIRCUMSTANCE.match(text)
    if not found or re.search(rf"\b(?:{KIND_NOUNS})s?\b", found.group(0), re.I) or ACRONYM.search(found.group(0)):
        return 0
    return found.end()


def _refers_back(text: str, subject: tuple[str, ...]) -> bool:
    # ("When did the GRS Technical Committee first meet, and what did it decide there?": "there" is where the thing the
    # question names by its name met, not a place an earlier turn named.)
    # (What an opening sentence of the question introduces is what a pointer after it stands for: `introduced`.)
    intro = introduced(text)
    strong = next(
        (
            m
            for m in STRONG_BACK.finditer(text)
            if not (intro and m.start() >= intro) and not says_which(text, m, subject)
        ),
        None,
    )
    if (
        strong
        and not (strong.group(0).lower() == "there" and NAMED_BEFORE.search(text[: strong.start()]))
        and not CORRELATIVE.search(text[: strong.start()])
    ):
        return True
    match = next(
        (
            m
            for m in WEAK_BACK.finditer(text)
            if not says_which(text, m, subject) and not (intro and m.start() >= intro)
        ),
        None,
    )
    if not match:
        return False
    said = circumstance_end(text)
    if said:
        # A thing pointed at after the asker's own circumstance is not one of its words ("I run my own little shop.
        # Which one is for me?": not the shop; "My sister has three little ones. Would she get it?": not the ones).
        for m in WEAK_BACK.finditer(text, said):
            thing = THING_POINTER.fullmatch(m.group(0).strip()) and not says_which(text, m, subject)
            if thing and not set(tokenize(text[said : m.start()])) & set(subject):
                return True
    before = {t for t in tokenize(text[: match.start()])}
    pointed = (
        POINTED_NOUN.match(text, match.end())
        if DEMONSTRATIVE.fullmatch(match.group(0)) and NOT_AFTER_NOUN.search(text[: match.start()])
        else None
    )
    if match.group(0).rstrip() == "এই":
        pointed = re.match(r"\s*(\S+)", text[match.end() :])  # "এই কথা" (this statement): its noun
    elif BANGLA_THING.match(match.group(0)):
        # A Bangla word for a thing ("এইটা", "এটাতে", "এভাবে") never stands for a word of its own clause: before it
        # stand what is asked and the clause's subject ("কোন দেশ বা সংস্থা এইটাতে সাহায্য করছে?", which country or body
        # is helping it?). Only a word of an earlier clause can be what it stands for: "শুনলাম অনলাইনে ভাতার আবেদন
        # করা যাবে, এইটা কোন ব্যবস্থা?" (I hear one can apply for the allowance online: what system is this?).
        # (The words for people are read as before: "তাঁর", "তিনি" may stand for a person the question named;
        # "এর" (of) follows a name as its case ending, "NSSS এর লক্ষ্য"; "কোনটি" asks which of what is named before it.)
        cut = [m.end() for m in BANGLA_CLAUSE_BREAK.finditer(text, 0, match.start())]
        before = set(tokenize(text[: cut[-1]])) if cut else set()
    if pointed:
        # "How long does the current phase of that support last?": "that support" points back unless the question
        # named the support before it; the other words before it ("the current phase") are not what it stands for.
        return not set(tokenize(pointed.group(1))) & before
    # "What is the OAA and who gets it?": the pronoun's antecedent stands before it in the question itself.
    return not any(t in before for t in subject)


# Where a sentence of a question ends and another follows, or a clause before a dash ("বিধবা ভাতা আর ভিজিডি মিলিয়ে
# নতুন ভাতা হবে — ওইটা কী?").
SENTENCE_END = re.compile(r"[.?!।](?=\s+\S)|\s[—–-](?=\s+\S)")


def introduced(text: str) -> int:
    """Return where the sentences a question opens with end, when they introduce what it then asks about, 0 when none
    do: they name a programme or benefit of the field (the glossary's), an acronym or a quoted name, or bring in a kind
    of event, body or programme as a new one ("There used to be a '100 days' work scheme for poor villagers. What's it
    called now?", "My gran gets the old age allowance. Can it come to her through bKash?", "সরকার নাকি একটা উপদেষ্টা
    কমিটি বানাইছে? ওইটার প্রধান কে?"). A pointer after them stands for what they name, not for an earlier turn's
    subject. Not the asker's own circumstance alone ("My sister has three little ones. Would she get it?"), nor a
    kind said definitely ("Thanks, the workshop sounds useful. Who chaired it?": which workshop is the turn before's).
    """
    ends = [m.end() for m in SENTENCE_END.finditer(text)]
    if not ends:
        return 0
    opening = text[: ends[-1]]
    if (
        names_programme(opening)
        or ACRONYM.search(opening)
        or re.search(r"['‘\"“][^'’\"”]{3,}['’\"”]", opening)
        or INTRODUCED_KIND.search(opening)
    ):
        return ends[-1]
    return 0


# "this", "that", "these", "those" before a noun say which thing by pointing at it ("that support"); not of a time
# ("this year" is the present one).
DEMONSTRATIVE = re.compile(r"this|that|these|those", re.I)
POINTED_NOUN = re.compile(
    r"\s+(?!(?:is|are|was|were|will|would|can|could|did|does|do|has|have|had|the|a|an|it|they|of|year|years|month|"
    r"months|week|weeks|weekend|time|day|days|fiscal|financial)\b)([a-z][\w'’-]*)",
    re.I,
)
# Where a demonstrative stands that is not a relative "that" after its noun ("the committee that keeps..."): at the
# start, or after a preposition ("of that support", "at that point"); not after a verb's helper, where "that" may
# stand for what the question said before it ("how does that compare with...").
NOT_AFTER_NOUN = re.compile(
    r"(?:^|[,;:]|\b(?:of|in|at|for|on|from|with|by|about|under|during|to|into|after|before|and|or))\s*$",
    re.I,
)
# A proper name, not the question's first word: "the GRS Technical Committee", "Dhaka".
NAMED_BEFORE = re.compile(r"(?<!^)(?<![.?!] )\b[A-Z][\w'’-]*")
# A year or a fiscal year, as `figures` writes one: "2014", "2021-22".
YEAR = re.compile(r"\b(?:19|20)\d\d(?:-\d\d)?\b")
# "that" opening a clause about the noun before it ("the budget that raised the allowance").
RELATIVE_THAT = re.compile(
    r"\b(?:the|a|an|some|any)\s+(?:[\w'’-]+\s+){0,2}(?!(?:by|at|in|for|from|with|to|on|under|of|during|about|after|before)\s)"
    r"[\w'’-]+\s+that$",
    re.I,
)


def says_which(text: str, match: re.Match, subject: Iterable[str]) -> bool:
    """Tell whether a pointer word says itself which thing it means, and so points at no earlier turn: "this" or
    "that" before a name ("What is this 'dynamic social registry'?", "this Mujib Borsho scheme"), or "that" opening a
    clause which names, after its verb, what the noun before it is about ("the budget that raised the old age
    allowance"; "the meeting that followed" names nothing, and does point back). Some stand for nothing at all: "it"
    and "that" of "Is it true that...?" (EXPLETIVE_IT, CONJUNCTION_THAT), and a Bangla pointer after the relative যে,
    whose clause names the thing (CORRELATIVE)."""
    if DEMONSTRATIVE_NAMING.match(text, match.start()) or BANGLA_DEMONSTRATIVE_NAMING.match(text, match.start()):
        return True
    premodified = DEMONSTRATIVE_PREMODIFIED.match(text, match.start())
    if premodified:
        naming = [t for t in tokenize(premodified.group("which")) if t in subject and t not in SAYS_NOT_WHICH]
        if len({t for t in naming if not t.isdigit()}) >= 2:
            return True  # "that national household database": its words say which database
    qualified = DEMONSTRATIVE_QUALIFIED.match(text, match.start())
    if qualified and set(subject) & set(tokenize(TIME_WORDS.sub(" ", qualified.group("which")))):
        return True  # "that online talk about G2P payments": what it is about says which talk
    if EXPLETIVE_IT.match(text, match.start()) or CONJUNCTION_THAT.search(text[: match.end()]):
        return True  # "Is it true that the Cabinet approved...?": "it" and "that" stand for nothing
    if CORRELATIVE.search(text[: match.start()]) and re.match(r"[\u0980-\u09FF]", match.group(0)):
        return True  # "যে ভাতা (...), এর পরিমাণ কত?": the clause opened by যে names what এর means
    if not RELATIVE_THAT.search(text[: match.end()]):
        return False
    clause = text[match.end() :].split()[1:]  # (after its verb: "that raised", "that followed")
    return bool(set(subject) & set(tokenize(" ".join(clause))))


# "it" that stands for the clause after it, not for a thing: "Is it true that...", "is it the case that...".
EXPLETIVE_IT = re.compile(
    r"it\s+(?:(?:is|was|really|also|still|now)\s+)*(?:true|correct|right|accurate|false|wrong|the case|possible|likely|"
    r"fair to say|said|reported|claimed|known)\b",
    re.I,
)
# "that" opening what is said or claimed to be true, not pointing at a thing: "true that", "said that".
CONJUNCTION_THAT = re.compile(
    r"\b(?:true|correct|right|accurate|false|wrong|case|said|say|says|saying|claim|claims|claimed|report|reports|"
    r"reported|state|states|stated|mention|mentions|mentioned|suggest|suggests|suggested|mean|means|heard|read|"
    r"confirm|verify|check)\s+that$",
    re.I,
)
# The Bangla relative "যে" opens a clause that a later "সেখানে", "এর", "তাতে" in the same question points back to
# ("... যে ডেটাবেজ করা হচ্ছে, সেখানে কত পরিবারের তথ্য...?"): the question says itself which thing it means.
CORRELATIVE = re.compile(r"(?:^|\s)যে\s")

# Nouns that name an event, a body, a programme or a document only by its kind: "the project", "the meeting".
KIND_NOUNS = (
    r"meeting|workshop|event|conference|programme|program|project|scheme|report|plan|session|dialogue|seminar|"
    r"committee|cluster|ceremony|launch|study|survey|training|fair|initiative|document|paper|review|pilot|system|"
    r"registry|database|evaluation|assessment"
)
# The same kinds in Bangla ("অনুষ্ঠানটি", "এই কর্মসূচি" point at one; conversation.py).
BANGLA_KINDS = "অনুষ্ঠান|সভা|কর্মশালা|সম্মেলন|প্রকল্প|কর্মসূচি|কমিটি|প্রতিবেদন|পরিকল্পনা|ক্লাস্টার|উদ্যোগ|স্কিম|প্রশিক্ষণ|সংলাপ|মেলা"
# A thing introduced as new: "a" or "one" (Bangla "একটা", "একটি", "এক") before a kind of event, body, programme or
# document, within a few words ("a '100 days' work scheme", "একটা উপদেষ্টা কমিটি").
INTRODUCED_KIND = re.compile(
    rf"\b(?:a|an|one|some)\s+(?:[\w'’‘-]+\s+){{0,4}}?(?:{KIND_NOUNS})s?\b|"
    rf"(?:একটা|একটি|এক)\s+(?:\S+\s+){{0,3}}?(?:{BANGLA_KINDS})",
    re.I,
)
# A Bangla month's name as a word of its own, with a case ending or none: "মে" (May) is also the end of "মাধ্যমে"
# (through), "গ্রামের" (of the village) and "সম্মেলন" (conference), where `\b` does not help (a vowel sign is no
# word character to it).
BANGLA_MONTH = (
    rf"{BANGLA_START}(?:জানুয়ারি|ফেব্রুয়ারি|মার্চ|এপ্রিল|মে|জুন|জুলাই|আগস্ট|সেপ্টেম্বর|অক্টোবর|নভেম্বর|ডিসেম্বর)"
    rf"(?:ের|এর|র|ে|তে|য়ে)?{BANGLA_END}"
)
# A month's name, in English (whole or short) and in Bangla.
MONTH = (
    r"(?:january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|"
    rf"jul|aug|sep|sept|oct|nov|dec|{BANGLA_MONTH})"
)
# "this" or "that" before a quoted term or a proper name.
DEMONSTRATIVE_NAMING = re.compile(r"(?i:this|that|these|those)\s+(?:['‘\"“]|[A-Z](?!\w*['’]s\b))")
# The same in Bangla: a quoted name after "এই", "ওই", "সেই" ("ওই 'স্মার্ট বাংলাদেশ' বাজেটে", that 'Smart Bangladesh'
# budget).
BANGLA_DEMONSTRATIVE_NAMING = re.compile(r"(?:এই|ওই|সেই|উক্ত)\s+['‘\"“]")
# "that" before a kind of event, body, paper or programme and what says which one: its name, what it is about, who
# led it, what it did ("that online discussion called 'Future of G2P'", "that high-level policy dialogue on getting
# ministries to work together", "that cash-for-care scheme for poor pregnant women that began in 2015"). People
# say so of a thing they know from outside the conversation, and the words after it find it. (Not "that meeting in
# June", "that workshop on Tuesday": a time says not which; says_which also asks that the words name a subject.)
TIME_WORDS = re.compile(
    rf"\b(?:{MONTH}|monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|tomorrow|morning|"
    r"afternoon|evening|day|days|week|weeks|month|months|year|years)\b",
    re.I,
)
# "that" before words naming a kind of thing, and the kind: "that national household database", "these safety net
# programmes", "that top-level talk between ministries". Two words of the question's subject before the kind say which
# one, as a name does ("that first meeting", "these social programmes" say not which).
DEMONSTRATIVE_PREMODIFIED = re.compile(
    r"(?i:this|that|these|those)\s+(?P<which>(?:[\w'’-]+\s+){1,4}?)"
    rf"(?i:{KIND_NOUNS}|talk|discussion|story|article|pension|allowance|strategy|fund|policy|speech|campaign|benefit|"
    r"stipend|register|deal|agreement|idea|approach|thing)s?\b"
)
# Words before a kind that say which of a series or which part, or how new, not which thing.
SAYS_NOT_WHICH = frozenset(
    tokenize(
        "new same other whole big small little recent current latest main first second third last final next previous "
        "inaugural opening closing technical plenary entire"
    )
)
DEMONSTRATIVE_QUALIFIED = re.compile(
    r"(?i:this|that|these|those)\s+(?:[\w'’-]+\s+){0,3}?"
    rf"(?i:{KIND_NOUNS}|talk|discussion|story|article|pension|allowance|strategy|fund|policy|speech|campaign|benefit|"
    r"stipend|register|deal|agreement|idea|approach)s?,?\s+"
    r"(?i:called|named|titled|about|on|of|for|that|which|where|led|chaired|organi[sz]ed|held|launched|opened|began|"
    r"started|run|with|between|by|(?=['‘\"“]))\s*(?P<which>[^,;?.!]+)"
)


AMOUNT_NOUNS = (
    r"amount|budget|allocation|allocated|cost|costs|sum|contribution|contributions|premium|salary|wage|wages|"
    r"fee|fees|price|fare|payment|stipend|grant|spending|expenditure|investment|loan|fund size"
)
NUMBER_NOUNS = (
    r"share|percentage|percent|number|proportion|rate|figure|size|coverage|count|ratio|minimum age|"
    r"maximum age|age limit|eligible age|total|population"
)
# A question asking how someone answered something ("respond to", "what did X say about"): the thing answered is
# the subject, the response is what is asked.
RESPONSE_TO = re.compile(
    r"\b(?:respond(?:ed|s)?|responses?|repl(?:y|ied|ies)|react(?:ed|s)?|say|said)\s+(?:to|about|on|regarding)\b", re.I
)
RESPONSE_WORDS = tuple(tokenize("response"))
# Nouns that name the kind of thing asked for ("the monthly contribution", "the theme"): asked, not the subject.
SLOT_WORDS = frozenset(
    tokenize(
        " ".join((AMOUNT_NOUNS + "|" + NUMBER_NOUNS).split("|"))
        + " date day year month time venue place location theme title slogan often"
    )
)
# The words that, where the slot says less, ask for a sum, a count or a date (`_implied`).
IMPLIED = (
    (
        "amount",
        re.compile(
            rf"\b(?:{AMOUNT_NOUNS}|allowance|instalment|installment|benefit|pension|transfer|toll|"
            r"rate|monthly|per month|a month|every month|each month|taka|tk)\b|টাকা|ভাতা|কিস্তি|মাসিক"
        ),
    ),
    ("number", re.compile(rf"\b(?:{NUMBER_NOUNS})\b|\bhow many\b|কত")),
    ("date", re.compile(r"\b(?:date|day|year|month|when)\b|কবে|তারিখ")),
)


# What everyday words ask, where the documents' words would name the slot: a sum in a currency ("what does it come
# to in dollars?", "what is the allowance in taka?"), and the people a programme reaches ("who gets a pension?",
# "who is eligible?": a group, not a named person).
# The nouns that, right after "which" or "what", say what kind of thing is asked.
HEAD_SLOTS = {
    **dict.fromkeys(
        "ministry ministries division divisions agency agencies organisation organization organisations organizations "
        "department departments donor donors bank banks institution institutions company companies ngo ngos".split(),
        "organisation",
    ),
    **dict.fromkeys("district districts upazila upazilas city cities venue country countries".split(), "place"),
    **dict.fromkeys("date day year month".split(), "date"),
}
# A firm asked for, by the word for it after "which" or "what" and a word or two that say which kind ("which research
# firm or institute", "which printing company", "what consulting firm").
FIRM_ASKED = (
    r"\b(?:which|what)\s+(?:[a-z]+\s+){0,2}?(?:firms?|consultants?|consultanc(?:y|ies)|evaluators?|printers?|"
    r"institutes?|(?:printing|consulting|research) (?:company|companies|house|press))\b"
)
EVERYDAY_AMOUNT = (
    r"\bin (?:dollars|us dollars|usd|taka|tk|bdt|euros?)\b|\b(?:what|how much) (?:[\w'-]+\s+){1,6}?"
    r"(?:come to|amount to|add up to|worth)\b"
)
# What is asked, in Bangla as people write and speak it (spoken and regional forms beside the standard ones: "কত
# ট্যাকা", "কেডা", "কুন তারিখে", "কই"). The standard forms the patterns in `_slot` hold are not repeated here.
# (A sum is asked with the money's name: "মাসে কত" alone, how much a month, also asks how fast poverty falls.)
# A noun naming a sum or a count before "কত" (the word, not কতজন): "প্রাক্কলিত ব্যয় কত?", "উপকারভোগীর সংখ্যা কত ছিল?"
# (what was the number of beneficiaries), as "what cost", "what number" in English; and how much is given or paid
# ("মাসে কত কইরা দেয়?", "কত অর্থ বরাদ্দ").
BANGLA_KOTO = r"\s+কত(?![\u0980-\u09FF])"
BANGLA_AMOUNT = (
    r"(?:কত|কয়)\s*(?:লাখ|কোটি|হাজার)?\s*(?:টাকা|ট্যাকা|টেকা)|"
    r"(?:ব্যয়|খরচ|বাজেট|বরাদ্দ|মজুরি|অনুদান|মূল্য|দাম|ফি|বেতন|প্রিমিয়াম|চাঁদা)\S{0,3}" + BANGLA_KOTO + "|"
    r"কত\s+(?:অর্থ|কইরা|করে|দেয়|দিত|দেবে|দিবে|দিব|দিবো|দেওয়া|পায়|পাইত|পেতেন|পান|পাবে|পাইব|পাইবো)(?![\u0980-\u09FF])"
)
BANGLA_NUMBER = (
    r"কয়টা|কতগুলো|কতগুলি|কয়জনকে|কতজনকে|কত বয়স|(?:কত|কয়)\s*(?:লাখ|কোটি|হাজার|ভাগ|পার্সেন্ট|শতাংশ|কপি|নম্বর)|"
    r"(?:সংখ্যা|হার)\S{0,3}" + BANGLA_KOTO
)
BANGLA_DATE = r"কুন তারিখে|কোন তারিখ|কত তারিখে|কুন সালে|কুন বছর|কোন দিন|কুন দিন|কোন সময়ে"
BANGLA_PLACE = (
    r"(?:কোন|কুন) (?:জায়গায়|জায়গাতে|হলে|ভবনে|ভেন্যুতে|শহরে|উপজেলায়|এলাকায়|স্থান)|কোনখানে|কুনখানে|"
    r"(?:^|\s)কই(?:\s|\?|$)|কোথা থেকে|কই থেইকা|কই থেকে"
)
BANGLA_ORGANISATION = (
    r"(?:কোন|কুন) (?:ব্যাংক|দপ্তর|অধিদপ্তর|সংগঠন|কোম্পানি|এনজিও)|"
    # ("কোন মুদ্রণ প্রতিষ্ঠান": which printing firm, a word naming its kind between)
    r"(?:কোন|কুন) \S+ (?:প্রতিষ্ঠান|সংস্থা|কোম্পানি|ব্যাংক|অধিদপ্তর)|"
    r"(?:মন্ত্রণালয়|বিভাগ|সংস্থা|প্রতিষ্ঠান|ব্যাংক|দপ্তর)\S*\s+(?:কোনটি|কোনটা|কুনটা|কোনগুলো)"
)
EVERYDAY_RECIPIENTS = (  # the question proper: "What is X and who gets it?" still asks first what X is
    r"^who (?:actually |really |else |now |currently )?(?:gets?|got|receives?|received|qualif(?:y|ies)|benefits?|"
    r"is entitled|are entitled|is eligible|are eligible|can (?:get|apply|receive|join))\b|"
    # whom a programme is for, or helps, or pays: a group of people too ("Who is Samata meant for?" is answered by
    # "the Samata for low-income people"; "Who did it help?", "Who does the money go to?")
    r"^who (?:is|are|was|were) (?:[\w'’-]+\s+){0,4}?(?:meant|intended|designed|aimed|targeted|there) for\b|"
    r"^who (?:does|did|will|would) (?:it|this|that|they|the [\w'’-]+|[\w'’-]+) (?:help|reach|serve|target)\b|"
    r"^who (?:does|did|will|would|is|was) (?:the |this |that |their |her |his |my )?"
    r"(?:money|cash|allowance|stipend|benefit|payment|transfer|pension)s? (?:go|going|paid|sent) to\b|"
    # (Bangla puts the verb last: "টাকা কে পাবেন — মা না বাবা?", "কারা এই ভাতা পান?")
    r"(?:^|\s)(?:কে|কারা)\s+(?:\S+\s+){0,2}?(?:পাবেন|পাবে|পান|পায়|পেতেন|পেতে পারেন|পাওয়ার যোগ্য|যোগ্য)(?:\s|\?|$)"
)


# A question asking what something is called: its name, which the documents give in quotes or after "titled". The
# question may follow a sentence saying what the asker heard ("I heard the stipend now goes to mothers' phones. What's
# that project called?").
ASKS_NAME = (
    r"(?:^|[.!?]\s+)(?:what|which)\b[^?]*\b(?:called|named|known as|titled)\s*\??$|"
    r"\bwhat (?:is|was|were|are) the (?:name|names)\b(?! of the (?:chair|minister|secretary|director|person|chief|head|"
    r"speaker|author))|নাম (?:কী|কি)|কী নামে|কি নামে"
)

# "What is the name of the UNDP Assistant Resident Representative who attended...?" asks for a person: the noun the
# name is of is one (its modifiers before it, no other noun phrase between: "the name of the project the Prime
# Minister launched" asks the project's).
PERSON_NOUNS = (
    r"chair|chairs|chairperson|chairman|minister|secretary|director|person|people|chief|head|speaker|author|"
    r"representative|officer|official|adviser|advisor|guest|moderator|consultant|expert|economist|leader|governor|"
    r"professor|specialist|man|woman|lady|gentleman|spokesperson|mp|lawmaker|commissioner|presenter|panellist|"
    r"panelist|facilitator"
)
NAME_OF_PERSON_EN = re.compile(
    r"\bnames? of (?:the|a|an|that|this|its|their)\s+"
    r"(?:(?!(?:the|a|an|who|which|that|under|for|to|of|in|at|by|on)\b)[\w'’-]+\s+){0,4}?"
    rf"(?:{PERSON_NOUNS})s?\b(?!['’])",
    re.I,
)
NAME_OF_PERSON = r"(?:সভাপতি|উপদেষ্টা|মন্ত্রী|সচিব|পরিচালক|চেয়ারম্যান|লেখক|অতিথি|প্রধান)\S*\s+(?:\S+\s+)?নাম"


def _name_of(text: str) -> tuple[str, ...]:
    """Return the terms of whose name a question asks ("UNDP Assistant Resident Representative"), () when it asks none."""
    named = NAME_OF_PERSON_EN.search(text) or re.search(NAME_OF_PERSON, text)
    if not named:
        return ()
    words = re.sub(r"^names? of \w+\s+|\s*নাম$", "", named.group(0), flags=re.I)
    return tuple(t for t in tokenize(words) if t not in QUESTION_WORDS)


def _slot(text: str, listing: bool) -> str:
    q = " ".join(text.lower().replace("what's", "what is").replace("who's", "who is").split())
    lead = r"\b(?:what|which)\s+(?:[\w'-]+\s+){0,4}?"
    named = NAME_OF_PERSON_EN.search(q)
    if named:
        # ("the name of": one person, whatever plural follows; "the names of": a list when the question lists)
        return "list" if listing and named.group(0).startswith("names") else "person"
    if re.search(ASKS_NAME, q):
        # (before the amount: "What was the stipend project called?" asks its name, not a sum; "the chair's name", a
        # person)
        return "person" if re.search(NAME_OF_PERSON, q) else "title"
    # "Which bank pays the wages?", "In which year was the budget raised?": the noun right after "which" is what is
    # asked, whatever the words after it name.
    head = re.search(r"\b(?:which|what)\s+([a-z]+)\b(?!['’])", q)
    if re.search(FIRM_ASKED, q):
        return "list" if listing else "organisation"
    if head and head.group(1) in HEAD_SLOTS:
        slot = HEAD_SLOTS[head.group(1)]
        return "list" if listing and slot != "date" else slot
    if re.search(
        r"\bhow much\b|\bat what (?:cost|price)\b|" + lead + rf"(?:{AMOUNT_NOUNS})\b|"
        r"কত টাকা|টাকার পরিমাণ|(?:বরাদ্দ|ভাড়া|খরচ|চাঁদা|ভাতা|পরিমাণ) কত(?!\s*(?:জন|টি|টা|গুলো))|"
        + BANGLA_AMOUNT
        + "|"
        + EVERYDAY_AMOUNT,
        q,
    ):
        return "amount"
    if re.search(
        r"\bhow (?:many|long|old|big|large|often|frequently)\b|" + lead + rf"(?:{NUMBER_NOUNS})\b|"
        r"কতজন|কত জন|কতটি|কত শতাংশ|কয়টি|কয়জন|কত\s*\?|হার কত|" + BANGLA_NUMBER + "|"
        # how long and how often, as in English: "কত দিন চলবে?", "কত বছর বয়সে", "কয় মাস পর পর", "কতবার", "বছরে কয়বার"
        r"(?:কত|কয়)\s*(?:দিন|মাস|বছর|সপ্তাহ|ঘণ্টা|ঘন্টা|বার)",
        q,
    ):
        return "number"
    if re.search(
        r"^(?:when|since when|until when|by when)\b|\bwhen (?:was|were|did|is|will|does|do|are)\b|"
        r"\b(?:in|on|by|from|during|between)? ?(?:what|which) (?:[\w'-]+\s+){0,2}?(?:date|dates|day|year|month|time|"
        r"period|timeframe|time frame)\b|"
        # (a word of its own: "থাকবে", will be, ends in কবে; "কখনো" is "ever")
        rf"{BANGLA_START}(?:কবে|কখন){BANGLA_END}|"
        # ("which year" with any ending or none, as "from which fiscal year" is in English: "কোন অর্থবছর থেকে",
        # "কোন সাল থাইকা", "পয়লা কোন বছর চালু হইছিল")
        r"(?:কোন|কুন)\s+(?:সাল|বছর|অর্থবছর|অর্থ\s+বছর|মাস|তারিখ)(?:ে|ের|টা|টি)?(?=[\s?।,]|$)|কত সালে|" + BANGLA_DATE,
        q,
    ):
        return "date"
    if re.search(
        r"^where\b|\bwhere (?:was|were|is|are|did|will|does|do)\b|"
        + lead
        + r"(?:venue|place|location|city|district|districts|upazila|upazilas|country|countries)\b|"
        r"\bin which (?:city|district|upazila|place|venue|country)\b|কোথায়|কোন জেলায়|কোন স্থানে|" + BANGLA_PLACE,
        q,
    ):
        return "list" if listing else "place"
    if re.search(
        lead + r"(?:theme|title|slogan|motto|name of the (?:event|conference|workshop|programme|project))\b|"
        r"প্রতিপাদ্য|স্লোগান",
        q,
    ):
        return "title"
    # "Who gets a pension?" asks for a group of people ("employees in government service"), not a named person.
    if re.search(EVERYDAY_RECIPIENTS, q) or EVERYDAY_ELIGIBILITY.search(q):
        return "list" if listing else "any"
    # "Who funded / coordinates / organised X?" asks for a body, though it starts like a question about a person.
    if re.search(
        r"\bwho (?:funds|funded|finances|financed|pays|paid|sponsors|sponsored|supports|supported|implements|"
        r"implemented|runs|coordinates|coordinated|manages|organi[sz]ed|organi[sz]es)\b",
        q,
    ):
        return "list" if listing else "organisation"
    if re.search(
        r"^(?:who|whom|whose)\b|\bwho (?:is|was|are|were|chaired|chairs|led|leads|heads|headed|presided|"
        r"inaugurated|spoke|opened|attended|gave|delivered|wrote|authored|presented|moderated|made|"
        r"signed|launched|unveiled)\b|\bname of the (?:chair|minister|secretary|director|person|chief|"
        r"head|speaker|author)|(?:^|\s)(?:কে|কারা|কার|কেডা|কেঠা|কেডায়)(?:\s|\?|$)",
        q,
    ):
        return "list" if listing else "person"
    if re.search(
        r"\b(?:which|what) (?:ministry|ministries|division|divisions|agency|agencies|organi[sz]ation|"
        r"organi[sz]ations|body|bodies|department|departments|partner|partners|office|institution|donor|"
        r"donors|bank|committee|authority|institute|firm|company|ngo)\b|"
        r"কোন মন্ত্রণালয়|কোন বিভাগ|কোন সংস্থা|কোন প্রতিষ্ঠান|" + BANGLA_ORGANISATION,
        q,
    ):
        return "list" if listing else "organisation"
    if re.search(
        r"^why\b|\bwhy (?:is|was|are|were|did|does|do)\b|\bfor what reason\b|\bwhat (?:is|was) the reason\b|"
        r"\bhow come\b|"
        # (a word of its own: "কেন্দ্রীয়", central, holds it)
        rf"{BANGLA_START}(?:কেন|কেনো){BANGLA_END}",
        q,
    ):
        return "reason"
    if listing:
        return "list"
    if re.search(
        r"^what (?:is|are) (?:the |an? )?[\w\s'-]{1,60}\??$|^who (?:is|are) (?:the |an? )?[\w\s'-]{1,60}\??$|"
        r"\bwhat does [\w\s'-]+ (?:stand for|mean)\b|\bdefine\b|\bmeaning of\b|কাকে বলে",
        q,
    ) and not re.search(r"\b(?:of|for|in|by|on|at|to|from|under|did|does)\b", q.split(" ", 2)[-1]):
        return "definition"
    return "any"


def _each(text: str) -> str | None:
    """Return the thing a question asks about one by one ("what's in each part?"), or None; not when it asks for one
    kind of thing of each ("how much does each household get?" asks for an amount)."""
    each = EACH.search(text)
    return each.group(1) if each and each.group(1).lower() not in NOT_EACH and _slot(text, False) == "any" else None


EACH = re.compile(r"\beach\s+([A-Za-z]{3,})\b", re.I)
NOT_EACH = frozenset("one other year month week day time person household beneficiary".split())


def _list_head(text: str) -> str | None:
    """Return the plural a list question asks for ("methods" in "What methods did the study use?"), "" when it asks
    for a list without naming one ("List them"), or None when it is no list question."""
    match = WHAT_WHICH.match(text)
    if not match:
        if STRUCTURE.search(text):
            return "parts"  # "How is the report structured?" asks for its parts, one by one
        if LIST_START.search(text):
            return _named_plural(text)
        if re.search(r"\bwho (?:are|were)\b", text, re.I):
            return ""
        return _each(text)
    # An acronym is no plural ("What does the SSPS programme plan...?"): it stands as a word no plural can match.
    words = ["-" if w.strip("?,.;:'’\"").isupper() else w.lower().strip("?,.;:'’\"") for w in match.group(1).split()]
    had_auxiliary = bool(words) and words[0] in AUXILIARY
    if had_auxiliary:
        words = words[1:]
    for i, word in enumerate(words[:5]):
        if word in AUXILIARY:
            break
        following = words[i + 1] if i + 1 < len(words) else ""
        if (
            i
            and not had_auxiliary
            and following in ("the", "a", "an", "to", "as", "that", "this", "its", "their", "for", "in", "on")
        ):
            break  # "which ministry coordinates the ...": a verb, not a plural noun
        if word in VERBS_IN_S:
            break  # "Which government body coordinates the NSSS?": a verb, not a plural noun
        if word in ("kinds", "types", "sorts") and following == "of":
            # "what kinds of public works...": the plural asked for is what the kinds are of
            kind = []
            for after in words[i + 2 : i + 5]:
                if after in AUXILIARY or after in NOT_NOUN or after in VERBS_IN_S:
                    break
                kind.append(after)
            return " ".join(kind) or word
        if word in ("kinds", "types", "parts", "ways", "sorts") or (
            len(word) > 3
            and word.endswith("s")
            and not word.endswith(("ss", "us", "'s", "’s"))
            and word not in PLURAL_EXCEPTIONS
        ):
            return word
    return "" if LIST_START.search(text) else _each(text)


STRUCTURE = re.compile(
    r"\bhow (?:is|are|was|were) (?:[\w'’-]+\s+){1,10}?(?:structured|organi[sz]ed|divided|arranged|laid out|set out)\b",
    re.I,
)
LIST_VERB = re.compile(r"^\s*(?:list|name|enumerate|give|mention)\s+(.*)", re.I)


def _named_plural(text: str) -> str:
    """Return the plural a list request names ("clusters" in "List the five thematic clusters of the NSSS"), or ""."""
    match = LIST_VERB.match(text)
    words = match.group(1).split() if match else []
    for word in words[:6]:
        if word.strip("?,.;:'’\"").isupper():
            continue  # an acronym is no plural ("NSSS")
        word = word.lower().strip("?,.;:'’\"")
        if word in NOT_NOUN and word not in ("the", "all", "a", "an"):
            break  # "Name the ministry that...", "list of ...": past the noun phrase
        if (
            len(word) > 3
            and word.endswith("s")
            and not word.endswith(("ss", "us", "'s", "’s"))
            and word not in PLURAL_EXCEPTIONS
        ):
            return word
    return ""


def _section(text: str) -> str:
    match = SECTION_ASKED.search(text)
    if not match:
        return ""
    word = next((g for g in match.groups() if g), "member").lower()  # "who participated": the empty group
    for stem, name in SECTION_OF.items():
        if word.startswith(stem):
            return name
    return ""


PREPOSITIONS = (
    "by at in for from with to on under of over during through within since until after before across".split()
)
LINKS = frozenset(["and", "or", *PREPOSITIONS, "আর", "এবং", "ও"])
# Where a question starts asking a second thing: "..., and which phone company...", "... and by whom?".
SECOND_ASK = re.compile(
    rf"\b(?:and|or)\s+(?:(?:{'|'.join(PREPOSITIONS)})\s+)?(?=(?:who|whom|whose|what|when|where|which|how|why)\b)",
    re.I,
)


def _parts(text: str, terms: tuple[str, ...]) -> tuple[Part, ...]:
    """Return what each part of a question asking two things asks: the slot of each, the terms only it names and the
    part as a question of its own; or, when a question names two figures or more ("over 2022-23 and 2023-24"), each
    figure as a part of its own."""
    cuts = sorted([m.end() for m in SECOND_ASK.finditer(text)] + _comma_cuts(text) + _bangla_cuts(text))
    pieces = [text[a:b] for a, b in zip([0, *cuts], [*cuts, len(text)], strict=True)]
    # "And which NGO helped?" asks one thing: a piece with no word but the conjunction is no part.
    pieces = [p for p in pieces if set(re.findall(r"\w+", p.lower())) - LINKS]
    out: list[Part] = []
    if len(pieces) >= 2:
        own = [[t for t in tokenize(piece) if t in terms] for piece in pieces]
        subject = [t for t in terms if t not in ATTRIBUTE_WORDS and t not in SLOT_WORDS]
        for i, piece in enumerate(pieces):
            others = {t for j, o in enumerate(own) if j != i for t in o}
            # "..., and at which event was it unveiled?": the subject named before this part goes with it; not to a
            # part naming its own ("..., and who was chief guest at the 2019 Knowledge Fair?").
            named = [] if _names_own_subject(piece, subject) else [_words_of(p, subject) for p in pieces[:i]]
            if _years(piece):
                # A part naming its own year asks of that year: the years named before it go not with it ("..., and
                # how many took part in fiscal year 2021-22?" after "How many did the EGPP reach in 2014").
                named = [" ".join(w for w in n.split() if not _years(w)) for n in named]
            query = " ".join([_unlinked(piece), *named]).strip()
            named_figures = [
                f for f in figures(piece) if not any(f in figures(p) for j, p in enumerate(pieces) if j != i)
            ]
            out.append(
                Part(
                    _slot(piece.strip(" ,;"), False),
                    tuple(t for t in own[i] if t not in others),
                    query=query,
                    figures=tuple(dict.fromkeys(named_figures)),
                )
            )
    else:
        out += _occasions(text, terms)
    # Years and fiscal years only: "26 June 2022" names one day, not two things.
    found = [f for f in dict.fromkeys(figures(text)) if re.fullmatch(r"(?:19|20)\d\d(?:-\d\d)?", f)]
    if len(found) >= 2:
        out += [Part("any", (), f) for f in found]
    return tuple(out)


SPAN = re.compile(r"\bbetween\b|\bfrom\b[^?]*\b(?:to|till|until)\b|\bsince\b", re.I)

# What a comparison sets side by side is a time or a source: a year ("2014", "FY 2021-22") or a publication or
# occasion ("the World Bank's results note", "the SSPS pages", "socialprotection.org", "the bKash rollout").
ANCHOR = re.compile(
    r"\b(?:19|20)\d\d\b|\bFY\s?\d|\.(?:org|com|gov)\b|\b(?:pages?|notes?|story|stories|reports?|site|website|"
    r"articles?|papers?|study|survey|documents?|brief|factsheet|release|dialogue|workshop|conference|fair|meeting|"
    r"launch|rollout|budget)\b",
    re.I,
)
BETWEEN = re.compile(r"\bbetween\s+(?P<a>[^,;?]+?)\s+and\s+(?P<b>[^,;?]+)", re.I)
FROM_TO = re.compile(r"\bfrom\s+(?P<a>[^,;?]+?)\s+(?:to|till|until)\s+(?P<b>[^,;?]+)", re.I)
COMPARES = re.compile(r"\b(?:compar\w*|differ\w*|agree\w*|versus|vs)\b", re.I)
AGAINST = re.compile(r"\s+(?:compared (?:with|to)|with|to|versus|vs\.?|against|and)\s+(?=[^,;?]*$)", re.I)
LEADS = re.compile(r"\b(?:in|on|of|at|by|for|from)\s+(?=\S)", re.I)
# The words that ask how one side differs from the other: no one side's document says them ("How has X changed",
# "the 2021-22 figure").
CHANGE_WORDS = re.compile(
    r"^\s*how\s+(?:has|have|had|did|does|do|is|was|were)\b|\b(?:chang\w*|mov(?:e|ed|es|ing)|shift\w*|evolv\w*|"
    r"compar\w*|figures?)\b",
    re.I,
)


def _side(rest: str, anchor: str) -> str:
    """Return one side of a comparison as a question of its own: what is compared, at this time or in this source."""
    return " ".join(CHANGE_WORDS.sub(" ", f"{rest} {anchor}").split())


def comparison_sides(text: str) -> list[str]:
    """Return the two sides of a question that sets two times or sources side by side, each as a question of its
    own: the question with only one of them and without the words that ask how they differ ("How has EGPP reach
    changed between the World Bank's 2014 story and FY 2021-22?": "EGPP reach the World Bank's 2014 story", "EGPP
    reach FY 2021-22"); [] for any other question. A figure set against another is often said in two documents, each
    answering one side."""
    text = " ".join(text.split()).rstrip(" ?.!")
    for pattern in (BETWEEN, FROM_TO):
        m = pattern.search(text)
        if m and ANCHOR.search(m["a"]) and ANCHOR.search(m["b"]):
            rest = f"{text[: m.start()]} {text[m.end() :]}"
            return [_side(rest, m[side]) for side in ("a", "b")]
    if not COMPARES.search(text):
        return []
    # "Compare the EGPP's reach in the 2014 note with the 2021-22 figure": the last "with / to / and" before the
    # end joins the second side; the first is the phrase before it that names a time or a source.
    joins = list(AGAINST.finditer(text))
    if not joins:
        return []
    join = joins[-1]
    before, second = text[: join.start()], text[join.end() :]
    if not ANCHOR.search(before) or not ANCHOR.search(second):
        return []
    # ("How does the World Bank's 2014 figure on women's participation compare with the quota on X.org?": no phrase
    # after a preposition names the first side's time or source; the whole first clause is that side)
    leads = [m for m in LEADS.finditer(before) if ANCHOR.search(before[m.end() :])]
    first = COMPARES.sub(" ", before[leads[-1].end() :] if leads else before)
    rest = COMPARES.sub(" ", before[: leads[-1].start()]) if leads else ""
    return [_side(rest, side) for side in (first, second)]


def part_questions(q: Question) -> list[str]:
    """Return each part of a question asking two things as a question of its own: the part's own words with the
    subject named before it; or, for one naming two years ("compare the 2014 figure with 2021-22"), the question with
    only one of them."""
    asked = [p.query for p in q.parts if p.query]
    if len(asked) >= 2:
        return asked
    sides = comparison_sides(q.text)
    if sides:
        return sides
    years = [p.figure for p in q.parts if p.figure]
    if len(years) < 2 or SPAN.search(q.text):
        return []  # ("how much did poverty fall between 2010 and 2022" asks one thing of a span of years)
    # (each year written as the question writes it: "FY 2021-22", "2021–22")
    text = normalize_figures(q.text)
    out = []
    for year in years:
        other = [y for y in years if y != year]
        out.append(" ".join(re.sub(rf"\b{'|'.join(map(re.escape, other))}\b", " ", text).split()))
    return out


# Where a Bangla clause ends and another may begin: a comma (with or without "আর", "এবং", "ও") or "আর" / "এবং".
BANGLA_JOIN = re.compile(r"\s*,\s*(?:(?:আর|এবং|ও)\s+)?|\s+(?:আর|এবং)\s+")


def _bangla_cuts(text: str) -> list[int]:
    """Return where a Bangla question starts asking another thing: after a join, when the words since the last cut
    ask something and the clause after the join asks too ("...কয়টি পেপার তৈরি হয়েছিল, আর খসড়া প্রণয়ন কবে শুরু
    হয়?"). Two subjects of one ask ("কর্মশালা আর ক্লাস্টার সভা কোন সময়ে হয়েছিল?") are no cut: the words before the
    join ask nothing."""
    joins = list(BANGLA_JOIN.finditer(text))
    cuts, start = [], 0
    for i, join in enumerate(joins):
        after = text[join.end() : joins[i + 1].start() if i + 1 < len(joins) else len(text)]
        if BANGLA_ASKING.search(text[start : join.start()]) and BANGLA_ASKING.search(after):
            cuts.append(join.end())
            start = join.end()
    return cuts


COMMA_ASK = re.compile(r",\s*(?=(?:who|whom|whose|what|when|where|which|how|why)\b)", re.I)


def _comma_cuts(text: str) -> list[int]:
    """Return where a question starts asking another thing after a comma, the words before it asking one already and
    an "and who / and which..." closing the list of asks: "When were the meetings held, who presided, and which
    cluster met on day 1?" asks three things ("the minister, who chaired it, said..." is no list of asks)."""
    last = max((m.start() for m in SECOND_ASK.finditer(text)), default=-1)
    cuts, start = [], 0
    for match in COMMA_ASK.finditer(text):
        if match.start() < last and ASKS.search(text[start : match.start()]):
            cuts.append(match.end())
            start = match.end()
    return cuts


# A second occasion the same thing is asked of: "What role did X have at the signing and at the launch?".
SECOND_OCCASION = re.compile(r",?\s+(?:and|or)\s+(?=(?:at|in|during|on)\s+(?:the|a|an|its|his|her|their)\b)", re.I)
FIRST_OCCASION = re.compile(r"\s(?=(?:at|in|during|on)\s+(?:the|a|an|its|his|her|their)\b)", re.I)


# Two subjects the same thing is asked of: "When were the 2021 ministry workshops and the cluster meetings held?".
FIRST_SUBJECT = re.compile(r"\b(?:was|were|is|are|did|do|does)\s+(?=the\s)", re.I)
SECOND_SUBJECT = re.compile(r"\s+and\s+(?=the\s)", re.I)


def _occasions(text: str, terms: tuple[str, ...]) -> list[Part]:
    """Return one part per occasion when a question asks the same thing of two ("at the signing and at the launch"),
    or of two subjects ("when were the workshops and the cluster meetings held?"): each with what is asked of it, to
    be searched and answered on its own."""
    second = SECOND_OCCASION.search(text)
    first = FIRST_OCCASION.search(text, 0, second.start()) if second else None
    head_end = first.start() if first else 0
    if not first:
        second = SECOND_SUBJECT.search(text)
        first = FIRST_SUBJECT.search(text, 0, second.start()) if second else None
        head_end = first.end() if first else 0  # (the verb asks of both: "When were")
    if not first:
        return []
    head, one, two = text[:head_end], text[first.end() : second.start()], text[second.end() :]
    own = [[t for t in tokenize(p) if t in terms] for p in (one, two)]
    if min(len(o) for o in own) < 2:  # "in June and in July" names no occasion of its own
        return []
    slot = _slot(text, False)
    return [
        Part(slot, tuple(t for t in own[i] if t not in own[1 - i]), query=f"{head} {p}".strip(" ,;?"))
        for i, p in enumerate((one, two))
    ]


def _names_own_subject(piece: str, subject: list[str]) -> bool:
    """Tell whether a part of a question names a subject of its own, so that it is asked alone: it holds a name or an
    acronym and two words of the question's subject, and points back at nothing ("and who heads it?" does)."""
    text = _unlinked(piece)
    own = [t for t in dict.fromkeys(tokenize(text)) if t in subject and not figures(t)]
    # (a name not its first word: "the 2019 Knowledge Fair", "the Universal Pension Scheme")
    named = NAMED_BEFORE.search(text.lstrip(" ,;")) or ACRONYM.search(text)
    return bool(named) and len(own) >= 2 and not _refers_back(text, tuple(own))


def _years(text: str) -> list[str]:
    """Return the years and fiscal years a text names ("2014", "2021-22"), not its other figures ("500 taka")."""
    return [f for f in figures(text) if YEAR.fullmatch(f)]


def _unlinked(piece: str) -> str:
    """Return a piece of a question without the conjunction and preposition that join it to the next one."""
    words = piece.strip(" ,;?").split()
    while words and words[-1].lower().strip(",;") in LINKS:
        words.pop()
    return " ".join(words).strip(" ,;?")


def _words_of(text: str, terms: list[str]) -> str:
    """Return the words of a text whose terms are among the given ones, in its order."""
    return " ".join(w for w in re.findall(r"[\w\u0980-\u09FF'’.-]+", text) if set(tokenize(w)) & set(terms))


COUNT_WORDS = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "দুই": 2, "দুটি": 2, "দুটো": 2, "তিন": 3, "তিনটি": 3, "চার": 4, "চারটি": 4,
    "পাঁচ": 5, "পাঁচটি": 5, "ছয়": 6, "ছয়টি": 6, "সাত": 7, "সাতটি": 7, "আট": 8, "আটটি": 8, "আটটা": 8, "দশ": 10,
    "দশটি": 10,
}  # fmt: skip
# A question that asks which of a counted set, or for all of it: "Which eight upazilas...", "What are the eleven key
# evaluation questions", "List the five clusters", "কোন আটটি উপজেলা". The count stands before the plural asked for.
ASKS_ITEMS = re.compile(
    r"^\s*(?:(?:into|in|from|of|to|for|under)\s+)?(?:which|what(?:\s+(?:exactly\s+)?(?:are|were))?|list|name)\s+"
    r"(?:all\s+)?(?:of\s+)?(?:the\s+[\w'’-]+\s+of\s+)?(?:the\s+)?(?P<n>\d{1,2}|[a-z]+)\s+[\w'’-]+|কোন\s+(?P<bn>\S+)",
    re.I,
)

# "আটটি উপজেলার নাম কী?", "যেই আটখান উপজেলা ধরব, ওইগুলার নাম কী?": the names of a counted set, asked in Bangla.
BANGLA_NAMES_ASKED = re.compile(
    rf"{BANGLA_START}(?P<bn>[০-৯\d]{{1,2}}টি|[০-৯\d]{{1,2}}টা|\S+?(?:টি|টা|খান))\s+.{{0,60}}?নাম"
)


def _bangla_named_set(text: str) -> tuple[str, ...]:
    """Return what a Bangla question asks the names of a counted set of ("পাঁচটি থিম্যাটিক ক্লাস্টারের নাম": the
    clusters) as the documents' English search terms, from the glossary: the plural asked for, as "Which five thematic
    clusters...?" gives it, so that the items under the heading naming them answer. () when there is none."""
    m = BANGLA_NAMES_ASKED.search(text)
    if not m:
        return ()
    between = text[m.end("bn") : m.end() - len("নাম")]
    return _english_terms(between)


def items_asked(text: str) -> int:
    """Return how many things a question asks to be named ("Which eight upazilas were chosen?": 8), or 0 when it asks
    for no counted set (or a count too large to be a list: "which 2019 report"): the answer must then name as many
    (or nearly: a count may include an "and others"). In Bangla, the names of a counted set ("আটটি উপজেলার নাম")."""
    # (the question after a preamble that ends in a colon: "For my memo: which eight...")
    m = ASKS_ITEMS.search(text.rsplit(":", 1)[-1] if ":" in text[:80] else text) or BANGLA_NAMES_ASKED.search(text)
    if not m:
        return 0
    word = (m.groupdict().get("n") or m.groupdict().get("bn") or "").lower()
    word = word.translate(BANGLA_DIGITS)
    base = re.sub(r"(?:টি|টা|খান)$", "", word)  # "আটখান", "২৪টি": the number without its classifier
    n = int(base) if base.isdigit() else COUNT_WORDS.get(word, COUNT_WORDS.get(base, 0))
    return n if 2 <= n <= MOST_ITEMS else 0


MOST_ITEMS = 30  # items at most a question can ask to be named; a larger number is a year or a figure


def _is_compound(text: str) -> bool:
    return (
        bool(_comma_cuts(text))
        or bool(_bangla_cuts(text))
        or bool(
            re.search(
                # ("... and say who each one is for": the second question put as a request)
                r"\b(?:and|or)\s+(?:(?:say|tell(?:\s+(?:me|us))?|state|explain)\s+)?"
                rf"(?:(?:{'|'.join(PREPOSITIONS)})\s+)?(?:who|what|when|where|which|how|whom|why|"
                r"is|was|were|did|does)\b|"
                r"\b(?:when|where|who|what)\s+and\s+(?:when|where|who|what|how)\b|এবং .*(?:কী|কে|কবে|কোথায়)",
                text,
                re.I,
            )
        )
    )


# What a count is asked with in Bangla: "কতজন" (how many persons), "কয়টি" (how many things); "জন" counts persons.
BANGLA_COUNT = re.compile(rf"{BANGLA_START}(?:কত|কয়)\s*(জন|টি|টা|গুলো|গুলি)(?:কে|ের|এর|র)?{BANGLA_END}")
# A count word standing before the word it counts, with no classifier ("কত কপি", "কয় জেলায়").
BANGLA_COUNT_BARE = re.compile(rf"{BANGLA_START}(?:কত|কয়)\s+([\u0980-\u09ff]+)")
PEOPLE_WORDS = frozenset(tokenize("people person persons"))
# A verb's noun ("বাড়ানো", raising; "দেওয়া", giving): "টাকা কত বাড়ানো হইছিল?" asks how much, not how many raisings.
BANGLA_VERBAL_NOUN = re.compile(r"(?:ানো|নো|ওয়া|োয়া)$")
# What such a word asks when it is a sum, a share, a size, a time or an age, not a thing counted.
BANGLA_MEASURE_WORDS = frozenset(
    "টাকা টাকার ট্যাকা টেকা শতাংশ শতাংশে পার্সেন্ট ভাগ ভাগে অংশ হার হারে লাখ কোটি হাজার মিলিয়ন ডলার বছর বছরের "
    "বছরে মাস মাসে দিন দিনের সপ্তাহ ঘণ্টা ঘন্টা সময় সাল সালে তারিখ তারিখে বয়স বয়সে মেয়াদ মেয়াদের বরাদ্দ খরচ অর্থ "
    "মজুরি চার্জ দূর দূরে বড়".split()
)
# The words that say how big a count is, or that it is a total, not what is counted ("মোট কত লাখ শ্রমিক").
BANGLA_COUNT_FILLER = frozenset(tokenize("মোট লাখ লক্ষ কোটি হাজার শত"))
# A word that ends as a verb does, as written or as spoken ("হয়েছে", "হইছিল", "দিছে", "পাইবো", "করবেন"), or "for"
# ("লাইগা"), and the words that say when: what follows a count word and is not what it counts.
BANGLA_VERB = re.compile(r"(?:ছে|ছেন|ছিল|ছিলো|ছিলেন|বে|বো|বেন|ইব|লাইগা|লাগি)$")
BANGLA_WHEN = frozenset("এখন এখনো তখন আগে পরে".split())


def _counted_bare(text: str) -> list[str]:
    """Return what a Bangla count word with no classifier counts ("কত কপি ছাপা হয়েছিল?", how many copies): the word
    after it, when the glossary gives that word in English (copies, districts), and it is not a sum, a share or a time
    ("কত টাকা", "কত শতাংশ", "কত দিন") nor a verb's noun ("কত বাড়ানো"). Not people ("কত মানুষ"): "pulled over 4
    million into poverty" counts people without naming them, so any number answers."""
    bare = BANGLA_COUNT_BARE.search(text)
    if not bare or bare.group(1) in BANGLA_MEASURE_WORDS or BANGLA_VERBAL_NOUN.search(bare.group(1)):
        return []
    return tokenize(bare.group(1)) if set(_english_terms(bare.group(1))) - PEOPLE_WORDS else []


# A Bangla noun next to "কত" (before it, or after "কত" or "কয়"), and a count word's spoken classifiers ("কয়ডা",
# "কয়খান": how many). The sums and numbers such a noun names, by its English form: AMOUNT_NOUNS and the currencies,
# NUMBER_NOUNS and an age.
BANGLA_MEASURED = re.compile(
    rf"{BANGLA_START}([\u0980-\u09FF]+)\s+(?:মোট\s+)?কত{BANGLA_END}|{BANGLA_START}(?:কত|কয়)\s+([\u0980-\u09FF]+)"
)
BANGLA_SPOKEN_COUNT = re.compile(rf"{BANGLA_START}(?:কত|কয়)\s*(?:ডা|ডি|খান|খানা){BANGLA_END}")
SUM_WORDS = frozenset(tokenize(f"{AMOUNT_NOUNS.replace('|', ' ')} taka tk bdt"))  # the glossary's currencies
NUMBER_WORDS = frozenset(tokenize(f"{NUMBER_NOUNS.replace('|', ' ')} age"))


def _bangla_measured(text: str) -> str:
    """Return what a Bangla question asks with "কত" when the patterns of `_slot` read nothing: a sum or a number, as
    the English form of the noun next to it says ("টাকা কত বাড়ানো হইছিল?", taka: a sum; "বয়স কত?", an age: a
    number), or a number for a count word in its spoken form ("কয়ডা জেলায়?"); "" when neither."""
    for match in BANGLA_MEASURED.finditer(text):
        english = set(_english_terms(match.group(1) or match.group(2)))
        if english & SUM_WORDS:
            return "amount"
        if english & NUMBER_WORDS:
            return "number"
    return "number" if BANGLA_SPOKEN_COUNT.search(text) else ""


def _english_terms(text: str) -> tuple[str, ...]:
    """Return the English search terms the glossary gives for a Bangla text's terms, in order, each once."""
    return tuple(dict.fromkeys(t for _, english in default_glossary().bridge(text) for t in tokenize(english)))


COUNT_STOPS = frozenset(["of"])  # ("persons with disabilities", "took part in 2021-22": the words after count too)


def _counted(text: str) -> list[str]:
    """Return the terms of what "how many X" counts (up to five words, to an auxiliary verb). In Bangla, the words
    after the count word to the clause's end, or the two before it when none follows ("কতজন অংশগ্রহণকারী", "এজেন্ট
    দেশে মোট কয়জন আছে"), and "people" for "জন" (persons); with no classifier, the word after the count word
    (`_counted_bare`); `Assistant.read` gives them their English forms (`scoring.bridge_counted`)."""
    bangla = BANGLA_COUNT.search(text)
    bare = [] if bangla else _counted_bare(text)
    if bare:
        return bare
    if bangla:
        # (A Bangla noun phrase ends in its noun, "কতটি মূল মূল্যায়ন প্রশ্নের": the words to the clause's end, whose
        # verbs the glossary does not bridge.)
        clause = re.split(r"[,;?।!]", text[bangla.end() :])[0]
        # (The verbs and "now" that may follow are not what is counted: "দেশে পৌরসভা কয়টা হইছে এখন?" counts the
        # municipalities before the count word.)
        clause = " ".join(w for w in clause.split() if not BANGLA_VERB.search(w) and w not in BANGLA_WHEN)
        after = [t for t in tokenize(clause) if t not in BANGLA_COUNT_FILLER]
        before = [t for t in tokenize(text[: bangla.start()]) if t not in BANGLA_COUNT_FILLER][-2:]
        people = tokenize("people") if bangla.group(1) == "জন" else []
        return list(dict.fromkeys(people + (after or before)))
    match = re.search(r"\bhow many\s+((?:[\w'-]+\s+){0,4}[\w'-]+)", text, re.I)
    if not match:
        return []
    words = []
    for word in match.group(1).split():
        # (to "of" too: "how many copies of the NSSS Action Plan" counts copies, and a number near "Action Plan" is
        # no count of them)
        if word.lower() in AUXILIARY or (words and word.lower() in COUNT_STOPS):  # ("how many of them": them)
            break
        words.append(word)
    # A figure is never what is counted ("how many visitors came to the 2018 fair": 2018 says which fair).
    return [t for t in tokenize(" ".join(words)) if t not in QUESTION_WORDS and not t[:1].isdigit()]


def normalize_figures(text: str) -> str:
    """Write year ranges one way (2021-22, 2021–2022 and 2021/22 all become 2021-22), digits in ASCII."""
    return YEAR_RANGE.sub(lambda m: f"{m.group(1)}-{m.group(2) or m.group(3)}", text.translate(BANGLA_DIGITS))


DAY_MONTH = re.compile(
    r"\b(\d{1,2})(?:st|nd|rd|th)?\s+(January|February|March|April|May|June|July|August|September|"
    r"October|November|December)\b",
    re.I,
)


def figures(text: str) -> list[str]:
    """Return the numbers, years, year ranges and days of a month ("26 june") a text names, written as
    normalize_figures writes them."""
    text = normalize_figures(text)
    days = [f"{int(m.group(1))} {m.group(2).lower()}" for m in DAY_MONTH.finditer(text)]
    rest = DAY_MONTH.sub(" ", text)
    return days + [f.lower().replace(",", "") for f in re.findall(r"\d[\d,./-]*\d|\d", rest)]
