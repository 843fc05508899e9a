"""What every check is given: the document, the rulebook and the draft's mentions."""

from __future__ import annotations

from newslint.document import Document
from newslint.mentions import Mentions
from newslint.rulebook.schema import Office, Person, Rulebook


class Context:
    """A document, a rulebook and the mentions layer computed once for them."""

    def __init__(self, document: Document, rulebook: Rulebook) -> None:
        self.document = document
        self.rulebook = rulebook
        self.tokens = document.tokens
        self.date = document.date
        self.mentions = Mentions(document, rulebook)

    def span(self, first: int, last: int) -> tuple[int, int]:
        return self.tokens[first].start, self.tokens[last - 1].end

    def text(self, first: int, last: int) -> str:
        """The source text of tokens [first, last), white space folded for messages."""
        start, end = self.span(first, last)
        return " ".join(self.document.source[start:end].split())

    def quoted(self, first: int) -> bool:
        return self.mentions.quoted(first)

    def person(self, person_id: str) -> Person:
        return self.rulebook.people[person_id]

    def office(self, office_id: str) -> Office:
        return self.rulebook.offices[office_id]
