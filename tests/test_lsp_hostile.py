"""The language server under hostile or faulty input, over its real stdio (issue 13): every
request gets a result or the right JSON-RPC error, malformed or huge headers are survived,
``exit`` gives the exit code the specification asks for and comes promptly, and nothing
prints a traceback."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from tests.conftest import TEST_RULES
from tests.lsp_raw import RawServer

OPTIONS = {"rules": [str(TEST_RULES)], "noDefaultRules": True}
DRAFT = "---\ndate: 2025-02-17\n---\nFormer US President Donald Trump flew to Kiev.\n"


@pytest.fixture
def server(tmp_path: Path):
    raw = RawServer(cwd=tmp_path, memory_mb=2048)
    yield raw
    raw.close()
    assert b"Traceback" not in raw.stderr, raw.stderr.decode()


def open_draft(server: RawServer, path: Path, text: str = DRAFT) -> str:
    path.write_text(text, encoding="utf-8")
    uri = path.as_uri()
    server.notify(
        "textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "markdown", "version": 1, "text": text}}
    )
    return uri


def hover_at(server: RawServer, uri: str, line: int, character: int = 0) -> dict:
    return server.response(
        server.request("textDocument/hover", {"textDocument": {"uri": uri}, "position": {"line": line, "character": character}})
    )


@pytest.mark.parametrize("line", [-1, 2**31])
def test_a_position_out_of_range_is_invalid_params(server: RawServer, tmp_path: Path, line: int) -> None:
    server.initialize(tmp_path, OPTIONS)
    uri = open_draft(server, tmp_path / "draft.md")
    answer = hover_at(server, uri, line)
    assert answer["error"] == {
        "code": -32602,
        "message": f"invalid params for textDocument/hover: Position.line should be in range [0:2147483647], "
        f"but was {line}.",
    }
    assert hover_at(server, uri, 3, 10).get("error") is None  # and the server goes on


def test_a_position_past_the_end_of_the_document_is_no_hover(server: RawServer, tmp_path: Path) -> None:
    server.initialize(tmp_path, OPTIONS)
    uri = open_draft(server, tmp_path / "draft.md")
    server.notification("textDocument/publishDiagnostics")
    assert hover_at(server, uri, 10_000, 10_000) == {"jsonrpc": "2.0", "id": server.next_id, "result": None}


def test_a_request_before_initialize_is_server_not_initialized(server: RawServer, tmp_path: Path) -> None:
    answer = server.response(server.request("textDocument/hover", {"textDocument": {"uri": "file:///x.md"},
                                                                   "position": {"line": 0, "character": 0}}))  # fmt: skip
    assert answer["error"] == {"code": -32002, "message": "the server is not initialized"}
    assert "result" in server.initialize(tmp_path, OPTIONS)


def test_requests_after_shutdown_are_invalid_request_and_exit_is_0(server: RawServer, tmp_path: Path) -> None:
    server.initialize(tmp_path, OPTIONS)
    assert server.response(server.request("shutdown")) == {"jsonrpc": "2.0", "id": 2, "result": None}
    answer = server.response(server.request("textDocument/hover", {"textDocument": {"uri": "file:///x.md"},
                                                                   "position": {"line": 0, "character": 0}}))  # fmt: skip
    assert answer["error"] == {"code": -32600, "message": "the server is shutting down"}
    server.notify("exit")
    assert server.wait(10) == 0


def test_exit_without_shutdown_is_1(server: RawServer, tmp_path: Path) -> None:
    server.initialize(tmp_path, OPTIONS)
    server.notify("exit")
    assert server.wait(10) == 1


def test_exit_during_a_long_lint_is_prompt(server: RawServer, tmp_path: Path) -> None:
    server.initialize(tmp_path, OPTIONS)
    open_draft(server, tmp_path / "big.md", DRAFT + "The minister spoke about the weather today.\n" * 100_000)
    time.sleep(0.5)  # the lint of 4 MB has begun on the worker thread
    started = time.monotonic()
    server.notify("exit")
    assert server.wait(10) == 1
    assert time.monotonic() - started < 3


@pytest.mark.parametrize(
    "bad",
    [
        b"Content-Length: abc\r\n\r\n{}",
        b"Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n{\"jsonrpc\": \"2.0\"}",
        b"Content-Length: 99999999999999\r\n\r\n{}",
    ],
    ids=["length-not-a-number", "no-length", "length-too-large"],
)
def test_a_malformed_or_huge_header_is_skipped_and_the_next_request_answered(
    server: RawServer, tmp_path: Path, bad: bytes
) -> None:
    server.initialize(tmp_path, OPTIONS)
    server.send_bytes(bad)
    answer = server.response(server.request("shutdown"))
    assert answer == {"jsonrpc": "2.0", "id": 2, "result": None}
    assert b"skipped a message" in server.stderr or b"skipped a message" in _drain(server)


def _drain(server: RawServer) -> bytes:
    server.notify("exit")
    server.wait(10)
    time.sleep(0.2)
    return server.stderr


def test_a_body_that_is_not_json_is_a_parse_error(server: RawServer, tmp_path: Path) -> None:
    server.initialize(tmp_path, OPTIONS)
    server.send_bytes(b"Content-Length: 9\r\n\r\n{not json")
    error = server.messages.get(timeout=20)
    while error is not None and "error" not in error:  # log messages sent after 'initialized'
        error = server.messages.get(timeout=20)
    assert error is not None and error["id"] is None and error["error"]["code"] == -32700
    assert server.response(server.request("shutdown"))["result"] is None


def test_a_broken_workspace_configuration_is_one_diagnostic_and_the_draft_is_still_checked(
    server: RawServer, tmp_path: Path
) -> None:
    (tmp_path / "newslint.yaml").write_text("ignore: [NL101\n", encoding="utf-8")
    server.initialize(tmp_path, OPTIONS)
    open_draft(server, tmp_path / "draft.md")
    published = server.notification("textDocument/publishDiagnostics")["params"]["diagnostics"]
    codes = [d.get("code") for d in published]
    assert len(published) == 3 and codes[1:] == ["NL201", "NL501"]  # checked with the defaults
    assert published[0]["message"].startswith(
        "newslint: 1 problem in configuration or rule files, checked with the default settings until they "
        f"are fixed: {tmp_path}/newslint.yaml:2:1: invalid YAML"
    )


def test_a_document_path_longer_than_the_system_allows_is_still_checked(server: RawServer, tmp_path: Path) -> None:
    server.initialize(tmp_path, OPTIONS)
    long_path = "/".join(["x" * 250] * 20) + "/draft.md"  # over PATH_MAX: never on disk
    uri = f"file://{tmp_path}/{long_path}"
    server.notify(
        "textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "markdown", "version": 1, "text": DRAFT}}
    )
    published = server.notification("textDocument/publishDiagnostics")["params"]
    assert [d["code"] for d in published["diagnostics"]] == ["NL201", "NL501"]


def test_a_front_matter_alias_bomb_is_one_nl003_and_the_server_goes_on(server: RawServer, tmp_path: Path) -> None:
    lines = ["l0: &l0 [x, x, x, x, x, x, x, x, x]"]
    lines += [f"l{n}: &l{n} [" + ", ".join([f"*l{n - 1}"] * 9) + "]" for n in range(1, 9)]
    server.initialize(tmp_path, OPTIONS)
    started = time.monotonic()
    uri = open_draft(server, tmp_path / "bomb.md", "---\n" + "\n".join(lines) + "\n---\nThe minister flew to Kiev.\n")
    published = server.notification("textDocument/publishDiagnostics")["params"]["diagnostics"]
    assert [d["code"] for d in published] == ["NL003", "NL501"]
    assert published[0]["message"].startswith("front matter: too many YAML nodes")
    assert time.monotonic() - started < 10
    assert hover_at(server, uri, 0).get("error") is None  # still answering
