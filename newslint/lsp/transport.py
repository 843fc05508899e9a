"""JSON-RPC over stdio that answers every request and survives any input.

pygls's own loop waits for ever after a header it cannot read, allocates whatever a
``Content-Length`` asks for, logs a traceback and answers nothing when a request's params do
not fit their type, and drops requests after ``shutdown`` without a reply. This loop frames
messages itself and hands each one to the protocol:

- a header without a usable ``Content-Length`` (missing, not a number, larger than
  ``MAX_MESSAGE_BYTES``) is skipped, and reading resumes at the next ``Content-Length``
  header, wherever it starts;
- a body that is not JSON is answered with a parse error (-32700), one that is not a
  request object with invalid request (-32600), a request whose params do not fit with
  invalid params (-32602), all with one line on standard error;
- before ``initialize`` a request is answered with server not initialized (-32002), after
  ``shutdown`` with invalid request (-32600);
- ``exit`` ends the loop with 0 after ``shutdown`` and 1 without, as the specification says.
"""

from __future__ import annotations

import asyncio
import json
import logging
import re
from typing import Any, BinaryIO

from lsprotocol import types
from pygls.exceptions import JsonRpcException, JsonRpcInvalidParams
from pygls.protocol import LanguageServerProtocol

logger = logging.getLogger("newslint.lsp")

MAX_MESSAGE_BYTES = 64 * 1024 * 1024  # a 20 MB draft, escaped as JSON, fits
MAX_HEADER_LINE = 8192
_LENGTH = re.compile(rb"content-length:[ \t]*(\S*)[ \t]*\r?\n?$", re.IGNORECASE)
PARSE_ERROR, INVALID_REQUEST, SERVER_NOT_INITIALIZED = -32700, -32600, -32002


class GuardedProtocol(LanguageServerProtocol):
    """The LSP protocol, answering requests the specification says must be refused."""

    initialized = False

    def handle_message(self, message: Any) -> None:
        method = getattr(message, "method", None)
        request_id = getattr(message, "id", None)
        is_request = method is not None and request_id is not None
        if method == types.INITIALIZE:
            self.initialized = True
        elif is_request and self._shutdown and method != types.EXIT:
            self.reply_error(request_id, INVALID_REQUEST, "the server is shutting down")
            return
        elif is_request and not self.initialized:
            self.reply_error(request_id, SERVER_NOT_INITIALIZED, "the server is not initialized")
            return
        elif method is not None and not self.initialized and method != types.EXIT:
            return  # notifications before initialize are dropped
        super().handle_message(message)

    def reply_error(self, request_id: Any, code: int, message: str) -> None:
        if request_id is None:  # written by hand: the converter would leave out the null id
            self._send_data({"jsonrpc": "2.0", "id": None, "error": {"code": code, "message": message}})
            return
        self._send_response(request_id, error=types.ResponseError(code=code, message=message))


async def serve(protocol: GuardedProtocol, stdin: BinaryIO) -> int:
    """Read and handle messages until ``exit`` (its exit code) or the end of input (1)."""
    loop = asyncio.get_running_loop()

    def read_line() -> bytes:
        return stdin.readline(MAX_HEADER_LINE)

    def read_body(size: int) -> bytes:
        return stdin.read(size)

    while True:
        length = await _read_header(loop, read_line)
        if length is None:
            return 0 if protocol._shutdown else 1  # the client went away
        body = await loop.run_in_executor(None, read_body, length)
        if len(body) < length:
            return 0 if protocol._shutdown else 1
        try:
            handle_body(protocol, body)
        except SystemExit as stop:  # pygls's 'exit' handler
            return stop.code if isinstance(stop.code, int) else 0


async def _read_header(loop: asyncio.AbstractEventLoop, read_line: Any) -> int | None:
    """The body length of the next message with a usable header; None at the end of input."""
    length: int | None = None
    problem: str | None = None
    headers = 0
    while True:
        line = await loop.run_in_executor(None, read_line)
        if not line:
            return None
        if line in (b"\r\n", b"\n"):
            if length is not None and problem is None:
                return length
            if headers:
                logger.warning("skipped a message: %s", problem or "no Content-Length header")
            length, problem, headers = None, None, 0
            continue
        headers += 1
        # the header may follow the remains of a message that could not be framed
        start = line.lower().find(b"content-length:")
        if start < 0:
            continue  # another header (Content-Type), or what is left of a skipped body
        match = _LENGTH.match(line, start)
        text = match.group(1).decode("ascii", "replace") if match else "?"
        if not text.isdigit():
            length, problem = 0, f"Content-Length '{text}' is not a number"
        elif int(text) > MAX_MESSAGE_BYTES:
            length, problem = 0, f"Content-Length {text} is larger than {MAX_MESSAGE_BYTES} bytes"
        else:
            length, problem = int(text), None


def handle_body(protocol: GuardedProtocol, body: bytes) -> None:
    """Parse one message and hand it to the protocol; answer a request that cannot be."""
    try:
        data = json.loads(body)
    except ValueError as error:
        logger.warning("a message is not JSON: %s", error)
        protocol.reply_error(None, PARSE_ERROR, f"not JSON: {error}")
        return
    if not isinstance(data, dict) or data.get("jsonrpc") != "2.0":
        logger.warning("a message is not a JSON-RPC 2.0 object")
        protocol.reply_error(data.get("id") if isinstance(data, dict) else None, INVALID_REQUEST, "not JSON-RPC 2.0")
        return
    try:
        message = json.loads(body, object_hook=protocol.structure_message)
    except (JsonRpcException, Exception) as error:
        summary = _first_cause(error)
        logger.warning("cannot read the params of %s: %s", data.get("method", "a message"), summary)
        if "id" in data and "method" in data:
            code = JsonRpcInvalidParams.CODE
            protocol.reply_error(data["id"], code, f"invalid params for {data['method']}: {summary}")
        return
    protocol.handle_message(message)


def _first_cause(error: BaseException) -> str:
    """The innermost reason a message could not be read ("Position.line should be in range
    [0:2147483647], but was -1."), not cattrs's wrapper around it."""
    seen = 0
    while seen < 20:
        seen += 1
        nested = getattr(error, "exceptions", None)
        if nested:
            error = nested[0]
        elif error.__cause__ is not None:
            error = error.__cause__
        else:
            break
    text = str(error).splitlines()[0] if str(error) else type(error).__name__
    return text
