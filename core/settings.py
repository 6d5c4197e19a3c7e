"""One typed settings object, read from defaults, an optional TOML file and NSSS_* environment variables."""

from __future__ import annotations

import dataclasses
import os
import tomllib
from dataclasses import dataclass, field, fields
from pathlib import Path

BUNDLED_MODEL = "all-MiniLM-L6-v2"
PROJECT_ROOT = Path(__file__).resolve().parent.parent
BUNDLED_CORPUS = PROJECT_ROOT / "corpus"

# Set before any heavy library is imported, so nothing looks anything up on the internet.
OFFLINE_ENV = {
    "HF_HUB_OFFLINE": "1",
    "TRANSFORMERS_OFFLINE": "1",
    "HF_DATASETS_OFFLINE": "1",
    "HF_HUB_DISABLE_TELEMETRY": "1",
    "HF_HUB_DISABLE_IMPLICIT_TOKEN": "1",
    "DO_NOT_TRACK": "1",
    "GRADIO_ANALYTICS_ENABLED": "False",
    "ANONYMIZED_TELEMETRY": "False",
    "TOKENIZERS_PARALLELISM": "false",
}


def go_offline() -> None:
    """Set the environment that keeps every library offline and silent."""
    os.environ.update(OFFLINE_ENV)


class SettingsError(ValueError):
    """A setting has a value that cannot be used."""


def _default_store() -> Path:
    base = os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share"
    return Path(base) / "nsss"


def _default_config() -> Path:
    base = os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config"
    return Path(base) / "nsss" / "config.toml"


@dataclass(frozen=True)
class Settings:
    """Everything the assistant can be told; see the README's settings table."""

    store: Path = field(default_factory=_default_store)
    chroma_url: str = ""
    embed_model: str = BUNDLED_MODEL
    onnx: bool = True  # run the bundled model from an ONNX export made here from its weights (same vectors, faster)
    max_file_mb: float = 50.0
    # Limits that stop hostile files before they cost (see README, "Limits"); each refusal names its variable.
    max_expanded_mb: float = 200.0  # a DOCX's (zip's) content once unpacked
    max_zip_members: int = 2000  # files inside one DOCX
    max_zip_ratio: float = 1000.0  # unpacked size over packed size, for a member over 1 MB unpacked
    max_xml_elements: int = 2_000_000  # XML elements in a DOCX's body (paragraphs, runs, cells...)
    max_pages: int = 5000  # pages of one PDF
    max_parse_seconds: float = 300.0  # to read one file
    max_parse_mb: int = 2048  # memory of the process that reads files
    max_question_chars: int = 2000  # longest question the web app takes
    chunk_overlap: int = 64  # at most this many word pieces of whole sentences repeat the previous chunk
    top_k: int = 5
    llm_url: str = ""
    llm_model: str = ""
    llm_api_key: str = ""
    llm_timeout: float = 60.0
    auth: str = ""
    host: str = "127.0.0.1"
    port: int = 7860
    ocr: bool = True  # read scanned pages and broken Bangla text layers with OCR
    glossary: bool = True  # search English queries with their Bangla terms too, and Bangla with English
    language: str = "en"  # the web app's labels: "en" (English) or "bn" (Bangla); answers keep the documents' language
    citation_style: str = "author-date"  # or "numbered"

    def __post_init__(self):
        if self.language not in ("en", "bn"):
            raise SettingsError(f"language {self.language!r} is not known: use en (English) or bn (Bangla)")
        if self.citation_style not in ("author-date", "numbered"):
            raise SettingsError(f"citation_style {self.citation_style!r} is not known: use author-date or numbered")

    @classmethod
    def load(cls, config: Path | None = None, **overrides) -> Settings:
        """Read settings: defaults, then the TOML file, then NSSS_* variables, then explicit overrides."""
        values: dict[str, object] = {}
        path = config or (Path(os.environ["NSSS_CONFIG"]) if os.environ.get("NSSS_CONFIG") else None)
        if path is None and _default_config().is_file():
            path = _default_config()
        if path is not None:
            try:
                data = tomllib.loads(path.read_text(encoding="utf-8"))
            except FileNotFoundError:
                raise SettingsError(f"{path}: settings file not found") from None
            except tomllib.TOMLDecodeError as exc:
                raise SettingsError(f"{path}: not valid TOML ({exc})") from None
            known = {f.name for f in fields(cls)}
            unknown = sorted(set(data) - known)
            if unknown:
                raise SettingsError(
                    f"{path}: unknown setting(s) {', '.join(unknown)}; known: {', '.join(sorted(known))}"
                )
            values.update(data)
        for f in fields(cls):
            env = os.environ.get(f"NSSS_{f.name.upper()}")
            if env is not None and env != "":
                values[f.name] = env
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**{k: _convert(cls, k, v) for k, v in values.items()})

    def as_env(self) -> dict[str, str]:
        """Return NSSS_* variables that make Settings.load() in a child process give these settings back."""
        env = {"NSSS_CONFIG": os.devnull}  # every setting is in a variable: no settings file is read
        for f in fields(self):
            value = getattr(self, f.name)
            env[f"NSSS_{f.name.upper()}"] = ("1" if value else "0") if isinstance(value, bool) else str(value)
        return env

    def replace(self, **changes) -> Settings:
        """Return a copy with some settings changed."""
        return dataclasses.replace(self, **{k: _convert(type(self), k, v) for k, v in changes.items()})


def _convert(cls, name: str, value: object) -> object:
    kind = {f.name: f.type for f in fields(cls)}[name]
    try:
        if kind == "Path":
            return Path(str(value)).expanduser()
        if kind == "int":
            return int(value)
        if kind == "float":
            return float(value)
        if kind == "bool":
            if isinstance(value, bool):
                return value
            word = str(value).strip().lower()
            if word not in ("1", "0", "true", "false", "yes", "no", "on", "off"):
                raise ValueError(word)
            return word in ("1", "true", "yes", "on")
        return str(value)
    except (TypeError, ValueError):
        raise SettingsError(f"setting {name} (NSSS_{name.upper()}): {value!r} is not a valid {kind}") from None
