"""Real headless Neovim with the README's configuration: diagnostics arrive, and a quick fix
applied through Neovim's own LSP client fixes the draft.

The README's "Neovim 0.7 to 0.10, no plugins" block is written to an ``init.lua`` as it is;
a small driver script then waits for the diagnostics, asks for the code actions of one of
them, applies the fix with Neovim's ``apply_workspace_edit`` and writes the file. ``.ci/run``
installs Debian's neovim (0.7.2) when it is missing.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT, TEST_RULES

NVIM = shutil.which("nvim")
pytestmark = pytest.mark.skipif(
    NVIM is None and not os.environ.get("CI"), reason="Neovim is not installed (.ci/run installs it)"
)

DRAFT = "---\ndate: 2025-02-17\n---\n\nFormer US President Donald Trump flew to Kiev.\n"

DRIVER = r"""
local out = os.getenv('NEWSLINT_NVIM_OUT')
local buf = vim.api.nvim_get_current_buf()
local function finish(result)
  local file = io.open(out, 'w')
  file:write(vim.fn.json_encode(result))
  file:close()
  vim.cmd('qa!')
end
local ok = vim.wait(60000, function() return #vim.diagnostic.get(buf) >= 2 end, 50)
if not ok then finish({ error = 'no diagnostics' }) return end
local found = {}
local kiev
for _, d in ipairs(vim.diagnostic.get(buf)) do
  local lsp = d.user_data and d.user_data.lsp or {}
  table.insert(found, { line = d.lnum, col = d.col, code = lsp.code or d.code, source = d.source, message = d.message })
  if (lsp.code or d.code) == 'NL501' then kiev = d end
end
local client = vim.lsp.get_active_clients({ name = 'newslint' })[1]
-- the request vim.lsp.buf.code_action() makes with the cursor on the finding
vim.api.nvim_win_set_cursor(0, { kiev.lnum + 1, kiev.col })
local params = vim.lsp.util.make_range_params()
params.context = { diagnostics = vim.lsp.diagnostic.get_line_diagnostics(buf) }
local responses = vim.lsp.buf_request_sync(buf, 'textDocument/codeAction', params, 20000) or {}
local titles = {}
for _, response in pairs(responses) do
  for _, action in ipairs(response.result or {}) do
    table.insert(titles, action.title)
    if action.title:find('(NL501)', 1, true) and action.title:find('^Replace with') then
      vim.lsp.util.apply_workspace_edit(action.edit, client.offset_encoding)
    end
  end
end
vim.cmd('write')
finish({ diagnostics = found, titles = titles, client = client.name })
"""


def readme_config() -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    marker = "-- newslint: Neovim 0.7 to 0.10, no plugins"
    start = readme.index(marker)
    return readme[start : readme.index("```", start)]


def test_headless_neovim_shows_diagnostics_and_applies_a_fix(tmp_path: Path) -> None:
    assert NVIM is not None, "Neovim is not installed"
    config = tmp_path / "init.lua"
    config.write_text(readme_config(), encoding="utf-8")
    driver = tmp_path / "driver.lua"
    driver.write_text(DRIVER, encoding="utf-8")
    project = tmp_path / "newsroom"
    project.mkdir()
    (project / "newslint.yaml").write_text(f"rules: ['{TEST_RULES}']\ndefault_rules: false\n", encoding="utf-8")
    draft = project / "draft.md"
    draft.write_text(DRAFT, encoding="utf-8")
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    launcher = bin_dir / "newslint"  # `newslint` on the PATH, as an installed newslint would be
    launcher.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m newslint "$@"\n', encoding="utf-8")
    launcher.chmod(0o755)
    out = tmp_path / "result.json"
    env = {
        **os.environ,
        "PATH": f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}",
        "NEWSLINT_NVIM_OUT": str(out),
        "XDG_STATE_HOME": str(tmp_path / "state"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
    }
    subprocess.run(
        [NVIM, "--headless", "-n", "-i", "NONE", "-u", str(config), str(draft), "-c", f"luafile {driver}"],
        cwd=project,
        env=env,
        timeout=120,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        check=False,
    )
    result = json.loads(out.read_text(encoding="utf-8"))
    assert result.get("error") is None, result
    assert result["client"] == "newslint"
    found = sorted((d["line"], d["col"], d["code"]) for d in result["diagnostics"])
    assert found == [(4, 0, "NL201"), (4, 41, "NL501")]
    assert all(d["source"] == "newslint" for d in result["diagnostics"])
    assert 'Replace with "Kyiv" (NL501)' in result["titles"] and "Ignore NL501 on this line" in result["titles"]
    assert draft.read_text(encoding="utf-8") == DRAFT.replace("Kiev", "Kyiv")
