"""The ``newslint`` command: a thin layer over the library API; returns an exit code."""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import json
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path
from typing import Any, TextIO

from newslint import __version__
from newslint.codes import CODES, selected
from newslint.config import KEYS, ConfigError, Settings, settings_for
from newslint.diagnostic import Diagnostic, Severity
from newslint.engine import lint_with_settings, offices_named
from newslint.files import Draft, discover, read_draft, read_stream
from newslint.fix import FixRefused, fix_text, fixable, unified_diff, write_fix
from newslint.formatters import FORMATS, FORMATTERS, format_statistics, plural
from newslint.gc_pause import paused_gc
from newslint.markup import MARKUPS
from newslint.rulebook.cache import load_rulebook_cached
from newslint.rulebook.errors import RulebookError
from newslint.rulebook.paths import bundled_rules_dir
from newslint.rulebook.schema import Rulebook

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2


class UsageError(Exception):
    """A problem with the command line, the configuration or the rule files: exit 2."""


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{value}' is not a date written YYYY-MM-DD") from None


def _codes(value: str) -> list[str]:
    codes = [code.strip().upper() for code in value.split(",") if code.strip()]
    for code in codes:
        if not any(known.startswith(code) for known in CODES):
            raise argparse.ArgumentTypeError(f"'{code}' matches no newslint code (see 'newslint explain')")
    return codes


def _rule_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--rules",
        action="append",
        default=[],
        metavar="DIR",
        help="a rule folder or file to add to the rulebook (repeatable)",
    )
    parser.add_argument(
        "--no-default-rules", action="store_true", help="do not load the bundled rulebook; use only --rules"
    )


def check_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newslint",
        description="Check news drafts against dated facts. Other commands: "
        "'newslint rules {check,import,stale,diff,stats}', 'newslint explain [CODE]', 'newslint lsp', "
        "'newslint archive index'.",
    )
    parser.add_argument(
        "paths",
        nargs="*",
        metavar="PATH",
        help="drafts or folders to check (.md, .markdown, .txt, .html, .htm, .docx; news XML, .xml and .nitf, "
        "when named); '-' reads standard input",
    )
    parser.add_argument(
        "--date",
        type=_date,
        metavar="YYYY-MM-DD",
        help="check as of this date (default: the draft's metadata or dateline, else today)",
    )
    parser.add_argument("--format", choices=FORMATS, default="text", help="output format (default: text)")
    parser.add_argument(
        "--select",
        type=_codes,
        action="append",
        default=[],
        metavar="CODES",
        help="only these codes or prefixes, comma-separated (NL2,NL501)",
    )
    parser.add_argument(
        "--ignore",
        type=_codes,
        action="append",
        default=[],
        metavar="CODES",
        help="skip these codes or prefixes, comma-separated",
    )
    parser.add_argument(
        "--fail-on",
        choices=("error", "warning"),
        default="error",
        help="exit 1 on errors only (default) or on warnings too",
    )
    parser.add_argument("--stdin-filename", metavar="NAME", help="the name to report for '-' (also picks the markup)")
    parser.add_argument("--markup", choices=MARKUPS, help="treat every draft as this markup")
    parser.add_argument(
        "--color",
        choices=("auto", "always", "never"),
        default="auto",
        help="colour the text output: always, never, or (auto, the default) when standard output is a "
        "terminal; FORCE_COLOR set turns it on and NO_COLOR off, unless this option says otherwise",
    )
    parser.add_argument(
        "-v", "--verbose", action="store_true", help="say which date each draft is checked as of, and why"
    )
    parser.add_argument(
        "-q", "--quiet", action="store_true", help="print the findings only: no summary, no progress, no fix counts"
    )
    parser.add_argument(
        "--exit-zero", action="store_true", help="exit 0 even when there are findings (2 still means a failure)"
    )
    parser.add_argument(
        "--output-file", metavar="PATH", help="write the report to this file instead of standard output"
    )
    parser.add_argument(
        "--force-exclude",
        action="store_true",
        help="leave out files named on the command line that 'exclude', 'extend_exclude' or .gitignore "
        "leave out (as pre-commit names them)",
    )
    parser.add_argument("--statistics", action="store_true", help="print the number of findings per code instead")
    parser.add_argument("--fix", action="store_true", help="apply safe fixes in place")
    parser.add_argument("--unsafe-fixes", action="store_true", help="with --fix or --diff, also apply unsafe fixes")
    parser.add_argument(
        "--follow-symlinks", action="store_true", help="with --fix, fix the file a symbolic link points to"
    )
    parser.add_argument(
        "--fix-hard-links",
        action="store_true",
        help="with --fix, rewrite a file with several hard links in place (every link sees the fix; not atomic)",
    )
    parser.add_argument("--diff", action="store_true", help="print the fixes as a unified diff; change nothing")
    parser.add_argument("--show-config", metavar="PATH", help="print the settings that apply to PATH, and their origin")
    parser.add_argument("--isolated", action="store_true", help="ignore configuration files")
    parser.add_argument("--no-cache", action="store_true", help="do not use or write the compiled rulebook cache")
    parser.add_argument(
        "-j",
        "--jobs",
        type=int,
        default=0,
        metavar="N",
        help="check files in N processes (default: the number of cores)",
    )
    parser.add_argument("--version", action="version", version=f"newslint {__version__}")
    _rule_options(parser)
    return parser


def explain_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="newslint explain", description="Describe the codes.")
    parser.add_argument("code", nargs="?", help="a code such as NL201; without it, list every code")
    return parser


def build_rulebook(extra: Sequence[str], use_default: bool, use_cache: bool = False) -> Rulebook:
    """The bundled rulebook (unless turned off) plus extra rule folders, from the cache if asked."""
    paths = ([str(bundled_rules_dir())] if use_default else []) + list(extra)
    if not paths:
        raise UsageError("no rules: --no-default-rules needs at least one --rules DIR")
    return load_rulebook_cached(paths, use_cache)


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``newslint`` command.

    Standard output that cannot be written (closed, full, or a pipe whose reader has gone) is
    exit 2: with a message on standard error, except for a broken pipe (``| head``).
    """
    if sys.stderr is None:  # closed: messages are lost, nothing fails
        sys.stderr = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 - lives as long as the process
    if sys.stdout is None:
        print("newslint: error: cannot write output: standard output is closed", file=sys.stderr)
        return EXIT_USAGE
    original = sys.stdout
    sys.stdout = _GuardedOutput(original)
    try:
        code = _main(list(sys.argv[1:] if argv is None else argv))
        sys.stdout.flush()
        return code
    except OutputError as error:
        _discard_output()
        if not isinstance(error.cause, BrokenPipeError):
            print(f"newslint: error: cannot write output: {error.cause.strerror or error.cause}", file=sys.stderr)
        return EXIT_USAGE
    finally:
        sys.stdout = original


class OutputError(Exception):
    """Standard output could not be written."""

    def __init__(self, cause: OSError) -> None:
        super().__init__(str(cause))
        self.cause = cause


class _GuardedOutput:
    """Standard output whose write errors are ``OutputError``, told apart from other OSErrors."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        try:
            return self._stream.write(text)
        except OSError as error:
            raise OutputError(error) from None

    def flush(self) -> None:
        try:
            self._stream.flush()
        except OSError as error:
            raise OutputError(error) from None

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


def _discard_output() -> None:
    """Point standard output at the null device, so what is still buffered cannot fail again
    when the interpreter exits."""
    try:
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, sys.__stdout__.fileno() if sys.__stdout__ else 1)
        os.close(null)
    except (OSError, ValueError):
        pass


def _main(args: list[str]) -> int:
    try:
        if args and args[0] == "rules":
            from newslint.cli_rules import main as run_rules

            return run_rules(args[1:])
        if args and args[0] == "explain":
            return run_explain(explain_parser().parse_args(args[1:]))
        if args and args[0] == "lsp":
            return run_lsp(args[1:])
        if args and args[0] == "archive":
            from newslint.cli_archive import main as run_archive

            return run_archive(args[1:])
        if args and args[0] == "check":
            args = args[1:]
        return run_check(check_parser().parse_args(args))
    except RulebookError as error:
        for problem in error.errors:
            print(problem, file=sys.stderr)
        kind = "configuration" if isinstance(error, ConfigError) else "rule"
        print(f"newslint: {plural(len(error.errors), 'problem')} in {kind} files", file=sys.stderr)
        return EXIT_USAGE
    except UsageError as error:
        print(f"newslint: error: {error}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130


class Run:
    """One invocation of the check command: settings per file, rulebooks cached by their folders."""

    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        self.rulebooks: dict[tuple[tuple[str, ...], bool], Rulebook] = {}
        self.cli_select = tuple(code for group in args.select for code in group)
        self.cli_ignore = tuple(code for group in args.ignore for code in group)

    def settings(self, path: str) -> Settings:
        """The configuration that applies to a draft, with the command line on top."""
        args = self.args
        base = settings_for(path if path != "-" else ".", args.isolated)
        origins = dict(base.origins)
        changes: dict[str, object] = {}
        if self.cli_select:
            changes["select"], origins["select"] = self.cli_select, "command line"
        if self.cli_ignore:
            changes["ignore"], origins["ignore"] = base.ignore + self.cli_ignore, "command line"
        if args.rules:
            changes["rules"] = base.rules + tuple(str(Path(r).resolve()) for r in args.rules)
            origins["rules"] = "command line" if not base.rules else f"{origins['rules']} and command line"
        if args.no_default_rules:
            changes["default_rules"], origins["default_rules"] = False, "command line"
        return replace(base, origins=origins, **changes)  # type: ignore[arg-type]

    def rulebook(self, settings: Settings) -> Rulebook:
        key = (settings.rules, settings.default_rules)
        if key not in self.rulebooks:
            self.rulebooks[key] = build_rulebook(settings.rules, settings.default_rules, not self.args.no_cache)
        return self.rulebooks[key]

    def lint_text(
        self, text: str, path: str, settings: Settings, markup: str | None = None, metadata: dict | None = None
    ) -> list[Diagnostic]:
        """Lint a draft's text; ``markup`` and ``metadata`` come from reading it (a .docx)."""
        document, diagnostics = lint_with_settings(
            text, path, self.rulebook(settings), settings, markup or self.args.markup, self.args.date, metadata
        )
        if self.args.verbose:
            print(f"{path}: checked as of {document.date.isoformat()}, {document.dating.reason}", file=sys.stderr)
            for office in offices_named(document, self.rulebook(settings)):
                older = " - older than the draft: findings on it are warnings" if office.as_of < document.date else ""
                print(
                    f"{path}: names {office.label} ({office.id}), verified to {office.as_of.isoformat()}{older}",
                    file=sys.stderr,
                )
        return diagnostics


@dataclass
class FileResult:
    """What checking one file produced; workers send it back so output keeps its order."""

    diagnostics: list[Diagnostic] = field(default_factory=list)
    fixed: int = 0
    changed: bool = False
    failed: bool = False
    output: str = ""  # a diff, or the fixed text of standard input
    errors: str = ""
    text: str = ""  # the text the diagnostics point into, for --format html


def check_file(run: Run, path: str) -> FileResult:
    """Check (and fix, if asked) one draft; never raises."""
    args = run.args
    result = FileResult()
    settings = run.settings(path)
    draft = _read_stdin(args.stdin_filename) if path == "-" else read_draft(path)
    if draft.text is None:
        if selected("NL001", settings.select, settings.ignores_for(path)):
            result.diagnostics.append(_unreadable(draft))
        return result
    lint_draft = partial(
        run.lint_text, path=draft.path, settings=settings, markup=draft.markup, metadata=draft.metadata
    )
    if args.format == "html":
        result.text = draft.text
    try:
        if not (args.fix or args.diff):
            result.diagnostics = lint_draft(draft.text)
            return result
        if draft.word is not None:
            return _fix_word(run, path, draft, lint_draft, result)
        text, count, result.diagnostics = fix_text(draft.text, lint_draft, args.unsafe_fixes)
        if text == draft.text:
            return result
        result.changed, result.fixed = True, count
        if args.format == "html":
            result.text = text
        if args.diff:
            result.output = unified_diff(draft.path, draft.text, text)
        elif path == "-":
            result.output = text
        else:
            try:
                write_fix(path, draft.encode(draft.text), draft.encode(text), args.follow_symlinks, args.fix_hard_links)
            except OSError as error:
                _not_written(result, path, error, lint_draft(draft.text))
    except (Exception, RecursionError) as error:  # a bug must not stop the other files
        result.failed = True
        result.errors = (
            f"newslint: internal error while checking {draft.path}: {type(error).__name__}: {error} "
            "(please report this)\n"
        )
    return result


def _not_written(result: FileResult, path: str, error: OSError, diagnostics: list[Diagnostic]) -> FileResult:
    """A fix that could not be written: the file is as it was, so are its findings, and nothing
    was fixed."""
    result.failed, result.changed, result.fixed = True, False, 0
    result.diagnostics = diagnostics
    reason = str(error) if isinstance(error, FixRefused) else f"cannot write fixes: {error.strerror or error}"
    result.errors += f"newslint: {path} not fixed: {reason}\n"
    return result


def _fix_word(run: Run, path: str, draft: Draft, lint_draft: Callable[[str], list[Diagnostic]],
              result: FileResult) -> FileResult:  # fmt: skip
    """--fix and --diff for a .docx: each fix is written into the run that holds its text, so
    the formatting around it stays; a fix whose text spans several runs is left, and said so.
    One pass: what a fix makes fixable is fixed by the next run."""
    args = run.args
    before = draft.text or ""
    diagnostics = lint_draft(before)
    wanted, position = [], -1
    for diagnostic in sorted(diagnostics, key=lambda d: (d.start, d.end)):
        if fixable(diagnostic, args.unsafe_fixes) and diagnostic.start >= position:
            wanted.append(diagnostic)
            position = diagnostic.end
    written, refused = draft.word.fix(wanted)
    for diagnostic in sorted(refused, key=lambda d: d.sort_key):
        result.errors += (
            f"newslint: {path}:{diagnostic.line}:{diagnostic.column}: {diagnostic.code} not fixed automatically: "
            "its text spans several runs of formatting; fix it in the document\n"
        )
    if not written:
        result.diagnostics = diagnostics
        return result
    text = draft.word.text
    result.changed, result.fixed = True, len(written)
    if args.format == "html":
        result.text = text
    if args.diff:
        result.output = unified_diff(draft.path, before, text)
    else:
        try:
            write_fix(path, draft.word.original, draft.word.save(), args.follow_symlinks, args.fix_hard_links)
        except OSError as error:
            return _not_written(result, path, error, diagnostics)
    result.diagnostics = lint_draft(text)
    return result


_WORKER: Run | None = None


def _start_worker(args: argparse.Namespace | None) -> None:
    """Set up a worker: a forked one inherits the parent's Run with its loaded rulebooks."""
    global _WORKER
    if args is not None:
        _WORKER = Run(args)


def _check_in_worker(path: str) -> FileResult:
    assert _WORKER is not None
    return check_file(_WORKER, path)


def _check_all(run: Run, paths: list[str]) -> Iterator[FileResult]:
    """Results in the order of the paths; in worker processes when that pays off."""
    jobs = run.args.jobs or _cores()
    parallel = [p for p in paths if p != "-"]
    size = sum(_size(p) for p in parallel)
    if jobs < 2 or len(parallel) < 2 or size < PARALLEL_MIN_BYTES:
        yield from (check_file(run, path) for path in paths)
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    global _WORKER
    if "fork" in multiprocessing.get_all_start_methods() and sys.platform != "darwin":
        # Forked workers share the loaded rulebook instead of each reading it again.
        context: multiprocessing.context.BaseContext = multiprocessing.get_context("fork")
        _WORKER, initargs = run, None
        gc.freeze()  # keep the collector from touching (and so copying) the inherited objects
    else:
        context = multiprocessing.get_context("spawn")
        initargs = run.args
    with ProcessPoolExecutor(
        max_workers=min(jobs, len(parallel)), mp_context=context, initializer=_start_worker, initargs=(initargs,)
    ) as pool:
        results = iter(pool.map(_check_in_worker, parallel, chunksize=max(1, len(parallel) // (jobs * 8))))
        for path in paths:
            yield check_file(run, path) if path == "-" else next(results)


def _cores() -> int:
    """The cores this process may run on."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0)) or 1
    return os.cpu_count() or 1


PARALLEL_MIN_BYTES = 256 * 1024  # below this, starting workers costs more than it saves


def _size(path: str) -> int:
    try:
        return os.path.getsize(path)
    except OSError:
        return 0


def run_check(args: argparse.Namespace) -> int:
    # A run makes next to no reference cycles: the cyclic collector would only re-scan the
    # heap between drafts (linting pauses it anyway, see engine.paused_gc).
    with paused_gc():
        return _run_check(args)


def _run_check(args: argparse.Namespace) -> int:
    if args.show_config:
        return show_config(Run(args).settings(args.show_config), args.show_config)
    if not args.paths:
        raise UsageError("no drafts given: name files or folders, or '-' for standard input")
    run = Run(args)
    paths = list(_discover(run))
    if any(p != "-" for p in paths):
        run.rulebook(run.settings(next(p for p in paths if p != "-")))  # fill the cache before workers start
    diagnostics: list[Diagnostic] = []
    fixed = changed = 0
    failed = False
    report = Report(args.output_file)
    progress = Progress(len(paths), enabled=not args.quiet)
    sources: dict[str, str] = {}
    for path, result in zip(paths, _check_all(run, paths), strict=True):
        progress.step()
        if args.format == "html":
            sources[_stdin_name(args) if path == "-" else path] = result.text
        diagnostics.extend(result.diagnostics)
        fixed += result.fixed
        changed += result.changed
        failed = failed or result.failed
        if result.output and not args.diff:
            sys.stdout.write(result.output)  # the fixed text of standard input
        report.write(result.output if args.diff else "")
        if result.errors:
            progress.clear()
            sys.stderr.write(result.errors)
    progress.clear()
    diagnostics.sort(key=lambda d: d.sort_key)
    if args.diff:
        report.close()
        if not args.quiet:
            print(f"Would fix {plural(fixed, 'finding')} in {plural(changed, 'file')}.", file=sys.stderr)
        return EXIT_USAGE if failed else (EXIT_FINDINGS if changed and not args.exit_zero else EXIT_OK)
    if not (args.fix and "-" in args.paths):
        if args.statistics:
            report.write(format_statistics(diagnostics))
        elif args.format == "html":
            from newslint.report import format_html

            def lookup(fact: str, path: str) -> tuple[Any, Any]:
                rulebook = run.rulebook(run.settings(path if path in sources else "."))
                return rulebook.fact(fact), rulebook.people

            report.write(format_html(diagnostics, len(paths), sources, lookup))
        else:
            text = FORMATTERS[args.format](diagnostics, len(paths), _color(args.color, report.is_terminal))
            if args.quiet and args.format == "text":
                text = text[: text.rstrip("\n").rfind("\n") + 1]  # the findings without the summary line
            report.write(text)
    report.close()
    if args.fix and not args.quiet and not failed:
        print(f"Fixed {plural(fixed, 'finding')} in {plural(changed, 'file')}.", file=sys.stderr)
    elif args.fix and not args.quiet and changed:
        print(f"Fixed {plural(fixed, 'finding')} in {plural(changed, 'file')}; see above for the files not fixed.",
              file=sys.stderr)  # fmt: skip
    failing = {Severity.ERROR} if args.fail_on == "error" else {Severity.ERROR, Severity.WARNING}
    if failed:
        return EXIT_USAGE
    if args.exit_zero:
        return EXIT_OK
    return EXIT_FINDINGS if any(d.severity in failing for d in diagnostics) else EXIT_OK


def _stdin_name(args: argparse.Namespace) -> str:
    return args.stdin_filename or "-"


def _discover(run: Run) -> Iterator[str]:
    """The drafts to check: named ones, and those found in named folders, less what the
    configuration's ``exclude`` / ``extend_exclude`` and .gitignore files leave out."""
    args = run.args
    if not args.force_exclude and not any(path != "-" and os.path.isdir(path) for path in args.paths):
        return discover(args.paths)  # files only: nothing to leave out, and pathspec stays unloaded
    from newslint.exclude import Exclusions

    exclusions = Exclusions(lambda folder: run.settings(folder))
    return discover(
        args.paths,
        lambda folder: run.settings(folder).extensions,
        skip=exclusions.excluded,
        skip_named=exclusions.excluded_with_parents if args.force_exclude else None,
    )


def _color(choice: str, terminal: bool) -> bool:
    """``--color``; with ``auto``, FORCE_COLOR (set and not empty) turns colour on, NO_COLOR off,
    else a terminal decides (https://force-color.org, https://no-color.org)."""
    if choice != "auto":
        return choice == "always"
    if os.environ.get("FORCE_COLOR"):
        return True
    return terminal and "NO_COLOR" not in os.environ


class Report:
    """Where the report goes: standard output, or ``--output-file`` (written once, at the end,
    through a temporary file beside it, so a failed run leaves no half-written report)."""

    def __init__(self, path: str | None) -> None:
        self.path = path
        self._parts: list[str] = []

    @property
    def is_terminal(self) -> bool:
        return self.path is None and sys.stdout.isatty()

    def write(self, text: str) -> None:
        if not text:
            return
        if self.path is None:
            sys.stdout.write(text)
        else:
            self._parts.append(text)

    def close(self) -> None:
        if self.path is None:
            return
        from newslint.fix import write_atomically

        target = Path(self.path)
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            write_atomically(str(target), "".join(self._parts).encode("utf-8"))
        except OSError as error:
            raise UsageError(f"cannot write the report to {self.path}: {error.strerror or error}") from None


class Progress:
    """A count of checked files on standard error, for runs long enough to wonder about: only on
    a terminal, only after NEWSLINT_PROGRESS_AFTER seconds (default 2), at most ten times a second."""

    def __init__(self, total: int, enabled: bool) -> None:
        import time

        self._clock = time.monotonic
        self._start = self._clock()
        self._total = total
        self._done = 0
        self._shown = 0.0
        self._visible = False
        try:
            delay = float(os.environ.get("NEWSLINT_PROGRESS_AFTER", "2"))
        except ValueError:
            delay = 2.0
        self._delay = delay
        self._enabled = enabled and total > 1 and sys.stderr is not None and sys.stderr.isatty()

    def step(self) -> None:
        self._done += 1
        if not self._enabled:
            return
        now = self._clock()
        if now - self._start < self._delay or (now - self._shown < 0.1 and self._done < self._total):
            return
        self._shown = now
        width = 30
        filled = width * self._done // self._total
        bar = "#" * filled + "-" * (width - filled)
        sys.stderr.write(f"\r[{bar}] {self._done}/{self._total} files")
        sys.stderr.flush()
        self._visible = True

    def clear(self) -> None:
        if self._visible:
            sys.stderr.write("\r\033[K")
            sys.stderr.flush()
            self._visible = False



def show_config(settings: Settings, path: str) -> int:
    """Print the settings that apply to a file, and where each value came from."""
    print(f"Settings for {path}:")
    for key in KEYS:
        value = getattr(settings, key)
        if key == "severity":
            value = {code: str(level) for code, level in value}
        elif key == "per_path_ignores":
            value = {glob: list(codes) for glob, codes in value}
        elif isinstance(value, tuple):
            value = list(value)
        elif isinstance(value, dt.date):
            value = value.isoformat()
        shown = "today" if key == "default_date" and value is None else value
        print(f"  {key} = {json.dumps(shown, ensure_ascii=False)}  # {settings.origins.get(key, 'default')}")
    return EXIT_OK


def _read_stdin(name: str | None) -> Draft:
    return read_stream(sys.stdin.buffer, name or "-")


def _unreadable(draft: Draft) -> Diagnostic:
    return Diagnostic(draft.path, 1, 1, 1, 1, "NL001", Severity.ERROR, f"cannot check this file: {draft.problem}")


def run_lsp(argv: Sequence[str]) -> int:
    """``newslint lsp``: the language server over standard input and output."""
    parser = argparse.ArgumentParser(prog="newslint lsp", description="Run the newslint language server on stdio.")
    parser.parse_args(argv)
    try:
        from newslint.lsp.server import main as serve
    except ImportError as error:
        raise UsageError(f"the language server is not available: {error}") from None
    return serve()


def run_explain(args: argparse.Namespace) -> int:
    if args.code is None:
        for info in CODES.values():
            print(f"{info.code}  {info.name:<24} {info.summary}")
        return EXIT_OK
    found = CODES.get(args.code.upper())
    if found is None:
        raise UsageError(f"unknown code '{args.code}' (see 'newslint explain')")
    print(f"{found.code} ({found.name}): {found.summary}\n\n{found.doc}\n\nFix: {found.fix_safety}")
    return EXIT_OK
