"""Who may take part, asked in everyday verbs ("Who can sign up?", "Who's allowed to join?", "Who qualifies?"), is read
as who is eligible: a group, not a named person; the items under the criteria heading; a follow-up that names no
subject of its own. Real model, real Chroma for the answers; the question's reading on its own."""

import pytest
from conftest import ask_in_turn
from nsss.assistant.conversation import names_subject
from nsss.assistant.question import analyse


@pytest.mark.parametrize(
    "question",
    [
        "Who can sign up?",
        "Who's allowed to join?",
        "Who is allowed to work on it?",
        "Who qualifies for it?",
        "Who can get onto it?",
        "Who is eligible?",
    ],
)
def test_who_may_take_part_is_read_as_who_is_eligible(question):
    q = analyse(question)
    # a group of people, the criteria section, and no subject of its own: "sign", "join", "allowed" name nothing
    assert (q.slot, q.section, q.subject) == ("list", "eligibility", ()), q
    assert "elig" in q.asked
    assert not names_subject(q)


@pytest.mark.parametrize(
    "question",
    [
        "Who chaired the meeting that agreed to join the two registries?",
        "I heard the interim government wants people to sign up for allowances online. What is that system called?",
        "Who signed the agreement with bKash?",
    ],
)
def test_other_joins_and_signings_are_read_as_before(question):
    q = analyse(question)
    assert q.section != "eligibility" and "elig" not in q.terms, q


@pytest.mark.parametrize("follow_up", ["Who can sign up?", "Who's allowed to join?"])
def test_who_can_sign_up_after_a_turn_on_a_programme_quotes_its_criteria(web_assistant, follow_up):
    """After a question that finds the EGPP, "Who can sign up?" is a follow-up, and the answer quotes the programme's
    criteria, which hold none of its words ("Criteria for participation", "Eligible households should have...");
    before, "sign" named a subject and the question was answered alone, with a signing ceremony
    (eval/RESULTS.md, session 34: EL)."""
    _, answer = ask_in_turn(
        web_assistant,
        "What's that government work scheme for the poorest people in the villages called? I think it had a "
        "different name before.",
        follow_up,
    )

    quotes = " ".join(c.quote for c in answer.citations)
    assert answer.followup and not answer.abstained, answer.text
    assert "acre" in quotes, answer.text
    assert "signing ceremony" not in quotes, answer.text


@pytest.mark.parametrize(
    "question, eligibility",
    [
        ("কারা এইখানে কামের লাইগা নাম লেখাইতে পারে?", True),
        ("ইজিপিপির কাজে নাম লেখাতে হলে কী কী শর্ত মানতে হয়?", True),
        ("অতিদরিদ্রদের জন্য কর্মসংস্থান কর্মসূচিতে (ইজিপিপি) কারা কাজ পাওয়ার যোগ্য?", True),
        # one condition asked of, yes or no: not the list of all of them
        ("মহিলাদের বয়সের শর্ত কি কিছু বদলাইছে?", False),
    ],
)
def test_who_may_take_part_asked_in_bangla_is_read_as_eligibility(question, eligibility):
    q = analyse(question)
    assert (q.section == "eligibility") is eligibility, q
    assert ("elig" in q.asked) is eligibility, q


def test_the_conditions_for_signing_up_asked_in_bangla_quote_the_criteria(web_assistant):
    """ "ইজিপিপির কাজে নাম লেখাতে হলে কী কী শর্ত মানতে হয়?" (what conditions must one meet to sign up for EGPP work?)
    quotes the criteria; before, it quoted how many the programme reached (eval/RESULTS.md, session 34: ELB)."""
    answer = web_assistant.answer("ইজিপিপির কাজে নাম লেখাতে হলে কী কী শর্ত মানতে হয়?")

    quotes = " ".join(c.quote for c in answer.citations)
    assert not answer.abstained and "acre" in quotes, answer.text
