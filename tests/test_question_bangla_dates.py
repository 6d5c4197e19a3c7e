"""A Bangla question asking which year, fiscal year, month or date asks a date, whatever ending or postposition the
word takes ("কোন অর্থবছর থেকে", from which fiscal year; "কোন সাল থাইকা", spoken), as "from which fiscal year" does in
English. The question's reading on its own; the answers are judged in eval/RESULTS.md (FY, session 49)."""

import pytest
from nsss.assistant.question import analyse


@pytest.mark.parametrize(
    ("question", "slot"),
    [
        ("বয়স্ক ভাতা কোন অর্থবছর থেকে চালু হয়?", "date"),  # from which fiscal year
        ("ভাতা কোন সাল থাইকা চালু হইছে?", "date"),  # from which year, spoken
        ("প্রতিবন্ধী ভাতা পয়লা কোন বছর চালু হইছিল?", "date"),  # which year, no ending
        ("কোন সালের বাজেটে এটা প্রথম আসে?", "date"),  # which year's budget
        ("কোন তারিখ থেকে আবেদন নেওয়া হবে?", "date"),
        ("বয়স্ক ভাতা কোন অর্থবছরে চালু হয়েছিল?", "date"),  # (as before)
        ("From which fiscal year did the allowance start?", "date"),  # the English it matches
        ("কোন বছরে কতজন ভাতা পেয়েছে?", "number"),  # a count asked by year is a count
        ("কত বছর ধরে এটা চলবে?", "number"),  # how many years: how long
        ("কোন মন্ত্রণালয় এটা চালায়?", "organisation"),  # "কোন" before another noun asks no date
    ],
)
def test_which_year_month_or_date_in_bangla_asks_a_date(question, slot):
    assert analyse(question).slot == slot
