"""Take files uploaded in the browser into the store's own folder: safe names, known types, a size limit."""

from __future__ import annotations

import re
import shutil
import unicodedata
from pathlib import Path

from nsss.ingest.load import FORMATS


def uploads_folder(store: Path) -> Path:
    """Return the store-managed folder uploaded documents are kept in."""
    return Path(store) / "uploads"


def safe_name(name: str) -> str:
    """Reduce a file name to a plain name that cannot leave its folder (no separators, no leading dots)."""
    name = unicodedata.normalize("NFC", str(name)).replace("\\", "/").rsplit("/", 1)[-1]
    name = "".join(ch if unicodedata.category(ch)[0] in "LMN" or ch in "._- ()" else "_" for ch in name)
    name = re.sub(r"_+", "_", name).strip(" ._")
    name = re.sub(r"\s+", " ", name)
    stem, dot, suffix = name.rpartition(".")
    if dot and len(name) > 120:
        name = f"{stem[: 119 - len(suffix)]}.{suffix}"
    return name[:120] or "upload"


def check(path: Path, name: str, max_mb: float) -> str | None:
    """Say why an uploaded file cannot be added (type, size, emptiness), or None when it can."""
    suffix = Path(name).suffix.lower()
    if suffix not in FORMATS:
        kinds = ", ".join(sorted(FORMATS))
        return f"{suffix or 'a file without an extension'} is not a supported type (supported: {kinds})"
    try:
        size = Path(path).stat().st_size
    except OSError as exc:
        return f"could not be received ({exc.strerror})"
    if size == 0:
        return "is empty"
    if size > max_mb * 1024 * 1024:
        return f"is {size / 1024 / 1024:.3g} MB, over the {max_mb:g} MB limit"
    return None


def free_name(folder: Path, name: str, temp: Path, taken: list[Path]) -> str:
    """Return the name an upload is kept under: its own, unless a different file has it, then "name (2).ext"."""
    stem, suffix = Path(name).stem, Path(name).suffix
    for n in range(1, 10_000):
        candidate = name if n == 1 else f"{stem} ({n}){suffix}"
        target = folder / candidate
        if target in taken:
            continue
        if not target.exists() or _same_bytes(target, temp):
            return candidate
    raise OSError(f"too many uploads named {name}")


def _same_bytes(a: Path, b: Path) -> bool:
    from nsss.ingest.load import file_sha256

    return a.stat().st_size == Path(b).stat().st_size and file_sha256(a) == file_sha256(Path(b))


def receive(files: list[tuple[Path, str]], folder: Path, max_mb: float) -> tuple[list[Path], list[tuple[str, str]]]:
    """Copy checked uploads (temporary path, name given by the user) into the folder; return them and the refusals.

    An upload never replaces a different document: when its name is taken, it is kept as "name (2).ext" and a
    notice among the refusals says so.
    """
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    root = folder.resolve()
    saved: list[Path] = []
    refused: list[tuple[str, str]] = []
    for temp, given in files:
        name = safe_name(given)
        problem = check(Path(temp), name, max_mb)
        target = (root / name).resolve()
        if problem is None and target.parent != root:
            problem = "has a name that is not allowed"
        if problem:
            refused.append((given, problem))
            continue
        kept = free_name(root, name, Path(temp), saved)
        if kept != name:
            refused.append(
                (
                    given,
                    f"a different document named {name} is already in the library; this one is "
                    f"added as {kept} (delete the old one in the library to replace it)",
                )
            )
            target = root / kept
        if target not in saved:
            if not target.exists():  # one that exists holds these very bytes (free_name)
                try:
                    shutil.copyfile(temp, target)
                except OSError:
                    target.unlink(missing_ok=True)  # no half-copied file left to be mistaken for a document
                    raise
            saved.append(target)
    return saved, refused
