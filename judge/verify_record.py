"""The record of full `judge verify` runs (`problems/verify.toml`): which problems' content a full verify passed.

A full verify (the reference under FULL_SEEDS seeds with FULL_EXAMPLES_FACTOR times the examples) is the expensive
part of CI. It only has to run again when a problem's content changes, so the record keeps, per problem, a hash of
its folder (hidden tests, statement, examples, known submissions) and of its reference; CI runs the full verify
for a problem whose hash is missing or stale and a cheap one (one seed, normal examples, every known submission
still judged) for the others. `judge verify --write-record` writes it after a full verify passes;
`--check-record` fails a cheap verify of a problem whose record is not current.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from judge.problems import Problem

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib

RECORD_NAME = "verify.toml"
FULL_SEEDS = 2             # the least a verify must do to count as full (CI's settings before the record)
FULL_EXAMPLES_FACTOR = 10
_SKIPPED = ("__pycache__", ".hypothesis", ".pytest_cache")
_HEADER = ("# Full `judge verify` runs that passed: written by `judge verify --write-record`, checked by\n"
           "# `--check-record` and tests/test_verify.py. content_sha256 covers the problem folder (hidden tests,\n"
           "# statement, examples, known submissions) and its reference; a problem whose hash is missing or\n"
           "# stale gets the full verify in CI, the others a cheap one.\n")


class RecordError(Exception):
    """The record file cannot be read."""


@dataclass(frozen=True)
class Entry:
    """What the record holds for one problem."""

    content_sha256: str
    seeds: int
    examples_factor: int
    seed: int


def record_path(problem: Problem) -> Path:
    """`verify.toml` beside the problem folders of the catalog the problem comes from (like audit.toml)."""
    return problem.folder.parent / RECORD_NAME


def content_sha256(problem: Problem) -> str:
    """A hash of every file of the problem folder and of the reference, by relative name (caches left out)."""
    digest = hashlib.sha256()
    files = sorted(p for p in problem.folder.rglob("*")
                   if p.is_file() and not any(part in _SKIPPED for part in p.parts) and p.suffix != ".pyc")
    named = [(f"problem/{p.relative_to(problem.folder).as_posix()}", p) for p in files]
    named.append((f"reference/{problem.reference_path.name}", problem.reference_path))
    for name, path in named:
        data = path.read_bytes() if path.is_file() else b"<missing>"
        digest.update(f"{name}\0{len(data)}\0".encode())
        digest.update(data)
    return digest.hexdigest()


def is_full(seeds: int, examples_factor: int) -> bool:
    return seeds >= FULL_SEEDS and examples_factor >= FULL_EXAMPLES_FACTOR


def load_record(path: Path) -> dict[str, Entry]:
    """The entries of `path` by problem id ({} when the file does not exist)."""
    if not path.is_file():
        return {}
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise RecordError(f"{path}: {exc}") from None
    entries = {}
    for problem_id, table in data.items():
        try:
            entries[problem_id] = Entry(str(table["content_sha256"]), int(table["seeds"]),
                                        int(table["examples_factor"]), int(table["seed"]))
        except (KeyError, TypeError, ValueError) as exc:
            raise RecordError(f"{path}: malformed entry of {problem_id!r} ({exc!r})") from None
    return entries


def dump_record(entries: dict[str, Entry]) -> str:
    lines = [_HEADER]
    for problem_id, entry in sorted(entries.items()):
        lines.append(f'\n["{problem_id}"]\ncontent_sha256 = "{entry.content_sha256}"\nseeds = {entry.seeds}\n'
                     f"examples_factor = {entry.examples_factor}\nseed = {entry.seed}\n")
    return "".join(lines)


def staleness(problem: Problem, entries: dict[str, Entry]) -> str | None:
    """Why the record of `problem` is not current (None when it is)."""
    entry = entries.get(problem.id)
    if entry is None:
        return "no verify record"
    if entry.content_sha256 != content_sha256(problem):
        return "changed since its verify record"
    return None


def is_current(problem: Problem) -> bool:
    """Whether the committed record covers the problem as it is now (a cheap verify is then enough)."""
    try:
        return staleness(problem, load_record(record_path(problem))) is None
    except RecordError:
        return False


def write_entries(path: Path, new: dict[str, Entry]) -> None:
    """Add or replace the entries of `new`, keeping the others."""
    entries = load_record(path)
    entries.update(new)
    path.write_text(dump_record(entries), encoding="utf-8")
