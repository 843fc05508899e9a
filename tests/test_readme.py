"""The README's examples run as written."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from newslint.config import load_config
from tests.conftest import ROOT, run_cli

README = (ROOT / "README.md").read_text(encoding="utf-8")


def blocks(language: str) -> list[str]:
    return re.findall(rf"```{language}\n(.*?)```", README, flags=re.S)


def test_configuration_example_loads(tmp_path: Path) -> None:
    [toml] = [b for b in blocks("toml") if "[tool.newslint]" in b]
    (tmp_path / "house-rules").mkdir()
    (tmp_path / "pyproject.toml").write_text(toml, encoding="utf-8")
    settings = load_config(tmp_path / "pyproject.toml")
    assert settings.per_path_ignores == (("archive/*", ("NL202", "NL204")),)
    assert settings.ignore == ("NL103",)


def test_ci_snippets_are_valid_yaml() -> None:
    snippets = [yaml.safe_load(b) for b in blocks("yaml")]
    assert any("jobs" in s for s in snippets if isinstance(s, dict))  # GitHub Actions
    assert any("newslint" in s and "script" in s["newslint"] for s in snippets if isinstance(s, dict))  # GitLab
    assert any("repos" in s for s in snippets if isinstance(s, dict))  # pre-commit


def test_suppression_example(tmp_path: Path) -> None:
    [markdown] = [b for b in blocks("markdown") if "newslint: ignore" in b]
    draft = tmp_path / "draft.md"
    draft.write_text("---\ndate: 2025-06-01\n---\n" + markdown, encoding="utf-8")
    result = run_cli("--format", "json", str(draft))
    assert result.stdout == "[]\n"  # both suppressions are used: no NL202, no NL303, no NL002


def test_editor_settings_parse_and_are_accepted(tmp_path: Path) -> None:
    import json
    import sys

    from newslint.lsp.rules import RuleSettings

    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - Python 3.10
        import tomli as tomllib

    [vscode] = [json.loads(b) for b in blocks("json")]
    assert vscode["glspc.server.command"] == "newslint" and vscode["glspc.server.commandArguments"] == ["lsp"]
    [helix] = [tomllib.loads(b) for b in blocks("toml") if "language-server" in b]
    assert helix["language-server"]["newslint"] == {"command": "newslint", "args": ["lsp"]}
    # the set-ups are the minimal ones: no rule folder a project may lack
    assert "glspc.server.initializationOptions" not in vscode
    lua = [b for b in blocks("lua") if "newslint" in b]
    assert len(lua) == 3 and not any("rules" in b for b in lua)
    # the options the prose gives for adding rule folders are accepted as written
    written = README[README.index("send `initializationOptions`: `") + len("send `initializationOptions`: `") :]
    options = json.loads(" ".join(written[: written.index("`")].split()))
    settings, problems = RuleSettings.from_options(options, tmp_path)
    assert problems == [] and settings.folders == (tmp_path / "newsroom-rules",) and settings.default_rules


def test_codes_table_names_every_code() -> None:
    """The README's code table lists every code with its name, as `newslint explain` does."""
    from newslint.codes import CODES

    rows = re.findall(r"^\| (NL\d{3}) \| ([a-z-]+) \|", README, flags=re.M)
    assert rows == [(code, info.name) for code, info in CODES.items()]
