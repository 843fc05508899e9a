"""Faults: --fix killed while it writes, and a language server fed garbage (issue 5, part 4)."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from tests.conftest import ROOT, TEST_RULES, run_cli

RULES = ("--no-default-rules", "--rules", str(TEST_RULES))
DRAFT = "Dateline: 2025-02-17\n" + "The minister flew to Kiev. " * 400 + "\n"
FILES = 40
BAD = "Former US President Donald Trump spoke."


@pytest.mark.skipif(os.name != "posix", reason="SIGKILL")
def test_fix_killed_at_random_points_leaves_each_file_whole(tmp_path: Path) -> None:
    """Every file is either the original or the fully fixed version, never a mix or a cut."""
    expected_dir = tmp_path / "expected"
    expected_dir.mkdir()
    (expected_dir / "draft.txt").write_text(DRAFT, encoding="utf-8")
    run_cli(*RULES, "--fix", str(expected_dir / "draft.txt"))
    fixed = (expected_dir / "draft.txt").read_bytes()
    original = DRAFT.encode("utf-8")
    assert fixed != original
    command = [sys.executable, "-m", "newslint", *RULES, "--fix", "-j", "1"]
    full = tmp_path / "full"
    full.mkdir()
    for n in range(FILES):
        (full / f"draft{n:02}.txt").write_bytes(original)
    started = time.monotonic()
    subprocess.run([*command, str(full)], cwd=ROOT, capture_output=True, check=False)
    duration = time.monotonic() - started  # the kills fall within a whole run's time
    rng = random.Random(5)
    interrupted = 0
    for attempt in range(4):
        folder = tmp_path / f"run{attempt}"
        folder.mkdir()
        for n in range(FILES):
            (folder / f"draft{n:02}.txt").write_bytes(original)
        process = subprocess.Popen(
            [*command, str(folder)], cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        time.sleep(rng.uniform(0.3, 0.95) * duration)
        process.send_signal(signal.SIGKILL)
        process.wait()
        states = [(folder / f"draft{n:02}.txt").read_bytes() for n in range(FILES)]
        assert set(states) <= {original, fixed}, f"a file is neither the original nor fixed (attempt {attempt})"
        interrupted += original in states and fixed in states
    assert interrupted, "no kill landed while files were being written"


def _message(body: dict) -> bytes:
    data = json.dumps(body).encode("utf-8")
    return b"Content-Length: %d\r\n\r\n%s" % (len(data), data)


def _read(stream) -> dict:
    length = 0
    while True:
        line = stream.readline()
        if not line:
            raise EOFError("the server closed its output")
        if line in (b"\r\n", b"\n"):
            break
        name, _, value = line.decode("ascii").partition(":")
        if name.lower() == "content-length":
            length = int(value)
    return json.loads(stream.read(length))


def _until(stream, predicate) -> dict:
    while True:
        message = _read(stream)
        if predicate(message):
            return message


def _start_server(tmp_path: Path) -> subprocess.Popen:
    pytest.importorskip("pygls")
    server = subprocess.Popen(
        [sys.executable, "-m", "newslint", "lsp"],
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        env={**os.environ, "NEWSLINT_NO_CACHE": "1"},
    )
    assert server.stdin is not None and server.stdout is not None
    # a watchdog: a server that stops answering is killed, so a test fails instead of hanging
    watchdog = threading.Timer(180, server.kill)
    watchdog.daemon = True
    watchdog.start()
    options = {"rules": [str(TEST_RULES)], "noDefaultRules": True}
    initialize = {"capabilities": {}, "initializationOptions": options, "rootUri": tmp_path.as_uri()}
    server.stdin.write(_message({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": initialize}))
    server.stdin.flush()
    _until(server.stdout, lambda m: m.get("id") == 1)
    server.stdin.write(_message({"jsonrpc": "2.0", "method": "initialized", "params": {}}))
    return server


@pytest.fixture
def server(tmp_path: Path):
    """A running `newslint lsp`, killed at the end if the test did not shut it down."""
    process = _start_server(tmp_path)
    yield process
    if process.poll() is None:
        process.kill()
        process.wait()


def _stop_server(server: subprocess.Popen) -> None:
    assert server.stdin is not None and server.stdout is not None
    server.stdin.write(_message({"jsonrpc": "2.0", "id": 99, "method": "shutdown"}))
    server.stdin.flush()
    _until(server.stdout, lambda m: m.get("id") == 99)
    server.stdin.write(_message({"jsonrpc": "2.0", "method": "exit"}))
    server.stdin.flush()
    server.wait(timeout=30)


def test_language_server_survives_garbage_and_keeps_serving(server: subprocess.Popen, tmp_path: Path) -> None:
    assert server.stdin is not None and server.stdout is not None
    send = server.stdin.write
    # garbage: a body that is not JSON, an unknown request, an unknown notification,
    # and a change for a document that was never opened
    bad = b"{not json"
    send(b"Content-Length: %d\r\n\r\n%s" % (len(bad), bad))
    send(_message({"jsonrpc": "2.0", "id": 2, "method": "newslint/nothing", "params": {}}))
    send(_message({"jsonrpc": "2.0", "method": "$/nothing", "params": {}}))
    unopened = (tmp_path / "unopened.txt").as_uri()
    send(
        _message(
            {
                "jsonrpc": "2.0",
                "method": "textDocument/didChange",
                "params": {
                    "textDocument": {"uri": unopened, "version": 2},
                    "contentChanges": [{"text": "Former US President Donald Trump"}],
                },
            }
        )
    )
    server.stdin.flush()
    reply = _until(server.stdout, lambda m: m.get("id") == 2)
    assert reply["error"]["code"] == -32601  # method not found
    # it still lints a real document
    uri = (tmp_path / "draft.txt").as_uri()
    text = "Dateline: 2025-02-17\nFormer US President Donald Trump spoke.\n"
    send(
        _message(
            {
                "jsonrpc": "2.0",
                "method": "textDocument/didOpen",
                "params": {"textDocument": {"uri": uri, "languageId": "plaintext", "version": 1, "text": text}},
            }
        )
    )
    server.stdin.flush()
    published = _until(
        server.stdout,
        lambda m: m.get("method") == "textDocument/publishDiagnostics" and m["params"]["uri"] == uri,
    )
    assert [d["code"] for d in published["params"]["diagnostics"]] == ["NL201"]
    _stop_server(server)


def _rss_kb(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    raise AssertionError("no VmRSS")


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="reads /proc")
def test_a_thousand_rapid_changes_end_with_the_last_version_and_flat_memory(
    server: subprocess.Popen, tmp_path: Path
) -> None:
    assert server.stdin is not None and server.stdout is not None
    send = server.stdin.write
    uri = (tmp_path / "draft.txt").as_uri()
    base = "Dateline: 2025-02-17\n" + "The minister flew to Kyiv. " * 200 + "\n"
    document = {"uri": uri, "languageId": "plaintext", "version": 1, "text": base}
    send(_message({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": document}}))
    server.stdin.flush()
    _until(server.stdout, lambda m: m.get("method") == "textDocument/publishDiagnostics")

    def burst(first: int) -> int:
        def write() -> None:
            for version in range(first, first + 500):
                text = base + ("Former US President Donald Trump spoke.\n" if version % 2 else "")
                change = {"textDocument": {"uri": uri, "version": version}, "contentChanges": [{"text": text}]}
                send(_message({"jsonrpc": "2.0", "method": "textDocument/didChange", "params": change}))
            server.stdin.flush()

        # write from a thread while this one reads, or a full pipe each way would deadlock
        writer = threading.Thread(target=write, daemon=True)
        writer.start()
        last = first + 499
        published = _until(
            server.stdout,
            lambda m: m.get("method") == "textDocument/publishDiagnostics" and m["params"].get("version") == last,
        )
        writer.join(timeout=60)
        assert [d["code"] for d in published["params"]["diagnostics"]] == ([] if last % 2 == 0 else ["NL201"])
        return last + 1

    after_first = burst(2)
    rss_before = _rss_kb(server.pid)
    burst(after_first)
    growth_mb = (_rss_kb(server.pid) - rss_before) / 1024
    assert growth_mb < 20, f"the server grew by {growth_mb:.1f} MB over 500 changes"
    _stop_server(server)


@pytest.fixture
def small_disk(tmp_path: Path):
    """A 128 KiB tmpfs (needs root and mount; skipped elsewhere)."""
    mount = tmp_path / "disk"
    mount.mkdir()
    if os.name != "posix" or os.geteuid() != 0:
        pytest.skip("mounting a small disk needs root")
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=128k", "tmpfs", str(mount)], capture_output=True)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.decode().strip()}")
    try:
        yield mount
    finally:
        subprocess.run(["umount", str(mount)], check=False)


def test_fix_on_a_full_disk_keeps_the_original_and_says_why(small_disk: Path) -> None:
    draft = small_disk / "draft.txt"
    original = ("Dateline: 2025-02-17\n" + "The minister flew to Kiev. " * 2500 + "\n").encode("utf-8")
    draft.write_bytes(original)  # about 68 KB of 128 KiB: no room for the fixed copy beside it
    result = run_cli(*RULES, "--fix", str(draft))
    assert result.returncode == 2
    assert result.stderr.splitlines() == [f"newslint: {draft} not fixed: cannot write fixes: No space left on device"]
    assert result.stdout.endswith("Found 2500 errors and 0 warnings (1 file checked).\n")  # as the file still is
    assert draft.read_bytes() == original
    assert sorted(p.name for p in small_disk.iterdir()) == ["draft.txt"]  # no temporary file left


def test_fix_on_a_read_only_disk_keeps_the_original_and_says_why(small_disk: Path) -> None:
    draft = small_disk / "draft.txt"
    original = b"Dateline: 2025-02-17\nThe minister flew to Kiev.\n"
    draft.write_bytes(original)
    subprocess.run(["mount", "-o", "remount,ro", str(small_disk)], check=True)
    result = run_cli(*RULES, "--fix", str(draft))
    assert result.returncode == 2
    assert result.stderr.splitlines() == [f"newslint: {draft} not fixed: cannot write fixes: Read-only file system"]
    assert draft.read_bytes() == original


CASE_FILES = sorted(p for p in (ROOT / "tests" / "cases").glob("*/*") if p.suffix in (".md", ".txt", ".html"))


def test_the_language_server_reports_what_the_cli_reports(server: subprocess.Popen, tmp_path: Path) -> None:
    """The same drafts give the same codes at the same places from a file and from the editor."""
    assert server.stdin is not None and server.stdout is not None
    for number, case in enumerate(CASE_FILES):
        text = case.read_text(encoding="utf-8")
        cli = run_cli(*RULES, "--format", "json", str(case))
        expected = sorted(
            (d["code"], d["line"] - 1, d["column"] - 1, d["end_line"] - 1, d["end_column"] - 1)
            for d in json.loads(cli.stdout)
        )
        uri = (tmp_path / f"{number}{case.suffix}").as_uri()
        language = {".md": "markdown", ".txt": "plaintext", ".html": "html"}[case.suffix]
        document = {"uri": uri, "languageId": language, "version": 1, "text": text}
        server.stdin.write(
            _message({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": document}})
        )
        server.stdin.flush()
        published = _until(
            server.stdout,
            lambda m, uri=uri: m.get("method") == "textDocument/publishDiagnostics" and m["params"]["uri"] == uri,
        )
        got = sorted(
            (
                d["code"],
                d["range"]["start"]["line"],
                d["range"]["start"]["character"],
                d["range"]["end"]["line"],
                d["range"]["end"]["character"],
            )
            for d in published["params"]["diagnostics"]
        )
        assert all(ord(c) < 0x10000 for c in text)  # so that UTF-16 columns are character columns
        assert got == expected, case.name
    _stop_server(server)


def test_a_10_mb_document_does_not_stop_the_server(server: subprocess.Popen, tmp_path: Path) -> None:
    """While a 10 MB draft is linted on the worker thread, requests are answered and other
    documents are linted as soon as it is done."""
    assert server.stdin is not None and server.stdout is not None
    send = server.stdin.write
    big = (tmp_path / "big.txt").as_uri()
    text = "Dateline: 2025-02-17\n" + "The minister flew to Kyiv on Monday and met officials.\n" * 190_000
    assert len(text) > 10_000_000
    document = {"uri": big, "languageId": "plaintext", "version": 1, "text": text}
    send(_message({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": document}}))
    position = {"textDocument": {"uri": big}, "position": {"line": 1, "character": 4}}
    send(_message({"jsonrpc": "2.0", "id": 5, "method": "textDocument/hover", "params": position}))
    server.stdin.flush()
    started = time.monotonic()
    _until(server.stdout, lambda m: m.get("id") == 5)
    assert time.monotonic() - started < 30
    small = (tmp_path / "small.txt").as_uri()
    document = {"uri": small, "languageId": "plaintext", "version": 1, "text": f"Dateline: 2025-02-17\n{BAD}\n"}
    send(_message({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": document}}))
    server.stdin.flush()
    published = _until(
        server.stdout,
        lambda m: m.get("method") == "textDocument/publishDiagnostics" and m["params"]["uri"] == small,
    )
    assert [d["code"] for d in published["params"]["diagnostics"]] == ["NL201"]
    _stop_server(server)
