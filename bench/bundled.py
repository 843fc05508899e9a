"""Start-up and throughput with the bundled rulebook, for two or more checkouts side by side.

    .venv/bin/python bench/bundled.py --checkout /tmp/nl-base --checkout . --corpus bench/.data/10000/corpus

Each checkout is run with its own virtual environment (``<checkout>/.venv``) and its own bundled
rules, alternately, so that a noisy machine slows every checkout alike:

- **warm**: ``examples/summit.md`` with the compiled rulebook cache in place (median of --repeat);
- **cold**: the same with an empty cache folder and ``--no-cache`` (median of --repeat);
- **corpus -j1**: every draft of --corpus with ``-j 1`` (median of --repeat), and its MB/s.

Peak MB is the largest resident set of one run (see ``run.run``). Ratios are against the first
checkout.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from run import Run, median_run, run  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
DRAFT = ROOT / "examples" / "summit.md"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--checkout", action="append", required=True, help="a checkout with its own .venv")
    parser.add_argument("--corpus", type=Path, help="a folder of drafts for the throughput run")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    checkouts = [Path(c).resolve() for c in args.checkout]
    for checkout in checkouts:
        python = checkout / ".venv" / "bin" / "python"
        run([str(python), "-m", "compileall", "-q", str(checkout / "newslint")], checkout)
    measures: dict[Path, dict[str, list[Run]]] = {c: {"warm": [], "cold": [], "corpus": []} for c in checkouts}
    size = sum(p.stat().st_size for p in args.corpus.rglob("*") if p.is_file()) if args.corpus else 0
    for _ in range(args.repeat):
        for checkout in checkouts:
            python = str(checkout / ".venv" / "bin" / "python")
            with tempfile.TemporaryDirectory() as cache:
                env = {**os.environ, "NEWSLINT_CACHE_DIR": cache}
                cold = run([python, "-m", "newslint", "--no-cache", str(DRAFT)], checkout, env)
                run([python, "-m", "newslint", str(DRAFT)], checkout, env)  # fills the cache
                warm = run([python, "-m", "newslint", str(DRAFT)], checkout, env)
                measures[checkout]["cold"].append(cold)
                measures[checkout]["warm"].append(warm)
                if args.corpus:
                    measures[checkout]["corpus"].append(
                        run([python, "-m", "newslint", "-j", "1", str(args.corpus)], checkout, env)
                    )
    print("| checkout | people | warm s | warm MB | cold s | cold MB | corpus -j1 s | MB/s |")
    print("|:--|--:|--:|--:|--:|--:|--:|--:|")
    first: dict[str, float] = {}
    for checkout in checkouts:
        row = {kind: median_run(runs) for kind, runs in measures[checkout].items() if runs}
        people = _people(checkout)
        corpus = row.get("corpus")
        cells = [
            str(checkout),
            str(people),
            f"{row['warm'].seconds:.2f}",
            f"{row['warm'].peak_mb:.0f}",
            f"{row['cold'].seconds:.2f}",
            f"{row['cold'].peak_mb:.0f}",
            f"{corpus.seconds:.2f}" if corpus else "-",
            f"{size / 2**20 / corpus.seconds:.3f}" if corpus else "-",
        ]
        print("| " + " | ".join(cells) + " |")
        for kind, measured in row.items():
            first.setdefault(kind, measured.seconds)
    for checkout in checkouts[1:]:
        row = {kind: median_run(runs) for kind, runs in measures[checkout].items() if runs}
        ratios = ", ".join(f"{kind} {measured.seconds / first[kind]:.2f}" for kind, measured in row.items())
        print(f"\n{checkout} / {checkouts[0]}: {ratios} (time ratios; above 1 is slower)")
    return 0


def _people(checkout: Path) -> int:
    """How many people the checkout's bundled rulebook holds (its own loader, its own rules)."""
    python = str(checkout / ".venv" / "bin" / "python")
    code = "import newslint, pathlib; print(len(newslint.load_rulebook([pathlib.Path('rules')]).people))"
    result = run([python, "-c", code], checkout)
    return int(result.stdout.decode().strip() or 0)


if __name__ == "__main__":
    raise SystemExit(main())
