"""Fuzz the rule loader: any bytes as a rule file load, or are rejected with positioned errors.

Run: .venv/bin/python fuzz/fuzz_rules.py -max_total_time=1800 (after pip install atheris)
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import atheris

from _common import RULE_SEEDS, seed_corpus

with atheris.instrument_imports():
    from newslint.rulebook.errors import RulebookError
    from newslint.rulebook.loader import load_rulebook

FOLDER = Path(tempfile.mkdtemp(prefix="newslint-fuzz-rules-"))


def test_one_input(data: bytes) -> None:
    path = FOLDER / "rules.yaml"
    path.write_bytes(data)
    try:
        load_rulebook([FOLDER])
    except RulebookError as error:
        assert error.errors
        for problem in error.errors:
            assert str(problem).startswith(f"{path}:"), str(problem)


if __name__ == "__main__":
    atheris.Setup([*sys.argv, seed_corpus("rules", RULE_SEEDS, (".yaml",))], test_one_input)
    atheris.Fuzz()
