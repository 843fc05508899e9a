"""Running the examples that facts carry: each must produce exactly its expected codes."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from newslint.document import Document
from newslint.engine import lint
from newslint.rulebook.schema import Example, Rulebook


@dataclass(frozen=True)
class ExampleFailure:
    example: Example
    got: tuple[str, ...]
    messages: tuple[str, ...]

    def __str__(self) -> str:
        expected = ", ".join(self.example.expect) or "nothing"
        got = "; ".join(self.messages) or "nothing"
        return (
            f"{self.example.location}: example of '{self.example.fact}' expected {expected}, got {got}: "
            f"{self.example.text!r}"
        )


def run_examples(rulebook: Rulebook) -> list[ExampleFailure]:
    """The examples that do not hold."""
    failures = []
    for example in rulebook.examples():
        document = Document.from_text(example.text, markup=example.markup, date=example.date)
        diagnostics = lint(document, rulebook)
        got = tuple(d.code for d in diagnostics)
        if Counter(got) != Counter(example.expect):
            failures.append(ExampleFailure(example, got, tuple(f"{d.code} {d.message}" for d in diagnostics)))
    return failures
