"""Entry point of the language server; importing this module does not need pygls."""

from __future__ import annotations

import logging
import os
import sys

MISSING_EXTRA = "newslint lsp needs the lsp extra: pip install 'newslint[lsp]'"
_LSP_PACKAGES = frozenset({"pygls", "lsprotocol", "cattrs", "attrs"})


def main() -> int:
    """Run the language server over stdio until the editor says exit; the exit code."""
    try:
        from newslint.lsp.handlers import create_server
    except ModuleNotFoundError as error:
        if (error.name or "").partition(".")[0] not in _LSP_PACKAGES:
            raise
        print(MISSING_EXTRA, file=sys.stderr)
        return 2
    logging.basicConfig(level=logging.WARNING, stream=sys.stderr, format="newslint lsp: %(levelname)s: %(message)s")
    # pygls logs a traceback for what our transport answers with one line of its own
    logging.getLogger("pygls").setLevel(logging.CRITICAL)
    server = create_server()
    try:
        code = server.run_stdio()
    except KeyboardInterrupt:
        code = 130
    # a lint still running on the worker thread must not hold the exit (the editor waits)
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):
            pass
    os._exit(code)
