"""The compiled rulebook cache: used when fresh, rebuilt when stale or corrupt, never required."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from newslint.rulebook import cache
from tests.conftest import TEST_RULES, run_cli


@pytest.fixture
def rules(tmp_path: Path, monkeypatch) -> Path:
    monkeypatch.setenv("NEWSLINT_CACHE_DIR", str(tmp_path / "cache"))
    folder = tmp_path / "rules"
    shutil.copytree(TEST_RULES, folder)
    return folder


def entries(tmp_path: Path) -> list[Path]:
    return sorted((tmp_path / "cache").glob("rulebook-*.pickle"))


def test_second_load_comes_from_the_cache(rules: Path, tmp_path: Path, monkeypatch) -> None:
    first = cache.load_rulebook_cached([rules])
    [entry] = entries(tmp_path)
    monkeypatch.setattr("newslint.rulebook.loader.load_rulebook", lambda paths: pytest.fail("YAML parsed again"))
    second = cache.load_rulebook_cached([rules])
    assert second.people.keys() == first.people.keys()
    assert second._index is not None  # the index comes with it
    assert entries(tmp_path) == [entry]


def test_a_changed_rule_file_makes_a_new_entry(rules: Path, tmp_path: Path) -> None:
    cache.load_rulebook_cached([rules])
    facts = rules / "facts.yaml"
    facts.write_text(facts.read_text(encoding="utf-8").replace("use: Kyiv", "use: Kyjiw"), encoding="utf-8")
    rulebook = cache.load_rulebook_cached([rules])
    assert rulebook.style["kyiv"].use == "Kyjiw"
    assert len(entries(tmp_path)) == 2


def test_a_rewrite_that_keeps_size_and_modification_time_is_still_seen(rules: Path, tmp_path: Path) -> None:
    """The digest of the rule files is remembered under their sizes and times; a file rewritten
    with the same size and its old modification time put back still gets a new change time."""
    import os

    facts = rules / "facts.yaml"
    before = cache.load_rulebook_cached([rules])
    assert "Kyiv" in {rule.use for rule in before.style.values()}
    times = facts.stat()
    text = facts.read_text(encoding="utf-8")
    assert "    use: Kyiv\n" in text
    facts.write_text(text.replace("    use: Kyiv\n", "    use: Kiyv\n"), encoding="utf-8")  # the same size
    os.utime(facts, ns=(times.st_atime_ns, times.st_mtime_ns))
    assert (facts.stat().st_size, facts.stat().st_mtime_ns) == (times.st_size, times.st_mtime_ns)
    after = cache.load_rulebook_cached([rules])
    assert "Kiyv" in {rule.use for rule in after.style.values()}
    assert len(entries(tmp_path)) == 2


def test_a_corrupt_entry_is_rebuilt_silently(rules: Path, tmp_path: Path) -> None:
    cache.load_rulebook_cached([rules])
    [entry] = entries(tmp_path)
    entry.write_bytes(b"not a pickle")
    assert cache.load_rulebook_cached([rules]).style["kyiv"].use == "Kyiv"
    assert entry.read_bytes() != b"not a pickle"


def test_an_unwritable_cache_is_no_error(rules: Path, tmp_path: Path, monkeypatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    monkeypatch.setenv("NEWSLINT_CACHE_DIR", str(blocker / "cache"))
    assert cache.load_rulebook_cached([rules]).style["kyiv"].use == "Kyiv"


def test_cli_uses_and_skips_the_cache(rules: Path, tmp_path: Path, monkeypatch) -> None:
    draft = tmp_path / "draft.txt"
    draft.write_text("They flew to Kiev.\n", encoding="utf-8")
    args = ("--no-default-rules", "--rules", str(rules), str(draft))
    folder = tmp_path / "cli-cache"
    monkeypatch.setenv("NEWSLINT_CACHE_DIR", str(folder))
    assert run_cli("--no-cache", *args).returncode == 1
    assert not folder.exists()
    assert run_cli(*args).returncode == 1
    assert len(list(folder.glob("rulebook-*.pickle"))) == 1
    (rules / "broken.yaml").write_text("people: [\n", encoding="utf-8")
    assert run_cli(*args).returncode == 2  # a broken rule file is reported, never served from the cache
