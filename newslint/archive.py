"""Auditing an archive of published articles: ``newslint archive index``.

Articles come from folders of drafts, JSON Lines files (one object per line) and Parquet
files (with the ``archive`` extra, pyarrow). Each is stored in one SQLite file with its id,
date, content hash, the ids of the rulebook facts it mentions (people, offices, events,
counts, house spellings) and its diagnostics, with the digest of the rulebook that produced
them. An article whose id, text, date and markup are unchanged, checked with the same
rulebook, is skipped.

Writes go in batches, each one transaction: an article's row, facts and findings are written
together or not at all, so a run killed at any point (SIGKILL included) leaves every article
either indexed as it was before or as it is now, and running again finishes the work without
duplicates.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import sqlite3
import zlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newslint.checks.context import Context
from newslint.config import Settings
from newslint.diagnostic import Diagnostic
from newslint.document import Document
from newslint.engine import lint_in_context
from newslint.files import discover, read_draft
from newslint.gc_pause import paused_gc
from newslint.rulebook.paths import rule_files
from newslint.rulebook.schema import Rulebook

SCHEMA_VERSION = 1
BATCH = 200  # articles per transaction

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS articles (
    id TEXT PRIMARY KEY,
    source TEXT NOT NULL,
    date TEXT,
    markup TEXT NOT NULL,
    hash TEXT NOT NULL,
    rulebook TEXT NOT NULL,
    findings INTEGER NOT NULL,
    text BLOB NOT NULL,
    checked_on TEXT NOT NULL  -- the date it was checked as of: its own, else the one its text gives
);
CREATE INDEX IF NOT EXISTS articles_by_rulebook ON articles (rulebook);
CREATE TABLE IF NOT EXISTS rulebooks (key TEXT PRIMARY KEY, data BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS facts (
    article TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    fact TEXT NOT NULL,
    PRIMARY KEY (article, fact)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS facts_by_fact ON facts (fact);
CREATE TABLE IF NOT EXISTS findings (
    article TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    line INTEGER NOT NULL, column INTEGER NOT NULL, end_line INTEGER NOT NULL, end_column INTEGER NOT NULL,
    code TEXT NOT NULL, severity TEXT NOT NULL, message TEXT NOT NULL, fact TEXT, rulebook TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS findings_by_article ON findings (article);
CREATE TABLE IF NOT EXISTS problems (source TEXT NOT NULL, row TEXT NOT NULL, message TEXT NOT NULL,
                                     PRIMARY KEY (source, row)) WITHOUT ROWID;
"""


class ArchiveError(Exception):
    """A database or a source that cannot be used at all: the message says why."""


@dataclass(frozen=True)
class Article:
    id: str
    source: str
    text: str
    date: dt.date | None = None
    markup: str | None = None
    metadata: dict[str, Any] | None = None


@dataclass(frozen=True)
class BadRow:
    source: str
    row: str
    message: str


@dataclass
class Keys:
    """The columns (or JSON keys) that hold each field."""

    id: str = "id"
    date: str = "date"
    text: str = "text"
    markup: str = "markup"


@dataclass
class IndexReport:
    indexed: int = 0
    unchanged: int = 0
    findings: int = 0
    bad: list[BadRow] = field(default_factory=list)


# -- reading articles --------------------------------------------------------------------------


PARTITION_BYTES = 8 * 1024 * 1024  # of a JSON Lines file, read by one worker
PARTITION_FILES = 200  # drafts of a folder, read by one worker


@dataclass(frozen=True)
class Partition:
    """A part of a source that one process reads on its own: a byte range of a JSON Lines
    file (starting at a line, whose number is known), row groups of a Parquet file, or drafts
    of a folder."""

    kind: str  # "jsonl", "parquet" or "drafts"
    source: str
    start: int = 0
    end: int = 0
    first: int = 1  # the number of the first line or row
    paths: tuple[str, ...] = ()


def read_sources(sources: Iterable[str], keys: Keys, size: int = PARTITION_BYTES) -> Iterator[Article | BadRow]:
    """Articles from folders (and draft files), .jsonl files and .parquet files, in order."""
    for partition in partitions(sources, size):
        yield from read_partition(partition, keys)


def partitions(sources: Iterable[str], size: int = PARTITION_BYTES) -> list[Partition]:
    """The sources cut into parts that can be read apart, in the order of their articles
    (JSON Lines files into byte ranges of about ``size``)."""
    found: list[Partition] = []
    for source in sources:
        suffix = Path(source).suffix.lower()
        if suffix in (".jsonl", ".ndjson"):
            found.extend(_json_lines_parts(source, max(1, size)))
        elif suffix == ".parquet":
            found.extend(_parquet_parts(source))
        elif os.path.isdir(source):
            paths = list(discover([source]))
            for start in range(0, len(paths), PARTITION_FILES):
                found.append(Partition("drafts", source, paths=tuple(paths[start : start + PARTITION_FILES])))
        elif os.path.exists(source):
            found.append(Partition("drafts", str(Path(source).parent), paths=(source,)))
        else:
            raise ArchiveError(f"{source}: no such file or folder")
    return found


def read_partition(partition: Partition, keys: Keys) -> Iterator[Article | BadRow]:
    if partition.kind == "jsonl":
        yield from _json_lines(partition, keys)
    elif partition.kind == "parquet":
        yield from _parquet(partition, keys)
    else:
        root = Path(partition.source)
        for path in partition.paths:
            yield _draft_article(path, root)


def _draft_article(path: str, root: Path) -> Article | BadRow:
    draft = read_draft(path)
    name = Path(path).relative_to(root).as_posix() if Path(path).is_relative_to(root) else path
    if draft.text is None:
        return BadRow(str(root), name, draft.problem or "cannot be read")
    return Article(name, str(root), draft.text, markup=draft.markup, metadata=draft.metadata)


def _json_lines_parts(source: str, size: int) -> list[Partition]:
    """Byte ranges of about ``size`` bytes, each starting at a line, with that line's number."""
    try:
        total = os.path.getsize(source)
        stream = open(source, "rb")  # noqa: SIM115 - closed below
    except OSError as error:
        raise ArchiveError(f"{source}: {error.strerror or error}") from None
    parts: list[Partition] = []
    with stream:
        start, line = 0, 1
        while start < total:
            stream.seek(min(start + size, total))
            if stream.tell() < total:
                stream.readline()  # to the end of the line the cut falls in
            end = stream.tell()
            parts.append(Partition("jsonl", source, start, end, line))
            stream.seek(start)
            line += _count_lines(stream, end - start)
            start = end
    return parts


def _count_lines(stream: Any, length: int) -> int:
    count = 0
    while length > 0:
        block = stream.read(min(length, 1 << 22))
        if not block:
            break
        count += block.count(b"\n")
        length -= len(block)
    return count


def _json_lines(partition: Partition, keys: Keys) -> Iterator[Article | BadRow]:
    source = partition.source
    try:
        stream = open(source, "rb")  # noqa: SIM115 - closed below
    except OSError as error:
        raise ArchiveError(f"{source}: {error.strerror or error}") from None
    with stream:
        stream.seek(partition.start)
        number = partition.first - 1
        while stream.tell() < partition.end:
            raw = stream.readline()
            if not raw:
                break
            number += 1
            if not raw.strip():
                continue
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError as error:
                yield BadRow(source, f"line {number}", f"not valid UTF-8 (byte {error.start})")
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as error:
                yield BadRow(source, f"line {number}", f"not JSON ({error.msg}, column {error.colno})")
                continue
            if not isinstance(row, dict):
                yield BadRow(source, f"line {number}", "not a JSON object")
                continue
            yield _row_article(source, f"line {number}", row, keys)


def _parquet_file(source: str) -> Any:
    try:
        import pyarrow.parquet as parquet
    except ImportError:
        raise ArchiveError(
            f"{source}: reading Parquet needs the archive extra: pip install 'newslint[archive]'"
        ) from None
    try:
        return parquet.ParquetFile(source)
    except Exception as error:  # pyarrow's errors for a missing or broken file
        raise ArchiveError(f"{source}: not a readable Parquet file ({error})") from None


def _parquet_parts(source: str) -> list[Partition]:
    table = _parquet_file(source)
    parts, row = [], 1
    for group in range(table.num_row_groups):
        parts.append(Partition("parquet", source, group, group + 1, row))
        row += table.metadata.row_group(group).num_rows
    return parts


def _parquet(partition: Partition, keys: Keys) -> Iterator[Article | BadRow]:
    table = _parquet_file(partition.source)
    wanted = [name for name in (keys.id, keys.date, keys.text, keys.markup) if name in table.schema_arrow.names]
    number = partition.first - 1
    for batch in table.iter_batches(columns=wanted, batch_size=1024, row_groups=range(partition.start, partition.end)):
        for row in batch.to_pylist():
            number += 1
            yield _row_article(partition.source, f"row {number}", row, keys)


def _row_article(source: str, where: str, row: dict[str, Any], keys: Keys) -> Article | BadRow:
    text = row.get(keys.text)
    if not isinstance(text, str) or not text.strip():
        return BadRow(source, where, f"no text in '{keys.text}'")
    article_id = row.get(keys.id)
    if article_id is None or article_id == "":
        return BadRow(source, where, f"no id in '{keys.id}'")
    date: dt.date | None = None
    raw_date = row.get(keys.date)
    if isinstance(raw_date, dt.datetime):
        date = raw_date.date()
    elif isinstance(raw_date, dt.date):
        date = raw_date
    elif raw_date not in (None, ""):
        try:
            date = dt.date.fromisoformat(str(raw_date)[:10])
        except ValueError:
            return BadRow(source, where, f"'{keys.date}' is not a date: {str(raw_date)[:40]!r}")
    markup = row.get(keys.markup)
    if markup not in (None, "markdown", "html", "text", "xml"):
        return BadRow(source, where, f"'{keys.markup}' must be markdown, html, text or xml, not {str(markup)[:20]!r}")
    return Article(str(article_id), source, text, date, markup)


# -- what an article mentions --------------------------------------------------------------------


def facts_mentioned(context: Context | None, diagnostics: list[Diagnostic], rulebook: Rulebook) -> set[str]:
    """The ids of the facts an article names: its people, the offices its titles can name, its
    events, and the counts and house spellings whose words it uses; plus every finding's fact."""
    found = {d.fact for d in diagnostics if d.fact}
    if context is None:
        return found
    mentions = context.mentions
    found.update(mention.person for mention in mentions.people)
    for title in mentions.titles:
        found.update(title.resolved or title.offices)
    found.update(mention.event for mention in mentions.events)
    prose = context.document.prose.casefold()
    for rule_id, rule in rulebook.style.items():
        if any(word.casefold() in prose for word in (rule.use, *rule.instead_of)):
            found.add(rule_id)
    for count_id, count in rulebook.counts.items():
        for phrase in count.phrases:
            fixed = max(phrase.replace("{n}", "\0").split("\0"), key=len).strip().casefold()
            if fixed and fixed in prose:
                found.add(count_id)
                break
    return found


# -- the database --------------------------------------------------------------------------------


def open_database(path: str) -> sqlite3.Connection:
    try:
        connection = sqlite3.connect(path, timeout=30, isolation_level=None)
        connection.execute("PRAGMA journal_mode=WAL")
        connection.execute("PRAGMA foreign_keys=ON")
        connection.executescript(_SCHEMA)
        version = connection.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()
        if version is None:
            connection.execute("INSERT INTO meta VALUES ('schema', ?)", (str(SCHEMA_VERSION),))
        elif version[0] != str(SCHEMA_VERSION):
            raise ArchiveError(
                f"{path}: an archive database of schema {version[0]}; this newslint writes {SCHEMA_VERSION}"
            )
    except sqlite3.DatabaseError as error:
        raise ArchiveError(f"{path}: not a usable archive database ({error})") from None
    return connection


def pack_article(article: Article) -> bytes:
    """What recheck needs to check an article again: its text and metadata, compressed."""
    return zlib.compress(json.dumps({"text": article.text, "metadata": article.metadata}).encode("utf-8",
                         "surrogatepass"), 6)  # fmt: skip


def unpack_article(row: tuple[Any, ...]) -> Article:
    """An article from its stored row: (id, source, date, markup, text)."""
    article_id, source, date, markup, packed = row
    data = json.loads(zlib.decompress(packed).decode("utf-8", "surrogatepass"))
    day = dt.date.fromisoformat(date) if date else None
    return Article(article_id, source, data["text"], day, markup or None, data.get("metadata"))


def store_rulebook(connection: sqlite3.Connection, key: str, folders: list[str]) -> None:
    """Keep the rule files the findings were made with, to compare with later ones. Their text
    is kept, not a compiled rulebook: a database from elsewhere is read as data, never run."""
    if connection.execute("SELECT 1 FROM rulebooks WHERE key = ?", (key,)).fetchone() is not None:
        return
    files: dict[str, str] = {}
    for number, folder in enumerate(folders):
        root = Path(folder)
        for path in rule_files([root]):
            relative = path.relative_to(root).as_posix() if root.is_dir() else path.name
            files[f"{number}/{relative}"] = path.read_text(encoding="utf-8", errors="replace")
    data = zlib.compress(json.dumps(files).encode("utf-8"), 6)
    connection.execute("INSERT OR IGNORE INTO rulebooks VALUES (?, ?)", (key, data))


def load_stored_rulebook(connection: sqlite3.Connection, key: str) -> Rulebook | None:
    """The rulebook of stored rule files (parsed again, with the loader's checks)."""
    row = connection.execute("SELECT data FROM rulebooks WHERE key = ?", (key,)).fetchone()
    if row is None:
        return None
    import tempfile

    from newslint.rulebook.loader import load_rulebook

    files = json.loads(zlib.decompress(row[0]).decode("utf-8"))
    with tempfile.TemporaryDirectory(prefix="newslint-rules-") as folder:
        roots: set[Path] = set()
        for name, text in files.items():
            number, _, relative = name.partition("/")
            target = Path(folder, number, relative)
            if ".." in Path(relative).parts or Path(relative).is_absolute():
                continue  # a name that would leave the folder: not ours
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
            roots.add(Path(folder, number))
        return load_rulebook(sorted(roots)) if roots else None


def content_hash(article: Article) -> str:
    digest = hashlib.sha256()
    for part in (article.text, str(article.date or ""), article.markup or "", json.dumps(article.metadata or {})):
        digest.update(part.encode("utf-8", "surrogatepass") + b"\0")
    return digest.hexdigest()


ArticleEvent = tuple[str, str, Any]  # (id, source, its checked entry, or None when unchanged)


def begin_index(connection: sqlite3.Connection, rulebook_key: str, rule_folders: list[str]) -> dict[str, str]:
    """Keep the rule files of this run, and say what is indexed already: id -> "hash rulebook"."""
    store_rulebook(connection, rulebook_key, rule_folders)
    return dict(connection.execute("SELECT id, hash || ' ' || rulebook FROM articles"))


def check_new(
    items: Iterable[Article | BadRow], known: dict[str, str], rulebook: Rulebook, rulebook_key: str, settings: Settings
) -> Iterator[BadRow | ArticleEvent]:
    """Each bad row, and each article with its checked entry (None when it is unchanged), in the
    order met; this is what a worker does with its partition."""
    for item in items:
        if isinstance(item, BadRow):
            yield item
            continue
        digest = content_hash(item)
        if known.get(item.id) == f"{digest} {rulebook_key}":
            yield item.id, item.source, None
        else:
            yield item.id, item.source, (item, digest, *check_article(item, rulebook, settings))


def write_events(
    connection: sqlite3.Connection, events: Iterable[BadRow | ArticleEvent], rulebook_key: str, batch: int = BATCH
) -> IndexReport:
    """Write checked articles in transactions of ``batch``, in the order of the events; an id met
    again is a bad row (the first one is indexed)."""
    report = IndexReport()
    seen: set[str] = set()
    pending: list[tuple[Article, str, list[Diagnostic], set[str], dt.date]] = []
    bad: list[BadRow] = []
    for event in events:
        if isinstance(event, BadRow):
            bad.append(event)
            continue
        article_id, source, entry = event
        if article_id in seen:
            bad.append(BadRow(source, article_id, "the same id again: only the first is indexed"))
            continue
        seen.add(article_id)
        if entry is None:
            report.unchanged += 1
            continue
        pending.append(entry)
        if len(pending) >= batch:
            _write(connection, pending, bad, rulebook_key, report)
            pending, bad = [], []
    _write(connection, pending, bad, rulebook_key, report)
    return report


def index(
    connection: sqlite3.Connection,
    articles: Iterable[Article | BadRow],
    rulebook: Rulebook,
    rulebook_key: str,
    settings: Settings,
    batch: int = BATCH,
    rule_folders: list[str] | None = None,
) -> IndexReport:
    """Check and store every article that is new or changed, in transactions of ``batch`` articles."""
    known = begin_index(connection, rulebook_key, rule_folders or [])
    return write_events(connection, check_new(articles, known, rulebook, rulebook_key, settings), rulebook_key, batch)


def check_article(
    article: Article, rulebook: Rulebook, settings: Settings
) -> tuple[list[Diagnostic], set[str], dt.date]:
    with paused_gc():
        document = Document.from_text(
            article.text,
            path=article.id,
            markup=article.markup,
            date=article.date,
            default_date=settings.default_date,
            metadata=article.metadata,
        )
        diagnostics, context = lint_in_context(
            document, rulebook, settings.select, settings.ignores_for(article.id), settings.severities
        )
        return diagnostics, facts_mentioned(context, diagnostics, rulebook), document.date


def _write(
    connection: sqlite3.Connection,
    pending: list[tuple[Article, str, list[Diagnostic], set[str], dt.date]],
    bad: list[BadRow],
    rulebook_key: str,
    report: IndexReport,
) -> None:
    if not pending and not bad:
        return
    connection.execute("BEGIN IMMEDIATE")
    try:
        for article, digest, diagnostics, facts, checked_on in pending:
            connection.execute("DELETE FROM articles WHERE id = ?", (article.id,))  # cascades to its rows
            connection.execute(
                "INSERT INTO articles VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (article.id, article.source, article.date.isoformat() if article.date else None,
                 article.markup or "", digest, rulebook_key, len(diagnostics), pack_article(article),
                 checked_on.isoformat()),
            )  # fmt: skip
            connection.executemany("INSERT INTO facts VALUES (?, ?)", [(article.id, fact) for fact in sorted(facts)])
            connection.executemany(
                "INSERT INTO findings VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [(article.id, d.line, d.column, d.end_line, d.end_column, d.code, d.severity.value, d.message,
                  d.fact, rulebook_key) for d in diagnostics],
            )  # fmt: skip
        connection.executemany(
            "INSERT OR REPLACE INTO problems VALUES (?, ?, ?)", [(b.source, b.row, b.message) for b in bad]
        )
        connection.execute("COMMIT")
    except BaseException:
        connection.execute("ROLLBACK")
        raise
    report.indexed += len(pending)
    report.findings += sum(len(entry[2]) for entry in pending)
    report.bad.extend(bad)


# -- rechecking after the rulebook changed ------------------------------------------------------


@dataclass(frozen=True)
class StoredFinding:
    line: int
    column: int
    code: str
    message: str

    def __str__(self) -> str:
        return f"{self.line}:{self.column}: {self.code} {self.message}"


@dataclass
class ArticleChange:
    id: str
    new: list[StoredFinding]
    resolved: list[StoredFinding]


@dataclass
class RecheckReport:
    changed_facts: list[str] = field(default_factory=list)
    rechecked: int = 0
    total: int = 0
    articles: list[ArticleChange] = field(default_factory=list)

    @property
    def new(self) -> int:
        return sum(len(a.new) for a in self.articles)

    @property
    def resolved(self) -> int:
        return sum(len(a.resolved) for a in self.articles)


def changed_facts(old: Rulebook, new: Rulebook) -> tuple[set[str], set[str]]:
    """The ids of facts changed or removed between two rulebooks (as ``rules diff`` compares
    them), with the offices of a jurisdiction whose names changed; and the ids of facts added."""
    from newslint.rulebook.compare import compare

    changed: set[str] = set()
    added: set[str] = set()
    for change in compare(old, new):
        if change.kind == "jurisdiction":
            for book in (old, new):
                changed.update(o.id for o in book.offices.values() if o.jurisdiction == change.fact)
        elif change.sign == "+" and not change.field:
            added.add(change.fact)
        else:
            changed.add(change.fact)
    return changed, added


def _words_of(fact: Any) -> list[str]:
    """Words an article must contain to mention a fact it did not mention before."""
    from newslint.rulebook.schema import Count, Event, Office, Party, Person, StyleRule

    if isinstance(fact, Person):
        return [fact.surname, *[variant.split()[-1] for variant in fact.variants if variant.split()]]
    if isinstance(fact, Office):
        return [*fact.roles, *fact.titles]
    if isinstance(fact, Event):
        return [phrase.split()[-1] for phrase in fact.phrases if phrase.split()]
    if isinstance(fact, Count):
        return [max(p.replace("{n}", "\0").split("\0"), key=len).strip() for p in fact.phrases]
    if isinstance(fact, StyleRule):
        return [fact.use, *fact.instead_of]
    if isinstance(fact, Party):
        return [*fact.names, *fact.adjectives]
    return []


def recheck(
    connection: sqlite3.Connection,
    rulebook: Rulebook,
    rulebook_key: str,
    settings: Settings,
    rule_folders: list[str],
    batch: int = BATCH,
    check_many: CheckMany | None = None,
) -> RecheckReport:
    """Check again only the articles that mention a fact changed since their findings were made
    (or that contain the words of a fact added since); record what changed in their findings."""
    report = RecheckReport()
    report.total = connection.execute("SELECT count(*) FROM articles").fetchone()[0]
    store_rulebook(connection, rulebook_key, rule_folders)
    old_keys = [key for (key,) in connection.execute("SELECT DISTINCT rulebook FROM articles") if key != rulebook_key]
    everything: set[str] = set()
    for old_key in old_keys:
        old = load_stored_rulebook(connection, old_key)
        if old is None:
            tables = (rulebook.people, rulebook.offices, rulebook.events, rulebook.counts, rulebook.style)
            changed, added = {fact for table in tables for fact in table}, set[str]()  # unknown: check them all
            ids = [row[0] for row in connection.execute("SELECT id FROM articles WHERE rulebook = ?", (old_key,))]
        else:
            changed, added = changed_facts(old, rulebook)
            words = [word for fact_id in added if (fact := rulebook.fact(fact_id)) for word in _words_of(fact)]
            ids = _affected(connection, old_key, changed, words)
        everything |= changed | added
        for start in range(0, len(ids), batch):
            _recheck_batch(connection, ids[start : start + batch], rulebook_key, report,
                           check_many or (lambda articles: check_articles(articles, rulebook, settings)))  # fmt: skip
        connection.execute("BEGIN IMMEDIATE")
        connection.execute("UPDATE findings SET rulebook = ? WHERE rulebook = ?", (rulebook_key, old_key))
        connection.execute("UPDATE articles SET rulebook = ? WHERE rulebook = ?", (rulebook_key, old_key))
        connection.execute("COMMIT")
    report.changed_facts = sorted(everything)
    report.articles.sort(key=lambda change: change.id)
    return report


def _affected(connection: sqlite3.Connection, old_key: str, changed: set[str], words: list[str]) -> list[str]:
    ids: set[str] = set()
    facts = sorted(changed)
    for start in range(0, len(facts), 500):
        chunk = facts[start : start + 500]
        marks = ",".join("?" * len(chunk))
        ids.update(row[0] for row in connection.execute(
            f"SELECT DISTINCT f.article FROM facts f JOIN articles a ON a.id = f.article "
            f"WHERE a.rulebook = ? AND f.fact IN ({marks})", (old_key, *chunk)))  # fmt: skip
    wanted = [word.casefold() for word in words if word and len(word) > 2]
    if wanted:
        query = "SELECT id, source, date, markup, text FROM articles WHERE rulebook = ?"
        stored = connection.execute(query, (old_key,))  # read lazily: an archive can be large
        for row in stored:
            if row[0] in ids:
                continue
            text = unpack_article(row).text.casefold()
            if any(word in text for word in wanted):
                ids.add(row[0])
    return sorted(ids)


CheckMany = Callable[[list[Article]], list[tuple[list[Diagnostic], set[str], dt.date]]]


def check_articles(
    articles: list[Article], rulebook: Rulebook, settings: Settings
) -> list[tuple[list[Diagnostic], set[str], dt.date]]:
    """``check_article`` for each (a worker's task when the checks run on a cluster)."""
    return [check_article(article, rulebook, settings) for article in articles]


def _recheck_batch(
    connection: sqlite3.Connection,
    ids: list[str],
    rulebook_key: str,
    report: RecheckReport,
    check_many: CheckMany,
) -> None:
    marks = ",".join("?" * len(ids))
    rows = connection.execute(f"SELECT id, source, date, markup, text FROM articles WHERE id IN ({marks})", ids)
    articles = [unpack_article(row) for row in rows.fetchall()]
    checked = []
    for article, (diagnostics, facts, checked_on) in zip(articles, check_many(articles), strict=True):
        before = [StoredFinding(*r) for r in connection.execute(
            "SELECT line, column, code, message FROM findings WHERE article = ?", (article.id,))]  # fmt: skip
        after = [StoredFinding(d.line, d.column, d.code, d.message) for d in diagnostics]
        new = [f for f in after if f not in before]
        resolved = [f for f in before if f not in after]
        if new or resolved:
            report.articles.append(ArticleChange(article.id, new, resolved))
        checked.append((article, content_hash(article), diagnostics, facts, checked_on))
    _write(connection, checked, [], rulebook_key, IndexReport())
    report.rechecked += len(checked)
