"""Encode with an ONNX export of the bundled model, made here from its own weights: the same vectors as PyTorch,
without importing torch, transformers or sentence-transformers, and about twice as fast on this CPU
(eval/RESULTS.md, "Speed of the query path")."""

from __future__ import annotations

import hashlib
import json
import os
import threading
from pathlib import Path

from nsss.core.layout import model_slug

# Bump when the exported graph changes (inputs, pooling, opset): older files are then ignored and made again.
EXPORT_VERSION = 2  # 2: texts packed into one sequence, each attending only to itself
# Short texts are packed into sequences of this many word pieces: fewer runs, each with its own overhead, against
# attention's cost, the square of a run's length; 64, 128 and 256 measured alike here
# (`python -m nsss.eval.bench.ingest --pack-tokens N`, eval/RESULTS.md, "Packing short texts into one run").
PACK_TOKENS = 128
# The export is kept only if it gives the PyTorch model's vectors on these texts, to this cosine.
AGREEMENT = 0.99999
PROBES = (
    "Who chairs the Central Management Committee?",
    "The National Social Security Strategy was approved by the Cabinet in June 2015 and runs until 2026.",
    "বয়স্ক ভাতা কর্মসূচির আওতায় মাসিক ভাতার পরিমাণ কত?",
    "NSSS",
)


def cache_dir() -> Path:
    """Return the folder for exported models: $XDG_CACHE_HOME/nsss/onnx (made locally, never downloaded)."""
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "nsss" / "onnx"


def export_path(model_dir: str) -> Path:
    """Name the export of a model folder after its weights file (size and time) and the export's version."""
    weights = Path(model_dir) / "model.safetensors"
    stat = weights.stat()
    key = f"{weights.resolve()}\x00{stat.st_size}\x00{stat.st_mtime_ns}\x00{EXPORT_VERSION}"
    return cache_dir() / f"all-minilm-l6-v2-{hashlib.sha256(key.encode()).hexdigest()[:16]}.onnx"


class OnnxEmbedder:
    """all-MiniLM-L6-v2 run by onnxruntime: tokenised by its own tokenizer.json; mean-pooled and normalised here.

    Short texts are packed into one sequence of up to PACK_TOKENS word pieces, each with its own positions and
    attending only to itself: the vectors are those of encoding each alone (the export's check covers it), and a
    thousand sentences cost one run per pack instead of one run each (eval/RESULTS.md, "Packing short texts
    into one run").
    """

    def __init__(self, name: str, model_dir: str, path: Path, threads: int = 0):
        import onnxruntime
        from tokenizers import Tokenizer

        self.name = name
        self.path = path
        config = json.loads((Path(model_dir) / "sentence_bert_config.json").read_text(encoding="utf-8"))
        self.max_tokens = int(config["max_seq_length"])
        self._pieces = Tokenizer.from_file(str(Path(model_dir) / "tokenizer.json"))
        self._pieces.no_truncation()
        self._pieces.no_padding()
        self._batch = Tokenizer.from_file(str(Path(model_dir) / "tokenizer.json"))
        self._batch.enable_truncation(self.max_tokens)
        self._batch.no_padding()
        self._ort = onnxruntime
        self.dim = int(json.loads((Path(model_dir) / "config.json").read_text(encoding="utf-8"))["hidden_size"])
        self._threads = threads
        self._session = None  # made at the first embed, once the number of threads is known
        self._opening = threading.Lock()

    def set_threads(self, threads: int) -> None:
        """Run on this many threads (0: onnxruntime's choice); a question's few short texts are fastest on one."""
        with self._opening:
            if threads != self._threads:
                self._threads, self._session = threads, None

    def _run(self, feeds: dict):
        session = self._session
        if session is None:
            with self._opening:
                if self._session is None:
                    options = self._ort.SessionOptions()
                    options.intra_op_num_threads = max(0, self._threads)
                    options.inter_op_num_threads = 1
                    # Threads that spin while waiting take a core from the other processes of a shared machine.
                    options.add_session_config_entry("session.intra_op.allow_spinning", "0")
                    self._session = self._ort.InferenceSession(
                        str(self.path), options, providers=["CPUExecutionProvider"]
                    )
                session = self._session
        return session.run(None, feeds)[0]

    def tokenize(self, text: str) -> list[str]:
        """Split text into the model's word pieces, to measure it against max_tokens."""
        return self._pieces.encode(text, add_special_tokens=False).tokens

    def count_tokens(self, text: str) -> int:
        """Count the model's word pieces in text, without [CLS] and [SEP]; cheaper than len(tokenize(text))."""
        return len(self._pieces.encode(text, add_special_tokens=False))

    def piece_spans(self, text: str) -> tuple[list[tuple[int, int]], list[int | None]] | None:
        """Return where each of text's word pieces lies and which word holds it (see `piece_spans`)."""
        return piece_spans(self._pieces, text)

    def embed(self, texts: list[str], progress: bool = False, batch_size: int = 1) -> list[list[float]]:
        """Embed texts as unit vectors (cosine similarity is then a dot product).

        Texts are packed into sequences of up to PACK_TOKENS word pieces, batch_size sequences per run: one at a
        time ran this graph fastest on this CPU (eval/RESULTS.md, "Speed of the query path").
        """
        import numpy as np

        if not texts:
            return []
        ids = [e.ids for e in self._batch.encode_batch(texts)]  # each cut to the model's window, as PyTorch does
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        bar = None
        if progress:
            from tqdm import tqdm

            bar = tqdm(total=len(texts), unit="text", desc="Embedding")
        packs = _packs([len(i) for i in ids], min(PACK_TOKENS, self.max_tokens))
        for start in range(0, len(packs), batch_size):
            group = packs[start : start + batch_size]
            width = max(sum(len(ids[i]) for i in pack) for pack in group)
            tokens = np.zeros((len(group), width), dtype=np.int64)
            positions = np.zeros((len(group), width), dtype=np.int64)
            segments = np.full((len(group), width), -1, dtype=np.int64)  # padding: a segment of its own
            for row, pack in enumerate(group):
                at = 0
                for segment, i in enumerate(pack):
                    n = len(ids[i])
                    tokens[row, at : at + n] = ids[i]
                    positions[row, at : at + n] = np.arange(n)
                    segments[row, at : at + n] = segment
                    at += n
            hidden = self._run({"input_ids": tokens, "position_ids": positions, "segments": segments})
            for row, pack in enumerate(group):
                at = 0
                for i in pack:
                    n = len(ids[i])
                    mean = hidden[row, at : at + n].mean(0)  # every token, [CLS] and [SEP] too, as PyTorch pools
                    out[i] = mean / max(float(np.linalg.norm(mean)), 1e-12)
                    at += n
            if bar is not None:
                bar.update(sum(len(pack) for pack in group))
        if bar is not None:
            bar.close()
        return out.tolist()

    @property
    def slug(self) -> str:
        """Name the model as its PyTorch twin does: the vectors are the same, so is the collection."""
        return model_slug(self.name)


def piece_spans(tokenizer, text: str) -> tuple[list[tuple[int, int]], list[int | None]] | None:
    """Tokenize text once: each word piece's span (in characters) and the word it belongs to; None unless the
    tokenizer is BERT's, whose pieces of a text cut at a word boundary are the text's own.

    BERT's normalizer works a character at a time (drops control characters, strips accents, lowercases) and its
    pre-tokenizer cuts at white space and punctuation; word pieces never cross a word. Other tokenizers (the
    SentencePiece of multilingual models marks a word's start by the space before it) give None: count each text.
    """
    from tokenizers.normalizers import BertNormalizer
    from tokenizers.pre_tokenizers import BertPreTokenizer

    if not isinstance(tokenizer.normalizer, BertNormalizer) or not isinstance(
        tokenizer.pre_tokenizer, BertPreTokenizer
    ):
        return None
    encoding = tokenizer.encode(text, add_special_tokens=False)
    return encoding.offsets, encoding.word_ids


def _packs(lengths: list[int], limit: int) -> list[list[int]]:
    """Group texts (by their word-piece counts) into packs of at most limit pieces, longest first, each text in
    the first pack with room for it; a longer text is a pack of its own."""
    packs: list[list[int]] = []
    room: list[int] = []
    for i in sorted(range(len(lengths)), key=lambda i: -lengths[i]):
        n = lengths[i]
        for k, left in enumerate(room):
            if n <= left:
                packs[k].append(i)
                room[k] -= n
                break
        else:
            packs.append([i])
            room.append(limit - n)
    return packs


def export(model, model_dir: str, path: Path) -> bool:
    """Export a loaded sentence-transformers all-MiniLM-L6-v2 to ONNX at path; keep it only if it agrees.

    Needs torch (loaded with the model) and the `onnx` package; returns False, leaving nothing behind, when either
    is missing or the exported model's vectors differ from the model's own.
    """
    try:
        import onnx  # noqa: F401 - torch's exporter writes the file with it
        import onnxruntime  # noqa: F401
        import torch
    except ImportError:
        return False

    transformer = model[0].auto_model

    class Packed(torch.nn.Module):
        """The transformer over packed texts: a token attends only to the tokens of its own text (segment)."""

        def __init__(self):
            super().__init__()
            self.transformer = transformer

        def forward(self, input_ids, position_ids, segments):
            mask = (segments.unsqueeze(2) == segments.unsqueeze(1)).unsqueeze(1)  # [batch, 1, tokens, tokens]
            return self.transformer(
                input_ids=input_ids,
                position_ids=position_ids,
                attention_mask=mask,
                token_type_ids=torch.zeros_like(input_ids),
            ).last_hidden_state

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError:
        return False  # no cache folder to write to: PyTorch, as before
    partial = path.with_suffix(f".{os.getpid()}.partial")
    ids = model.tokenizer(list(PROBES[:2]))["input_ids"]
    sample = (
        torch.tensor([ids[0] + ids[1]]),
        torch.tensor([list(range(len(ids[0]))) + list(range(len(ids[1])))]),
        torch.tensor([[0] * len(ids[0]) + [1] * len(ids[1])]),
    )
    names = ["input_ids", "position_ids", "segments"]
    try:
        import warnings

        with warnings.catch_warnings(), torch.no_grad():
            warnings.simplefilter("ignore")
            torch.onnx.export(
                Packed().eval(),
                sample,
                str(partial),
                input_names=names,
                output_names=["hidden"],
                dynamic_axes={**{n: {0: "batch", 1: "tokens"} for n in names}, "hidden": {0: "batch", 1: "tokens"}},
                opset_version=17,
                dynamo=False,
            )
        exported = OnnxEmbedder("check", model_dir, partial, threads=1)
        import numpy as np

        mine = np.array(exported.embed(list(PROBES)))
        theirs = model.encode(list(PROBES), normalize_embeddings=True, convert_to_numpy=True)
        if float((mine * theirs).sum(1).min()) < AGREEMENT:
            partial.unlink(missing_ok=True)
            return False
        os.replace(partial, path)  # atomic: a reader sees no file or the whole file
        return True
    except Exception:  # noqa: BLE001 - an export that fails leaves PyTorch in use, as before
        partial.unlink(missing_ok=True)
        return False
