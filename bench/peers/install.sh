#!/usr/bin/env bash
# Install the peers that `python bench/run.py --peers` measures newslint against:
# textlint + textlint-rule-prh (versions pinned in package.json) into bench/peers/node_modules,
# and proselint into its own virtual environment, bench/peers/venv. Needs node, npm and network.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$here"
command -v npm >/dev/null || { echo "install.sh: npm is needed for textlint" >&2; exit 1; }
npm install --no-audit --no-fund --loglevel=error
python="${PYTHON:-python3}"
"$python" -m venv venv
venv/bin/pip install --quiet --upgrade pip
venv/bin/pip install --quiet "proselint==0.16.0"
echo "peers installed: textlint $(node_modules/.bin/textlint --version | head -1), $(venv/bin/proselint version 2>&1 | head -1)"
