"""Mistakes in rule and configuration files, each at its position."""

from __future__ import annotations

from dataclasses import dataclass

from newslint.rulebook.schema import Location


@dataclass(frozen=True)
class RuleError:
    """A mistake in a rule file, at its position."""

    location: Location
    message: str

    def __str__(self) -> str:
        return f"{self.location}: {self.message}"


class RulebookError(Exception):
    """Raised by ``load_rulebook`` when rule files have mistakes; ``errors`` lists them all."""

    def __init__(self, errors: list[RuleError]) -> None:
        self.errors = sorted(errors, key=lambda e: (e.location.path, e.location.line, e.location.column))
        super().__init__("\n".join(str(error) for error in self.errors))
