"""Corrections a person made to a document's title, kind, date or publisher, kept beside the store.

They live in `metadata.json` in the store folder, keyed by document key, so a re-ingest of the same file keeps
them: they are applied when a document is read for ingestion and whenever the store's records are read.
"""

from __future__ import annotations

import dataclasses
import json
import os
import re
import tempfile
from pathlib import Path

from nsss.core.layout import overrides_file

FIELDS = ("title", "kind", "date", "publisher")
DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")


class MetadataError(ValueError):
    """A correction that cannot be kept (an unknown field, a date that is not a date).

    Besides the message, it may carry a ui.i18n key and its values, so the web app can say it in Bangla too.
    """

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else ""


def read_overrides(store: Path) -> dict[str, dict[str, str]]:
    """Return every document's corrections, {} when there are none or the file is unreadable."""
    try:
        data = json.loads(overrides_file(store).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {k: {f: str(v) for f, v in d.items() if f in FIELDS} for k, d in data.items() if isinstance(d, dict)}


def apply_override(item, edits: dict[str, dict[str, str]]):
    """Return a Document or DocRecord with its corrections applied (the same object when it has none)."""
    fields = edits.get(item.key)
    return dataclasses.replace(item, **fields) if fields else item


def check(fields: dict[str, str]) -> dict[str, str]:
    """Clean a correction: known fields only, whitespace trimmed, dates as YYYY, YYYY-MM or YYYY-MM-DD."""
    unknown = set(fields) - set(FIELDS)
    if unknown:
        raise MetadataError(f"cannot change {', '.join(sorted(unknown))}; only {', '.join(FIELDS)}")
    clean = {k: " ".join(str(v).split()) for k, v in fields.items()}
    if clean.get("date") and not DATE.fullmatch(clean["date"]):
        raise MetadataError(
            f"date {clean['date']!r} is not a date: write 2024, 2024-03 or 2024-03-15",
            "bad_date",
            {"date": repr(clean["date"])},
        )
    if "title" in clean and not clean["title"]:
        raise MetadataError("a title cannot be empty", "empty_title", {})
    return clean


def write_override(store: Path, key: str, fields: dict[str, str]) -> dict[str, str]:
    """Keep a document's corrections (merged with earlier ones), written atomically; return them all."""
    clean = check(fields)
    edits = read_overrides(store)
    merged = {**edits.get(key, {}), **clean}
    edits[key] = merged
    Path(store).mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".metadata-", dir=store)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        json.dump(edits, fh, ensure_ascii=False, indent=1)
    os.replace(tmp, overrides_file(store))
    return merged
