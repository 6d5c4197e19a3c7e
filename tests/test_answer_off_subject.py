"""Questions on another subject than the documents' are declined by a fitted model of the question (assistant/
domain.py), with a notice saying why, in English and in Bangla; questions on the subject, follow-ups and questions
naming the field's programmes or the documents' acronyms are not judged off it. Real model, real Chroma (the bundled corpus); the model's arithmetic
against scikit-learn's; and the script that fits it, run whole."""

import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from conftest import ask_in_turn, ingested_documents
from nsss.assistant import open_assistant
from nsss.assistant.domain import FIELD_SCALE, Domain, char_ngrams, default_domain, field_features, names_field
from nsss.assistant.types import NOTICES

PROJECT = Path(__file__).resolve().parents[1]

# None of these is in the questions the model was fitted on.
OFF_SUBJECT = [
    "Which river is the longest in Africa?",
    "How do I reset my Gmail password?",
    "Recommend a good hotel in Cox's Bazar for a family of four.",
    "Can you write me a short poem about the monsoon?",
    "কাল কি ঢাকায় বৃষ্টি হবে?",
    "ঢাকা থেকে সিলেটের বাসের টিকিট কোথায় পাব?",
    # General knowledge in Bangla: answered from the documents before the held-out sets were fitted on (session 28).
    "নেপালের রাজধানীর নাম কী?",
    "সিঙ্গাপুরের রাজধানীর নাম কী?",
    "ভারতের প্রধানমন্ত্রী কে?",
]
ON_SUBJECT = [
    "Who chairs the Central Management Committee?",
    "How much do old people get each month?",
    "What does the strategy say about the urban poor?",
    "বিধবা ভাতার জন্য কোথায় আবেদন করব?",  # service-like words ("where do I apply"), but an allowance
    "এনএসএসএস কবে অনুমোদিত হয়?",
    "মো. শামসুল আরেফিন কোন বিভাগের সচিব?",  # an official, named in Bangla
    "ফোকাল পয়েন্ট সভায় কী সিদ্ধান্ত হয়েছিল?",
]


@pytest.fixture(scope="module")
def assistant(seed_store):
    return open_assistant(seed_store, use_llm=False)


@pytest.mark.parametrize("question", OFF_SUBJECT)
def test_a_question_on_another_subject_is_declined_and_says_why(assistant, question):
    answer = assistant.answer(question)
    assert answer.abstained, answer.text
    assert answer.signals["judged_off_subject"] == 1.0
    assert (answer.notice, answer.notice_kind) == (NOTICES["off_subject"], "off_subject")
    assert not answer.citations


@pytest.mark.parametrize("question", ON_SUBJECT)
def test_a_question_on_the_subject_is_not_judged_off_it(assistant, question):
    answer = assistant.answer(question)
    assert answer.signals["judged_off_subject"] == 0.0, answer.signals["off_subject"]
    assert answer.notice == ""


def test_questions_on_the_subject_in_spoken_bangla_are_far_from_being_judged_off_it(embedder):
    """The held-out sets' Bangla, as people type it, taught the model the field's spoken words: these questions were
    judged at 0.22 to 0.42 before (session 28), on the subject only because the Bangla threshold was 0.97."""
    questions = [
        "গেরামের গরিব মাইনষের লাইগা সরকারের কামের কর্মসূচিতে মাইয়ারা কয় ভাগ সুযোগ পায়?",
        "বয়স্ক ভাতার টেকা কবে থেইকা বাড়ব?",
        "প্রতিবন্ধী ভাতা পাইতে কী কী কাগজ লাগে?",
    ]
    model = default_domain()
    for question, vector in zip(questions, embedder.embed(questions), strict=True):
        assert model.probability(question, vector) < 0.1, question
    assert model.threshold_bn < 0.6


def test_a_question_in_bangla_is_judged_against_its_own_threshold():
    from nsss.assistant.domain import BANGLA

    model = default_domain()
    assert model.threshold_for("কাল কি ঢাকায় বৃষ্টি হবে?") == model.threshold_bn != model.threshold
    assert model.threshold_for("Will it rain in Dhaka tomorrow?") == model.threshold
    assert BANGLA.search("ভাতা") and not BANGLA.search("allowance")


def test_a_follow_up_is_never_judged_and_an_off_subject_question_after_it_is(assistant):
    first, followup, other = ask_in_turn(
        assistant,
        "Who chairs the Central Management Committee?",
        "And who are its members?",
        "Which river is the longest in Africa?",
    )
    assert followup.followup
    assert followup.signals["off_subject"] == 0.0  # not asked of the model at all
    assert first.signals["judged_off_subject"] == 0.0
    assert not other.followup and other.abstained and other.signals["judged_off_subject"] == 1.0


def test_a_store_on_another_subject_still_answers_what_its_documents_clearly_answer(tmp_path_factory):
    """The subject model knows social protection; a store may hold a ferry timetable. What the documents answer as
    surely as the answerability model must be sure to decline (1 - its threshold) is answered all the same."""
    from nsss.assistant.answerability import model

    ferry = (
        "# River ferry timetable\n\nThe river ferry from Dhaka to Barisal leaves Sadarghat launch terminal every "
        "evening at 8 pm and reaches Barisal at 5 am. A single cabin costs Tk 2,000 and a deck seat Tk 400.\n"
    )
    assistant = open_assistant(ingested_documents(tmp_path_factory, "ferry", {"ferry.md": ferry}), use_llm=False)
    question = "How much does a single cabin on the Dhaka to Barisal ferry cost?"
    cabin = assistant.answer(question)
    assert assistant.off_subject(question)[1] >= default_domain().threshold  # the model alone would decline it
    assert cabin.signals["probability"] >= 1 - model().threshold
    assert not cabin.abstained and "Tk 2,000" in cabin.text
    assert cabin.signals["judged_off_subject"] == 0.0
    assert assistant.answer("What is the capital of Australia?").signals["judged_off_subject"] == 1.0


def test_naming_the_field_or_a_defined_acronym_keeps_a_question_on_the_subject():
    assert names_field("বয়স্ক ভাতা কত টাকা?")
    assert names_field("Where do I apply for the widow allowance?")
    assert names_field("What recipes does KRP teach?", defined={"KRP": ["Kitchen Recipe Programme"]})
    assert not names_field("What recipes does KRP teach?")
    assert not names_field("How do I renew my passport online?")
    assert not names_field("what is the krp", defined={"KRP": []})  # an acronym is written in capitals


def test_the_n_grams_are_scikit_learns_char_wb_and_the_probability_is_its_logistic_regression():
    from nsss.eval.fit_domain import fit_model
    from scipy.sparse import csr_matrix, hstack
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    texts = [
        "Who chairs the committee?",
        "What is the monthly allowance?",
        "বয়স্ক ভাতা কত?",
        "How do I cook rice?",
        "Best phone under 20000 taka",
        "ট্রেনের টিকিট কিভাবে কাটব?",
        "Who chairs the meeting on allowances?",
        "How do I cook fish curry?",
    ]
    for text in texts:
        sklearn = TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 4)).build_analyzer()(text.lower())
        assert char_ngrams(text) == sklearn
    y = np.array([0, 0, 0, 1, 1, 1, 0, 1])
    vectors = np.random.default_rng(0).normal(size=(len(texts), 5))
    model = fit_model(texts, y, vectors, "m", c=10.0)
    tfidf = TfidfVectorizer(analyzer=char_ngrams, min_df=2, sublinear_tf=True)
    field = np.array([field_features(t) for t in texts])
    x = hstack([tfidf.fit_transform(texts), csr_matrix(vectors), csr_matrix(field)]).tocsr()
    reference = LogisticRegression(C=10.0, max_iter=5000, class_weight="balanced").fit(x, y).predict_proba(x)[:, 1]
    ours = [model.probability(t, v) for t, v in zip(texts, vectors, strict=True)]
    assert np.allclose(ours, reference, atol=1e-6)


def test_a_bangla_question_is_read_for_the_fields_vocabulary():
    share, none, bangla = field_features("বয়স্ক ভাতা কত টাকা?")
    assert share == FIELD_SCALE and none == 0.0 and bangla == FIELD_SCALE  # old age allowance, taka: all the field's
    share, none, _ = field_features("ল্যাপটপ কেনার আগে কী কী দেখব?")  # which laptop to buy: no word of the field
    assert (share, none) == (0.0, FIELD_SCALE)
    assert 0.0 < field_features("আজ ঢাকায় কি বৃষ্টি হবে?")[0] < FIELD_SCALE  # Dhaka is in the glossary, rain is not
    assert field_features("Which laptop should I buy?") == (0.0, 0.0, 0.0)  # English is read by n-grams and vector
    model = default_domain()
    # A share of the field's words argues on the subject; having none of them argues less so. (It argued off the
    # subject, +0.08, until the held-out sets' 11,740 Bangla questions were fitted on in session 28: their n-grams now
    # say it, and its weight is near zero, -0.03.)
    assert model.field_coef[0] < -0.5 and model.field_coef[1] > model.field_coef[0] + 0.5


def test_another_embedding_model_is_never_judged(tmp_path):
    model = Domain(ngrams={"ab": (1.0, 50.0)}, vector_coef=(0.0,), model="m", intercept=0.0, threshold=0.5)
    from nsss.assistant.domain import off_subject

    assert off_subject("abc", [0.0], "m", domain=model)[0]
    assert off_subject("abc", [0.0, 0.0], "another model", domain=model) == (False, 0.0)
    model.save(tmp_path / "d.json")
    assert Domain.load(tmp_path / "d.json") == model


@pytest.mark.slow
def test_the_fit_command_rewrites_the_shipped_model(tmp_path, embedder):
    """The fit command, run whole, makes the model shipped: the same n-grams, and the same judgments of a thousand
    questions, on the subject and off it. Not the same floats: the threshold is chosen at a 1% budget of the questions
    on the subject, so it moves with the last digits of the embeddings, which change with the CPU and the thread count
    (session 27: 0.4696 shipped, 0.4818 refitted on an AMD EPYC with two threads, 0.506 with one), while the judgments
    agree on more than 99.5% of the questions. The fit reads 28,000 questions: about four minutes here."""
    out = tmp_path / "domain.json"
    env = {**os.environ, "PYTHONPATH": str(PROJECT)}
    run = subprocess.run(
        [sys.executable, "-m", "nsss.eval.fit_domain", "--out", str(out)],
        cwd=PROJECT,
        env=env,
        capture_output=True,
        text=True,
        timeout=1200,
    )
    assert run.returncode == 0, run.stderr
    assert "held out by set in 10 folds" in run.stdout
    fitted, shipped = (json.loads(p.read_text(encoding="utf-8")) for p in (out, PROJECT / "assistant" / "domain.json"))
    assert fitted["ngrams"].keys() == shipped["ngrams"].keys()
    from nsss.assistant.domain import off_subject

    questions = [
        json.loads(line)["question"]
        for name in ("offtopic_qa", "web_qa", "seed_qa", "offdomain_train", "onsubject_bn_train", "offdomain_bn_train")
        for line in (PROJECT / "eval" / f"{name}.jsonl").read_text(encoding="utf-8").splitlines()
    ]
    models = [Domain.load(path) for path in (out, PROJECT / "assistant" / "domain.json")]
    judged = [
        [
            off_subject(q, v, model.model, domain=model)[0]
            for q, v in zip(questions, embedder.embed(questions), strict=True)
        ]
        for model in models
    ]
    agree = sum(a == b for a, b in zip(*judged, strict=True)) / len(questions)
    assert len(questions) > 1000 and agree >= 0.99, agree
    # Held out by set, the Bangla questions on other subjects judged off it: 0.149 before the field's vocabulary was
    # read and 500 more Bangla questions fitted on (session 20), 0.543 with both, 0.955 with the held-out sets fitted
    # on too (session 28); at most 1% of those on the subject.
    bangla = next(line.split() for line in run.stdout.splitlines() if line.startswith("Bangla "))
    assert float(bangla[2]) <= 0.01 and float(bangla[4]) >= 0.9, bangla
