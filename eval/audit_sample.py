"""Draw a reproducible random sample of bundled facts for an audit against their sources.

    .venv/bin/python eval/audit_sample.py              # 30 facts, seed 12
    .venv/bin/python eval/audit_sample.py -n 50 --seed 7

A fact is one checkable statement: a person's name spelling (and birth date, death date or
gender where given), one term of an office holder, an event's date, a count's value, or a house
spelling. Every fact is printed with where it is written and the source it cites, so an
auditor can look it up and say whether the source bears it out.
"""

from __future__ import annotations

import argparse
import random
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from newslint.rulebook.loader import load_rulebook  # noqa: E402
from newslint.rulebook.schema import Location, Rulebook  # noqa: E402


def _where(location: Location) -> str:
    path = Path(location.path)
    try:
        path = path.resolve().relative_to(ROOT)
    except ValueError:
        pass
    return f"{path}:{location.line}"


def facts(rulebook: Rulebook) -> Iterator[tuple[str, str, str]]:
    """Every checkable fact as (where, statement, source), in a stable order."""
    for person in sorted(rulebook.people.values(), key=lambda p: p.id):
        details = [f"spelled {person.name!r}"]
        if person.born:
            details.append(f"born {person.born.isoformat()}")
        if person.died:
            details.append(f"died {person.died.isoformat()}")
        if person.gender:
            details.append(person.gender)
        yield _where(person.location), f"person {person.id}: {', '.join(details)}", person.source
    for office in sorted(rulebook.offices.values(), key=lambda o: o.id):
        for term in office.holders:
            end = term.end.isoformat() if term.end else f"still in office on {office.as_of.isoformat()}"
            statement = f"office {office.id} ({office.label}): {term.person} from {term.start.isoformat()} to {end}"
            yield _where(term.location), statement, office.source
    for event in sorted(rulebook.events.values(), key=lambda e: e.id):
        when = event.date.isoformat() if event.date else str(event.year)
        yield _where(event.location), f"event {event.id}: {when}", event.source
    for count in sorted(rulebook.counts.values(), key=lambda c: c.id):
        for value in count.values:
            since = value.start.isoformat() if value.start else "always"
            yield _where(count.location), f"count {count.id}: {value.value} from {since}", count.source
    for _, rule in sorted(rulebook.style.items()):
        yield _where(rule.location), f"style: {rule.use!r} instead of {', '.join(rule.instead_of)}", rule.source


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=30, help="how many facts (default 30)")
    parser.add_argument("--seed", type=int, default=12, help="the random seed (default 12)")
    parser.add_argument("--rules", type=Path, default=ROOT / "rules", help="the rule folder (default rules/)")
    args = parser.parse_args(argv)
    every = list(facts(load_rulebook([args.rules])))
    sample = random.Random(args.seed).sample(every, min(args.n, len(every)))
    print(f"# {len(sample)} of {len(every)} facts, seed {args.seed}")
    for number, (where, statement, source) in enumerate(sample, 1):
        print(f"{number}. {statement}\n   written at {where}\n   source: {source}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
