"""The data an answer is made of: citations with exact quotes, the passages considered, the conversation so far."""

from __future__ import annotations

from dataclasses import dataclass, field

from nsss.core.types import Hit

# What an answer's notice says, by its kind (Answer.notice_kind): the CLI prints it, the web app says it in the page's
# language (ui/i18n.py takes its English from here).
NOTICES = {
    "off_subject": "The question does not seem to be about social protection in Bangladesh, which the documents cover.",
    "llm_failed": "The language model did not give a usable answer ({detail}); this is the extractive answer.",
    "llm_trimmed": "{detail} sentence(s) of the language model's answer were left out: the passages do not support them.",
}


@dataclass(frozen=True)
class Citation:
    """Where a statement comes from: the document, its page, and the exact words quoted from it."""

    n: int
    source: str  # path relative to the folder the document was ingested from
    title: str
    page: int | None
    quote: str  # an exact substring of the document's extracted text
    doc_key: str
    start: int  # character offsets of the quote in the document text
    end: int
    page_label: str = ""
    passage: str = ""  # the chunk the quote was found in, for showing it in context
    passage_start: int = 0  # offset of the passage in the document text
    ocr: bool = False  # the quoted page's text was recognised from its image (OCR)
    date: str = ""  # the document's date (ISO, or a year), "" when unknown
    url: str = ""  # where the document was published, "" when unknown
    publisher: str = ""  # who published it, "" when unknown


@dataclass(frozen=True)
class Answer:
    """An answer with its citations, or an abstention with the nearest passages."""

    question: str
    text: str  # the answer, with [n] markers pointing at citations
    abstained: bool
    citations: tuple[Citation, ...]
    retrieved: tuple[Hit, ...]
    timings_ms: dict = field(default_factory=dict)
    mode: str = "extractive"  # or "llm"
    notice: str = ""  # shown to the user, e.g. when the LLM failed and the extractive answer stands in
    # What the notice says, so that a page in another language can say it: "off_subject", "llm_failed" (the extractive
    # answer stands in; notice_detail holds the failure) or "llm_trimmed" (notice_detail: how many sentences left out).
    notice_kind: str = ""
    notice_detail: str = ""
    query: str = ""  # the question as searched (a follow-up is searched within its topic's documents first)
    focus: tuple[str, ...] = ()  # document keys the answer is about: where a follow-up to it is searched
    also: tuple[str, ...] = ()  # documents a follow-up searches next, when those of focus do not answer it
    topic: str = ""  # the words that name what the conversation is about, for a follow-up's wider search
    asked: str = ""  # the words that name what the question asks of its subject ("chief guest")
    followup: bool = False  # read as a follow-up of the previous turn
    signals: dict = field(default_factory=dict)  # the answerability features and probability, for tuning and --json
    # The quotes' glossary terms in the question's language, when they are in the other one: (as quoted, its form in
    # the question's language). A reading aid, not a quote: shown apart from the answer, never cited.
    glossary: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Turn:
    """One question and its answer in a conversation."""

    question: str
    query: str
    answer: str
    sources: tuple[str, ...] = ()  # document keys cited
    focus: tuple[str, ...] = ()  # document keys the turn was about
    topic: str = ""  # the words that named its subject
    asked: str = ""  # the words that named what it asked of the subject ("chief guest")
    also: tuple[str, ...] = ()  # documents searched next when those of focus do not answer a follow-up


@dataclass(frozen=True)
class Conversation:
    """The turns so far, so that follow-up questions can be understood."""

    turns: tuple[Turn, ...] = ()

    def add(self, answer: Answer) -> Conversation:
        """Return the conversation with one more turn."""
        sources = tuple(dict.fromkeys(c.doc_key for c in answer.citations))
        turn = Turn(
            answer.question,
            answer.query or answer.question,
            answer.text,
            sources,
            answer.focus or sources,
            answer.topic,
            answer.asked,
            answer.also,
        )
        return Conversation(self.turns[-7:] + (turn,))
