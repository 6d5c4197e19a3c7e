"""Is a question about the documents' subject at all? A fitted model of the question alone, before any evidence.

The documents are about social protection in Bangladesh. A question about something else ("What is the capital of
Australia?", "Which team won the 2023 Bangladesh Premier League?") shares a word or two with some sentence ("human
capital", "the premier said"), and the answerability model, which judges how well the quotes line up with the
question, sometimes lets that through. This model reads the question's own words instead: a logistic regression over
its character n-grams (2 to 4 characters within words, tf-idf) and its sentence vector under the bundled model,
fitted on the training question sets (on the subject, answerable or not) against questions on other subjects
(`eval/offdomain_train.jsonl`, `eval/offtopic_qa.jsonl` and the training sets' off-topic questions), with 400
questions on the subject written for fitting beside them (`eval/onsubject_train.jsonl`, 300 of them in Bangla), and
500 more in Bangla (`eval/offdomain_bn_train.jsonl`, `eval/onsubject_bn_train.jsonl`), and the held-out sets once
used for choosing (28,000 questions in all, 12,000 of them in Bangla as people type it). A Bangla question is also read
for the field's vocabulary (`field_features`): how much of it the glossary has English for.

Its weights and thresholds (one for English questions, one for Bangla) live in assistant/domain.json;
`python -m nsss.eval.fit_domain` refits them. Its word does not stand (`off_subject`) on a question naming the
field's programmes or benefits or an acronym the documents define, or on one embedded by another model; and the
assistant (answer.py) does not ask it of a follow-up nor of what the evidence clearly answers.
"""

from __future__ import annotations

import json
import math
import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from nsss.assistant.question import QUESTION_WORDS
from nsss.core.text import ACRONYM
from nsss.index.glossary import default_glossary, names_programme
from nsss.index.lexical import tokenize

DOMAIN_FILE = Path(__file__).with_name("domain.json")
NGRAMS = (2, 4)
SPACES = re.compile(r"\s\s+")
BANGLA = re.compile(r"[\u0980-\u09FF]")
# The field's vocabulary, read for a question in Bangla (the bundled sentence model does not read Bangla, and a few
# hundred Bangla questions teach the n-grams little): the share of its content words the glossary has an English form
# for, whether it has none, and the question being in Bangla at all. Weighed FIELD_SCALE times a unit, so that the
# fit's L2 penalty lets them count beside thousands of n-grams (1, 3, 6 and 10 compared by the fit's held-out figures,
# eval/RESULTS.md, session 20).
FIELD_SCALE = 10.0


def char_ngrams(text: str) -> list[str]:
    """Return a text's character n-grams within its words, each word padded with a space (scikit-learn's
    "char_wb" analyzer, after NFC normalisation and lower-casing): the fit and the assistant read text alike."""
    text = SPACES.sub(" ", unicodedata.normalize("NFC", text).lower())
    out = []
    low, high = NGRAMS
    for word in text.split():
        word = f" {word} "
        for n in range(low, high + 1):
            if len(word) < n:
                break
            out.extend(word[i : i + n] for i in range(len(word) - n + 1))
    return out


@dataclass(frozen=True)
class Domain:
    """P(a question is on another subject than the documents'), from its n-grams and its sentence vector."""

    ngrams: dict  # n-gram -> (idf, weight)
    vector_coef: tuple[float, ...]
    model: str  # the slug of the sentence model whose vectors vector_coef weighs
    intercept: float
    threshold: float  # for a question in English
    threshold_bn: float = math.inf  # for a question in Bangla (never judged when the file names none)
    fitted_on: str = ""
    field_coef: tuple[float, ...] = (0.0, 0.0, 0.0)  # the weights of field_features

    @classmethod
    def load(cls, path: Path = DOMAIN_FILE) -> Domain:
        """Read the fitted model."""
        data = json.loads(path.read_text(encoding="utf-8"))
        return cls(
            ngrams={g: (float(i), float(c)) for g, (i, c) in data["ngrams"].items()},
            vector_coef=tuple(data["vector"]["coef"]),
            model=data["vector"]["model"],
            intercept=float(data["intercept"]),
            threshold=float(data["threshold"]),
            threshold_bn=float(data.get("threshold_bn", math.inf)),
            fitted_on=data.get("fitted_on", ""),
            field_coef=tuple(float(c) for c in data.get("field", (0.0, 0.0, 0.0))),
        )

    def save(self, path: Path = DOMAIN_FILE) -> None:
        """Write the fitted model (n-grams sorted, so a refit's diff shows what moved)."""
        data = {
            "fitted_on": self.fitted_on,
            "threshold": self.threshold,
            "threshold_bn": self.threshold_bn,
            "intercept": self.intercept,
            "vector": {"model": self.model, "coef": [round(c, 6) for c in self.vector_coef]},
            "field": [round(c, 6) for c in self.field_coef],
            "ngrams": {g: [round(i, 6), round(c, 6)] for g, (i, c) in sorted(self.ngrams.items())},
        }
        path.write_text(json.dumps(data, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")

    def threshold_for(self, text: str) -> float:
        """The probability from which a question is judged off the subject: each language has its own, chosen on
        the questions of that language (the bundled sentence model does not read Bangla; the n-grams carry it)."""
        return self.threshold_bn if BANGLA.search(text) else self.threshold

    def probability(self, text: str, vector) -> float:
        """Return the probability that a question is on another subject, given its sentence vector."""
        counts: dict[str, int] = {}
        for g in char_ngrams(text):
            if g in self.ngrams:
                counts[g] = counts.get(g, 0) + 1
        values = {g: (1 + math.log(n)) * self.ngrams[g][0] for g, n in counts.items()}
        norm = math.sqrt(sum(v * v for v in values.values())) or 1.0
        z = self.intercept + sum(v / norm * self.ngrams[g][1] for g, v in values.items())
        z += sum(c * float(x) for c, x in zip(self.vector_coef, vector, strict=True))
        z += sum(c * x for c, x in zip(self.field_coef, field_features(text), strict=True))
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def field_features(text: str) -> tuple[float, float, float]:
    """Read a question in Bangla for the field's vocabulary: the share of its content words the glossary gives an
    English form for (its store-free reading: the subject does not depend on what is ingested), whether none has one,
    and that it is in Bangla; each times FIELD_SCALE. All 0 for a question in English, which the n-grams and the
    sentence vector read well. "আজ ঢাকায় কি বৃষ্টি হবে?" has one ("ঢাকা"), "বয়স্ক ভাতা কত টাকা?" nearly all."""
    if not BANGLA.search(text):
        return 0.0, 0.0, 0.0
    words = [t for t in tokenize(text) if t not in QUESTION_WORDS]
    known = {t for source, _ in default_glossary().bridge(text) for t in tokenize(source)}
    share = sum(t in known for t in words) / len(words) if words else 0.0
    return FIELD_SCALE * share, FIELD_SCALE * float(share == 0.0), FIELD_SCALE


def names_field(text: str, defined=frozenset()) -> bool:
    """Say whether a question names one of the field's programmes or benefits ("বিধবা ভাতার জন্য কোথায় আবেদন
    করব?") or an acronym the documents define ("What does CODI stand for?"): such a question is on the subject,
    whatever the model, fitted on a few hundred questions, makes of its other words."""
    return any(a in defined for a in ACRONYM.findall(text)) or names_programme(text)


@cache
def default_domain() -> Domain:
    """The shipped model, read once."""
    return Domain.load()


def off_subject(text: str, vector, model: str, defined=frozenset(), domain: Domain | None = None) -> tuple[bool, float]:
    """Say whether a question is on another subject than the documents', and how likely. `defined`: the acronyms
    the documents define. A question embedded by another model than the one fitted on is never judged (its vector's
    dimensions mean something else), nor one naming the field's programmes or acronyms (`names_field`)."""
    domain = domain or default_domain()
    if model != domain.model:
        return False, 0.0
    p = domain.probability(text, vector)
    return p >= domain.threshold_for(text) and not names_field(text, defined), p
