"""Measure newslint at rulebook sizes N and print one table (optionally beside its peers).

For each N it generates a data set (bench/generate.py; cached in bench/.data), then runs
newslint as a subprocess, each run in a fresh process: start-up on one small draft, cold
(an empty cache folder, and ``--no-cache`` when the CLI has it) and warm (the compiled
rulebook cache filled by a first run); the 1 MiB corpus of 200 drafts and the 5 MiB file;
peak memory (the largest resident set of any one process of a run, from wait4); recall and
precision of NL101 (and recall of the other injected errors) against the truth file; the
corpus at ``-j 1`` against the default ``-j`` with a check that the outputs are
byte-identical; and the language server's latency after a one-character edit in a
3,000-line draft. ``--peers`` adds textlint + textlint-rule-prh (given the same names and
the injected misspellings as a prh dictionary) and proselint, run side by side, and the
ratios newslint / peer. Install the peers first: bash bench/peers/install.sh

Usage: python bench/run.py [--sizes 100,1000,10000,100000] [--quick] [--peers]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
PEERS = HERE / "peers"
sys.path.insert(0, str(HERE))

import lsp_latency  # noqa: E402  (bench/ is not a package)

MIB = 1024 * 1024
DIAGNOSTIC = re.compile(r"^(?P<path>.+?):(?P<line>\d+):(?P<column>\d+): (?P<code>NL\d{3}) ")
OTHER_CODES = ("NL201", "NL202", "NL301", "NL303", "NL501")


# -- running one command -----------------------------------------------------------------------


@dataclass
class Run:
    """One command run in a fresh process: wall time, peak memory, exit code and output."""

    seconds: float
    peak_mb: float
    returncode: int
    stdout: bytes
    stderr: bytes
    timed_out: bool = False


TIME = Path("/usr/bin/time")


def run(command: Sequence[str], cwd: Path, env: dict[str, str] | None = None, timeout: float = 1800) -> Run:
    """Run a command in a fresh process; wall time, and the largest resident set of any one process.

    Linux carries a parent's peak resident set into a child it forks (ru_maxrss survives
    execve), so the command is started through /usr/bin/time, a small process whose children
    start small; without it, wait4 on a direct child gives the figure, floored at this
    runner's own size.
    """
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err, tempfile.NamedTemporaryFile() as peak:
        launcher = [str(TIME), "-q", "-f", "%M", "-o", peak.name] if TIME.exists() else []
        started = time.perf_counter()
        process = subprocess.Popen(
            [*launcher, *command], cwd=cwd, env=env, stdout=out, stderr=err, stdin=subprocess.DEVNULL
        )
        killed = threading.Event()

        def stop() -> None:
            killed.set()
            process.kill()

        timer = threading.Timer(timeout, stop)
        timer.start()
        try:
            _, status, usage = os.wait4(process.pid, 0)
        finally:
            timer.cancel()
        seconds = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)
        kib = usage.ru_maxrss  # KiB on Linux
        if launcher:
            figures = [line for line in Path(peak.name).read_text().split() if line.isdigit()]
            kib = int(figures[-1]) if figures else kib
        out.seek(0)
        err.seek(0)
        return Run(seconds, kib / 1024, process.returncode, out.read(), err.read(), timed_out=killed.is_set())


def median_run(runs: list[Run]) -> Run:
    ordered = sorted(runs, key=lambda r: r.seconds)
    middle = ordered[len(ordered) // 2]
    middle.peak_mb = max(r.peak_mb for r in runs)
    return middle


# -- newslint ------------------------------------------------------------------------------------


@dataclass
class Cli:
    """How to run newslint, and which options this version has."""

    python: str
    no_cache: bool
    jobs: bool

    @classmethod
    def detect(cls, python: str) -> Cli:
        # Byte-compile the package as installing a wheel does: an editable install under
        # PYTHONDONTWRITEBYTECODE would otherwise compile every module on every run.
        subprocess.run([python, "-m", "compileall", "-q", str(ROOT / "newslint")], cwd=ROOT, check=True)
        help_text = subprocess.run(
            [python, "-m", "newslint", "--help"], capture_output=True, text=True, cwd=ROOT, check=True
        ).stdout
        return cls(python, "--no-cache" in help_text, "--jobs" in help_text)

    def command(self, *args: str) -> list[str]:
        return [self.python, "-m", "newslint", *args]


def newslint_env(cache: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("NEWSLINT_NO_CACHE", "NO_COLOR")}
    env["NEWSLINT_CACHE_DIR"] = str(cache)
    return env


@dataclass
class Score:
    """Diagnostics of one code matched to the injected errors: a diagnostic matches an error of
    its code on the same line whose wrong text covers the diagnostic's column."""

    truth: int = 0
    found: int = 0
    matched: int = 0
    missed: list[dict] = field(default_factory=list)
    false: list[str] = field(default_factory=list)

    @property
    def recall(self) -> float | None:
        return self.matched / self.truth if self.truth else None

    @property
    def precision(self) -> float | None:
        return self.matched / self.found if self.found else None


def parse_diagnostics(output: str) -> list[tuple[str, int, int, str, str]]:
    found = []
    for line in output.splitlines():
        match = DIAGNOSTIC.match(line)
        if match:
            found.append((match["path"], int(match["line"]), int(match["column"]), match["code"], line))
    return found


def score(diagnostics: list[tuple[str, int, int, str, str]], truth: list[dict], codes: Sequence[str]) -> Score:
    result = Score()
    by_line: dict[tuple[str, int], list[dict]] = defaultdict(list)
    for entry in truth:
        if entry["code"] in codes:
            by_line[(entry["file"], entry["line"])].append(entry)
            result.truth += 1
    matched: set[int] = set()
    for path, line, column, code, text in diagnostics:
        if code not in codes:
            continue
        result.found += 1
        hit = next(
            (
                e
                for e in by_line.get((path, line), ())
                if e["code"] == code and id(e) not in matched and e["column"] <= column < e["column"] + len(e["wrong"])
            ),
            None,
        )
        if hit is None:
            result.false.append(text)
        else:
            matched.add(id(hit))
            result.matched += 1
    result.missed = [e for entries in by_line.values() for e in entries if id(e) not in matched]
    return result


# -- one size -------------------------------------------------------------------------------------


@dataclass
class Row:
    """What one line of the table shows."""

    tool: str
    people: int | None
    cold: float | None = None
    fill: float | None = None
    warm: float | None = None
    corpus: float | None = None
    corpus_mb: float = 0.0
    corpus_files: int = 0
    serial: float | None = None  # -j 1
    identical: bool | None = None
    big: float | None = None
    big_mb: float = 0.0
    peak_mb: float | None = None  # start-up and corpus runs
    big_peak_mb: float | None = None
    recall: float | None = None
    precision: float | None = None
    other_recall: float | None = None
    lsp_edit_ms: float | None = None  # one-character edit to fresh diagnostics
    lsp_save_ms: float | None = None  # a save to fresh diagnostics: the lint alone
    notes: list[str] = field(default_factory=list)

    def mb_per_s(self) -> float | None:
        return self.corpus_mb / self.corpus if self.corpus else None

    def files_per_s(self) -> float | None:
        return self.corpus_files / self.corpus if self.corpus else None


@dataclass
class Options:
    repeat: int
    quick: bool
    lsp: bool
    lsp_edits: int
    timeout: float
    data: Path
    fresh: bool


def dataset(people: int, options: Options) -> Path:
    """Generate (or reuse) the data set for N people; return its folder."""
    sizes = (
        dict(corpus_bytes=100 * 1024, files=20, big_bytes=200 * 1024, lsp_lines=600)
        if options.quick
        else dict(corpus_bytes=MIB, files=200, big_bytes=5 * MIB, lsp_lines=3000)
    )
    stamp = json.dumps({"people": people, **sizes, "code": generator_version()}, sort_keys=True)
    folder = options.data / f"{'quick-' if options.quick else ''}{people}"
    if not options.fresh and (folder / "stamp.json").is_file() and (folder / "stamp.json").read_text() == stamp:
        return folder
    shutil.rmtree(folder, ignore_errors=True)
    started = time.perf_counter()
    # In a process of its own: this runner stays small, and so does the floor of its children's peak memory.
    options_ = [f"--{key.replace('_', '-')}={value}" for key, value in sizes.items()]
    command = [sys.executable, str(HERE / "generate.py"), "--people", str(people), "--out", str(folder), *options_]
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
    (folder / "stamp.json").write_text(stamp)
    print(f"  generated N={people:,} in {time.perf_counter() - started:.1f} s into {folder}", file=sys.stderr)
    return folder


def generator_version() -> str:
    import hashlib

    digest = hashlib.sha256()
    for name in ("generate.py", "namepools.py"):
        digest.update((HERE / name).read_bytes())
    return digest.hexdigest()[:16]


def startup(cli: Cli, rules: list[str], draft: Path, cwd: Path, options: Options, row: Row) -> None:
    """Cold (no cache), first run (fills the cache) and warm start-up on one small draft."""
    no_cache = ["--no-cache"] if cli.no_cache else []
    cold = []
    for _ in range(options.repeat):
        with tempfile.TemporaryDirectory(prefix="nl-cold-") as empty:
            cold.append(
                run(cli.command(*rules, *no_cache, str(draft)), cwd, newslint_env(Path(empty)), options.timeout)
            )
    row.cold = median_run(cold).seconds
    cache = Path(tempfile.mkdtemp(prefix="nl-cache-"))
    try:
        first = run(cli.command(*rules, str(draft)), cwd, newslint_env(cache), options.timeout)
        row.fill = first.seconds
        warm = median_run(
            [
                run(cli.command(*rules, str(draft)), cwd, newslint_env(cache), options.timeout)
                for _ in range(options.repeat)
            ]
        )
        row.warm = warm.seconds
        row.peak_mb = max(r.peak_mb for r in [*cold, first, warm])
        if warm.returncode not in (0, 1):
            row.notes.append(f"newslint exited {warm.returncode}: {warm.stderr.decode(errors='replace')[:300]}")
    finally:
        shutil.rmtree(cache, ignore_errors=True)


def measure_size(cli: Cli, people: int, options: Options) -> tuple[Row, Path]:
    folder = dataset(people, options)
    meta = json.loads((folder / "meta.json").read_text())
    rules = ["--no-default-rules", "--rules", "rules"]
    row = Row("newslint", people)
    startup(cli, rules, Path("small/draft.md"), folder, options, row)
    cache = Path(tempfile.mkdtemp(prefix="nl-cache-"))
    env = newslint_env(cache)
    try:
        run(cli.command(*rules, "small/draft.md"), folder, env, options.timeout)  # fill the cache
        # The corpus with the default -j and with -j 1, alternately, the median of each.
        parallel_runs, serial_runs = [], []
        for _ in range(options.repeat):
            parallel_runs.append(run(cli.command(*rules, "corpus"), folder, env, options.timeout))
            if cli.jobs:
                serial_runs.append(run(cli.command(*rules, "-j", "1", "corpus"), folder, env, options.timeout))
        corpus = parallel_runs[0]
        row.corpus = statistics.median(r.seconds for r in parallel_runs)
        row.corpus_mb, row.corpus_files = meta["corpus_bytes"] / MIB, meta["corpus_files"]
        big = run(cli.command(*rules, "big/big.txt"), folder, env, options.timeout)
        row.big, row.big_mb = big.seconds, meta["big_bytes"] / MIB
        row.peak_mb = max([row.peak_mb or 0] + [r.peak_mb for r in parallel_runs + serial_runs])
        row.big_peak_mb = big.peak_mb
        for name, result in (("corpus", corpus), ("big file", big)):
            if result.returncode not in (0, 1):
                row.notes.append(f"{name}: newslint exited {result.returncode}: {result.stderr.decode()[-300:]}")
        if serial_runs:
            row.serial = statistics.median(r.seconds for r in serial_runs)
            row.identical = all(r.stdout == corpus.stdout for r in parallel_runs + serial_runs)
        truth = [json.loads(line) for line in (folder / "truth.jsonl").read_text("utf-8").splitlines()]
        diagnostics = parse_diagnostics(corpus.stdout.decode()) + parse_diagnostics(big.stdout.decode())
        names = score(diagnostics, truth, ("NL101",))
        others = score(diagnostics, truth, OTHER_CODES)
        row.recall, row.precision, row.other_recall = names.recall, names.precision, others.recall
        parts = []
        for part in ("corpus/", "big/"):
            found = [d for d in diagnostics if d[0].startswith(part)]
            part_score = score(found, [e for e in truth if e["file"].startswith(part)], ("NL101",))
            parts.append(f"{part[:-1]} R {_f(part_score.recall, 3)} P {_f(part_score.precision, 3)}")
        row.notes.append(f"N={people:,}: NL101 " + ", ".join(parts) + f" (misses: {folder / 'misses.txt'})")
        write_misses(folder / "misses.txt", names, others, diagnostics, truth)
        if options.lsp:
            latency = lsp_latency.measure(
                cli.python, folder / "lsp" / "draft.md", [folder / "rules"], False, env, options.lsp_edits
            )
            row.lsp_edit_ms, row.lsp_save_ms = latency.edit_ms, latency.save_ms
            row.notes += latency.notes
    finally:
        shutil.rmtree(cache, ignore_errors=True)
    return row, folder


def write_misses(path: Path, names: Score, others: Score, diagnostics: list, truth: list[dict]) -> None:
    """The misspellings newslint missed and its false NL101 findings, for whoever tunes the checks."""
    kinds = Counter(" ".join(e["note"].split()[:2]) for e in names.missed)
    lines = [f"NL101: {names.matched} of {names.truth} injected misspellings found, {len(names.false)} false findings"]
    lines += [f"  missed by culture and mention: {kind}: {count}" for kind, count in kinds.most_common()]
    lines += [
        f"MISSED {e['file']}:{e['line']}:{e['column']}: {e['wrong']!r} for {e['right']!r} ({e['note']})"
        for e in names.missed
    ]
    lines += [f"FALSE {text}" for text in names.false]
    found = Counter(code for *_, code, _ in diagnostics)
    injected = Counter(e["code"] for e in truth)
    lines.append(
        "per code: found / injected: " + ", ".join(f"{c} {found[c]}/{injected[c]}" for c in sorted(found | injected))
    )
    lines += [f"MISSED {e['file']}:{e['line']}:{e['column']}: {e['code']} {e['wrong']!r}" for e in others.missed]
    lines += [f"FALSE {text}" for text in others.false]
    path.write_text("\n".join(lines) + "\n", "utf-8")


def bundled_row(cli: Cli, options: Options) -> Row:
    """Start-up with the bundled rulebook on a ~3 KB draft (examples/summit.md, repeated)."""
    folder = options.data / "bundled"
    folder.mkdir(parents=True, exist_ok=True)
    example = (ROOT / "examples" / "summit.md").read_text("utf-8")
    head, body = example.split("---\n", 2)[1:]
    draft = folder / "draft.md"
    draft.write_text("---\n" + head + "---\n" + body * 4, "utf-8")
    row = Row("newslint (bundled rules)", None)
    startup(cli, [], Path("draft.md"), folder, options, row)
    return row


# -- peers -----------------------------------------------------------------------------------------


@dataclass
class Peers:
    textlint: Path
    proselint: Path

    @classmethod
    def find(cls) -> Peers | None:
        textlint = PEERS / "node_modules" / ".bin" / "textlint"
        proselint = PEERS / "venv" / "bin" / "proselint"
        return cls(textlint, proselint) if textlint.exists() and proselint.exists() else None


def corpus_files(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in (folder / "corpus").iterdir())


def textlint_row(peers: Peers, folder: Path, people: int, options: Options) -> Row:
    """textlint + textlint-rule-prh with the data set's prh dictionary: start-up and the corpus."""
    meta = json.loads((folder / "meta.json").read_text())
    config = folder / ".textlintrc.json"
    config.write_text(json.dumps({"rules": {"prh": {"rulePaths": [str(folder / "prh.yml")]}}}))
    command = [str(peers.textlint), "--config", str(config), "--format", "json"]
    row = Row("textlint + prh", people)
    start = median_run(
        [run([*command, "small/draft.md"], folder, timeout=options.timeout) for _ in range(options.repeat)]
    )
    row.warm = start.seconds
    corpus = run([*command, *corpus_files(folder)], folder, timeout=options.timeout)
    row.peak_mb = max(start.peak_mb, corpus.peak_mb)
    if corpus.timed_out:
        row.notes.append(f"textlint + prh at N={people:,}: the corpus run passed the {options.timeout:.0f} s limit")
        return row
    row.corpus, row.corpus_mb, row.corpus_files = corpus.seconds, meta["corpus_bytes"] / MIB, meta["corpus_files"]
    try:
        results = json.loads(corpus.stdout)
    except json.JSONDecodeError:
        row.notes.append(f"textlint output is not JSON: {corpus.stderr.decode()[-300:]}")
        return row
    diagnostics = [
        (str(Path(r["filePath"]).relative_to(folder)), m["line"], m["column"], "NL101", m["message"])
        for r in results
        for m in r["messages"]
    ]
    truth = [json.loads(line) for line in (folder / "truth.jsonl").read_text("utf-8").splitlines()]
    truth = [e for e in truth if e["file"].startswith("corpus/")]
    names = score(diagnostics, truth, ("NL101",))
    row.recall, row.precision = names.recall, names.precision
    return row


def proselint_row(peers: Peers, folder: Path, options: Options) -> Row:
    meta = json.loads((folder / "meta.json").read_text())
    command = [str(peers.proselint), "check", "--output-format", "json"]
    row = Row("proselint", None)
    start = median_run(
        [run([*command, "small/draft.md"], folder, timeout=options.timeout) for _ in range(options.repeat)]
    )
    row.warm = start.seconds
    corpus = run([*command, *corpus_files(folder)], folder, timeout=options.timeout)
    row.corpus, row.corpus_mb, row.corpus_files = corpus.seconds, meta["corpus_bytes"] / MIB, meta["corpus_files"]
    row.peak_mb = max(start.peak_mb, corpus.peak_mb)
    if corpus.returncode not in (0, 1):
        row.notes.append(f"proselint exited {corpus.returncode}: {corpus.stderr.decode()[-300:]}")
    return row


# -- the table -------------------------------------------------------------------------------------

COLUMNS = [
    ("tool", "<"),
    ("N", ">"),
    ("cold s", ">"),
    ("fill s", ">"),
    ("warm s", ">"),
    ("corpus s", ">"),
    ("MB/s", ">"),
    ("files/s", ">"),
    ("-j1 s", ">"),
    ("-j x", ">"),
    ("same", ">"),
    ("big s", ">"),
    ("big MB/s", ">"),
    ("peak MB", ">"),
    ("big peak MB", ">"),
    ("NL101 R", ">"),
    ("NL101 P", ">"),
    ("other R", ">"),
    ("LSP edit ms", ">"),
    ("LSP save ms", ">"),
]


def _f(value: float | None, digits: int = 2) -> str:
    return "-" if value is None else f"{value:.{digits}f}"


def cells(row: Row) -> list[str]:
    speedup = row.serial / row.corpus if row.serial and row.corpus else None
    return [
        row.tool,
        "-" if row.people is None else f"{row.people:,}",
        _f(row.cold),
        _f(row.fill),
        _f(row.warm),
        _f(row.corpus),
        _f(row.mb_per_s(), 3),
        _f(row.files_per_s(), 1),
        _f(row.serial),
        _f(speedup),
        "-" if row.identical is None else ("yes" if row.identical else "NO"),
        _f(row.big),
        _f(row.big_mb / row.big if row.big else None, 3),
        _f(row.peak_mb, 0),
        _f(row.big_peak_mb, 0),
        _f(row.recall, 3),
        _f(row.precision, 3),
        _f(row.other_recall, 3),
        _f(row.lsp_edit_ms, 0),
        _f(row.lsp_save_ms, 0),
    ]


def table(rows: list[Row], markdown: bool = False) -> str:
    header = [name for name, _ in COLUMNS]
    body = [cells(row) for row in rows]
    if markdown:
        lines = [
            "| " + " | ".join(header) + " |",
            "|" + "|".join(":--" if a == "<" else "--:" for _, a in COLUMNS) + "|",
        ]
        return "\n".join(lines + ["| " + " | ".join(r) + " |" for r in body])
    widths = [max(len(h), *(len(r[i]) for r in body)) for i, h in enumerate(header)]

    def line(values: list[str]) -> str:
        return "  ".join(f"{v:{a}{w}}" for v, (_, a), w in zip(values, COLUMNS, widths, strict=True))

    return "\n".join([line(header), line(["-" * w for w in widths]), *(line(r) for r in body)])


def ratios(rows: list[Row]) -> list[str]:
    """newslint / peer, for the same N where the peer has one."""
    lines = []
    newslint = {r.people: r for r in rows if r.tool.startswith("newslint")}
    peers = [r for r in rows if not r.tool.startswith("newslint")]
    bundled = newslint.get(None)
    for peer in peers:
        if peer.tool == "proselint":
            mine = [r for r in newslint.values() if r.corpus]
            if bundled and peer.warm:
                lines.append(f"start-up, bundled rules, warm / proselint: {bundled.warm / peer.warm:.2f}")
            for r in mine:
                if peer.corpus:
                    lines.append(f"corpus time N={r.people:,} / proselint: {r.corpus / peer.corpus:.3f}")
            continue
        if bundled and peer.people == 10 and peer.warm:
            lines.append(f"start-up, bundled rules, warm / textlint + prh N=10: {bundled.warm / peer.warm:.2f}")
        mine_n = newslint.get(peer.people)
        if mine_n is None:
            continue
        if mine_n.warm and peer.warm:
            lines.append(f"start-up warm N={peer.people:,} / textlint + prh: {mine_n.warm / peer.warm:.3f}")
        if mine_n.corpus and peer.corpus:
            lines.append(f"corpus time N={peer.people:,} / textlint + prh: {mine_n.corpus / peer.corpus:.4f}")
    return lines


def machine() -> str:
    model = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    system = f"{platform.system()} {platform.release()}"
    return f"{os.cpu_count()} cores ({model}), Python {platform.python_version()}, {system}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="100,1000,10000,100000", help="rulebook sizes, comma-separated")
    parser.add_argument("--quick", action="store_true", help="N=100 only, a small corpus, one run of each")
    parser.add_argument("--peers", action="store_true", help="also run textlint + prh and proselint")
    parser.add_argument("--peer-max-people", type=int, default=10_000, help="largest N to run textlint + prh at")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each start-up measurement (median)")
    parser.add_argument("--no-lsp", action="store_true", help="skip the language-server latency")
    parser.add_argument("--lsp-edits", type=int, default=5, help="one-character edits to time (median)")
    parser.add_argument("--timeout", type=float, default=1800, help="seconds before a run is stopped")
    parser.add_argument("--data", type=Path, default=HERE / ".data", help="where data sets are generated and kept")
    parser.add_argument("--fresh", action="store_true", help="regenerate the data sets")
    parser.add_argument("--python", default=sys.executable, help="the Python that runs newslint")
    parser.add_argument("--markdown", action="store_true", help="print the table as Markdown")
    parser.add_argument("--json", type=Path, help="also write the rows as JSON to this file")
    args = parser.parse_args(argv)
    sizes = [100] if args.quick else [int(n.replace("_", "")) for n in args.sizes.split(",") if n.strip()]
    options = Options(
        1 if args.quick else args.repeat,
        args.quick,
        not args.no_lsp,
        2 if args.quick else args.lsp_edits,
        args.timeout,
        args.data.resolve(),
        args.fresh,
    )
    options.data.mkdir(parents=True, exist_ok=True)
    cli = Cli.detect(args.python)
    rows = [bundled_row(cli, options)]
    folders: dict[int, Path] = {}
    for people in sizes:
        print(f"  measuring N={people:,} ...", file=sys.stderr)
        row, folder = measure_size(cli, people, options)
        rows.append(row)
        folders[people] = folder
    notes = []
    if not cli.jobs:
        notes.append("newslint has no -j/--jobs: the parallel columns are skipped")
    if not cli.no_cache:
        notes.append("newslint has no --no-cache: cold start-up is measured with an empty cache folder only")
    if args.peers:
        peers = Peers.find()
        if peers is None:
            notes.append("--peers: textlint or proselint is not installed; run bash bench/peers/install.sh")
        else:
            peer_sizes = sorted({10, *(n for n in sizes if n <= args.peer_max_people)})
            for people in peer_sizes:
                print(f"  measuring textlint + prh at N={people:,} ...", file=sys.stderr)
                folder = folders.get(people) or dataset(people, options)
                rows.append(textlint_row(peers, folder, people, options))
            skipped = [n for n in sizes if n > args.peer_max_people]
            if skipped:
                notes.append(f"textlint + prh not run at N={', '.join(f'{n:,}' for n in skipped)} (--peer-max-people)")
            print("  measuring proselint ...", file=sys.stderr)
            rows.append(proselint_row(peers, folders.get(sizes[0]) or dataset(sizes[0], options), options))
    print(f"machine: {machine()}")
    print(table(rows, args.markdown))
    for line in ratios(rows):
        print(f"ratio: {line}")
    for row in rows:
        notes += row.notes
    for note in notes:
        print(f"note: {note}")
    if args.json:
        args.json.write_text(json.dumps([row.__dict__ for row in rows], indent=2, default=str) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
