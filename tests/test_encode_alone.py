"""A text's vector does not depend on the texts encoded with it. The encoder packs short texts into one sequence, and
a text packed beside another comes out up to about 1e-7 from the same text encoded alone: the query-side cache kept
whichever came first, so a near tie between two sentences could turn on what had been asked before (in the suite, a
test asked after others in one worker once chose another document). `Index.encode` now encodes each text on its own.
Real model, real Chroma."""

from nsss.index import open_index

# Pairs the packed encoder gives another vector for, measured here (up to 1.4e-7 apart).
PAIRS = [
    ("What is the monthly old age allowance in 2023-24?", "Who opened it?"),
    (
        "How many households did the National Household Database plan to survey?",
        "Who chaired the Central Management Committee meeting?",
    ),
]


def test_a_text_is_encoded_the_same_whatever_is_encoded_with_it(seed_store):
    index = open_index(seed_store, lexical=False)
    for other, text in PAIRS:
        beside = index.encode([other, text])[1]

        assert beside == index.embedder.embed([text])[0], (other, text)


def test_the_vector_kept_for_a_text_is_the_one_it_has_alone(seed_store):
    index = open_index(seed_store, lexical=False)
    text = "Who opened it?"
    index.encode(["Which ministries are in the social allowance cluster?", text])

    assert index.encode([text])[0] == index.embedder.embed([text])[0]
