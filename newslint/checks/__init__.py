"""The checks, in the order of their codes. Codes are public: never reuse one."""

from __future__ import annotations

from newslint.checks.base import Check
from newslint.checks.dates import EventDate, WeekdayMismatch, WrongAge
from newslint.checks.names import MisspelledName, PronounGender, WrongGivenName
from newslint.checks.numbers import CountOnDate, HouseStyle
from newslint.checks.offices import (
    FormerTitleInOffice,
    GovernmentOutOfTerm,
    TitleNeverHeld,
    TitleOutOfTerm,
)
from newslint.checks.parties import WrongParty
from newslint.checks.script import MixedScript

ALL_CHECKS: tuple[Check, ...] = (
    MixedScript(),
    MisspelledName(),
    WrongGivenName(),
    PronounGender(),
    FormerTitleInOffice(),
    TitleOutOfTerm(),
    TitleNeverHeld(),
    GovernmentOutOfTerm(),
    WrongParty(),
    WeekdayMismatch(),
    EventDate(),
    WrongAge(),
    CountOnDate(),
    HouseStyle(),
)

__all__ = ["ALL_CHECKS", "Check"]
