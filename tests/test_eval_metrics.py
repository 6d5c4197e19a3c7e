"""The evaluation metrics on small hand-made cases whose right values are known."""

import pytest
from nsss.eval.metrics import (
    Cite,
    Output,
    Passage,
    Question,
    Score,
    citation_counts,
    covered_texts,
    evidence_found,
    is_correct,
    key_terms,
    mean_reciprocal_rank,
    recall_at,
    same_source,
    score,
    source_rank,
    statements,
    summarize,
    supports,
)

DOCS = {
    "k-policy": "The dialogue was chaired by the Cabinet Secretary, Md Mahbub Hossain. "
    "In total, 39 government agencies are involved in the social protection reform process.",
    "k-nsss": "The National Social Security Strategy was approved by the Cabinet in June 2015.\n\n"
    "It covers the whole life cycle.",
    "k-bangla": "সামাজিক নিরাপত্তা কর্মসূচি-সংক্রান্ত উপদেষ্টা কমিটি গঠন করে ১০ সেপ্টেম্বর প্রজ্ঞাপন জারি করা হয়।",
}
SOURCES = {"k-policy": "policy.txt", "k-nsss": "web/nsss.md", "k-bangla": "bangla.md"}

QUESTIONS = [
    Question(
        "q1",
        "Who chaired the dialogue?",
        "Cabinet Secretary Md Mahbub Hossain",
        ("policy.txt",),
        ("chaired by the Cabinet Secretary, Md Mahbub Hossain",),
        "lookup",
        True,
    ),
    Question(
        "q2",
        "When was the NSSS approved?",
        "June 2015",
        ("nsss.md",),
        ("approved by the Cabinet in June 2015",),
        "lookup",
        True,
    ),
    Question(
        "q3", "প্রজ্ঞাপন কবে জারি করা হয়?", "১০ সেপ্টেম্বর", ("bangla.md",), ("১০ সেপ্টেম্বর প্রজ্ঞাপন জারি করা হয়",), "bangla", True
    ),
    Question("q4", "How many meetings did the CMC hold in 2019?", "", (), (), "unanswerable", False),
]


def passage(key: str, needle: str | None = None) -> Passage:
    """Return a passage of a test document: the sentence holding needle, or the whole text."""
    text = DOCS[key]
    start = text.index(needle) if needle else 0
    end = start + len(needle) if needle else len(text)
    return Passage(SOURCES[key], key, start, end, text[start:end])


def cited(key: str, quote: str, n: int = 1) -> Cite:
    return Cite(n, SOURCES[key], key, quote)


def perfect(q: Question) -> Output:
    """Answer as a perfect system would: right document first, the answer, cited with its evidence."""
    if not q.answerable:
        return Output("The documents do not say.", True, (), (passage("k-policy"),), 5.0)
    key = next(k for k, s in SOURCES.items() if same_source(s, q.sources[0]))
    quote = q.evidence[0]
    return Output(f"{quote} [1]", False, (cited(key, quote),), (passage(key), passage("k-policy")), 5.0)


def document(key: str) -> str:
    return DOCS[key]


def test_a_perfect_system_scores_one_everywhere():
    scores = [score(q, perfect(q), document) for q in QUESTIONS]
    m = summarize(scores)
    for metric in (
        "R@1",
        "R@5",
        "MRR",
        "evidence_recall",
        "correct",
        "citation_precision",
        "citation_recall",
        "citation_source",
        "quote_exact",
        "abstain_recall",
    ):
        assert m[metric] == 1.0, metric
    assert m["false_abstain"] == 0.0
    assert m["p50_ms"] == 5.0 and m["p95_ms"] == 5.0


def test_a_system_that_always_abstains_is_never_correct_and_declines_everything():
    always = Output("The documents do not answer this.", True, (), (passage("k-policy"),), 1.0)
    m = summarize([score(q, always, document) for q in QUESTIONS])
    assert m["correct"] == 0.0
    assert m["abstain_recall"] == 1.0
    assert m["false_abstain"] == 1.0
    assert m["citation_precision"] is None and m["quote_exact"] is None  # no citation to judge


def test_mrr_and_recall_for_known_ranks():
    assert mean_reciprocal_rank([1, 2, None]) == pytest.approx((1 + 0.5 + 0) / 3)
    assert recall_at([1, 2, None], 1) == pytest.approx(1 / 3)
    assert recall_at([1, 2, None, 6], 5) == pytest.approx(2 / 4)
    scores = [Score(f"q{i}", "lookup", True, False, rank=r) for i, r in enumerate([1, 2, None, 4])]
    m = summarize(scores)
    assert m["MRR"] == pytest.approx(round((1 + 0.5 + 0 + 0.25) / 4, 4))
    assert (m["R@1"], m["R@5"]) == (0.25, 0.75)


def test_source_rank_matches_by_file_name_or_relative_path():
    assert source_rank(["a.txt", "web/nsss.md", "nsss.md"], ["nsss.md"]) == 2
    assert source_rank(["a.txt", "b.txt"], ["nsss.md"]) is None
    assert same_source("corpus-web/sub/x.md", "sub/x.md")
    assert not same_source("x.md.bak", "x.md")


def test_rank_counts_only_the_first_ten_passages():
    ranked = [f"other{i}.md" for i in range(10)] + ["policy.txt"]
    assert source_rank(ranked, ["policy.txt"]) is None


def test_quote_exact_counts_the_one_bad_quote():
    q = QUESTIONS[0]
    good = "chaired by the Cabinet Secretary, Md Mahbub Hossain"
    out = Output(
        f"{good} [1] 39 government agencies [2] chaired by the Cabinet Secretary Md Mahbub Hossain [3]",
        False,
        (
            cited("k-policy", good, 1),
            cited("k-policy", "39 government agencies", 2),
            cited("k-policy", "chaired by the Cabinet Secretary Md Mahbub Hossain", 3),
        ),  # comma dropped: not exact
        (passage("k-policy"),),
        1.0,
    )
    s = score(q, out, document)
    assert (s.exact, s.quotes) == (2, 3)
    assert summarize([s])["quote_exact"] == pytest.approx(2 / 3, abs=1e-4)


def test_a_quote_of_a_document_not_in_the_store_is_not_exact():
    out = Output("x [1]", False, (Cite(1, "gone.md", "k-gone", "x"),), (), 1.0)
    assert score(QUESTIONS[3], out, document).exact == 0


@pytest.mark.parametrize(
    ("answer", "gold", "expected"),
    [
        ("In total 39 government agencies take part [1].", "39", True),
        ("The strategy dates from 1939.", "39", False),  # a number must stand alone
        ("The Cabinet approved it in June, 2015 [1].", "June 2015", True),
        ("The Cabinet approved it in July 2015.", "June 2015", False),  # two key terms: both needed
        ("Tk 1,262 billion in FY 2023-24", "Tk 1262 billion", True),
        ("It was chaired by Md Mahbub Hossain.", "Cabinet Secretary Md Mahbub Hossain", True),  # 3 of 5 terms
        ("It was chaired by the Cabinet.", "Cabinet Secretary Md Mahbub Hossain", False),  # 1 of 5
        ("প্রজ্ঞাপন জারি হয় ১০ সেপ্টেম্বর [১]", "১০ সেপ্টেম্বর", True),
        ("The notice was issued on 10 সেপ্টেম্বর.", "১০ সেপ্টেম্বর", True),  # Bangla digits read as ASCII
        ("প্রজ্ঞাপন জারি হয় ১১ সেপ্টেম্বর", "১০ সেপ্টেম্বর", False),
        ("সংশ্লিষ্ট মন্ত্রণালয়ের সচিবগণ", "সংশ্লিষ্ট মন্ত্রণালয়গুলোর সচিবরা", True),  # inflections differ
        ("Yes, 800 Taka each month for both.", "Yes: both are 800 Taka a month", True),
        # One figure written two ways is one figure, whichever side writes which form.
        ("The allowance rose to 600 taka.", "Tk 600", True),
        ("The allowance rose to Tk 600.", "600 taka", True),
        ("ভাতা ৬০০ টাকা", "Tk 600", True),
        ("The allowance rose to 600 taka.", "Tk 500", False),
        ("It rose to 29 lac in FY 2023-2024.", "29 lakh in 2023-24", True),
        ("It rose to 29 lakh in FY 2022-23.", "29 lakh in 2023-24", False),  # another fiscal year
    ],
)
def test_correct_needs_the_gold_answers_key_terms(answer, gold, expected):
    assert is_correct(answer, gold) is expected


def test_key_terms_are_numbers_and_content_words():
    assert key_terms("Tk 1,262 billion in June 2015, 30% for women [2]") == [
        "1262",
        "2015",
        "30",
        "tk",
        "billion",
        "june",
        "women",
    ]
    assert key_terms("The G2P system") == ["g2p", "system"]  # the 2 in G2P is not a number
    assert "সচিব" in key_terms("সংশ্লিষ্ট মন্ত্রণালয়গুলোর সচিবরা")


def test_list_answers_need_sixty_percent_of_the_items():
    gold = "Pragati, Surokkha, Samata, Prabashi, Probas"
    assert is_correct("Pragati, Surokkha and Samata", gold)  # 3 of 5
    assert not is_correct("Pragati and Surokkha", gold)  # 2 of 5


def test_statements_follow_citation_markers():
    got = statements(
        "The documents say:\n- The dialogue was chaired by the Cabinet Secretary [1]. "
        "It reviewed reforms [2] [3].\nThis line cites nothing."
    )
    assert [(s.text, s.cites) for s in got] == [
        ("The dialogue was chaired by the Cabinet Secretary", (1,)),
        ("It reviewed reforms", (2, 3)),
        ("This line cites nothing.", ()),
    ]


def test_a_hard_wrapped_quote_is_one_statement_and_list_items_are_separate():
    got = statements(
        "The Cabinet Division, as the coordinating authority\nfor implementation of the NSSS,\n"
        "organized a workshop. [1]\n- Evaluate the progress [2]\n- Identify gaps [3]"
    )
    assert [(s.text, s.cites) for s in got] == [
        (
            "The Cabinet Division, as the coordinating authority for implementation of the NSSS, organized a workshop.",
            (1,),
        ),
        ("Evaluate the progress", (2,)),
        ("Identify gaps", (3,)),
    ]


def test_alce_citation_precision_and_recall():
    quotes = {
        1: "39 government agencies are involved in the social protection reform process",
        2: "The National Social Security Strategy was approved by the Cabinet in June 2015",
    }
    # Statement 1 is supported by [1] alone; [2] is not needed: 1 precise of 2 citations.
    # Statement 2 cites nothing: not supported.
    answer = "39 government agencies take part in the reform process [1][2]. The weather was fine."
    assert citation_counts(answer, quotes) == (1, 2, 1, 2)
    # Two facts, one in each quote: only together do they support it, so both citations are needed.
    both = "39 government agencies joined the reform; the Cabinet approved the strategy in June 2015 [1][2]"
    assert citation_counts(both, quotes) == (2, 2, 1, 1)
    # A citation that does not support its statement is neither precise nor recalled.
    assert citation_counts("The Cabinet approved the strategy in June 2015 [1]", quotes) == (0, 1, 0, 1)


def test_support_needs_every_number_of_the_claim():
    quote = "39 government agencies are involved in the social protection reform process"
    assert supports(quote, "39 government agencies are involved")
    assert not supports(quote, "38 government agencies are involved")


def test_support_falls_back_to_meaning_when_words_differ():
    quote = "The Cabinet endorsed the strategy"
    claim = "Ministers gave their approval to the plan"
    assert not supports(quote, claim)
    assert supports(quote, claim, similarity=lambda a, b: 0.8)
    assert not supports(quote, claim, similarity=lambda a, b: 0.5)


def test_evidence_split_across_adjacent_passages_is_found_in_the_span_they_cover():
    text = DOCS["k-nsss"]
    cut = text.index("Cabinet in")
    first = Passage("web/nsss.md", "k-nsss", 0, cut, text[:cut])
    second = Passage("web/nsss.md", "k-nsss", cut, len(text), text[cut:])
    evidence = ["approved by the Cabinet in June 2015"]
    assert evidence_found(evidence, [first.text, second.text]) == 0.0
    assert evidence_found(evidence, covered_texts([first, second], document)) == 1.0


def test_evidence_is_matched_ignoring_case_and_whitespace():
    assert evidence_found(["APPROVED by  the\nCabinet", "not there"], [DOCS["k-nsss"]]) == 0.5


def test_a_citation_at_another_document_holding_the_gold_evidence_holds_the_answer_but_is_not_a_gold_source():
    """`citation_holding` counts a citation at a copy of the gold page (a gold evidence quote of six words or more in
    its text, whatever the case and spacing) as at a document holding the answer; `citation_source` does not."""
    docs = {
        **DOCS,
        "k-copy": "Minutes.  The dialogue was CHAIRED by the Cabinet Secretary,\nMd Mahbub Hossain, in Dhaka.",
        "k-other": "The dialogue was chaired by a secretary of another ministry.",
    }
    sources = {**SOURCES, "k-copy": "mirror/policy-copy.md", "k-other": "other.md"}
    q = QUESTIONS[0]
    quotes = {k: docs[k].split(".")[1] if k == "k-copy" else docs[k] for k in ("k-copy", "k-other")}
    out = Output(
        "The Cabinet Secretary chaired it [1] [2] [3]",
        False,
        (
            Cite(1, sources["k-copy"], "k-copy", quotes["k-copy"]),
            Cite(2, sources["k-other"], "k-other", quotes["k-other"]),
            cited("k-policy", "chaired by the Cabinet Secretary, Md Mahbub Hossain", 3),
        ),
        (passage("k-policy"),),
        1.0,
    )
    s = score(q, out, docs.__getitem__)
    assert (s.gold_cited, s.holding_cited, s.cited_answerable) == (1, 2, 3)
    m = summarize([s])
    assert m["citation_source"] == pytest.approx(1 / 3, abs=1e-4)
    assert m["citation_holding"] == pytest.approx(2 / 3, abs=1e-4)

    # A short evidence quote ("in June 2015") says nothing of which document: it does not count.
    short = Question("q5", "When?", "June 2015", ("nsss.md",), ("Cabinet in June 2015",), "lookup", True)
    elsewhere = Output("June 2015 [1]", False, (Cite(1, "other.md", "k-june", "June 2015"),), (), 1.0)
    assert score(short, elsewhere, {"k-june": "Approved by the Cabinet in June 2015."}.__getitem__).holding_cited == 0

    # Without the documents' texts it is not measured, and no figure is given.
    unmeasured = score(q, out)
    assert unmeasured.holding_cited is None
    assert summarize([s, unmeasured])["citation_holding"] is None
