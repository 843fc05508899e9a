"""Latency of ``newslint lsp`` through the real server over stdio (a minimal JSON-RPC client).

Opens a long draft, then makes one-character edits and, for each, times how long the fresh
``textDocument/publishDiagnostics`` (the one for the edited version) takes to arrive, and
the same for a save. The server lints a change at once (changes arriving meanwhile are
coalesced into one more lint), so both are the server's whole work for one lint.
It also times a fresh server from its start to its first diagnostics, as an editor sees it
when opening a draft starts the server (with the compiled rulebook cache in place).
Usage: python bench/lsp_latency.py DRAFT [--rules DIR ...] [--no-default-rules] [--repeat N]
"""

from __future__ import annotations

import argparse
import json
import os
import queue
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

ROOT = Path(__file__).resolve().parent.parent


@dataclass
class Latency:
    start_ms: float | None = None  # the server started to its first diagnostics: an editor opening a draft
    open_ms: float | None = None  # didOpen to the first diagnostics (the rulebook is already loaded)
    edit_ms: float | None = None  # didChange to fresh diagnostics, median
    save_ms: float | None = None  # didSave to fresh diagnostics, median
    diagnostics: int = 0
    notes: list[str] = field(default_factory=list)


class Client:
    """JSON-RPC over a child's standard input and output; messages are stamped on arrival."""

    def __init__(self, command: list[str], env: dict[str, str] | None, cwd: Path) -> None:
        self.stderr = tempfile.TemporaryFile()
        self.started = time.perf_counter()
        self.process = subprocess.Popen(
            command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=self.stderr, env=env, cwd=cwd
        )
        self.inbox: queue.Queue[tuple[float, dict[str, Any]]] = queue.Queue()
        self.next_id = 0
        threading.Thread(target=self._read, args=(self.process.stdout,), daemon=True).start()

    def _read(self, stream: IO[bytes]) -> None:
        while True:
            length = None
            while True:
                header = stream.readline()
                if not header:
                    return
                if header in (b"\r\n", b"\n"):
                    break
                name, _, value = header.decode("ascii").partition(":")
                if name.strip().lower() == "content-length":
                    length = int(value)
            if length is None:
                continue
            body = stream.read(length)
            self.inbox.put((time.perf_counter(), json.loads(body)))

    def send(self, message: dict[str, Any]) -> float:
        body = json.dumps({"jsonrpc": "2.0", **message}).encode()
        assert self.process.stdin is not None
        sent = time.perf_counter()
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.process.stdin.flush()
        return sent

    def request(self, method: str, params: Any, timeout: float) -> dict[str, Any]:
        self.next_id += 1
        ident = self.next_id
        self.send({"id": ident, "method": method, "params": params})
        _, message = self.wait(lambda m: m.get("id") == ident and "method" not in m, timeout)
        return message

    def notify(self, method: str, params: Any) -> float:
        return self.send({"method": method, "params": params})

    def wait(self, wanted: Any, timeout: float) -> tuple[float, dict[str, Any]]:
        """The first message that ``wanted`` accepts; requests from the server are answered with null."""
        deadline = time.perf_counter() + timeout
        while True:
            left = deadline - time.perf_counter()
            if left <= 0:
                raise TimeoutError("the language server did not answer in time")
            arrived, message = self.inbox.get(timeout=left)
            if "method" in message and "id" in message:  # a request from the server
                self.send({"id": message["id"], "result": None})
            if wanted(message):
                return arrived, message

    def close(self) -> None:
        try:
            self.request("shutdown", None, 10)
            self.notify("exit", None)
            self.process.wait(timeout=10)
        except (TimeoutError, queue.Empty, subprocess.TimeoutExpired, BrokenPipeError, OSError):
            self.process.kill()
            self.process.wait()

    def error_output(self) -> str:
        self.stderr.seek(0)
        return self.stderr.read().decode(errors="replace")[-500:]


def _diagnostics_for(uri: str, version: int) -> Any:
    def accept(message: dict[str, Any]) -> bool:
        params = message.get("params") or {}
        return (
            message.get("method") == "textDocument/publishDiagnostics"
            and params.get("uri") == uri
            and params.get("version") == version
        )

    return accept


def measure(
    python: str,
    draft: Path,
    rules: list[Path],
    default_rules: bool,
    env: dict[str, str] | None = None,
    edits: int = 5,
    timeout: float = 600,
) -> Latency:
    """Open ``draft`` in a fresh server, make ``edits`` one-character edits and a save after each."""
    result = Latency()
    draft = draft.resolve()
    uri = draft.as_uri()
    text = draft.read_text("utf-8")
    client = Client([python, "-m", "newslint", "lsp"], env, draft.parent)
    try:
        client.request(
            "initialize",
            {
                "processId": os.getpid(),
                "rootUri": draft.parent.as_uri(),
                "capabilities": {"textDocument": {"publishDiagnostics": {"versionSupport": True}}},
                "initializationOptions": {
                    "rules": [str(p.resolve()) for p in rules],
                    "noDefaultRules": not default_rules,
                },
            },
            timeout,
        )
        client.notify("initialized", {})
        version = 1
        sent = client.notify(
            "textDocument/didOpen",
            {"textDocument": {"uri": uri, "languageId": "markdown", "version": version, "text": text}},
        )
        arrived, message = client.wait(_diagnostics_for(uri, version), timeout)
        result.open_ms = (arrived - sent) * 1000
        result.start_ms = (arrived - client.started) * 1000
        result.diagnostics = len(message["params"]["diagnostics"])
        lines = text.split("\n")
        edit_times, save_times = [], []
        for n in range(edits):
            row = len(lines) // 2 + 2 * n
            lines[row] = lines[row] + "x" if not lines[row].endswith(".") else lines[row][:-1] + "x."
            text = "\n".join(lines)
            version += 1
            sent = client.notify(
                "textDocument/didChange",
                {"textDocument": {"uri": uri, "version": version}, "contentChanges": [{"text": text}]},
            )
            arrived, _ = client.wait(_diagnostics_for(uri, version), timeout)
            edit_times.append((arrived - sent) * 1000)
            sent = client.notify("textDocument/didSave", {"textDocument": {"uri": uri}})
            arrived, _ = client.wait(_diagnostics_for(uri, version), timeout)
            save_times.append((arrived - sent) * 1000)
        result.edit_ms = statistics.median(edit_times)
        result.save_ms = statistics.median(save_times)
    except (TimeoutError, queue.Empty) as error:
        result.notes.append(f"language server: {error}: {client.error_output()}")
    finally:
        client.close()
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("draft", type=Path)
    parser.add_argument("--rules", type=Path, action="append", default=[])
    parser.add_argument("--no-default-rules", action="store_true")
    parser.add_argument("--edits", type=int, default=5)
    parser.add_argument("--python", default=sys.executable)
    parser.add_argument("--repeat", type=int, default=1, help="fresh servers to start; medians are printed")
    args = parser.parse_args(argv)
    python = str(Path(args.python).absolute()) if os.sep in args.python else args.python
    runs = [
        measure(python, args.draft, args.rules, not args.no_default_rules, None, args.edits)
        for _ in range(max(1, args.repeat))
    ]
    if any(run.edit_ms is None or run.save_ms is None or run.open_ms is None for run in runs):
        print("\n".join(note for run in runs for note in run.notes) or "no measurement")
        return 1
    latency = Latency(
        start_ms=statistics.median(run.start_ms for run in runs if run.start_ms is not None),
        open_ms=statistics.median(run.open_ms for run in runs if run.open_ms is not None),
        edit_ms=statistics.median(run.edit_ms for run in runs if run.edit_ms is not None),
        save_ms=statistics.median(run.save_ms for run in runs if run.save_ms is not None),
        diagnostics=runs[0].diagnostics,
    )
    if args.repeat > 1:
        starts = ", ".join(f"{run.start_ms:.0f}" for run in runs)
        print(f"{args.repeat} servers; start to first diagnostics: {starts} ms")
    print(
        f"start to first diagnostics {latency.start_ms:.0f} ms; open {latency.open_ms:.0f} ms; "
        f"after an edit {latency.edit_ms:.0f} ms; after a save {latency.save_ms:.0f} ms; "
        f"{latency.diagnostics} diagnostics"
    )
    for note in latency.notes:
        print(note)
    return 0


if __name__ == "__main__":
    sys.exit(main())
