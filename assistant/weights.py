"""Every tuned number of the assistant, in one frozen object; the answerability model's weights live beside it.

Hand-set numbers here were set on the tune half of eval/dev_qa.jsonl (see eval/RESULTS.md); the answerability
model is fitted, not set: `python -m nsss.eval.fit_answerability` rewrites assistant/answerability.json.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

ANSWERABILITY_FILE = Path(__file__).with_name("answerability.json")
# The sentence weights (lexical, dense, passage) every answerability model fitted before session 39 was measured on:
# what a model file or a kept features file without `lead_weights` was fitted with.
LEAD_WEIGHTS_BEFORE_KEPT = (0.45, 0.3, 0.15)


@dataclass(frozen=True)
class Weights:
    """The numbers that shape an answer."""

    considered: int = 8  # passages read for every answer
    shortlist: int = 12  # sentences embedded per question
    # A sentence's score: how much of the question it covers (alone and with the two sentences before it),
    # how close it is in meaning, and how good its passage was.
    cover_own: float = 0.65
    cover_context: float = 0.35
    # (lexical, dense, passage: set among (0.45, 0.3, 0.15), (0.40, 0.35, 0.15), (0.45, 0.25, 0.20), (0.40, 0.3, 0.20),
    # (0.50, 0.25, 0.15), (0.35, 0.3, 0.25) on a tune half of the development sets, every fifth of holdout240-411 and
    # 428-435 from 240, by `nsss eval` and `python -m nsss.eval.pool ... --against` in a checkout of each; checked on
    # another such half and on blind sets: eval/RESULTS.md, session 38, LS)
    lexical: float = 0.40
    dense: float = 0.3
    passage: float = 0.20
    # (The answerability model reads the lead's score on the scale it was fitted on, the three weights it carries
    # in assistant/answerability.json: `Answerability.lead_weights`, written by its fit.)
    title_share: float = 0.5  # of a sentence's own coverage, the part counted only for terms its title lacks
    slot_bonus: float = 0.12  # the sentence holds the kind of thing asked (a date for "when"...)
    novelty: float = 0.1  # a sentence that only restates the question does not answer it
    # A proper name the question gives ("the Jawtno programme") vetoes an answer whose document never names it, when
    # at most about one passage in ten holds it (idf at least log 10; set, not tuned: "Bangladesh", "Cabinet", "Dhaka"
    # are in more, and a document may leave them unsaid; eval/RESULTS.md, session 42, NM)
    rare_name_idf: float = 2.3
    short_penalty: float = 0.15
    long_penalty: float = 0.05
    heading_penalty: float = 0.1
    carried_terms: float = 0.35  # terms carried from an earlier turn weigh this much of the question's own
    # The question's terms in the documents' other language (from the glossary) weigh this much more of their own:
    # a sentence in that language already earns the question's terms through them (before: carried_terms, 0.35).
    # Set on the tune half, web_qa, seed_qa and crosslang_qa among 0, 0.1, 0.2, 0.35 (eval/RESULTS.md).
    translated_terms: float = 0.1
    # Which sentence leads: of the first lead_window, those covering the question at least lead_near of the best
    # one's coverage; the one holding what is asked goes first.
    lead_near: float = 0.8
    lead_window: int = 6
    # Which sentences join the best one: within this share of its score, and covering the question this much.
    second_floor: float = 0.75
    second_cover: float = 0.3
    # A sentence added for an unanswered part of a two-part question covers the question at least part_cover of
    # the lead's coverage. Any quote added to an answer (a second sentence, a part's answer, the next item of a list
    # written as prose) shares at most part_overlap of its words with a quote already chosen.
    part_cover: float = 0.5
    part_overlap: float = 0.6
    # A question declined as a whole is answered part by part with each part's first part_quotes quotes (set by hand
    # on the diagnosis sets' two-part questions, eval/RESULTS.md "Questions asking two things").
    part_quotes: int = 2
    # A part searched alone is answered by a sentence among the first part_reach that holds most of its own words.
    part_reach: int = 20
    list_items: int = 5
    # A list written in one sentence ("the Pragati scheme for private job holders, the Surokkha for...") names its
    # items, not the question's words: of the top listing_docs documents, at most listing_shortlist such sentences
    # join a list question's shortlist; one is quoted when it scores at least listing_floor of the first quote, and a
    # second list only when more than new_listing of its words are new. Set by hand on the diagnosis sets (branch
    # i8-lists, eval/RESULTS.md "List and two-document answers").
    listing_docs: int = 2
    listing_shortlist: int = 3
    listing_floor: float = 0.6
    new_listing: float = 0.5
    # Sentences of the top document that name the section asked for ("recommendations") join the shortlist, at most
    # this many (set by hand, not tuned: a prose section of a meeting record rarely has more).
    section_named: int = 4
    section_items: int = 10
    # A question asking an amount in everyday words may share no word with the sentence that holds it: of the top
    # document, at most amount_shortlist sentences holding an amount join the shortlist; and when none of the
    # sentences near the best holds one, the best of the lead's document that does (among its first
    # amount_window, scoring at least amount_floor of the best) leads. Set on the tune half and train_qa
    # (eval/RESULTS.md, "Paraphrases: why they miss").
    amount_shortlist: int = 4
    amount_window: int = 12
    amount_floor: float = 0.8
    # A yes-or-no question is settled by a sentence that denies, limits or gives a share: of the top yes_no_docs
    # documents, at most yes_no_shortlist such sentences join its shortlist; of the first yes_no_window sentences, the
    # first such one leads over a best one that only names the topic when it scores at least yes_no_floor of it and
    # covers the question at least yes_no_near of what it covers. Set by hand on the diagnosis sets' yes-or-no
    # questions (branch i8-yesno, eval/RESULTS.md "Yes-or-no questions").
    yes_no_docs: int = 3
    yes_no_shortlist: int = 3
    yes_no_window: int = 8
    yes_no_near: float = 0.6
    yes_no_floor: float = 0.75
    # A follow-up's documents are searched first; when they do not answer, a wider search leans toward them.
    focus_boost: float = 0.25
    # A later turn read as standalone is also read within the turn before's documents; when both readings answer, the
    # topic's is taken if the answerability model is at least as sure of it, less topic_margin, as of the standalone
    # one (or whatever the model says, when the topic's lead misses no more of the question's words: session 22).
    # Set on the development sets' conversations (0, -0.1 and -0.2 tried; eval/RESULTS.md, session 18). Session 22
    # tried 0.1, 0.25, 0.4 and 1.0 for every later turn: answering eight development sets as one conversation then
    # cost 0.007 to 0.026 of MRR against question by question (0.002 at 0).
    topic_margin: float = 0.0
    # A follow-up answered inside its topic's documents is also read by the wider search; that reading is taken when
    # its lead stands in another document and the answerability model is surer of it by at least wider_margin (two
    # reports of one event: the other may hold what is asked). Set on eleven development sets of conversations
    # (0, 0.05, 0.1 and 0.3 tried; eval/RESULTS.md, session 26).
    wider_margin: float = 0.1
    # A quote in the other language than the question's is followed by at most this many of its glossary terms in the
    # question's language (compose.glossary; 6, 10 and all compared on the development sets, eval/RESULTS.md, session 20).
    glossary_terms: int = 10
    topic_reading: bool = True  # False: that second reading is not made (eval/bench/conversation.py times both)

    @property
    def sentence(self) -> tuple[float, float, float]:
        """The three a sentence's score weighs (lexical, dense, passage), as a fitted answerability model records
        them (`Answerability.lead_weights`)."""
        return (self.lexical, self.dense, self.passage)


# One tree of the answerability model: its nodes, each (feature index, threshold, left, right, value); the first is
# the root. A node whose feature index is -1 is a leaf, and its value is what it adds to the log-odds.
Tree = tuple[tuple[int, float, int, int, float], ...]


@dataclass(frozen=True)
class Answerability:
    """Boosted trees over evidence-alignment features: P(the passages answer the question).

    The trees are scikit-learn's (`HistGradientBoostingClassifier`), written out by eval/fit_answerability.py and
    walked here, so that answering needs neither scikit-learn nor a pickle: a value at most a node's threshold goes
    left. The log-odds are the baseline plus the leaf each tree reaches.
    """

    features: tuple[str, ...]
    trees: tuple[Tree, ...]
    threshold: float
    baseline: float = 0.0
    # A feature's value when the caller does not give one (its mean where fitted): a model fitted with a feature the
    # code no longer measures still runs.
    defaults: tuple[float, ...] = ()
    fitted_on: str = ""
    extra: dict = field(default_factory=dict)
    # The threshold for questions asked in Bangla, chosen on them alone with the same budget of answerable questions
    # declined: their evidence is read across languages and scores lower, so one pooled threshold declined a Bangla
    # asker's answerable questions twice as often as an English asker's. None: the one threshold for all.
    threshold_bn: float | None = None
    # The sentence weights (lexical, dense, passage) its lead_score feature was measured with: the assistant judges
    # the passages on the sentences as these weights rank them (`Pick.fitted`), whatever the weights of the quote, so
    # that a change of those changes which sentence is quoted, not how sure the model is. The fit writes today's.
    # (A file without them was fitted before they were written: LEAD_WEIGHTS_BEFORE_KEPT.)
    lead_weights: tuple[float, float, float] = LEAD_WEIGHTS_BEFORE_KEPT

    @classmethod
    def load(cls, path: Path = ANSWERABILITY_FILE) -> Answerability:
        """Read the fitted model."""
        data = json.loads(path.read_text(encoding="utf-8"))
        if "trees" not in data:
            raise ValueError(
                f"{path}: no 'trees': a model written before the answerability model became boosted trees; "
                "refit it with python -m nsss.eval.fit_answerability"
            )
        return cls(
            features=tuple(data["features"]),
            trees=tuple(
                tuple((int(f), float(t), int(a), int(b), float(v)) for f, t, a, b, v in tree) for tree in data["trees"]
            ),
            threshold=float(data["threshold"]),
            baseline=float(data.get("baseline", 0.0)),
            defaults=tuple(data.get("defaults", ())),
            threshold_bn=None if data.get("threshold_bn") is None else float(data["threshold_bn"]),
            fitted_on=data.get("fitted_on", ""),
            extra=data.get("extra", {}),
            lead_weights=_lead_weights(data.get("lead_weights", LEAD_WEIGHTS_BEFORE_KEPT), path),
        )

    def save(self, path: Path = ANSWERABILITY_FILE) -> None:
        """Write the fitted model: one line per tree, so that a refit's diff shows which trees changed."""
        head = {
            "features": list(self.features),
            "threshold": self.threshold,
            "threshold_bn": self.threshold_bn,
            "baseline": self.baseline,
            "defaults": list(self.defaults),
            "fitted_on": self.fitted_on,
            "lead_weights": list(self.lead_weights),
            "extra": self.extra,
        }
        text = json.dumps(head, indent=1)[:-2]
        trees = ",\n  ".join(json.dumps([list(node) for node in tree]) for tree in self.trees)
        path.write_text(f'{text},\n "trees": [\n  {trees}\n ]\n}}\n', encoding="utf-8")

    def threshold_for(self, values: dict[str, float]) -> float:
        """Return the threshold for a question whose features these are: its language's."""
        if self.threshold_bn is not None and values.get("bangla", 0.0) > 0.5:
            return self.threshold_bn
        return self.threshold

    def probability(self, values: dict[str, float]) -> float:
        """Return the probability that the question is answered by the evidence the features describe."""
        import math

        defaults = self.defaults or (0.0,) * len(self.features)
        x = [values.get(f, d) for f, d in zip(self.features, defaults, strict=True)]
        z = self.baseline
        for tree in self.trees:
            node = tree[0]
            while node[0] >= 0:
                node = tree[node[2] if x[node[0]] <= node[1] else node[3]]
            z += node[4]
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def _lead_weights(value, path: Path) -> tuple[float, float, float]:
    """Read a model file's lead_weights: three numbers, or a clear error naming the file and the field."""
    try:
        weights = tuple(float(v) for v in value)
    except (TypeError, ValueError):
        weights = ()
    if len(weights) != 3:
        raise ValueError(f"{path}: 'lead_weights' must be three numbers (lexical, dense, passage), not {value!r}")
    return weights


WEIGHTS = Weights()
