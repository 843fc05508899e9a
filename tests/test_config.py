"""Configuration files: nearest wins, unknown keys are positioned errors, --show-config tells why."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import run_cli

DRAFT = "German Chancellor Olaf Scholz flew to Kiev.\n"


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "newsroom"\n\n[tool.newslint]\nselect = ["NL2", "NL5"]\n'
        'default_date = 2025-06-01\nper_path_ignores = { "archive/*" = ["NL202"] }\n',
        encoding="utf-8",
    )
    (tmp_path / "desk").mkdir()
    (tmp_path / "desk" / "newslint.yaml").write_text("ignore: [NL501]\nseverity: {NL202: warning}\n", encoding="utf-8")
    for name in ("top.txt", "desk/b.txt", "desk/deeper/c.txt", "archive/d.txt"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(DRAFT, encoding="utf-8")
    return tmp_path


def codes(result) -> list[tuple[str, str, str]]:
    return [
        (line.split(":")[0], line.split()[1], "warning" if " warning: " in line else "error")
        for line in result.stdout.splitlines()[:-1]
    ]


def test_nearest_configuration_wins(tree: Path) -> None:
    result = run_cli(".", cwd=tree)
    assert codes(result) == [
        ("./archive/d.txt", "NL501", "error"),  # per-path ignore of NL202 under archive/
        ("./desk/b.txt", "NL202", "warning"),  # desk/newslint.yaml: NL501 ignored, NL202 a warning
        ("./desk/deeper/c.txt", "NL202", "warning"),
        ("./top.txt", "NL202", "error"),
        ("./top.txt", "NL501", "error"),
    ]
    # desk/newslint.yaml wins whole: pyproject's default_date does not apply there
    assert "on 2025-06-01" in [line for line in result.stdout.splitlines() if line.startswith("./top.txt")][0]
    assert "on 2025-06-01" not in [line for line in result.stdout.splitlines() if line.startswith("./desk/b.txt")][0]


def test_command_line_overrides_configuration(tree: Path) -> None:
    result = run_cli("--select", "NL5", "top.txt", cwd=tree)
    assert codes(result) == [("top.txt", "NL501", "error")]
    isolated = run_cli("--isolated", "--date", "2025-02-17", "desk/b.txt", cwd=tree)
    assert codes(isolated) == [("desk/b.txt", "NL501", "error")]


def test_show_config_says_where_values_come_from(tree: Path) -> None:
    result = run_cli("--show-config", "archive/d.txt", cwd=tree)
    assert result.returncode == 0
    lines = result.stdout.splitlines()
    assert lines[0] == "Settings for archive/d.txt:"
    assert f'  select = ["NL2", "NL5"]  # {tree / "pyproject.toml"}:5:1' in lines
    assert f'  default_date = "2025-06-01"  # {tree / "pyproject.toml"}:6:1' in lines
    assert "  ignore = []  # default" in lines
    desk = run_cli("--show-config", "desk/deeper/c.txt", "--ignore", "NL3", cwd=tree).stdout.splitlines()
    assert '  ignore = ["NL501", "NL3"]  # command line' in desk
    assert f'  severity = {{"NL202": "warning"}}  # {tree / "desk" / "newslint.yaml"}:2:11' in desk


def test_unknown_keys_are_errors_with_position(tree: Path) -> None:
    (tree / "desk" / "newslint.yaml").write_text("ignore: [NL501]\nselct: [NL2]\n", encoding="utf-8")
    result = run_cli("desk/b.txt", cwd=tree)
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        f"{tree / 'desk' / 'newslint.yaml'}:2:1: unknown key 'selct' in the configuration (did you mean 'select'?)",
        "newslint: 1 problem in configuration files",
    ]
    (tree / "pyproject.toml").write_text("[tool.newslint]\nselect = ['NL2']\nrulez = ['x']\n", encoding="utf-8")
    toml = run_cli("top.txt", cwd=tree)
    assert toml.returncode == 2
    assert (
        f"{tree / 'pyproject.toml'}:3:1: unknown key 'rulez' in [tool.newslint] (did you mean 'rules'?)" in toml.stderr
    )


def test_wrong_types_and_missing_rule_folder(tree: Path) -> None:
    (tree / "desk" / "newslint.yaml").write_text(
        "default_rules: maybe\nrules: [missing-folder]\nseverity: {NL202: fatal}\n", encoding="utf-8"
    )
    result = run_cli("desk/b.txt", cwd=tree)
    assert result.returncode == 2
    errors = result.stderr.splitlines()[:-1]
    assert errors == [
        f"{tree / 'desk' / 'newslint.yaml'}:1:16: 'default_rules' must be true or false",
        f"{tree / 'desk' / 'newslint.yaml'}:2:8: rule folder '{tree / 'desk' / 'missing-folder'}' does not exist",
        f"{tree / 'desk' / 'newslint.yaml'}:3:11: 'severity' must map codes to 'error' or 'warning'",
    ]


def test_extra_rules_and_extensions(tree: Path) -> None:
    rules = tree / "house"
    rules.mkdir()
    (rules / "style.yaml").write_text(
        "style:\n  - {id: colour, use: colour, instead_of: [color], source: 'https://example.org/style'}\n",
        encoding="utf-8",
    )
    (tree / "desk" / "newslint.yaml").write_text("rules: [../house]\nextensions: [.rst]\n", encoding="utf-8")
    (tree / "desk" / "note.rst").write_text("The color of Kiev.\n", encoding="utf-8")
    result = run_cli("desk", cwd=tree)
    assert codes(result) == [("desk/note.rst", "NL501", "error"), ("desk/note.rst", "NL501", "error")]


@pytest.mark.parametrize(
    "text",
    [
        "tool=7\n",  # found by fuzz/fuzz_config.py: "tool" that is not a table
        "tool = [1, 2]\n",
        "[tool]\nnewslint = 3\n",
    ],
)
def test_a_pyproject_whose_tool_is_not_a_table(tmp_path: Path, text: str) -> None:
    from newslint.config import ConfigError, clear_caches, load_config

    path = tmp_path / "pyproject.toml"
    path.write_text(text, encoding="utf-8")
    clear_caches()
    try:
        settings = load_config(path)
    except ConfigError as error:
        assert [str(problem) for problem in error.errors] == [f"{path}:1:1: [tool.newslint] must be a table"]
    else:
        assert settings.ignore == () and settings.default_rules
