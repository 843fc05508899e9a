"""Entry point of the language server; importing this module does not need pygls."""

from __future__ import annotations

import gc
import logging
import os
import sys
from pathlib import Path

MISSING_EXTRA = "newslint lsp needs the lsp extra: pip install 'newslint[lsp]'"
_LSP_PACKAGES = frozenset({"pygls", "lsprotocol", "cattrs", "attrs"})


def missing_extra_message() -> str:
    """How to install the extra: from the package index, or, for newslint installed from a
    checkout (``pip install -e .``), from that checkout."""
    checkout = Path(__file__).resolve().parent.parent.parent
    if (checkout / "pyproject.toml").is_file() and (checkout / "newslint").is_dir():
        return f"newslint lsp needs the lsp extra: pip install -e '{checkout}[lsp]'"
    return MISSING_EXTRA


def main() -> int:
    """Run the language server over stdio until the editor says exit; the exit code."""
    # pygls's protocol types are ~570 attrs classes: importing them with the cyclic collector
    # on spends a third of the time re-scanning what was just made. The imported modules live
    # as long as the process, so they are frozen out of later collections too.
    gc.disable()
    try:
        from newslint.lsp.handlers import create_server
    except ModuleNotFoundError as error:
        if (error.name or "").partition(".")[0] not in _LSP_PACKAGES:
            raise
        print(missing_extra_message(), file=sys.stderr)
        return 2
    finally:
        gc.freeze()
        gc.enable()
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
