"""`newslint rules stale`, `rules diff` and `rules stats`, and -v naming the offices a draft mentions."""

from __future__ import annotations

import json
import shutil
import subprocess
from collections import Counter
from pathlib import Path

import pytest

import newslint
from tests.conftest import TEST_RULES, run_cli


@pytest.fixture
def rules(tmp_path: Path) -> Path:
    """A copy of the frozen test rulebook to edit."""
    folder = tmp_path / "rules"
    shutil.copytree(TEST_RULES, folder)
    return folder


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    assert old in text, old
    path.write_text(text.replace(old, new, 1))


# -- stale --------------------------------------------------------------------------------------


def test_stale_lists_old_offices_oldest_first_with_their_last_holder(rules: Path) -> None:
    facts = rules / "facts.yaml"
    lines = facts.read_text().replace("as_of: 2025-06-30", "as_of: 2026-11-01").splitlines()
    entry = {}
    for office, as_of in (("de-chancellor", "2025-01-15"), ("gb-monarch", "2025-06-30")):
        start = lines.index(f"  - id: {office}")
        entry[office] = start + 1
        line = next(i for i in range(start, len(lines)) if "as_of:" in lines[i])
        lines[line] = f"    as_of: {as_of}"
    facts.write_text("\n".join(lines) + "\n")
    offices = len(newslint.load_rulebook([rules]).offices)

    result = run_cli("rules", "stale", "--no-default-rules", str(rules), "--date", "2025-09-01", "--older-than", "30d")
    assert result.returncode == 1, result.stderr
    path = result.stdout.split(":")[0]
    assert path.endswith("facts.yaml")
    assert result.stdout.splitlines() == [
        f"{path}:{entry['de-chancellor']}:5: de-chancellor verified to 2025-01-15 (229 days before 2025-09-01); "
        "last holder Friedrich Merz since 2025-05-06",
        f"{path}:{entry['gb-monarch']}:5: gb-monarch verified to 2025-06-30 (63 days before 2025-09-01); "
        "last holder Charles III since 2022-09-08",
        f"2 of {offices} offices were last verified more than 30 days ago.",
    ]


def test_stale_with_nothing_old_passes(rules: Path) -> None:
    offices = len(newslint.load_rulebook([rules]).offices)
    result = run_cli("rules", "stale", "--no-default-rules", str(rules), "--date", "2025-07-01", "--older-than", "2w")
    assert result.returncode == 0
    assert result.stdout == f"All {offices} offices were verified within 14 days of 2025-07-01.\n"


def test_stale_refuses_a_duration_it_cannot_read() -> None:
    result = run_cli("rules", "stale", "--older-than", "ninety days")
    assert result.returncode == 2
    assert "'ninety days' is not a duration such as 90d, 12w or 1y" in result.stderr


# -- diff -----------------------------------------------------------------------------------------


def changed_copy(rules: Path, tmp_path: Path) -> Path:
    new = tmp_path / "new"
    shutil.copytree(rules, new)
    facts = new / "facts.yaml"
    edit(
        facts,
        "{person: friedrich-merz, from: 2025-05-06}",
        "{person: friedrich-merz, from: 2025-05-06, until: 2029-01-01}",
    )
    edit(facts, "name: Keir Starmer", "name: Keir Rodney Starmer")
    edit(facts, "source: https://en.wikipedia.org/wiki/Kyiv", "source: https://www.britannica.com/place/Kyiv")
    return new


def test_diff_between_folders_speaks_of_facts(rules: Path, tmp_path: Path) -> None:
    new = changed_copy(rules, tmp_path)
    result = run_cli("rules", "diff", str(rules), str(new))
    assert result.returncode == 1, result.stderr
    assert result.stdout.splitlines() == [
        "~ person keir-starmer: name 'Keir Starmer' -> 'Keir Rodney Starmer'",
        "~ office de-chancellor: holder friedrich-merz ended: until 2029-01-01",
        "~ style kyiv: source 'https://en.wikipedia.org/wiki/Kyiv' -> 'https://www.britannica.com/place/Kyiv'",
        "3 changes in 3 facts.",
    ]


def test_diff_of_a_folder_with_itself_is_empty(rules: Path) -> None:
    result = run_cli("rules", "diff", str(rules), str(rules))
    assert (result.returncode, result.stdout) == (0, "No facts changed.\n")


def test_diff_adds_and_removes_facts(rules: Path, tmp_path: Path) -> None:
    new = tmp_path / "new"
    shutil.copytree(rules, new)
    edit(new / "facts.yaml", "  - id: kyiv\n", "  - id: kyiv-spelling\n")
    extra = new / "extra.yaml"
    extra.write_text(
        "events:\n  - id: brexit\n    date: 2020-01-31\n    phrases: [Britain left the EU]\n"
        "    source: https://en.wikipedia.org/wiki/Brexit\n"
    )
    result = run_cli("rules", "diff", str(rules), str(new))
    assert "+ event brexit: added: Britain left the EU (2020-01-31)" in result.stdout
    assert "- style kyiv: removed: Kyiv instead of Kiev" in result.stdout
    assert "+ style kyiv-spelling: added: Kyiv instead of Kiev" in result.stdout


def git(cwd: Path, *args: str) -> None:
    env_args = ["-c", "user.name=Test", "-c", "user.email=test@example.org", "-c", "commit.gpgsign=false"]
    subprocess.run(["git", *env_args, *args], cwd=cwd, check=True, capture_output=True)


def test_diff_between_git_revisions_of_the_rule_folder(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    shutil.copytree(TEST_RULES, repo / "rules")
    git(repo, "init", "-q")
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "facts")
    edit(repo / "rules" / "facts.yaml", "name: Keir Starmer", "name: Keir Rodney Starmer")
    git(repo, "commit", "-q", "-am", "full name")
    expected = "~ person keir-starmer: name 'Keir Starmer' -> 'Keir Rodney Starmer'\n1 change in 1 fact.\n"
    for old, new in (("HEAD~1", "HEAD"), ("HEAD~1:rules", "HEAD:rules"), ("HEAD~1", "rules")):
        result = run_cli("rules", "diff", old, new, cwd=repo)
        assert (result.returncode, result.stdout) == (1, expected), (old, new, result.stderr)
    result = run_cli("rules", "diff", "no-such-rev", "HEAD", cwd=repo)
    assert result.returncode == 2
    assert "'no-such-rev' is neither a folder nor a git revision" in result.stderr
    result = run_cli("rules", "diff", "HEAD:missing", "HEAD", cwd=repo)
    assert result.returncode == 2
    assert "cannot read 'missing' at 'HEAD'" in result.stderr


def test_diff_reports_a_committed_link_to_a_device_as_a_positioned_error(tmp_path: Path) -> None:
    """A revision's rule folder holding a symbolic link to /dev/zero: never followed, never a
    tarfile traceback, but the link's own position."""
    repo = tmp_path / "repo"
    shutil.copytree(TEST_RULES, repo / "rules")
    (repo / "rules" / "zero.yaml").symlink_to("/dev/zero")
    git(repo, "init", "-q")
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "facts and a link")
    result = run_cli("rules", "diff", "HEAD", "rules", cwd=repo, timeout=60, memory_mb=1024)
    assert result.stderr.splitlines() == [
        "HEAD:rules/zero.yaml:1:1: is a symbolic link in the revision, not a rule file",
        "newslint: 1 problem in rule files",
    ]
    assert result.returncode == 2


def test_diff_reports_a_broken_side_at_its_position(tmp_path: Path, rules: Path) -> None:
    broken = tmp_path / "broken"
    broken.mkdir()
    (broken / "x.yaml").write_text("people: [\n")
    result = run_cli("rules", "diff", str(rules), str(broken))
    assert result.returncode == 2
    assert "x.yaml:2:1: invalid YAML" in result.stderr


# -- stats ----------------------------------------------------------------------------------------


def test_stats_counts_per_file_and_jurisdiction(rules: Path) -> None:
    book = newslint.load_rulebook([rules])
    result = run_cli("rules", "stats", "--no-default-rules", str(rules), "--format", "json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    holders = sum(len(office.holders) for office in book.offices.values())
    assert data["total"] == {
        "people": len(book.people),
        "offices": len(book.offices),
        "holders": holders,
        "events": len(book.events),
        "counts": len(book.counts),
        "style": len(book.style),
    }
    [name] = data["files"]
    assert name.endswith("facts.yaml") and data["files"][name] == data["total"]
    assert data["jurisdictions"]["de"] == {
        "people": 3,
        "offices": 1,
        "holders": 3,
        "events": 0,
        "counts": 0,
        "style": 0,
    }
    assert data["jurisdictions_without_source"] == sorted(book.jurisdictions)
    tables = (book.people, book.offices, book.events, book.counts, book.style)
    bare = sorted(fact.id for table in tables for fact in table.values() if not fact.examples)
    assert data["facts_without_examples"] == bare


def test_stats_text_table(rules: Path) -> None:
    result = run_cli("rules", "stats", "--no-default-rules", str(rules))
    assert result.returncode == 0
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["file", "people", "offices", "holders", "events", "counts", "style"]
    second = next(i for i, line in enumerate(lines) if line.startswith("jurisdiction"))
    assert lines[second - 1] == ""
    assert lines[second].split() == ["jurisdiction", "people", "offices", "holders", "events", "counts", "style"]
    assert lines[-2].startswith("Facts without examples: ")
    assert lines[-1].startswith("Sources cited: ") and lines[-1].endswith(" sites.")


def test_stats_lists_the_sites_sources_cite(rules: Path) -> None:
    """--sources counts every cited URL by its site, most cited first, in text and JSON alike."""
    book = newslint.load_rulebook([rules])
    tables = (book.people, book.offices, book.events, book.counts, book.style, book.jurisdictions, book.parties)
    urls = [fact.source for table in tables for fact in table.values() if fact.source]
    expected = Counter(url.split("/")[2].removeprefix("www.") for url in urls)
    data = json.loads(run_cli("rules", "stats", "--no-default-rules", str(rules), "--format", "json").stdout)
    assert data["source_domains"] == dict(expected.most_common())
    assert list(data["source_domains"].values()) == sorted(expected.values(), reverse=True)
    result = run_cli("rules", "stats", "--no-default-rules", str(rules), "--sources")
    assert result.returncode == 0
    lines = result.stdout.splitlines()
    start = lines.index(f"Sources cited: {len(urls)} on {len(expected)} sites:")
    listed = [line.split() for line in lines[start + 1 :]]
    assert {site: int(count) for count, site in listed} == dict(expected)


# -- the draft's date beyond an office's as_of ------------------------------------------------------


def test_verbose_names_each_office_with_its_as_of() -> None:
    draft = b"German Chancellor Friedrich Merz met French President Emmanuel Macron.\n"
    result = run_cli("--no-default-rules", "--rules", str(TEST_RULES), "-v", "--date", "2025-08-01", "-", stdin=draft)
    assert result.returncode == 0, result.stdout
    assert result.stderr.splitlines() == [
        "-: checked as of 2025-08-01, given with --date",
        "-: names German Chancellor (de-chancellor), verified to 2025-06-30 - older than the draft: findings on it "
        "are warnings",
        "-: names French President (fr-president), verified to 2025-06-30 - older than the draft: findings on it "
        "are warnings",
    ]
    earlier = run_cli("--no-default-rules", "--rules", str(TEST_RULES), "-v", "--date", "2025-06-01", "-", stdin=draft)
    assert "-: names German Chancellor (de-chancellor), verified to 2025-06-30\n" in earlier.stderr


def test_a_finding_after_as_of_says_so() -> None:
    draft = b"German Chancellor Olaf Scholz met reporters.\nFormer German Chancellor Friedrich Merz met reporters.\n"
    result = run_cli("--no-default-rules", "--rules", str(TEST_RULES), "--date", "2025-08-01", "-", stdin=draft)
    assert result.stdout.splitlines() == [
        '-:1:1: NL202 "German Chancellor Olaf Scholz": Olaf Scholz was German Chancellor 2021-12-08 to '
        "2025-05-06; on 2025-08-01 it is Friedrich Merz (since 2025-05-06) (rulebook verified to 2025-06-30)",
        '-:2:1: NL201 warning: "Former German Chancellor Friedrich Merz": Friedrich Merz is the sitting German '
        "Chancellor on 2025-08-01 (since 2025-05-06) (rulebook verified to 2025-06-30)",
        "Found 1 error and 1 warning (1 file checked).",
    ]
    assert result.returncode == 1


def test_stats_counts_jurisdictions_with_both_heads(rules: Path) -> None:
    """An office says whose head it is; a jurisdiction counts once both heads are in the rulebook."""
    facts = rules / "facts.yaml"
    edit(facts, "  - id: de-chancellor\n    jurisdiction: de\n", "  - id: de-chancellor\n    jurisdiction: de\n    head: government\n")
    edit(facts, "  - id: fr-president\n    jurisdiction: fr\n", "  - id: fr-president\n    jurisdiction: fr\n    head: state and government\n")
    result = run_cli("rules", "stats", "--no-default-rules", str(rules), "--format", "json")
    assert json.loads(result.stdout)["jurisdictions_with_heads_of_state_and_government"] == ["fr"]
    text = run_cli("rules", "stats", "--no-default-rules", str(rules)).stdout
    assert "Jurisdictions with their head of state and head of government (offices marked 'head:'): 1; " \
        "with only one of them: de." in text


def test_an_unknown_head_is_a_rule_error(rules: Path) -> None:
    facts = rules / "facts.yaml"
    edit(facts, "  - id: de-chancellor\n    jurisdiction: de\n", "  - id: de-chancellor\n    jurisdiction: de\n    head: cabinet\n")
    result = run_cli("rules", "check", "--no-default-rules", str(rules))
    assert result.returncode == 2
    assert "head must be one of 'state', 'government', 'state and government', not 'cabinet'" in result.stderr
    assert "Traceback" not in result.stderr
