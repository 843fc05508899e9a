"""The language server, driven over stdio by a real LSP client as an editor would."""

from __future__ import annotations

import asyncio
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import pytest
import pytest_lsp
from lsprotocol import types
from pygls.workspace import TextDocument
from pygls.workspace.position_codec import PositionCodec
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities, make_test_lsp_client

from newslint.lsp.convert import markup_for, suppression_comment
from newslint.lsp.server import MISSING_EXTRA
from newslint.rulebook.errors import RulebookError

TESTS = Path(__file__).resolve().parent
SERVER = [sys.executable, "-m", "newslint.lsp"]
TIMEOUT = 30.0
DRAFT = "---\ndate: 2025-02-17\n---\n\nFormer US President Donald Trump flew to Kiev.\n"
KHARKIV_STYLE = """style:
  - use: Kharkiv
    instead_of: [Kharkov]
    source: https://en.wikipedia.org/wiki/Kharkiv
"""
T = TypeVar("T")


def make_client() -> LanguageClient:
    """pytest-lsp's client, which also answers client/registerCapability and keeps what was registered."""
    client = make_test_lsp_client()
    registrations: list[types.Registration] = []
    client.registrations = registrations  # type: ignore[attr-defined]

    @client.feature(types.CLIENT_REGISTER_CAPABILITY)
    def register(params: types.RegistrationParams) -> None:
        registrations.extend(params.registrations)

    return client


CONFIG = ClientServerConfig(server_command=SERVER, client_factory=make_client)


@pytest.fixture
def rules_copy(tmp_path: Path) -> Path:
    folder = tmp_path / "rules"
    shutil.copytree(TESTS / "rules", folder)
    return folder


async def start(client: LanguageClient, editor: str, rules: Path, root: Path) -> types.InitializeResult:
    return await client.initialize_session(
        types.InitializeParams(
            capabilities=client_capabilities(editor),
            root_uri=root.as_uri(),
            initialization_options={"rules": [str(rules)], "noDefaultRules": True},
        )
    )


@pytest_lsp.fixture(config=CONFIG)
async def client(lsp_client: LanguageClient, rules_copy: Path, tmp_path: Path):
    await start(lsp_client, "visual-studio-code", rules_copy, tmp_path)
    yield
    await lsp_client.shutdown_session()


@pytest_lsp.fixture(config=CONFIG, params=["visual-studio-code", "neovim@v0.11.0", "emacs"])
async def any_client(lsp_client: LanguageClient, request: pytest.FixtureRequest, rules_copy: Path, tmp_path: Path):
    result = await start(lsp_client, request.param, rules_copy, tmp_path)
    lsp_client.encoding = result.capabilities.position_encoding  # type: ignore[attr-defined]
    yield
    await lsp_client.shutdown_session()


@pytest_lsp.fixture(config=CONFIG)
async def unwatched_client(lsp_client: LanguageClient, rules_copy: Path, tmp_path: Path):
    """Neovim 0.10 cannot watch files: the server looks at the rule files itself."""
    await start(lsp_client, "neovim@v0.10.0", rules_copy, tmp_path)
    yield
    await lsp_client.shutdown_session()


# -- helpers ----------------------------------------------------------------------------------


async def wait_for(probe: Callable[[], T | None], what: str, timeout: float = TIMEOUT) -> T:
    """Wait until ``probe`` returns something truthy; fail after ``timeout`` seconds."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while not (value := probe()):
        if loop.time() > deadline:
            pytest.fail(f"timed out after {timeout} s waiting for {what}")
        await asyncio.sleep(0.02)
    return value


def open_draft(client: LanguageClient, path: Path, text: str, language: str = "markdown") -> str:
    uri = path.as_uri()
    item = types.TextDocumentItem(uri=uri, language_id=language, version=1, text=text)
    client.text_document_did_open(types.DidOpenTextDocumentParams(text_document=item))
    return uri


def change_draft(client: LanguageClient, uri: str, version: int, text: str) -> None:
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
            content_changes=[types.TextDocumentContentChangeWholeDocument(text=text)],
        )
    )


def rules_changed(client: LanguageClient, *changes: tuple[Path, types.FileChangeType]) -> None:
    events = [types.FileEvent(uri=path.as_uri(), type=kind) for path, kind in changes]
    client.workspace_did_change_watched_files(types.DidChangeWatchedFilesParams(changes=events))


def summary(diagnostics: list[types.Diagnostic]) -> list[tuple[str, tuple[int, int, int, int]]]:
    return [
        (str(d.code), (d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character))
        for d in diagnostics
    ]


def codes(client: LanguageClient, uri: str) -> list[str]:
    return [str(d.code) for d in client.diagnostics.get(uri, [])]


async def diagnostics_with(client: LanguageClient, uri: str, expected: list[str]) -> list[types.Diagnostic]:
    await wait_for(lambda: codes(client, uri) == expected, f"diagnostics {expected} (have {codes(client, uri)})")
    return list(client.diagnostics[uri])


async def code_actions(client: LanguageClient, uri: str, diagnostic: types.Diagnostic) -> list[types.CodeAction]:
    result = await client.text_document_code_action_async(
        types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=uri),
            range=diagnostic.range,
            context=types.CodeActionContext(diagnostics=[diagnostic]),
        )
    )
    assert result is not None
    return [action for action in result if isinstance(action, types.CodeAction)]


def text_edits(edit: types.WorkspaceEdit | None, uri: str) -> list[types.TextEdit]:
    assert edit is not None
    if edit.changes is not None:
        return list(edit.changes[uri])
    found: list[types.TextEdit] = []
    for change in edit.document_changes or []:
        assert isinstance(change, types.TextDocumentEdit)
        if change.text_document.uri == uri:
            found.extend(e for e in change.edits if isinstance(e, types.TextEdit))
    return found


def apply_edit(text: str, edit: types.WorkspaceEdit | None, uri: str, encoding: str = "utf-16") -> str:
    """Apply a workspace edit as an editor does: pygls's document converts the client's positions."""
    document = TextDocument(uri, text, position_codec=PositionCodec(encoding))
    edits = sorted(text_edits(edit, uri), key=lambda e: (e.range.start.line, e.range.start.character), reverse=True)
    for item in edits:
        document.apply_change(types.TextDocumentContentChangePartial(range=item.range, text=item.new_text))
    return document.source


async def hover(client: LanguageClient, uri: str, line: int, character: int) -> str | None:
    result = await client.text_document_hover_async(
        types.HoverParams(
            text_document=types.TextDocumentIdentifier(uri=uri),
            position=types.Position(line=line, character=character),
        )
    )
    if result is None:
        return None
    assert isinstance(result.contents, types.MarkupContent)
    return result.contents.value


# -- the tests --------------------------------------------------------------------------------


@pytest.mark.asyncio
async def test_diagnostics_quick_fix_and_hover(client: LanguageClient, tmp_path: Path) -> None:
    uri = open_draft(client, tmp_path / "draft.md", DRAFT)
    diagnostics = await diagnostics_with(client, uri, ["NL201", "NL501"])
    assert summary(diagnostics) == [("NL201", (4, 0, 4, 32)), ("NL501", (4, 41, 4, 45))]
    former, kiev = diagnostics
    assert former.severity == kiev.severity == types.DiagnosticSeverity.Error
    assert former.source == kiev.source == "newslint"
    assert kiev.message == '"Kiev": house style is "Kyiv"'
    assert kiev.data == {"replacement": "Kyiv", "fact": "kyiv"}
    assert former.data == {"replacement": "US President Donald Trump", "fact": "us-president"}

    actions = await code_actions(client, uri, kiev)
    assert [action.title for action in actions] == ['Replace with "Kyiv" (NL501)', "Ignore NL501 on this line"]
    fix, ignore = actions
    assert fix.kind == ignore.kind == types.CodeActionKind.QuickFix
    assert fix.is_preferred and not ignore.is_preferred
    assert [(e.range, e.new_text) for e in text_edits(ignore.edit, uri)] == [
        (types.Range(start=types.Position(4, 46), end=types.Position(4, 46)), " <!-- newslint: ignore NL501 -->")
    ]
    former_actions = await code_actions(client, uri, former)
    assert former_actions[0].title == 'Replace with "US President Donald Trump" (NL201)'
    assert not former_actions[0].is_preferred  # NL201's fix is unsafe

    fixed = apply_edit(DRAFT, fix.edit, uri)
    assert fixed == DRAFT.replace("Kiev", "Kyiv")
    change_draft(client, uri, 2, fixed)
    assert summary(await diagnostics_with(client, uri, ["NL201"])) == [("NL201", (4, 0, 4, 32))]

    text = await hover(client, uri, 4, 10)
    assert text is not None
    assert "NL201" in text and "former-title-in-office" in text
    assert "Donald Trump is the sitting US President on 2025-02-17" in text
    assert "Fact: US President (us-president)" in text
    assert "Rulebook verified to 2025-06-30" in text
    assert "Source: https://en.wikipedia.org/wiki/List_of_presidents_of_the_United_States" in text
    assert await hover(client, uri, 4, 40) is None  # "Kyiv" is no longer flagged


@pytest.mark.asyncio
async def test_rule_files_are_watched_and_reloaded(client: LanguageClient, rules_copy: Path, tmp_path: Path) -> None:
    registrations = await wait_for(lambda: client.registrations, "the server to register its file watchers")  # type: ignore[attr-defined]
    assert registrations[0].method == types.WORKSPACE_DID_CHANGE_WATCHED_FILES
    globs = [watcher["globPattern"] for watcher in registrations[0].register_options["watchers"]]
    assert "**/*.yaml" in globs and "**/pyproject.toml" in globs

    text = DRAFT.replace("flew to Kiev.", "flew to Kiev, then Kharkov.")
    uri = open_draft(client, tmp_path / "draft.md", text)
    await diagnostics_with(client, uri, ["NL201", "NL501"])

    facts = rules_copy / "facts.yaml"
    good = facts.read_text(encoding="utf-8")
    facts.write_text(good + "  - {id: broken, use: [unclosed\n", encoding="utf-8")
    rules_changed(client, (facts, types.FileChangeType.Changed))
    diagnostics = await diagnostics_with(client, uri, ["rules", "NL201", "NL501"])  # the last good rules stay
    problem = diagnostics[0]
    assert problem.source == "newslint" and problem.severity == types.DiagnosticSeverity.Error
    assert problem.range.start == types.Position(0, 0)
    assert "facts.yaml" in problem.message and "invalid YAML" in problem.message
    assert problem.related_information and problem.related_information[0].location.uri == facts.resolve().as_uri()
    message = await wait_for(
        lambda: [m for m in client.messages if "problem in rule files" in m.message], "a message"
    )
    assert message[0].type == types.MessageType.Error

    # the server goes on: it answers, and a draft opened now is checked with the last good rules
    assert "NL201" in (await hover(client, uri, 4, 3) or "")
    other = open_draft(client, tmp_path / "other.txt", "Dateline: 2025-02-17\n\nThey flew to Kiev.\n", "plaintext")
    await diagnostics_with(client, other, ["rules", "NL501"])

    facts.write_text(good, encoding="utf-8")
    (rules_copy / "kharkiv.yaml").write_text(KHARKIV_STYLE, encoding="utf-8")
    rules_changed(
        client,
        (facts, types.FileChangeType.Changed),
        (rules_copy / "kharkiv.yaml", types.FileChangeType.Created),
    )
    diagnostics = await diagnostics_with(client, uri, ["NL201", "NL501", "NL501"])
    assert diagnostics[2].message == '"Kharkov": house style is "Kharkiv"'
    await diagnostics_with(client, other, ["NL501"])
    await wait_for(lambda: [m for m in client.messages if "valid again" in m.message], "the all-clear")


@pytest.mark.asyncio
async def test_rule_files_without_a_watcher(unwatched_client: LanguageClient, rules_copy: Path, tmp_path: Path) -> None:
    client = unwatched_client
    uri = open_draft(client, tmp_path / "draft.md", DRAFT.replace("Kiev.", "Kharkov."))
    await diagnostics_with(client, uri, ["NL201"])
    (rules_copy / "kharkiv.yaml").write_text(KHARKIV_STYLE, encoding="utf-8")
    client.text_document_did_save(types.DidSaveTextDocumentParams(text_document=types.TextDocumentIdentifier(uri=uri)))
    await diagnostics_with(client, uri, ["NL201", "NL501"])
    assert not client.registrations  # type: ignore[attr-defined]


@pytest_lsp.fixture(config=CONFIG)
async def broken_client(lsp_client: LanguageClient, tmp_path: Path):
    folder = tmp_path / "broken"
    folder.mkdir()
    (folder / "facts.yaml").write_text("style:\n  - use: Kyiv\n    instead_of: [Kiev\n", encoding="utf-8")
    await start(lsp_client, "visual-studio-code", folder, tmp_path)
    yield
    await lsp_client.shutdown_session()


@pytest_lsp.fixture(config=CONFIG)
async def missing_folder_client(lsp_client: LanguageClient, tmp_path: Path):
    """The README's first editor set-ups once named a "newsroom-rules/" folder most projects lack."""
    await lsp_client.initialize_session(
        types.InitializeParams(
            capabilities=client_capabilities("neovim@v0.11.0"),
            root_uri=tmp_path.as_uri(),
            initialization_options={"rules": ["newsroom-rules/"]},
        )
    )
    yield
    await lsp_client.shutdown_session()


@pytest.mark.asyncio
async def test_a_missing_rule_folder_is_a_warning_and_the_bundled_rules_stay_on(
    missing_folder_client: LanguageClient, tmp_path: Path
) -> None:
    client = missing_folder_client
    uri = open_draft(client, tmp_path / "draft.md", "---\ndate: 2025-06-01\n---\n\nGerman Chancellor Olaf Scholz spoke.\n")
    await diagnostics_with(client, uri, ["NL202"])  # from the bundled rulebook; no "rules" diagnostic
    warnings = [m for m in client.messages if m.type == types.MessageType.Warning]
    assert [m.message for m in warnings][:1] == [
        f"newslint: rule folder {tmp_path / 'newsroom-rules'} does not exist; checking with the other rules "
        "(the bundled rulebook)"
    ]
    # the folder appears: its rules join the bundled ones
    folder = tmp_path / "newsroom-rules"
    folder.mkdir()
    (folder / "style.yaml").write_text(KHARKIV_STYLE, encoding="utf-8")
    rules_changed(client, (folder / "style.yaml", types.FileChangeType.Created))
    change_draft(client, uri, 2, "---\ndate: 2025-06-01\n---\n\nGerman Chancellor Olaf Scholz spoke in Kharkov.\n")
    await diagnostics_with(client, uri, ["NL202", "NL501"])


@pytest.mark.asyncio
async def test_broken_rules_at_start(broken_client: LanguageClient, tmp_path: Path) -> None:
    client = broken_client
    uri = open_draft(client, tmp_path / "draft.md", DRAFT)
    diagnostics = await diagnostics_with(client, uri, ["rules"])
    assert "nothing is checked" in diagnostics[0].message
    assert await hover(client, uri, 4, 3) is None
    assert await code_actions(client, uri, diagnostics[0]) == []

    facts = tmp_path / "broken" / "facts.yaml"
    facts.write_text(
        "style:\n  - use: Kyiv\n    instead_of: [Kiev]\n    source: https://en.wikipedia.org/wiki/Kyiv\n",
        encoding="utf-8",
    )
    rules_changed(client, (facts, types.FileChangeType.Changed))
    await diagnostics_with(client, uri, ["NL501"])


UTF_DRAFT = "Dateline: 2025-02-17\n\n🎉 They flew to Kiev.\n"
# the Kiev span and the end of its line, in each encoding: the emoji is 1 code point, 2 UTF-16 units, 4 bytes
UTF_COLUMNS = {"utf-16": (16, 20, 21), "utf-8": (18, 22, 23), "utf-32": (15, 19, 20)}


@pytest.mark.asyncio
async def test_positions_in_the_negotiated_encoding(any_client: LanguageClient, tmp_path: Path) -> None:
    client = any_client
    encoding = str(client.encoding)  # type: ignore[attr-defined]
    start, end, line_end = UTF_COLUMNS[encoding]
    uri = open_draft(client, tmp_path / "draft.txt", UTF_DRAFT, "plaintext")
    [kiev] = await diagnostics_with(client, uri, ["NL501"])
    assert summary([kiev]) == [("NL501", (2, start, 2, end))]
    assert "NL501" in (await hover(client, uri, 2, start) or "")
    assert await hover(client, uri, 2, start - 1) is None

    fix, ignore = await code_actions(client, uri, kiev)
    assert apply_edit(UTF_DRAFT, fix.edit, uri, encoding) == UTF_DRAFT.replace("Kiev", "Kyiv")
    [insert] = text_edits(ignore.edit, uri)
    assert insert.range.start == insert.range.end == types.Position(2, line_end)
    assert apply_edit(UTF_DRAFT, ignore.edit, uri, encoding) == UTF_DRAFT.replace(
        "Kiev.", "Kiev. newslint: ignore NL501"
    )


@pytest.mark.asyncio
async def test_lines_break_where_lsp_breaks_them(client: LanguageClient, tmp_path: Path) -> None:
    text = "Dateline: 2025-02-17\r\n\r\nA\u2028B\x0cC flew to Kiev.\rThen to Kiev.\n"
    uri = open_draft(client, tmp_path / "draft.txt", text, "plaintext")
    diagnostics = await diagnostics_with(client, uri, ["NL501", "NL501"])
    assert summary(diagnostics) == [("NL501", (2, 14, 2, 18)), ("NL501", (3, 8, 3, 12))]


@pytest.mark.parametrize(
    ("name", "language", "text", "comment"),
    [
        ("draft.md", "markdown", DRAFT, " <!-- newslint: ignore NL501 -->"),
        ("draft.txt", "plaintext", "Dateline: 2025-02-17\n\nThey flew to Kiev.\n", " newslint: ignore NL501"),
        # eglot 1.9 says "markdown" for every file once a Markdown file started the server
        ("notes.txt", "markdown", "Dateline: 2025-02-17\n\nThey flew to Kiev.\n", " newslint: ignore NL501"),
        (
            "draft.html",
            "html",
            '<html><head><meta name="date" content="2025-02-17"></head>\n<body><p>They flew to Kiev.</p></body>\n</html>\n',
            " <!-- newslint: ignore NL501 -->",
        ),
    ],
)
@pytest.mark.asyncio
async def test_ignore_action_suppresses(
    client: LanguageClient, tmp_path: Path, name: str, language: str, text: str, comment: str
) -> None:
    uri = open_draft(client, tmp_path / name, text, language)
    await wait_for(lambda: "NL501" in codes(client, uri), "NL501")
    kiev = next(d for d in client.diagnostics[uri] if d.code == "NL501")
    actions = await code_actions(client, uri, kiev)
    ignore = next(action for action in actions if action.title == "Ignore NL501 on this line")
    suppressed = apply_edit(text, ignore.edit, uri)
    line = text.splitlines()[kiev.range.start.line]
    assert suppressed == text.replace(line, line + comment)
    expected = [code for code in codes(client, uri) if code != "NL501"]
    change_draft(client, uri, 2, suppressed)
    await diagnostics_with(client, uri, expected)  # no NL501, and no NL002: the comment is used


@pytest.mark.asyncio
async def test_the_file_suffix_decides_the_markup_over_the_language_id(client: LanguageClient, tmp_path: Path) -> None:
    """An HTML page sent as "markdown" is still read as HTML: its date from <meta>, no attribute
    checked (read as Markdown, it would be dated today and its title attribute checked)."""
    page = (
        '<html><head><meta name="date" content="2025-02-17"></head>\n'
        '<body><p>German Chancellor Olaf Scholz spoke in <span title="Kiev">Berlin</span>.</p></body></html>\n'
    )
    uri = open_draft(client, tmp_path / "page.html", page, "markdown")
    await wait_for(lambda: uri in client.diagnostics and not client.diagnostics[uri], "no findings on the page")
    # and a Markdown draft sent as "html" is read as Markdown: the code span is not checked
    draft = open_draft(client, tmp_path / "draft.md", "---\ndate: 2025-02-17\n---\n\nTo `Kiev` and to Kiev.\n", "html")
    [kiev] = await diagnostics_with(client, draft, ["NL501"])
    assert summary([kiev]) == [("NL501", (4, 17, 4, 21))]


@pytest.mark.asyncio
async def test_latest_version_wins(client: LanguageClient, tmp_path: Path) -> None:
    uri = open_draft(client, tmp_path / "draft.md", DRAFT)
    await diagnostics_with(client, uri, ["NL201", "NL501"])
    change_draft(client, uri, 2, DRAFT.replace("Former ", ""))
    change_draft(client, uri, 3, DRAFT.replace("Kiev", "Kyiv"))
    change_draft(client, uri, 4, DRAFT.replace("Former ", "").replace("Kiev", "Kyiv") + "\nAnd Kiev again.\n")
    diagnostics = await diagnostics_with(client, uri, ["NL501"])
    assert summary(diagnostics) == [("NL501", (6, 4, 6, 8))]


@pytest.mark.asyncio
async def test_close_clears_and_other_files_are_left_alone(client: LanguageClient, tmp_path: Path) -> None:
    uri = open_draft(client, tmp_path / "draft.md", DRAFT)
    await diagnostics_with(client, uri, ["NL201", "NL501"])
    client.text_document_did_close(
        types.DidCloseTextDocumentParams(text_document=types.TextDocumentIdentifier(uri=uri))
    )
    await wait_for(lambda: uri in client.diagnostics and not client.diagnostics[uri], "cleared diagnostics")
    script = open_draft(client, tmp_path / "script.py", "# Former US President Donald Trump flew to Kiev.\n", "python")
    # a request is answered after the notifications sent before it: nothing was published for the script
    assert await hover(client, script, 0, 5) is None
    assert script not in client.diagnostics


def test_markup_and_suppression_comments() -> None:
    assert markup_for("markdown", None) == "markdown"
    assert markup_for("plaintext", "/x/notes") == "text"
    assert markup_for("gfm", "/x/draft.md") == "markdown"  # Emacs names languages after modes
    assert markup_for("mhtml", "/x/page.htm") == "html"
    assert markup_for("python", "/x/script.py") is None
    # the file's suffix wins over a wrong language id (eglot 1.9 sends "markdown" for them all)
    assert markup_for("markdown", "/x/page.html") == "html"
    assert markup_for("markdown", "/x/notes.txt") == "text"
    assert markup_for("html", "/x/draft.md") == "markdown"
    assert suppression_comment("markdown", "NL501") == " <!-- newslint: ignore NL501 -->"
    assert suppression_comment("html", "NL202") == " <!-- newslint: ignore NL202 -->"
    assert suppression_comment("text", "NL501") == " newslint: ignore NL501"


def test_server_module_imports_without_pygls() -> None:
    code = (
        "import sys\n"
        "sys.modules['pygls'] = None\n"
        "import newslint.lsp.server as server\n"
        "assert 'lsprotocol' not in sys.modules\n"
        "raise SystemExit(server.main())\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.returncode == 2, result.stderr
    # this checkout is installed in place (pip install -e .): the extra comes from it
    assert result.stderr.strip() == f"newslint lsp needs the lsp extra: pip install -e '{TESTS.parent}[lsp]'"


def test_missing_extra_message_outside_a_checkout(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import newslint.lsp.server as server

    installed = tmp_path / "site-packages" / "newslint" / "lsp" / "server.py"
    installed.parent.mkdir(parents=True)
    monkeypatch.setattr(server, "__file__", str(installed))
    assert server.missing_extra_message() == MISSING_EXTRA == "newslint lsp needs the lsp extra: pip install 'newslint[lsp]'"


def test_rule_settings_from_initialization_options(tmp_path: Path) -> None:
    from newslint.lsp.rules import RuleSettings
    from newslint.rulebook.loader import bundled_rules_dir

    settings, problems = RuleSettings.from_options({"rules": ["mine", "/abs/rules"], "noDefaultRules": True}, tmp_path)
    assert problems == []
    assert settings.paths() == [tmp_path / "mine", Path("/abs/rules")]
    settings, problems = RuleSettings.from_options({"rules": "mine"}, tmp_path)
    assert settings.paths() == [bundled_rules_dir(), tmp_path / "mine"]
    settings, problems = RuleSettings.from_options({"rules": [1], "noDefaultRules": "yes"}, tmp_path)
    assert settings == RuleSettings() and len(problems) == 2
    assert RuleSettings.from_options(None, tmp_path) == (RuleSettings(), [])

    settings = RuleSettings((tmp_path / "mine",), default_rules=False)
    assert settings.affected_by(tmp_path / "mine" / "sub" / "people.yaml")
    assert not settings.affected_by(tmp_path / "other" / "people.yaml")
    assert not settings.affected_by(tmp_path / "mine" / "notes.txt")
    assert settings.affected_by(tmp_path / "newslint.yaml")  # configuration
    with pytest.raises(RulebookError, match="no rules"):
        RuleSettings(default_rules=False).load()


@pytest.mark.asyncio
async def test_configuration_applies_and_reloads(client: LanguageClient, tmp_path: Path) -> None:
    """The nearest newslint.yaml applies as in the CLI, and a change to it is picked up."""
    desk = tmp_path / "desk"
    desk.mkdir()
    config = desk / "newslint.yaml"
    config.write_text("ignore: [NL501]\nseverity: {NL201: warning}\n", encoding="utf-8")
    uri = open_draft(client, desk / "draft.md", DRAFT)
    [diagnostic] = await diagnostics_with(client, uri, ["NL201"])
    assert diagnostic.severity == types.DiagnosticSeverity.Warning

    config.write_text("selct: [NL5]\n", encoding="utf-8")
    rules_changed(client, (config, types.FileChangeType.Changed))
    # the broken configuration is said once, and the draft is checked with the defaults meanwhile
    problem, *_ = await diagnostics_with(client, uri, ["rules", "NL201", "NL501"])
    assert "unknown key 'selct' in the configuration (did you mean 'select'?)" in problem.message

    config.write_text("select: [NL5]\n", encoding="utf-8")
    rules_changed(client, (config, types.FileChangeType.Changed))
    await diagnostics_with(client, uri, ["NL501"])
