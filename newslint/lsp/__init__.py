"""The newslint language server (``newslint lsp``): diagnostics, quick fixes and hover in editors.

It needs the ``lsp`` extra (pygls); nothing here imports pygls until the server starts,
so the base install works without it. Start it with ``newslint.lsp.server.main()``.
"""
