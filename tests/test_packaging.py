"""The bundled rulebook ships inside the wheel, and an editable install finds it in the checkout."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.conftest import ROOT


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    built = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(out), str(ROOT)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert built.returncode == 0, built.stderr
    [path] = out.glob("newslint-*.whl")
    return path


def test_wheel_contains_rules(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    bundled = sorted(n.split("/", 2)[2] for n in names if n.startswith("newslint/rules/"))
    assert bundled == sorted(p.relative_to(ROOT / "rules").as_posix() for p in (ROOT / "rules").rglob("*.yaml"))


def test_installed_wheel_uses_its_own_rules(wheel: Path, tmp_path: Path) -> None:
    """Unpacked away from the checkout, the package loads the rules it carries."""
    zipfile.ZipFile(wheel).extractall(tmp_path / "site")
    draft = tmp_path / "draft.txt"
    draft.write_text("Dateline: 2025-02-17\n\nFormer US President Donald Trump spoke.\n", encoding="utf-8")
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys; sys.path.insert(0, sys.argv[1]); "
            "from newslint.rulebook.loader import bundled_rules_dir; print(bundled_rules_dir()); "
            "from newslint.cli import main; sys.exit(main(sys.argv[2:]))",
            str(tmp_path / "site"),
            str(draft),
        ],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=300,
    )
    lines = result.stdout.splitlines()
    assert lines[0] == str(tmp_path / "site" / "newslint" / "rules")
    assert ":3:1: NL201 " in lines[1]
    assert result.returncode == 1


def test_editable_install_finds_checkout_rules() -> None:
    result = subprocess.run(
        [sys.executable, "-c", "import newslint.rulebook.loader as l; print(l.bundled_rules_dir())"],
        capture_output=True,
        text=True,
        cwd="/",
    )
    assert result.stdout.strip() == str(ROOT / "rules")
