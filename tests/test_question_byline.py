"""Who wrote a piece ("Who wrote the 2025 article on labour and livelihood interventions?") is answered by the piece's
byline, a line of its own under the title ("By Arju Afrin Kathy"). Read as any question, its words "wrote" and
"article" were in no sentence of the piece and the byline held none of the others: it was declined, or answered by
another document's "presented the keynote paper". A piece the documents hold no byline of is still not answered with
another's. Real model, real Chroma, over the web corpus where they answer."""

import pytest
from nsss.assistant.question import analyse
from nsss.assistant.scoring import BYLINE
from nsss.index.lexical import tokenize


@pytest.mark.parametrize(
    "question",
    [
        "Who wrote the 2025 article on labour and livelihood interventions?",
        "Who authored the piece on challenges in implementing social protection programmes?",
        "Whose op-ed on gender equality did Prothom Alo publish in March 2017?",
        "Who is the author of the SSPS programme overview?",
        "জেন্ডার-সমতা নিয়ে প্রথম আলোর লেখাটি কে লিখেছেন?",
    ],
)
def test_who_wrote_a_piece_is_read_as_its_author_asked(question):
    assert analyse(question).author


@pytest.mark.parametrize(
    "question",
    [
        "Who chaired the 2018 conference?",
        "Which body did the Cabinet Division authorise to organise a technical committee on the GRS software?",
        "What does the 2025 article say about young people entering the labour force?",
        "এনএসএসএস কে প্রণয়ন করেছে?",
    ],
)
def test_other_questions_ask_no_author(question):
    assert not analyse(question).author


def test_the_words_asking_who_wrote_are_not_searched():
    terms = analyse("Who wrote the 2025 article on labour and livelihood interventions?").terms

    assert not set(tokenize("wrote article")) & set(terms)
    assert set(tokenize("labour livelihood interventions")) <= set(terms)


@pytest.mark.parametrize(
    "line, byline",
    [
        ("By Arju Afrin Kathy", True),
        ("By Dr. Shamsul Alam", True),
        ("  By Mohammad Shafiul Alam", True),
        ("By December 2018, all allowances will be paid digitally.", False),
        ("By 2025 the government aims to cover all women aged 62.", False),
        ("Chaired By Mr Md Ehsan-E-Elahi", False),
        ("By the end of the year", False),
    ],
)
def test_a_byline_is_a_line_of_its_own_naming_the_writer(line, byline):
    assert bool(BYLINE.search(line)) is byline


@pytest.mark.parametrize(
    "question, source, writer",
    [
        (
            "Who wrote the 2025 article on labour and livelihood interventions?",
            "sp-gov-bd-labour-livelihood-article-2025.md",
            "Arju Afrin Kathy",
        ),
        (
            "Who wrote the article on challenges in implementing social protection programmes?",
            "sp-gov-bd-challenges-implementing-sp-shamsul-alam.md",
            "Shamsul Alam",
        ),
        (
            "Who wrote the Prothom Alo op-ed on gender equality through social protection published in March 2017?",
            "sp-gov-bd-gender-equality-bangla-oped.md",
            "Mohammad Shafiul Alam",
        ),
        (
            "জেন্ডার-সমতা নিয়ে প্রথম আলোর লেখাটি কে লিখেছেন?",
            "sp-gov-bd-gender-equality-bangla-oped.md",
            "Mohammad Shafiul Alam",
        ),
    ],
)
def test_who_wrote_a_piece_is_answered_by_its_byline(web_assistant, question, source, writer):
    answer = web_assistant.answer(question)

    assert not answer.abstained, answer.text
    assert answer.citations[0].source == source, answer.text
    assert writer in answer.citations[0].quote, answer.text


def test_a_piece_with_no_byline_is_not_given_another_pieces_writer(web_assistant):
    answer = web_assistant.answer("Who wrote the Dhaka Tribune piece 'Can we develop a national pension system?'")

    assert answer.abstained or not any(
        name in answer.text for name in ("Arju Afrin Kathy", "Shamsul Alam", "Shafiul Alam", "Sanjida Sultana")
    ), answer.text


def test_who_wrote_a_piece_is_not_found_in_a_quote_naming_no_one():
    from nsss.assistant.answerability import slot_missing

    question = analyse("Who wrote the 2025 paper on urban poverty and social protection for the urban poor?")

    assert slot_missing(question, "This paper examines urban poverty and vulnerability situations in Bangladesh.")
    assert not slot_missing(question, "By Arju Afrin Kathy")
    assert not slot_missing(question, "The strategy was prepared by the General Economics Division.")


def test_a_paper_the_documents_name_no_writer_of_is_declined(web_assistant):
    answer = web_assistant.answer(
        "Who wrote the 2025 paper 'Understanding Urban Poverty and Strengthening Social Protection for Urban Poor and "
        "Vulnerable Population'?"
    )

    assert answer.abstained, answer.text
