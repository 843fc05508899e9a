"""Shared set-up of the fuzz harnesses: the frozen test rulebook and the seed corpora."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("NEWSLINT_NO_CACHE", "1")

DRAFT_SEEDS = [ROOT / "examples", ROOT / "tests" / "clean", ROOT / "tests" / "cases", ROOT / "tests" / "fix"]
RULE_SEEDS = [ROOT / "rules", ROOT / "tests" / "rules"]


def seed_corpus(name: str, sources: list[Path], suffixes: tuple[str, ...]) -> str:
    """A folder of seed inputs made from the project's own fixtures (made once)."""
    folder = ROOT / "fuzz" / ".corpus" / name
    if not folder.exists():
        folder.mkdir(parents=True)
        for source in sources:
            for path in sorted(source.rglob("*")):
                if path.is_file() and path.suffix in suffixes:
                    shutil.copy(path, folder / f"{path.parent.name}-{path.name}")
    return str(folder)


CONFIG_SEEDS = (
    b"y" + b"ignore: [NL101]\nselect: [NL1, NL2]\ndefault_date: 2025-02-17\n",
    b"y" + b"per_path_ignores:\n  'archive/*.md': [NL003]\nseverity: {NL201: warning}\nextensions: [md, txt]\n",
    b"y" + b"rules: [rules]\ndefault_rules: false\n",
    b"t" + b"[tool.newslint]\nignore = [\"NL101\"]\ndefault_date = 2025-02-17\n",
    b"t" + b"[tool.newslint.per_path_ignores]\n\"a/*.md\" = [\"NL003\"]\n",
)


def seed_config_corpus() -> str:
    """Seed configurations (the first byte says which file they are: y for YAML, t for TOML)."""
    folder = ROOT / "fuzz" / ".corpus" / "config"
    if not folder.exists():
        folder.mkdir(parents=True)
        for number, seed in enumerate(CONFIG_SEEDS):
            (folder / f"seed-{number}").write_bytes(seed)
    return str(folder)
