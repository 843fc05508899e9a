"""The titles an office goes by in prose, built from its roles and its jurisdiction's names."""

from __future__ import annotations

from newslint.rulebook.schema import Office, Rulebook


def office_titles(office: Office, book: Rulebook) -> list[str]:
    """Complete titles: "German Chancellor", "Chancellor of Germany", "Germany's Chancellor"."""
    titles = list(office.titles)
    jurisdiction = book.jurisdictions.get(office.jurisdiction or "")
    if jurisdiction is not None:
        for role in office.roles:
            titles.extend(f"{adjective} {role}" for adjective in jurisdiction.adjectives)
            titles.extend(f"{name} {role}" for name in jurisdiction.names)
            for name in jurisdiction.names:
                titles.append(f"{role} of {name}")
                if not name.casefold().startswith("the "):
                    titles.append(f"{role} of the {name}")
                titles.append(f"{name}'s {role}")
                if name.endswith("s"):
                    titles.append(f"{name}' {role}")  # "the Philippines' President"
    seen: set[str] = set()
    unique = []
    for title in titles:
        if title.casefold() not in seen:
            seen.add(title.casefold())
            unique.append(title)
    return unique
