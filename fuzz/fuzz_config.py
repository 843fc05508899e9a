"""Fuzz the configuration loader: any bytes as newslint.yaml or pyproject.toml give settings,
or are rejected with positioned errors; never another exception, never a hang.

Run: .venv/bin/python fuzz/fuzz_config.py -max_total_time=1800 (after pip install atheris)
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import atheris

from _common import ROOT, seed_config_corpus

with atheris.instrument_imports():
    from newslint.config import ConfigError, clear_caches, load_config

FOLDER = Path(tempfile.mkdtemp(prefix="newslint-fuzz-config-"))


def test_one_input(data: bytes) -> None:
    # the first byte chooses the file: YAML or the [tool.newslint] table of pyproject.toml
    name = "pyproject.toml" if data[:1] == b"t" else "newslint.yaml"
    path = FOLDER / name
    path.write_bytes(data[1:])
    clear_caches()
    try:
        settings = load_config(path)
    except ConfigError as error:
        assert error.errors
        for problem in error.errors:
            assert str(problem).startswith(f"{path}:"), str(problem)
        return
    settings.ignores_for(str(ROOT / "drafts" / "a.md"))  # the globs compile and match


if __name__ == "__main__":
    atheris.Setup([*sys.argv, seed_config_corpus()], test_one_input)
    atheris.Fuzz()
