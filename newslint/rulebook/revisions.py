"""A rulebook as it is in a folder, or as it was in a git revision of that folder."""

from __future__ import annotations

import subprocess
import tarfile
import tempfile
from pathlib import Path

from newslint.rulebook.errors import RulebookError, RuleError
from newslint.rulebook.loader import load_rulebook
from newslint.rulebook.schema import Location, Rulebook


class RevisionError(RuntimeError):
    """A side of a diff that is neither a folder nor a git revision that has the rule folder."""


def load_side(spec: str, default_folder: str) -> Rulebook:
    """``spec`` is a folder or file; else ``REV`` (the default folder at that revision) or ``REV:PATH``."""
    if Path(spec).exists():
        return load_rulebook([spec])
    revision, _, folder = spec.partition(":")
    root = _repository_root(revision)
    folder = folder or _from_root(default_folder, root)
    with tempfile.TemporaryDirectory(prefix="newslint-rev-") as scratch:
        refused = _extract(root, revision, folder, Path(scratch))
        target = Path(scratch) / folder
        if not target.exists() and not refused:
            raise RevisionError(f"'{folder}' does not exist at revision '{revision}'")
        prefix, label = str(Path(scratch)), f"{revision}:"
        try:
            rulebook = load_rulebook([target]) if target.exists() else Rulebook()
        except RulebookError as error:
            raise RulebookError([*refused, *(_relabel(problem, prefix, label) for problem in error.errors)]) from None
        if refused:
            raise RulebookError(refused)
        return rulebook


def _git(*args: str) -> subprocess.CompletedProcess[bytes]:
    try:
        return subprocess.run(["git", *args], capture_output=True, check=False)
    except OSError as error:
        raise RevisionError(f"git is needed to read a revision: {error}") from None


def _repository_root(revision: str) -> str:
    top = _git("rev-parse", "--show-toplevel")
    if top.returncode != 0:
        raise RevisionError(f"'{revision}' is not a folder, and this is not a git repository")
    return top.stdout.decode().strip()


def _from_root(folder: str, root: str) -> str:
    """The folder's path from the repository's top, as ``git archive`` wants it."""
    try:
        return Path(folder).resolve().relative_to(Path(root).resolve()).as_posix()
    except ValueError:
        raise RevisionError(f"the rule folder '{folder}' is outside the git repository {root}") from None


def _extract(root: str, revision: str, folder: str, into: Path) -> list[RuleError]:
    """Extract the folder at the revision; only regular files and folders are written, and a
    rule file that is anything else (a link, a device) is returned as an error instead."""
    verified = _git("-C", root, "rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}")
    if verified.returncode != 0:
        raise RevisionError(f"'{revision}' is neither a folder nor a git revision")
    archive = into / "rules.tar"
    made = _git("-C", root, "archive", "--format=tar", "-o", str(archive), revision, "--", folder)
    if made.returncode != 0:
        message = made.stderr.decode("utf-8", "replace").strip().splitlines()
        raise RevisionError(
            f"cannot read '{folder}' at '{revision}': {message[0] if message else 'git archive failed'}"
        )
    refused: list[RuleError] = []
    with tarfile.open(archive) as tar:
        for member in tar.getmembers():
            if member.isreg() or member.isdir():
                try:
                    if hasattr(tarfile, "data_filter"):
                        tar.extract(member, into, filter="data")
                    else:  # pragma: no cover - Python before 3.10.12; regular files and folders only
                        tar.extract(member, into)  # noqa: S202
                    continue
                except (tarfile.TarError, OSError) as error:
                    problem = f"cannot be read from the revision: {error}"
            else:
                kind = "a symbolic link" if member.issym() else "a hard link" if member.islnk() else "a special file"
                problem = f"is {kind} in the revision, not a rule file"
            if member.name.endswith((".yaml", ".yml")) or not member.issym():
                refused.append(RuleError(Location(f"{revision}:{member.name}", 1, 1), problem))
    archive.unlink()
    return refused


def _relabel(problem: RuleError, prefix: str, label: str) -> RuleError:
    where = problem.location
    path = label + where.path[len(prefix) + 1 :] if where.path.startswith(prefix) else where.path
    return RuleError(Location(path, where.line, where.column), problem.message)
