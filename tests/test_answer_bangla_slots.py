"""What a Bangla question asks is read from the forms people speak as well as the standard ones ("কোন জায়গায়",
"কেডা", "কত ট্যাকা", "কয়টা"), so that a quote that does not hold it is not given as the answer. Real model, real
Chroma, over English reports that hold what is asked of one thing and not of another."""

import pytest
from conftest import cited, ingested_documents
from nsss.assistant import open_assistant

DOCS = {
    "lifecycle-workshop.md": """# Workshop on lifecycle social protection

A workshop on lifecycle-based social protection systems was held on 12 March 2023, organised by the Cabinet Division.
The workshop was chaired by Mr Md Kamal Hossain, Secretary (Coordination and Reforms).
""",
    "old-age-allowance.md": """# Old Age Allowance

The Old Age Allowance programme was introduced in the financial year 1997-98. In the fiscal year 2023-24, 58.01 lakh
elderly people receive the old age allowance.
""",
    "registry-pilot.md": """# Dynamic social registry

The dynamic social registry will receive applications for the allowances online. Its pilot runs in the upazilas of
Kurigram district.
""",
}


@pytest.fixture(scope="module")
def assistant(tmp_path_factory, embedder):
    """The extractive assistant over the corpus above."""
    return open_assistant(ingested_documents(tmp_path_factory, "bangla-slots", DOCS), use_llm=False)


@pytest.mark.parametrize(
    "question",
    [
        "জীবনচক্র সামাজিক সুরক্ষা কর্মশালাটা কোন জায়গায় হইছিল?",  # where: the record gives the day, not the place
        "জীবনচক্র সামাজিক সুরক্ষা কর্মশালায় প্রধান অতিথি কেডা আছিল?",  # who was chief guest: it names the chair
        "বয়স্ক ভাতা মাসে কত ট্যাকা দেয়?",  # how many taka a month: it gives how many people
        "ডায়নামিক সোশ্যাল রেজিস্ট্রির পাইলট কয়টা উপজেলায় চলে?",  # in how many upazilas: it names the district
    ],
)
def test_a_spoken_bangla_question_is_declined_when_the_quote_lacks_what_it_asks(assistant, question):
    answer = assistant.answer(question)

    assert answer.abstained, answer.text


def test_a_spoken_bangla_question_is_answered_when_the_quote_holds_what_it_asks(assistant):
    """ "কর্মশালাটা কুন তারিখে হইছিল?" (on what date?): the record gives the day."""
    answer = assistant.answer("জীবনচক্র সামাজিক সুরক্ষা কর্মশালাটা কুন তারিখে হইছিল?")

    assert not answer.abstained and cited(answer) == {"lifecycle-workshop.md"}, answer.text
    assert "12 March 2023" in answer.text
