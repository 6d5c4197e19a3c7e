"""Answer a question from the documents: read it, retrieve, quote (or ask an LLM and verify), or abstain."""

from __future__ import annotations

import time
import unicodedata
from dataclasses import dataclass, replace

from nsss.assistant import answerability, compose, domain
from nsss.assistant import conversation as talk
from nsss.assistant.question import (
    ATTRIBUTE_WORDS,
    QUESTION_WORDS,
    SLOT_WORDS,
    SPECIFIC_SLOTS,
    Part,
    Question,
    added_terms,
    analyse,
    figures,
    framing,
    part_questions,
)
from nsss.assistant.scoring import (
    ELIGIBILITY,
    FORMER_NAME,
    Pick,
    aliases_of,
    asks_eligibility,
    bridge_counted,
    bridged,
    figures_present,
    fills_slot,
    lead,
    score_sentences,
    with_prefixes,
)
from nsss.assistant.types import NOTICES, Answer, Citation, Conversation
from nsss.assistant.weights import WEIGHTS, Weights
from nsss.core.settings import Settings
from nsss.core.text import ACRONYM
from nsss.core.types import Filters, Hit
from nsss.index import Index, open_index
from nsss.index.everyday import default_everyday
from nsss.index.lexical import tokenize


@dataclass(frozen=True)
class Reading:
    """What the passages say to one question: the chosen quotes, or why there are none."""

    hits: tuple[Hit, ...]
    picks: tuple[Pick, ...]
    spans: tuple[compose.Span, ...]
    section: str  # the heading whose items answer a section question, "" otherwise
    features: dict
    probability: float
    answerable: bool


NAMING_ASKED = ATTRIBUTE_WORDS | SLOT_WORDS


class Assistant:
    """The documents, the model, and (optionally) an LLM: everything needed to answer, loaded once."""

    def __init__(
        self,
        settings: Settings,
        index: Index | None = None,
        use_llm: bool = True,
        weights: Weights = WEIGHTS,
        judged_on: tuple[float, float, float] | None = None,
    ):
        self.settings = settings
        self.weights = weights
        # The sentence weights whether the passages answer is judged on: those the answerability model was fitted
        # with (a refit answers with today's, `eval/fit_answerability.py`).
        self.judged_on = judged_on or answerability.model().lead_weights
        self.index = index or open_index(settings)
        self.llm = None
        if use_llm and settings.llm_url:
            from nsss.assistant.llm import LLMClient

            self.llm = LLMClient(settings)
        self._texts: dict[tuple[str, str], str] = {}  # (document key, sha256) -> text: a changed document misses
        self._vectors: dict[str, list[float]] = {}
        # Questions embed a few short texts: one thread answers them faster than two that fight for the cores.
        self.index.embedder.set_threads(1)
        self.index.embedder.embed(["warm up"])  # the first inference is slow; pay for it before the first question

    def answer(
        self,
        question: str,
        conversation: Conversation | None = None,
        filters: Filters | None = None,
        top_k: int | None = None,
    ) -> Answer:
        """Answer a question with citations, or say that the documents do not answer it."""
        # One spelling of each letter: Bangla keyboards type য়, ড় and ঢ় as one character or as two, and the index
        # and every reading of the question know the two-character form (Unicode NFC).
        question = unicodedata.normalize("NFC", question)
        try:
            return self._answer(question, conversation, filters, top_k)
        except KeyError:
            # A document was removed by another process between the search and the quoting: read the store as it
            # is now and answer again, once.
            self.index.check()
            return self._answer(question, conversation, filters, top_k)

    def _answer(
        self, question: str, conversation: Conversation | None, filters: Filters | None, top_k: int | None
    ) -> Answer:
        started = time.perf_counter()
        # ("And the labour one?" after the clusters: asked of the labour cluster)
        q = analyse(talk.resolve_one(question, conversation))
        if not q.text:
            raise ValueError("the question is empty")
        top_k = max(1, top_k or self.settings.top_k)
        k = max(top_k, self.weights.considered)
        plan = talk.plan(q, conversation, self._findable(q) if conversation and conversation.turns else None)
        # A question asked again of another subject ("And in 2018?") is read as the question it stands for.
        stated = q if plan.query == q.text else analyse(plan.query)
        reading = None
        focus = _within(plan.focus, filters)
        if focus is not None:
            # Within the topic's documents the words that point back stand for the topic: the answer need not hold
            # those the documents do not use ("moderated the function" answers "অনুষ্ঠানটি কে সঞ্চালনা করেন?").
            found = self.index.search(plan.query, k=k, filters=focus)
            used = set(tokenize(" ".join(h.chunk.text for h in found)))
            # So do the words of the asker's own circumstance ("I run my own little shop. Which one is for me?").
            unheld = (*plan.pointers, *q.circumstance)
            own = replace(q, terms=tuple(t for t in q.terms if t not in unheld or t in used))
            # A follow-up asking two things ("How big is the pilot, and who is steering it?") is answered part by part
            # within the topic's documents, as a question asked alone is answered part by part everywhere.
            reading = self._answer_parts(own, self.read(own, found, plan.query), focus, k)
            nearby = _within(plan.focus + plan.also, filters) if plan.also else None
            if not reading.answerable and nearby is not None:
                # Not in the documents the answer cited: the one the search ranked first may hold it.
                reading = self.read(own, self.index.search(plan.query, k=k, filters=nearby), plan.query)
            within = reading.answerable  # answered inside the topic's documents
            # A lead inside the topic that holds none of the question's words ("Who inaugurated it?" answered with the
            # page's chief guest) is weighed against the wider search, as a declined one is: the report that says
            # "inaugurated" may stand outside the topic's documents. The wider answer is taken when it answers.
            # An answer inside the topic is weighed against the wider one too: another report of the event may
            # answer it more surely (`_surer_elsewhere`).
            # (The items under the heading a section question names hold its words in their heading: "The outcomes of
            # the dialogue included:" for "What came out of that meeting?".)
            blind = (
                reading.answerable
                and bool(own.terms)
                and not reading.section
                and reading.features.get("window_cover", 1.0) <= 0
            )
            wider = self._wider(q, plan, used, filters, k, rescue=not reading.answerable)
            if not reading.answerable or (wider.answerable and (blind or self._surer_elsewhere(wider, reading, plan))):
                reading, within = wider, False
        else:
            within = False
        if reading is None:
            reading = self.read(stated, self.index.search(plan.query, k=k, filters=filters), plan.query)
            reading = self._answer_parts(stated, reading, filters, k)
            stays = self._stays_on_topic(q, plan, reading, conversation, filters, k)
            if stays is not None:
                reading, within = stays, True
        # A question on another subject than the documents' is declined however well a sentence shares its words
        # ("the capital of Australia": "human capital"), with a notice saying why. Not asked of a follow-up (it is
        # about what the conversation is about), nor of what the evidence answers as surely as the answerability
        # model must be sure to decline (1 - its threshold): a store may hold documents on subjects the subject
        # model never saw.
        open_to_doubt = reading.probability < 1 - answerability.model().threshold_for(reading.features)
        off, p_off = self.off_subject(q.text) if open_to_doubt and not plan.followup else (False, 0.0)
        if off:
            reading = replace(reading, answerable=False)
        retrieved_at = time.perf_counter()
        records = self._records()
        hits = list(reading.hits)
        if reading.answerable:
            citations = compose.cite(list(reading.spans), self.document_text, records)
            text, abstained = compose.compose(q, citations, reading.section), False
        else:
            citations, text, abstained = [], compose.ABSTAIN_TEXT, True
        mode, kind, detail = "extractive", "off_subject" if off else "", ""
        if self.llm is not None and reading.answerable:
            from nsss.assistant.llm import LLMFailure

            try:
                text, citations, abstained, dropped = self.llm.answer(q, hits, conversation, self, top_k)
                mode = "llm"
                kind, detail = ("llm_trimmed", str(dropped)) if dropped else ("", "")
            except LLMFailure as exc:
                kind, detail = "llm_failed", str(exc)
        listed = _quoted_first(hits, reading.spans, citations)
        if within:
            listed = self._beside_other_reports(listed, reading, plan, filters, k)
        listed = _documents_first(listed)
        done = time.perf_counter()
        # What the turn asked, of what: the question as searched ("And in 2018?" is the earlier question, of 2018).
        said = q if plan.followup else stated
        # What the answer is about, for a follow-up (conversation.about).
        about, also = talk.about(
            plan, tuple(dict.fromkeys(c.doc_key for c in citations)), tuple(h.chunk.doc_key for h in hits[:1])
        )
        return Answer(
            question=" ".join(question.split()),  # as asked, a preamble included
            text=text,
            abstained=abstained,
            citations=tuple(citations),
            retrieved=tuple(listed[: max(top_k, 5)]),
            timings_ms={
                "retrieve": _ms(retrieved_at - started),
                "answer": _ms(done - retrieved_at),
                "total": _ms(done - started),
            },
            mode=mode,
            notice=NOTICES[kind].format(detail=detail) if kind else "",
            notice_kind=kind,
            notice_detail=detail,
            query=plan.query,
            focus=about,
            also=also,
            topic=plan.topic if plan.followup else _subject_words(said),
            asked=" ".join(t for t in said.terms if t not in said.subject),
            followup=plan.followup,
            glossary=() if abstained else compose.glossary(q, citations, self.weights.glossary_terms),
            # Rounded: the last digits of a float differ between batch sizes and processes, and say nothing.
            signals={
                **{f: round(v, 4) for f, v in reading.features.items()},
                "probability": round(reading.probability, 4),
                "off_subject": round(p_off, 4),  # 0 when not asked
                "judged_off_subject": float(off),
            },
        )

    def _surer_elsewhere(self, wider: Reading, reading: Reading, plan: talk.Plan) -> bool:
        """Tell whether a follow-up's wider reading is to be taken over the answer inside its topic's documents: it
        answers from another document, and the answerability model is surer of it by Weights.wider_margin. Another
        report of the same event may hold what is asked where the one the conversation is on only comes near it."""
        return (
            wider.answerable
            and _lead_outside(wider, plan)
            and wider.probability >= reading.probability + self.weights.wider_margin
        )

    def _findable(self, q: Question) -> frozenset[str] | None:
        """Return a Bangla question's terms the documents could find: held by some passage, or bridged to a term some
        passage holds (conversation.names_subject). None for a question in another language."""
        if q.language != "bn":
            return None
        lexical = self.index.lexical
        bridged = {t for source, _ in self.index.bridge(q.text) for t in tokenize(source)}
        return frozenset(t for t in q.subject if t in bridged or lexical.knows(t))

    def _wider(
        self, q: Question, plan: talk.Plan, used: set[str], filters: Filters | None, k: int, rescue: bool = False
    ) -> Reading:
        """Read a follow-up beyond its topic's documents: search everywhere, leaning toward them (when they do not
        answer it, or to weigh their answer against another report's, `_surer_elsewhere`). Its answer must then name
        the topic too: the topic's words join the question's. `rescue`: the topic's documents did not answer, and the
        items under a heading that name the topic may (`_section_names`)."""
        # The topic is named by those of the earlier question's subject words its documents use: the asker's own
        # ("my mother just turned 62" of a question on the old age allowance) name no topic.
        topic = tuple(t for t in plan.topic.split() if t not in q.terms)
        topic = tuple(t for t in topic if t in used) or topic
        wide = replace(q, terms=q.terms + topic, subject=q.subject + topic)
        # (With the words the question is read as, where it asks in others: "Who can sign up?" is searched as asking
        # who is eligible, which the documents' criteria say.)
        wider = self.index.search(f"{plan.query} {' '.join([*added_terms(q), *topic])}".strip(), k=k, filters=filters)
        reading = self.read(wide, _lean(wider, plan.focus + plan.also, self.weights.focus_boost), plan.query)
        # An answer found in another document must name the topic where it stands (its sentence, the two before and
        # its title), or it answers another question; one in the topic's own documents need not.
        outside = _lead_outside(reading, plan)
        # (Its rarest word: the topic's words are the earlier question's subject, and they hold what it asked of it
        # too, "cover" of "Which workers does the scheme cover?", which another report of the same event need not
        # say.) (A number that is not a year is what the earlier question asked about, "62" of "turned 62", not a
        # name of its topic, as a year is: "the 2019 conference".)
        naming = [t for t in topic if not t.isdigit() or talk.YEAR.fullmatch(t)] or topic
        rarest = {max(naming, key=self.index.lexical.idf)} if topic else set()
        # Where the topic's documents did not answer, the items under a heading that name the topic answer, whichever
        # sentence scored best (eval/RESULTS.md, session 45: SEC2).
        if (
            outside
            and rarest & set(reading.picks[0].missing)
            and not (rescue and self._section_names(reading, plan, rarest))
        ):
            reading = replace(reading, answerable=False)
        return reading

    def _section_names(self, reading: Reading, plan: talk.Plan, words: set[str]) -> bool:
        """Tell whether the items under a heading that answer ("Who can sign up?": those under "Eligibility criteria")
        stand in the topic's documents or name the topic's words (in the items, their heading or their document's
        title): they are what is quoted, whichever sentence scored best, and that sentence may stand in a third
        document that names nothing of the topic."""
        if not (reading.section and reading.spans):
            return False
        key = reading.spans[0][0].chunk.doc_key
        if key in plan.focus + plan.also:
            return True
        record = self._records().get(key)
        quoted = " ".join(self.document_text(h.chunk.doc_key)[a:b] for h, a, b in reading.spans)
        have = with_prefixes(set(tokenize(f"{record.title if record else ''} {reading.section} {quoted}")), words)
        return words <= have

    def _stays_on_topic(
        self,
        q: Question,
        plan: talk.Plan,
        reading: Reading,
        conversation: Conversation | None,
        filters: Filters | None,
        k: int,
    ) -> Reading | None:
        """Read a later turn that names a subject of its own within the turn before's documents too, and return that
        reading when the evidence favours it: people go on asking about one event or programme without naming it again
        ("Which development partner heads attended as guests of honour?" after a question on the 2019 fair), and
        whether they did is told by where the answer stands, not by the question's words. The answerability model
        judges both readings; the topic's is taken when it answers and is judged at least as sure, less
        Weights.topic_margin. None when the standalone reading stands."""
        # Never a decline turned into an answer: a near miss asked after a question on the same document is as
        # likely to be read there as an answerable question is.
        if (
            not self.weights.topic_reading
            or not reading.answerable
            or plan.followup
            or plan.query != q.text
            or not conversation
            or not conversation.turns
        ):
            return None
        focus = _within(conversation.turns[-1].focus, filters)
        if focus is None or (reading.picks and reading.picks[0].sentence.hit.chunk.doc_key in focus.documents):
            return None
        alt = self.read(q, self.index.search(plan.query, k=k, filters=focus), plan.query)
        if not alt.answerable:
            return None
        # When the topic's lead misses no more of the question's words (weighed by rarity) than the standalone lead,
        # the conversation decides and the topic's reading is taken however sure the model is of either: "By how much
        # does the allowance go up, and for how many old people?" after a question on the budget that took the old age
        # allowance to Tk 600 is answered from that budget report, not from an upazila page on the allowance's early
        # years. A question on something else names words the topic's documents lack.
        closer = alt.features["window_missing"] <= reading.features["window_missing"] + 1e-9
        if not closer and alt.probability < reading.probability - self.weights.topic_margin:
            return None
        return self._answer_parts(q, alt, focus, k)

    def _beside_other_reports(
        self, listed: list[Hit], reading: Reading, plan: talk.Plan, filters: Filters | None, k: int
    ) -> list[Hit]:
        """List a follow-up answered inside its topic's documents with, after the passages it quotes, the best passage
        of each other document on the question and its topic: another report of the same event may say more, and a
        reader checking the answer sees it (eval/RESULTS.md, session 15)."""
        quoted = {h.chunk.id for h, _, _ in reading.spans}
        topic = set(plan.focus) | {h.chunk.doc_key for h, _, _ in reading.spans}
        found = self.index.search(f"{plan.query} {plan.topic}".strip(), k=k, filters=filters)
        elsewhere = _first_of_each([h for h in found if h.chunk.doc_key not in topic])
        return [h for h in listed if h.chunk.id in quoted] + elsewhere + [h for h in listed if h.chunk.id not in quoted]

    def bridge_parts(self, q: Question, aliases=None) -> Question:
        """Give each part of a question its terms' forms in the documents' other language: "কয়টি শিশুর জন্য" is
        answered by "for up to two children"."""
        if not q.parts or q.parts[0].aliases:
            return q
        aliases = aliases_of(self.index.bridge(q.text)) if aliases is None else aliases
        return replace(q, parts=tuple(replace(p, aliases=aliases) for p in q.parts)) if aliases else q

    def _answer_parts(self, q: Question, reading: Reading, filters: Filters | None, k: int) -> Reading:
        """Answer on its own each part of a question asking two things that the chosen quotes do not answer: searched
        and read alone, as if asked alone ("What role did X have at the signing and at the launch?" is two questions,
        often answered by two documents, of which a search for the whole finds one)."""
        if not reading.answerable:
            return self._read_apart(q, filters, k) or reading
        if reading.section:
            return reading
        q = self.bridge_parts(q)
        spans = list(reading.spans)
        for part in q.parts:
            if not part.query or not part.terms:
                continue
            # Answered when one quote holds most of the part's own words (a quote on stipend payments in general
            # holds "stipend" and "payments", not "PM's launch of stipend payments") and the kind of thing it asks.
            said = [self.document_text(h.chunk.doc_key)[a:b] for h, a, b in spans]
            if any(_holds_most(q, part, text) for text in said):
                continue
            asked = analyse(part.query)
            alone = self.read(asked, self.index.search(part.query, k=k, filters=filters), part.query, part=True)
            if not alone.answerable or alone.section or not alone.picks:
                continue
            # A part naming its own figures ("day 2") is answered by the best sentence naming them; of the first few,
            # the one that answers the part by itself (most of its words, "inaugurated", and the kind of thing it asks)
            # before one that holds only the subject the part carries ("The launch of the pilot ... was chaired by").
            named = [p for p in alone.picks if compose.names_figures(q, part, p.sentence.text)]
            if not named:
                continue
            holding = [p for p in named[: self.weights.lead_window] if _holds_most(q, part, p.sentence.text)]
            # "who chaired and inaugurated it?" asks two things of one kind, often said in two sentences: the words of
            # the part no quote holds yet ("inaugurated") are asked of a sentence of their own, which may stand lower
            # (the part's own words weigh little against the subject it carries) but must name the subject the part
            # is asked of (Weights.part_reach).
            rest = _unheld(part, said)
            reaching = [
                p
                for p in named[: self.weights.part_reach]
                if rest
                and _holds_most(q, replace(part, terms=rest), p.sentence.text)
                and compose.names_subject(q, part, p)
            ]
            # The part is asked of the subject it carries from the rest of the question ("the 2018 conference", "X
            # at..."): a quote found alone must name all of it where it stands (its sentence, the two before, its
            # title), or it answers of another event ("the welcome speech" of a 2021 ceremony). The first of them
            # that does is quoted ("...introduced in 1997-98" names no fiscal year; "In the financial year 1997-98,
            # ... was introduced" does).
            carried = set(asked.terms) & set(q.subject) - set(part.terms)
            first = next(
                (p for p in (*holding, *(reaching or named[:1])) if not carried & set(p.missing)),
                None,
            )
            if first is None:
                continue
            taken = {(h.chunk.doc_key, a) for h, a, _ in spans}
            spans += [
                s
                for s in compose.spans_of([first], self.document_text, asked)
                if (s[0].chunk.doc_key, s[1]) not in taken
            ]
        return replace(reading, spans=tuple(spans)) if len(spans) > len(reading.spans) else reading

    def _read_apart(self, q: Question, filters: Filters | None, k: int) -> Reading | None:
        """Read each part of a question asking two things as a question of its own, when the whole is declined: "Who
        wrote X, and what areas does it cover?" is read with one slot against quotes that answer one part each. Each
        part must be answered alone, by its own quotes, or the whole stays declined."""
        asked = part_questions(q)
        if len(asked) < 2:
            return None
        readings = []
        for i, query in enumerate(asked):
            part = analyse(query)
            alone = self.read(part, self.index.search(query, k=k, filters=filters), query)
            if not alone.answerable or not alone.spans:
                return None
            records = self._records()
            taken = alone.spans[: self.weights.part_quotes]
            quotes = [self.document_text(h.chunk.doc_key)[a:b] for h, a, b in taken]
            # (where a quote stands: its title and the document's date say which year it is of too)
            standing = [
                f"{q} {h.chunk.title} {records[h.chunk.doc_key].date if h.chunk.doc_key in records else ''}"
                for q, (h, _, _) in zip(quotes, taken, strict=True)
            ]
            # The part asks its own kind of thing (who wrote it: a person): its first quote must hold one.
            if part.slot in SPECIFIC_SLOTS and not fills_slot(part.slot, quotes[0], part):
                return None
            # A year only this part names ("the 2021-22 figure") is what it asks of: a quote must name it.
            others = {f for j, o in enumerate(asked) if j != i for f in figures(o)}
            own = replace(part, figures=tuple(f for f in part.figures if f not in others))
            if not any(figures_present(own, text) for text in standing):
                return None
            readings.append(alone)
        spans: list[compose.Span] = []
        for alone in readings:
            # Each part's own best quotes, no more: its citations support that part (Weights.part_quotes).
            spans += [s for s in alone.spans[: self.weights.part_quotes] if s not in spans]
        first = readings[0]
        return replace(
            first,
            hits=tuple(dict.fromkeys(h for r in readings for h in r.hits)),
            spans=tuple(spans),
            probability=min(r.probability for r in readings),
        )

    def read(self, q: Question, hits: list[Hit], query: str = "", part: bool = False) -> Reading:
        """Find the sentences (or the section's items) that answer, and decide whether they do. A part of a question
        read alone (part) is answered by whichever of its sentences holds what the part asks (`_answer_parts`), not
        only by its lead: the lead's slot does not decide."""
        w = self.weights
        expanded = self.index.expand(query or q.text)
        # With the terms a reading adds to the question's own (a follow-up's topic, `_wider`): "প্রতিবন্ধী ভাতা" of the
        # topic is named in an English report as "disability allowance".
        bridge = self.index.bridge(" ".join([q.text, *added_terms(q)]))
        aliases = aliases_of(bridge)  # the question's terms in the documents' other language
        if q.former_name:
            aliases += FORMER_NAME  # what says a former name holds "formerly called"
        if asks_eligibility(q):
            aliases += ELIGIBILITY  # what sets out criteria holds "eligible"
        q = bridge_counted(self.bridge_parts(q, aliases), aliases, self.index.lexical.knows)
        # The documents' words for the question's everyday ones ("cities": urban) choose the sentence: one holding
        # them holds the question's words. Not those naming the kind of thing asked ("money": allocation), which any
        # sum on the topic holds; and whether the passages answer is judged on the question's own words.
        choosing = aliases + aliases_of(
            [(e, d) for e, d in default_everyday().found(q.text) if not set(tokenize(d)) & NAMING_ASKED]
        )
        # A sentence in the other language earns the question's terms through their aliases; its own words for them
        # weigh little more (Weights.translated_terms), or it would count each term twice (and those rare words
        # weigh much) and win over the sentence in the question's language ("২০১৮ (বাসস) : মন্ত্রিপরিষদ ..." for
        # "When did the Cabinet approve the NSSS?").
        translated = frozenset(t for _, target in bridge for t in tokenize(target)) - set(tokenize(query or q.text))
        # "Where was it held?" asks for a place; "held" only frames the asking, as "where" does: a venue given on a
        # line of its own ("Venue: Meeting Room No. 22...") need not hold it to be chosen, and the sentences that do
        # ("workshops have been held with...") do not answer for holding it. The question's terms keep it: the
        # evidence must still say what was held (answerability).
        terms = [t for t in dict.fromkeys(tokenize(expanded)) if t not in QUESTION_WORDS and t not in framing(q.slot)]
        scored = (
            score_sentences(
                q, expanded, terms, hits, self.index.lexical.idf, self._embed, w, choosing, translated, self.judged_on
            )
            if hits
            else []
        )
        picks = lead(q, scored, w)
        # Whether the passages answer is judged on the sentences as the answerability model was fitted to see them:
        # led by their score on its sentence weights (`Pick.fitted`); which of them is quoted, by their score now.
        judged = lead(q, sorted(scored, key=lambda p: p.fitted, reverse=True), w)
        records = self._records()
        section_spans = compose.section_spans(
            q, hits, records, self.index.lexical.idf, w.section_items, self.document_text, self._named(q)
        )
        facts = {
            h.chunk.doc_key: f"{records[h.chunk.doc_key].url} {records[h.chunk.doc_key].date}"
            for h in hits
            if h.chunk.doc_key in records
        }
        section_text = " ".join(self.document_text(h.chunk.doc_key)[a:b] for h, a, b in section_spans)
        values = answerability.features(
            q, hits, judged, self.index.lexical.idf, facts, section_text, self.document_text, aliases, w.rare_name_idf
        )
        if section_spans:
            spans, section = section_spans, "section"
        else:
            chosen = compose.select(q, picks, w, self.document_text)
            spans, section = compose.spans_of(chosen, self.document_text, q), ""
            # (what was said in reply first: it is the answer; the item replied to stays as its context)
            spans = compose.response_after(q, chosen[0] if chosen else None, self.document_text, spans) + spans
        # A counted set asked for must be named, not only counted (a veto, as a figure the document lacks is).
        quotes = [self.document_text(h.chunk.doc_key)[a:b] for h, a, b in spans]
        values["count_unlisted"] = float(answerability.count_unlisted(q, quotes, bool(section)))
        values["asked_short"] = float(answerability.asked_short(q, quotes))
        ok, p = answerability.answerable(values, part=part)
        return Reading(tuple(hits), tuple(picks), tuple(spans), section, values, p, ok and bool(spans))

    def off_subject(self, question: str) -> tuple[bool, float]:
        """Say whether a question is on another subject than the documents' (assistant/domain.py), and how likely."""
        # The index's encoder remembers the query its search encoded (the same text when nothing was expanded); a
        # question is no passage sentence, so the stored sentence vectors are not looked in.
        vector = self.index.encode([question])[0]
        return domain.off_subject(question, vector, self.index.embedder.slug, self.index.acronyms)

    def cite(self, spans: list[compose.Span]) -> list[Citation]:
        """Turn document spans into numbered citations with exact quotes."""
        return compose.cite(spans, self.document_text, self._records())

    def document_text(self, key: str) -> str:
        """Return a document's extracted text (cached), the ground truth for every quote; safe across threads."""
        version = (key, self.index.versions.get(key, ""))
        text = self._texts.get(version)
        if text is None:
            text = self.index.store.document_text(key)
            if len(self._texts) > 64:
                self._texts = {}  # replaced, not cleared: another thread may be reading the old one
            self._texts[version] = text
        return text

    def _named(self, q: Question) -> tuple[tuple[str, ...], ...]:
        """Return the acronyms an English question names that the documents define, each with its long forms."""
        if q.language != "en":
            return ()
        acronyms = self.index.acronyms
        return tuple((a, *acronyms[a]) for a in dict.fromkeys(ACRONYM.findall(q.text)) if a in acronyms)

    def _records(self):
        records = self.index.records
        cached = getattr(self, "_by_key", None)
        if cached is None or cached[0] is not records:
            cached = (records, {r.key: r for r in records})
            self._by_key = cached
        return cached[1]

    def _embed(self, texts: list[str]) -> list[list[float]]:
        """Embed texts, reusing the stored vectors of the passages' sentences or those seen in earlier answers."""
        missing = list(dict.fromkeys(t for t in texts if t not in self._vectors))
        if missing:
            # The passages' sentences are encoded once, after an ingest (Index.fill_sentences); the question is not.
            self._vectors.update(self.index.sentence_vectors.get(missing))
            missing = [t for t in missing if t not in self._vectors]
        if missing:
            for text, vector in zip(missing, self.index.encode(missing), strict=True):
                self._vectors[text] = vector
        vectors = [self._vectors[t] for t in texts]
        while len(self._vectors) > 20_000:
            self._vectors.pop(next(iter(self._vectors)))
        return vectors


def _lead_outside(reading: Reading, plan: talk.Plan) -> bool:
    """Tell whether a reading's lead stands outside the documents a follow-up's topic came from."""
    return bool(reading.picks) and reading.picks[0].sentence.hit.chunk.doc_key not in plan.focus + plan.also


def _holds_most(q: Question, part: Part, text: str) -> bool:
    """Tell whether a text holds more than half of a part's own terms and the kind of thing the part asks for. A year
    says when, not what: of a part naming words besides its figures ("the 2021 ministry workshops"), most of those
    words must be held (a quote on the 2021 cluster meetings that names ministries answers no part on workshops)."""
    words = tuple(t for t in part.terms if not figures(t)) or part.terms
    named = replace(part, terms=words)
    return 2 * compose.part_terms(named, text) > len(words) and compose.answers_part(q, part, text)


def _unheld(part: Part, texts: list[str]) -> tuple[str, ...]:
    """Return the words of a part (besides its figures) that none of the texts holds."""
    have = (
        set().union(*(with_prefixes(bridged(set(tokenize(t)), part.aliases), part.terms) for t in texts))
        if texts
        else set()
    )
    return tuple(t for t in part.terms if not figures(t) and t not in have)


def _within(focus: tuple[str, ...], filters: Filters | None) -> Filters | None:
    """Restrict a search to a follow-up's documents, inside the user's own filters; None when there are none."""
    if not focus:
        return None
    if filters and filters.documents:
        return None  # the user chose the documents: the follow-up stays within them
    return Filters(documents=focus, kinds=filters.kinds if filters else (), years=filters.years if filters else ())


def _lean(hits: list[Hit], focus: tuple[str, ...], boost: float) -> list[Hit]:
    """Re-rank hits with a bonus for the documents a follow-up is about."""
    top = max((h.score for h in hits), default=1.0) or 1.0
    return sorted(hits, key=lambda h: h.score / top + (boost if h.chunk.doc_key in focus else 0.0), reverse=True)


def _quoted_first(hits: list[Hit], spans, citations: list[Citation]) -> list[Hit]:
    """Order the passages an answer lists: the passage of its first quote first, then the rest as the search ranked
    them. Reading the sentences is the finer ranking: the document that answers is often one the search put second
    (another page on the same programme repeats the question's words), and the reader finds the evidence on top."""
    if not citations or not spans:
        return hits
    first = spans[0][0]
    return [first, *(h for h in hits if h.chunk.id != first.chunk.id)]


def _documents_first(listed: list[Hit]) -> list[Hit]:
    """Order the passages an answer lists so that its first few name as many documents as they can: the first
    passage of each document in the order given, then the rest. A second passage of a document already listed would
    take the place of another document the reader could check, and a declined question's nearest passages are where
    the reader looks next (a follow-up's other reports are listed so too: `_beside_other_reports`)."""
    first = _first_of_each(listed)
    shown = {h.chunk.id for h in first}
    return first + [h for h in listed if h.chunk.id not in shown]


def _first_of_each(hits: list[Hit]) -> list[Hit]:
    """Return the first hit of each document, in rank order."""
    seen: set[str] = set()
    return [h for h in hits if h.chunk.doc_key not in seen and not seen.add(h.chunk.doc_key)]


def _subject_words(q: Question) -> str:
    return " ".join(q.subject)


def _ms(seconds: float) -> float:
    return round(seconds * 1000, 1)


def open_assistant(settings: Settings, use_llm: bool = True) -> Assistant:
    """Open the store and model (and the LLM, when one is configured) for answering."""
    return Assistant(settings, use_llm=use_llm)
