"""Security: no rule file, configuration or draft makes newslint run code, reach the network or
read files beyond the drafts and rule folders it was given (see SECURITY.md)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT

# Runs the real CLI under an audit hook that records every file opened and every attempt to
# use the network, start a process or run a shell command.
PROBE = """
import json, sys
events = []
WATCHED = ("socket.", "subprocess.", "os.system", "os.exec", "os.spawn", "os.posix_spawn", "os.startfile",
           "urllib.", "http.", "ftplib.", "smtplib.", "webbrowser.", "ctypes.")
def hook(event, args):
    if event == "open":
        events.append(["open", str(args[0])])
    elif event.startswith(WATCHED):
        events.append([event, repr(args)[:200]])
sys.addaudithook(hook)
from newslint.cli import main
try:
    code = main(sys.argv[1:])
finally:
    sys.stderr.write("AUDIT " + json.dumps(events) + "\\n")
sys.exit(code)
"""


def _audited(tmp_path: Path, *args: str) -> tuple[subprocess.CompletedProcess[str], list[list[str]]]:
    env = {"PATH": "/usr/bin:/bin", "NEWSLINT_CACHE_DIR": str(tmp_path / "cache"), "NO_COLOR": "1"}
    result = subprocess.run(
        [sys.executable, "-c", PROBE, *args], capture_output=True, text=True, cwd=tmp_path / "repo", env=env
    )
    [audit] = [line for line in result.stderr.splitlines() if line.startswith("AUDIT ")]
    assert "Traceback" not in result.stderr, result.stderr
    return result, json.loads(audit[len("AUDIT ") :])


def _hostile_repository(tmp_path: Path) -> Path:
    repo = tmp_path / "repo"
    (repo / "rules").mkdir(parents=True)
    (repo / "newslint.yaml").write_text("rules: [rules]\n", encoding="utf-8")
    (repo / "rules" / "people.yaml").write_text(
        'people:\n  - {id: x-y, name: Xavier Ypsilon, source: "https://example.org/x"}\n', encoding="utf-8"
    )
    marker = tmp_path / "pwned"
    (repo / "draft.md").write_text(
        "---\n"
        f'date: 2025-02-17\nx: !!python/object/apply:os.system ["touch {marker}"]\n'
        "---\n"
        "Xavier Ypsilonn spoke. ![map](http://example.invalid/a.png) [file](file:///etc/passwd)\n",
        encoding="utf-8",
    )
    (repo / "page.html").write_text(
        '<meta name="date" content="2025-02-17"><img src="http://example.invalid/x.png">'
        '<link rel="stylesheet" href="file:///etc/passwd"><iframe src="/etc/shadow"></iframe>'
        "<p>Xavier Ypsilonn spoke.</p>\n",
        encoding="utf-8",
    )
    return repo


def _outside(events: list[list[str]], allowed: list[Path], cwd: Path) -> list[str]:
    """The files opened outside the allowed folders (relative paths are from ``cwd``)."""
    roots = [path.resolve() for path in allowed]
    opened = [Path(path) for kind, path in events if kind == "open" and not path.isdigit()]
    return [str(path) for path in opened if not any((cwd / path).resolve().is_relative_to(root) for root in roots)]


def test_checking_a_hostile_repository_runs_nothing_and_reads_only_what_it_was_given(tmp_path: Path) -> None:
    repo = _hostile_repository(tmp_path)
    result, events = _audited(tmp_path, "--format", "json", "draft.md", "page.html")
    codes = sorted((Path(d["path"]).name, d["code"]) for d in json.loads(result.stdout))
    assert codes == [("draft.md", "NL003"), ("draft.md", "NL101"), ("page.html", "NL101")]
    assert [e for e in events if e[0] != "open"] == []  # no network, process or shell
    allowed = [tmp_path, Path(sys.prefix), Path(sys.base_prefix), ROOT / "newslint", ROOT / "rules"]
    assert _outside(events, allowed, repo) == []
    assert not (tmp_path / "pwned").exists()


def test_a_hostile_rule_file_is_refused_without_running_it(tmp_path: Path) -> None:
    repo = _hostile_repository(tmp_path)
    marker = tmp_path / "pwned-by-rules"
    (repo / "rules" / "evil.yaml").write_text(
        f'people:\n  - !!python/object/apply:os.system ["touch {marker}"]\n', encoding="utf-8"
    )
    result, events = _audited(tmp_path, "rules", "check", "rules")
    assert result.returncode == 2
    assert "is not allowed in rule files" in result.stderr
    assert [e for e in events if e[0] != "open"] == []
    assert not marker.exists()
