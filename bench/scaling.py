"""How checking time grows with the number of people in the rulebook.

Writes synthetic rulebooks of N people (seeded, deterministic), loads each with the real
loader, and times ``lint`` on the same drafts side by side in one run. Prints, per N, the
load time, the index build time and the check time per draft, and the ratio of each check
time to the smallest rulebook's. Usage: python bench/scaling.py [N ...]
"""

from __future__ import annotations

import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

import newslint
from newslint.document import Document
from newslint.engine import lint

GIVEN = """Anna Ben Carla Dmitri Elena Farid Greta Hiro Ines Jonas Kaja Luca Mette Nikos Olga Pedro Rosa Sven
Tomas Ursula""".split()
FAMILY = """Ardern Bauer Costa Dimitrov Eriksen Fischer Garcia Horvat Ivanova Jensen Kowalski Laine Moreau Novak
Okafor Petrov""".split()
PARTICLES = ["", "", "", "von der ", "de ", "van "]
DRAFT = (
    "BRUSSELS, 17 February 2025 - {name} met {other} on Monday, 17 February 2025. "
    "Former US President Donald Trump was not there; {surname} said the bloc's plans were sound, "
    "and {other_surname} agreed. Leaders of the EU's 27 member states will meet again in Kyiv.\n"
)


def synthetic_rulebook(folder: Path, people: int, seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    names = []
    lines = ["people:"]
    for i in range(people):
        name = f"{rng.choice(GIVEN)} {rng.choice(PARTICLES)}{rng.choice(FAMILY)}{i}"
        names.append(name)
        lines.append(
            f"  - {{id: person-{i}, name: '{name}', gender: {rng.choice(['male', 'female'])}, "
            f"born: 19{rng.randint(40, 99)}-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}, "
            f"source: 'https://example.org/{i}'}}"
        )
    (folder / "people.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return names


def main(sizes: list[int]) -> None:
    print(f"{'people':>8} {'load s':>8} {'index s':>8} {'check ms/draft':>15} {'ratio':>6}")
    base = None
    for size in sizes:
        with tempfile.TemporaryDirectory() as tmp:
            names = synthetic_rulebook(Path(tmp), size)
            started = time.perf_counter()
            rulebook = newslint.load_rulebook([newslint.rulebook.loader.bundled_rules_dir(), tmp])
            loaded = time.perf_counter()
            _ = rulebook.index  # built on first use: time it apart from loading
            indexed = time.perf_counter()
        rng = random.Random(1)
        drafts = []
        for _ in range(20):
            a, b = rng.sample(names, 2)
            drafts.append(
                DRAFT.format(name=a, other=b, surname=a.split()[-1], other_surname=b.split()[-1][:-1] + "x") * 10
            )
        timings = []
        for text in drafts:
            t0 = time.perf_counter()
            lint(Document.from_text(text), rulebook)
            timings.append(time.perf_counter() - t0)
        per_draft = statistics.median(timings) * 1000
        base = base or per_draft
        print(
            f"{size:>8} {loaded - started:>8.2f} {indexed - loaded:>8.2f} {per_draft:>15.2f} {per_draft / base:>6.2f}"
        )


if __name__ == "__main__":
    main([int(n) for n in sys.argv[1:]] or [100, 1000, 10000])
