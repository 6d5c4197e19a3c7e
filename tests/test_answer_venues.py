"""Where an event was held, when the record gives its venue on a line of its own ("Venue: Meeting Room No. 22...")
that shares no word with the question. Real model, real Chroma: the bundled corpus."""

import pytest
from conftest import ask_in_turn
from nsss.assistant import open_assistant
from nsss.assistant.scoring import fills_slot


@pytest.fixture(scope="module")
def assistant(seed_store):
    return open_assistant(seed_store, use_llm=False)


def test_where_was_it_held_is_answered_by_the_venue_line(assistant):
    _, where = ask_in_turn(assistant, "Who chaired the focal point meeting in June 2022?", "Where was it held?")
    assert not where.abstained
    assert where.citations[0].quote.startswith("Venue: Meeting Room No. 22")


@pytest.mark.parametrize(
    "text, is_place",
    [
        ("Venue: Meeting Room No. 22, Building No. 1, Cabinet Division, Bangladesh Secretariat.", True),
        ("The workshop was held on 23 January 2025 in the Hotel InterContinental, Dhaka.", True),
        ("The fair took place at the Bangabandhu International Conference Centre.", True),
        ("2) Building consensus on the Single Registry MIS and interoperability;", False),
        ("The Hall of Fame award was not discussed.", True),  # a named hall is a place, even when it is not a venue
        # where a service is had: an agent, a branch, an office
        ("Mothers can withdraw the money at nearby Rupali Bank SureCash agents.", True),
        ("Beneficiaries collect the allowance from the post office.", True),
        ("At least five offices took part in the pilot.", False),
        ("The money is paid every month.", False),
    ],
)
def test_a_venue_fills_a_where_question(text, is_place):
    assert fills_slot("place", text) is is_place
