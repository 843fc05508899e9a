"""Entry point of the language server; importing this module does not need pygls."""

from __future__ import annotations

import logging
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
    server = create_server()
    try:
        server.start_io()
    except SystemExit as stop:  # pygls exits on the 'exit' notification: 0 after 'shutdown', else 1
        return stop.code if isinstance(stop.code, int) else 0
    except KeyboardInterrupt:
        return 130
    return 0
