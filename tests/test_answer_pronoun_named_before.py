"""Who held a role, said by a pronoun: a report's sentence "তিনি ... প্রধান অতিথির বক্তৃতায় এ কথা বলেন" ("He said
this in his speech as chief guest") holds the role asked and names nobody; the sentence before it, in the passage
before, names the Speaker. Asked who the chief guest was, the answer quotes both, so that it says who. Real model, real
Chroma, over the web corpus."""

from conftest import ask_in_turn, cited


def test_a_pronoun_led_quote_brings_the_sentence_that_names_the_person(web_assistant):
    _, answer = ask_in_turn(
        web_assistant,
        "কর্মশালাটি কোথায় হয়েছিল যেখানে সংসদ সদস্যদের এনএসএসএস সম্পর্কে অবহিত করা হয়?",
        "সেখানে প্রধান অতিথি কে ছিলেন?",
    )
    assert not answer.abstained, answer
    assert cited(answer) == {"amaderkonthosor-bangla-nsss-mp-workshop.md"}
    quotes = [c.quote for c in answer.citations]
    assert any("শিরীন শারমিন চৌধুরী" in q for q in quotes), quotes
    assert any(q.startswith("তিনি") and "প্রধান অতিথির" in q for q in quotes), quotes
    # the sentence naming her comes first, as in the report
    assert answer.text.index("শিরীন শারমিন চৌধুরী") < answer.text.index("তিনি")


def test_where_asked_the_pronoun_led_sentence_that_says_where_is_quoted_without_the_one_before(web_assistant):
    answer = web_assistant.answer("কর্মশালাটি কোথায় হয়েছিল যেখানে সংসদ সদস্যদের এনএসএসএস সম্পর্কে অবহিত করা হয়?")
    assert not answer.abstained, answer
    quotes = [c.quote for c in answer.citations if c.source.endswith("amaderkonthosor-bangla-nsss-mp-workshop.md")]
    assert any("শপথ কক্ষে" in q for q in quotes), quotes
    assert not any("শিরীন শারমিন চৌধুরী" in q for q in quotes), quotes
