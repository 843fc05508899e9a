"""``python -m newslint.lsp``: run the language server over standard input and output."""

from __future__ import annotations

from newslint.lsp.server import main

raise SystemExit(main())
