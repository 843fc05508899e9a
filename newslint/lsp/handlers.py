"""The newslint language server on pygls: diagnostics, quick fixes, hover, rulebook reloads.

Documents are synced whole (drafts are small, and pygls's incremental edits split lines
where LSP does not). A document is linted at once on open, change and save; changes that
arrive while it is being linted are coalesced into one more lint of the latest version
when that one ends (no fixed debounce: fresh diagnostics take one lint, not a pause plus
a lint). A result is published only if the document and the rulebook are still those it
was computed from, so the latest version always wins. Linting runs on one worker thread,
so the server keeps answering meanwhile.
"""

from __future__ import annotations

import asyncio
import functools
import logging
import sys
import traceback
from collections.abc import Callable, Coroutine
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast

from lsprotocol import types
from pygls.capabilities import get_capability
from pygls.io_ import StdoutWriter
from pygls.lsp.server import LanguageServer
from pygls.uris import from_fs_path, to_fs_path
from pygls.workspace import TextDocument

import newslint
from newslint.config import Settings, settings_for
from newslint.config import clear_caches as clear_config_caches
from newslint.diagnostic import Diagnostic
from newslint.engine import lint_with_settings
from newslint.formatters import plural
from newslint.lsp.actions import Target, code_actions
from newslint.lsp.convert import Lines, markup_for, rule_error_location, rules_diagnostic, to_lsp
from newslint.lsp.hover import hover
from newslint.lsp.rules import WATCHED_GLOBS, RuleSettings, Signature
from newslint.lsp.transport import GuardedProtocol, serve
from newslint.rulebook.errors import RulebookError, RuleError
from newslint.rulebook.schema import Location, Rulebook

logger = logging.getLogger("newslint.lsp")


@dataclass(frozen=True)
class RulesState:
    """The rulebook in use (the last good one) and the problem with the rule files, if any."""

    rulebook: Rulebook | None = None
    error: RulebookError | None = None


@dataclass(frozen=True)
class LintResult:
    """What was published for a document: the text it was computed from, and with which rules."""

    text: str
    diagnostics: list[Diagnostic]
    rulebook: Rulebook | None


@dataclass
class _Tasks:
    linting: dict[str, asyncio.Task[None]] = field(default_factory=dict)  # one lint loop per document
    stale: set[str] = field(default_factory=set)  # documents changed since their lint began
    background: set[asyncio.Task[None]] = field(default_factory=set)


class NewslintLanguageServer(LanguageServer):
    def __init__(self) -> None:
        super().__init__(
            "newslint",
            newslint.__version__,
            text_document_sync_kind=types.TextDocumentSyncKind.Full,
            protocol_cls=GuardedProtocol,
        )
        self.settings = RuleSettings()
        self.rules = RulesState()
        self.results: dict[str, LintResult] = {}
        self.open_uris: set[str] = set()
        self.watching = False
        self._signature: Signature = ()
        self._tasks = _Tasks()
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="newslint-lint")
        self._reload_lock = asyncio.Lock()
        self._configured: dict[tuple[tuple[Path, ...], bool], Rulebook] = {}
        self._rules_loaded: asyncio.Event | None = None  # set once the first rulebook is in
        self._register_features()

    def _register_features(self) -> None:
        cls = NewslintLanguageServer
        self.feature(types.INITIALIZE)(_handler(cls.on_initialize))
        self.feature(types.INITIALIZED)(_handler(cls.on_initialized))
        self.feature(types.SHUTDOWN)(_handler(cls.on_shutdown))
        self.feature(types.TEXT_DOCUMENT_DID_OPEN)(_handler(cls.on_did_open))
        self.feature(types.TEXT_DOCUMENT_DID_CHANGE)(_handler(cls.on_did_change))
        self.feature(types.TEXT_DOCUMENT_DID_SAVE)(_handler(cls.on_did_save))
        self.feature(types.TEXT_DOCUMENT_DID_CLOSE)(_handler(cls.on_did_close))
        self.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)(_handler(cls.on_watched_files_changed))
        self.feature(types.TEXT_DOCUMENT_HOVER)(_handler(cls.on_hover))
        self.feature(
            types.TEXT_DOCUMENT_CODE_ACTION,
            types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix]),
        )(_handler(cls.on_code_action))

    # -- lifecycle --------------------------------------------------------------------------

    def run_stdio(self) -> int:
        """Serve over standard input and output until ``exit``; the exit code (0 after
        ``shutdown``, else 1)."""
        self.protocol.set_writer(StdoutWriter(sys.stdout.buffer))
        try:
            return asyncio.run(serve(cast(GuardedProtocol, self.protocol), sys.stdin.buffer))
        except BrokenPipeError:  # the editor closed our output: nobody to answer
            return 1

    def on_initialize(self, params: types.InitializeParams) -> None:
        root = self.workspace.root_path
        if root is None and params.workspace_folders:
            root = to_fs_path(params.workspace_folders[0].uri)
        self.settings, problems = RuleSettings.from_options(params.initialization_options, Path(root) if root else None)
        for problem in problems:
            self._message(f"newslint: {problem}; using the default rules", types.MessageType.Warning, show=True)
        # Answer at once and load the rulebook meanwhile: the editor's next messages (initialized,
        # the first didOpen) arrive while it loads, and the first lint waits for it.
        self._rules_loaded = asyncio.Event()
        self._spawn(self._load_first_rules(self._rules_loaded))

    async def _load_first_rules(self, loaded: asyncio.Event) -> None:
        try:
            async with self._reload_lock:
                state = await asyncio.get_running_loop().run_in_executor(self._executor, self._load_rules)
                self._apply(state)
        finally:
            loaded.set()

    async def on_initialized(self, params: types.InitializedParams) -> None:
        if not get_capability(self.client_capabilities, "workspace.did_change_watched_files.dynamic_registration"):
            self._message("the editor cannot watch rule files; they are checked for changes before each lint")
            return
        options = types.DidChangeWatchedFilesRegistrationOptions(watchers=self._watchers())
        registration = types.Registration(
            id="newslint-rule-files", method=types.WORKSPACE_DID_CHANGE_WATCHED_FILES, register_options=options
        )
        try:
            await self.client_register_capability_async(types.RegistrationParams(registrations=[registration]))
        except Exception as error:  # the editor refused: fall back to checking the files
            self._message(f"could not watch rule files ({error}); they are checked for changes before each lint")
            return
        self.watching = True

    def _watchers(self) -> list[types.FileSystemWatcher]:
        watchers = [types.FileSystemWatcher(glob_pattern=glob) for glob in WATCHED_GLOBS]
        if get_capability(self.client_capabilities, "workspace.did_change_watched_files.relative_pattern_support"):
            for path in self.settings.paths():
                base, pattern = (path, "**/*.{yaml,yml}") if path.is_dir() else (path.parent, path.name)
                uri = from_fs_path(str(base.resolve()))
                if uri is not None:
                    relative = types.RelativePattern(base_uri=uri, pattern=pattern)
                    watchers.append(types.FileSystemWatcher(glob_pattern=relative))
        return watchers

    def on_shutdown(self, params: None) -> None:
        for task in [*self._tasks.linting.values(), *self._tasks.background]:
            task.cancel()
        self._executor.shutdown(wait=False, cancel_futures=True)

    # -- documents --------------------------------------------------------------------------

    def on_did_open(self, params: types.DidOpenTextDocumentParams) -> None:
        self.open_uris.add(params.text_document.uri)
        self._schedule(params.text_document.uri)

    def on_did_change(self, params: types.DidChangeTextDocumentParams) -> None:
        self._schedule(params.text_document.uri)

    def on_did_save(self, params: types.DidSaveTextDocumentParams) -> None:
        self._schedule(params.text_document.uri)

    def on_did_close(self, params: types.DidCloseTextDocumentParams) -> None:
        uri = params.text_document.uri
        self.open_uris.discard(uri)
        self.results.pop(uri, None)
        self._tasks.stale.discard(uri)
        task = self._tasks.linting.pop(uri, None)
        if task is not None:
            task.cancel()
        self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=[]))

    def _document(self, uri: str) -> TextDocument | None:
        return self.workspace.get_text_document(uri) if uri in self.open_uris else None

    def _schedule(self, uri: str) -> None:
        """Lint a document now, or once more right after the lint already under way."""
        loading = self._rules_loaded is not None and not self._rules_loaded.is_set()
        if not loading and not self.watching and self._rule_files_changed():
            self._spawn(self.reload_rules())  # re-lints every open document
            return
        self._lint_soon(uri)

    def _lint_soon(self, uri: str) -> None:
        if uri in self._tasks.linting:
            self._tasks.stale.add(uri)
        else:
            self._tasks.linting[uri] = asyncio.get_running_loop().create_task(self._lint_until_current(uri))

    async def _lint_until_current(self, uri: str) -> None:
        try:
            while True:
                self._tasks.stale.discard(uri)
                await self.lint_and_publish(uri)
                if uri not in self._tasks.stale:
                    return
        finally:
            if self._tasks.linting.get(uri) is asyncio.current_task():
                del self._tasks.linting[uri]

    async def lint_and_publish(self, uri: str) -> None:
        if self._rules_loaded is not None:
            await self._rules_loaded.wait()
        document = self._document(uri)
        markup = markup_for(document.language_id, document.path) if document else None
        if document is None or markup is None:
            return
        text, version, state = document.source, document.version, self.rules
        diagnostics: list[Diagnostic] = []
        problem: RulebookError | None = state.error
        try:
            settings = settings_for(document.path)
            rulebook = self._rulebook_for(settings, state)
        except RulebookError as error:  # a broken configuration or configured rule folder:
            # said once on the draft, which is still checked with the defaults
            settings, rulebook, problem = Settings(origins={}), state.rulebook, error
        except OSError as error:  # a path the system cannot look up (too long): the defaults
            logger.warning("cannot look for a configuration for %s: %s", uri, error.strerror or error)
            settings, rulebook = Settings(origins={}), state.rulebook
        if rulebook is not None:
            job = functools.partial(_lint, text, document.path, markup, rulebook, settings)
            try:
                diagnostics = await asyncio.get_running_loop().run_in_executor(self._executor, job)
            except Exception as error:  # a bug in a check must not stop the server
                self._message(
                    f"internal error while checking {uri}: {_describe(error, trace=True)}", types.MessageType.Error
                )
                return
        current = self._document(uri)
        if current is None or current.version != version or current.source != text or self.rules is not state:
            return  # a newer lint is on its way
        self.results[uri] = LintResult(text, diagnostics, rulebook)
        lines = Lines.of(text, self.workspace.position_codec)
        published = [to_lsp(diagnostic, lines) for diagnostic in diagnostics]
        if problem is not None:
            message = self._rules_problem(state) if problem is state.error else _config_problem(problem)
            published.insert(0, rules_diagnostic(message, lines, self._related(problem)))
        self.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=uri, diagnostics=published, version=version)
        )

    # -- the rulebook -----------------------------------------------------------------------

    def _rulebook_for(self, settings: Settings, state: RulesState) -> Rulebook | None:
        """The server's rulebook, or one with the rule folders a configuration file adds."""
        if not settings.rules and settings.default_rules:
            return state.rulebook
        folders = tuple(self.settings.folders) + tuple(Path(folder) for folder in settings.rules)
        key = (folders, self.settings.default_rules and settings.default_rules)
        if key not in self._configured:
            self._configured[key] = RuleSettings(folders, key[1]).load()
        return self._configured[key]

    def _load_rules(self) -> RulesState:
        previous = self.rules
        try:
            rulebook = self.settings.load()
        except RulebookError as error:
            return RulesState(previous.rulebook, error)
        except Exception as error:  # a bug in the loader is reported like a broken rule file
            logger.error("internal error while loading the rules: %s", _describe(error, trace=True))
            problem = RuleError(Location("rules", 1, 1), f"internal error while loading the rules: {_describe(error)}")
            return RulesState(previous.rulebook, RulebookError([problem]))
        finally:
            self._signature = self.settings.signature()
        return RulesState(rulebook)

    def _apply(self, state: RulesState) -> None:
        before = self.rules.error
        self.rules = state
        if state.error is not None:
            if before is None or str(before) != str(state.error):
                kept = "keeping the last valid rules" if state.rulebook is not None else "nothing is checked"
                problems = plural(len(state.error.errors), "problem")
                summary = f"newslint: {problems} in rule files, {kept}: {state.error.errors[0]}"
                self.window_show_message(types.ShowMessageParams(type=types.MessageType.Error, message=summary))
            self._message(f"cannot load the rule files:\n{state.error}", types.MessageType.Error)
        elif before is not None:
            self._message("newslint: the rule files are valid again", types.MessageType.Info, show=True)
        else:
            missing = set(self.settings.missing())
            used = [str(path) for path in self.settings.paths() if path not in missing]
            self._message(f"loaded the rulebook from {', '.join(used)}")
        for folder in self.settings.missing():
            self._message(
                f"newslint: rule folder {folder} does not exist; checking with the other rules "
                f"({'the bundled rulebook' if self.settings.default_rules else 'the other rule folders'})",
                types.MessageType.Warning,
                show=True,
            )

    async def reload_rules(self) -> None:
        """Load the rule and configuration files again, then lint every open document."""
        clear_config_caches()
        self._configured.clear()
        async with self._reload_lock:
            state = await asyncio.get_running_loop().run_in_executor(self._executor, self._load_rules)
            self._apply(state)
        for uri in list(self.open_uris):
            self._lint_soon(uri)

    def _rule_files_changed(self) -> bool:
        return self.settings.signature() != self._signature

    def on_watched_files_changed(self, params: types.DidChangeWatchedFilesParams) -> None:
        paths = [to_fs_path(change.uri) for change in params.changes]
        if any(path and self.settings.affected_by(Path(path)) for path in paths):
            self._spawn(self.reload_rules())

    def _rules_problem(self, state: RulesState) -> str:
        kept = "the last valid rules are used" if state.rulebook is not None else "nothing is checked"
        return f"newslint cannot load the rule files ({kept} until they are fixed):\n{state.error}"

    def _related(self, error: RulebookError) -> list[types.DiagnosticRelatedInformation] | None:
        if not get_capability(self.client_capabilities, "text_document.publish_diagnostics.related_information"):
            return None
        related = []
        for problem in error.errors[:20]:
            location = rule_error_location(problem, self.workspace.position_codec)
            if location is not None:
                related.append(types.DiagnosticRelatedInformation(location=location, message=problem.message))
        return related or None

    # -- hover and code actions -------------------------------------------------------------

    def on_hover(self, params: types.HoverParams) -> types.Hover | None:
        found = self._current_result(params.text_document.uri)
        if found is None:
            return None
        result, lines = found
        formats = get_capability(self.client_capabilities, "text_document.hover.content_format")
        markdown = not formats or types.MarkupKind.Markdown in formats
        return hover(result.diagnostics, lines, params.position, result.rulebook, markdown)

    def _current_result(self, uri: str) -> tuple[LintResult, Lines] | None:
        """The last result of a document, if it was computed from the text the editor has now."""
        document = self._document(uri)
        result = self.results.get(uri)
        if document is None or result is None or document.source != result.text:
            return None
        return result, Lines.of(result.text, self.workspace.position_codec)

    def on_code_action(self, params: types.CodeActionParams) -> list[types.CodeAction] | None:
        only = params.context.only
        if only and not any(kind in (types.CodeActionKind.QuickFix, types.CodeActionKind.Empty) for kind in only):
            return None
        uri = params.text_document.uri
        document = self._document(uri)
        markup = markup_for(document.language_id, document.path) if document else None
        if document is None or markup is None:
            return None
        found = self._current_result(uri)
        target = Target(
            uri,
            document.version,
            found[1] if found else Lines.of(document.source, self.workspace.position_codec),
            markup,
            bool(get_capability(self.client_capabilities, "workspace.workspace_edit.document_changes")),
        )
        return code_actions(target, params.context.diagnostics, found[0].diagnostics if found else ())

    # -- messages ---------------------------------------------------------------------------

    def _message(self, text: str, kind: types.MessageType = types.MessageType.Info, show: bool = False) -> None:
        """Log to the editor (and stderr for warnings and errors); ``show`` also pops it up."""
        level = {types.MessageType.Error: logging.ERROR, types.MessageType.Warning: logging.WARNING}
        logger.log(level.get(kind, logging.INFO), "%s", text)
        self.window_log_message(types.LogMessageParams(type=kind, message=text))
        if show:
            self.window_show_message(types.ShowMessageParams(type=kind, message=text))

    def _spawn(self, job: Coroutine[Any, Any, None]) -> None:
        task = asyncio.get_running_loop().create_task(job)
        self._tasks.background.add(task)
        task.add_done_callback(self._finished)

    def _finished(self, task: asyncio.Task[None]) -> None:
        self._tasks.background.discard(task)
        if not task.cancelled() and task.exception() is not None:
            error = task.exception()
            assert error is not None
            self._message(f"internal error: {_describe(error, trace=True)}", types.MessageType.Error)


def _handler(method: Callable[[Any, Any], Any]) -> Callable[[Any, Any], Any]:
    """A feature function for pygls, which passes the server as the parameter named ``ls``."""
    if asyncio.iscoroutinefunction(method):

        async def run_async(ls: NewslintLanguageServer, params: Any) -> Any:
            return await method(ls, params)

        return run_async

    def run(ls: NewslintLanguageServer, params: Any) -> Any:
        return method(ls, params)

    return run


def _lint(text: str, path: str, markup: str, rulebook: Rulebook, settings: Settings) -> list[Diagnostic]:
    """Lint as the CLI does: the draft's own date, else the configuration's default date."""
    return lint_with_settings(text, path, rulebook, settings, markup)[1]


def _config_problem(error: RulebookError) -> str:
    first = error.errors[0]
    return (
        f"newslint: {plural(len(error.errors), 'problem')} in configuration or rule files, "
        f"checked with the default settings until they are fixed: {first}"
    )


def create_server() -> NewslintLanguageServer:
    return NewslintLanguageServer()


def _describe(error: BaseException, trace: bool = False) -> str:
    if not trace:
        return f"{type(error).__name__}: {error}"
    return "".join(traceback.format_exception(type(error), error, error.__traceback__)).rstrip()
