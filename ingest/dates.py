"""Find a document's date in its own words: a date printed on its first page, or one in its web address."""

from __future__ import annotations

import datetime as dt
import re

MONTHS = {
    m: i
    for i, m in enumerate(
        "january february march april may june july august september october november december".split(), 1
    )
}
MONTHS.update({m[:3]: i for m, i in list(MONTHS.items())})
MONTHS["sept"] = 9
_MONTH = r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
PATTERNS = [
    re.compile(rf"\b{_YEAR}-(?P<month>[01]\d)-(?P<day>[0-3]\d)\b"),  # 2022-10-06
    re.compile(rf"\b{_DAY}(?:\s+of)?\s+{_MONTH},?\s+{_YEAR}\b", re.I),  # 21st April, 2018
    re.compile(rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b", re.I),  # April 21, 2018
]
# A month and year alone is a date only on a short line of its own (a title page's "Dhaka, March 2024"); in a
# sentence it is usually history ("approved by the Cabinet in June 2015").
MONTH_YEAR = re.compile(rf"^[^\n]{{0,40}}\b{_MONTH},?\s+{_YEAR}\b[^\n]{{0,20}}$", re.I | re.M)
URL_DATE = re.compile(r"/(?P<year>(?:19|20)\d\d)[/-](?P<month>[01]?\d)(?:[/-](?P<day>[0-3]?\d))?(?:/|$|[-_])")
FIRST_PAGE = 3000  # characters of the text searched for a date: a title page, a news story's dateline
# python-docx writes its own template's creation time into every document made from it.
TEMPLATE_DATES = {"2013-12-23"}


def _iso(year: str, month: str, day: str | None) -> str | None:
    m = int(month) if month.isdigit() else MONTHS.get(month.lower().rstrip("."))
    if not m or not 1 <= m <= 12:
        return None
    y = int(year)
    if day is None:
        return f"{y:04d}-{m:02d}"
    try:
        return dt.date(y, m, int(day)).isoformat()
    except ValueError:
        return None


def date_in_text(text: str, today: dt.date | None = None) -> str:
    """Return the first full date (or month and year) printed near the start of a text, as ISO; "" if none."""
    head = text[:FIRST_PAGE]
    latest = (today or dt.date.today()).isoformat()
    found: list[tuple[int, str]] = []
    for pattern in (*PATTERNS, MONTH_YEAR):
        for m in pattern.finditer(head):
            iso = _iso(m.group("year"), m.group("month"), m.groupdict().get("day"))
            if iso and iso[:4] >= "1990" and iso <= latest:
                found.append((m.start(), iso))
        if found:  # a full date beats a month and year found earlier
            break
    return min(found)[1] if found else ""


def date_in_url(url: str) -> str:
    """Return the date in a web address such as /2018/04/21/ or /2024/02/, as ISO; "" if none."""
    m = URL_DATE.search(url or "")
    if not m:
        return ""
    return _iso(m.group("year"), m.group("month"), m.group("day")) or ""


def metadata_date(value: str) -> str:
    """Return a creation date from file metadata unless it is a template's placeholder."""
    return "" if value[:10] in TEMPLATE_DATES else value
