"""Finding a class's submissions on disk: single files, one student's folder, a folder of student folders."""

from __future__ import annotations

import difflib
import os
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from judge.grading.model import Entry
from judge.problems import Problem, all_problems

IGNORED_DIRS = {"__pycache__", "node_modules", "venv", "env", "site-packages"}


def _by_module(problems: dict[str, Problem]) -> dict[str, str]:
    return {p.module: p.id for p in problems.values()}


def _python_files(folder: Path) -> list[Path]:
    found = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d not in IGNORED_DIRS)
        found += [Path(root) / f for f in sorted(files) if f.endswith(".py") and not f.startswith(".")]
    return found


def _entry_for(path: Path, student: str, problem_id: str | None, modules: dict[str, str]) -> Entry:
    if problem_id is not None:
        return Entry(student, problem_id, path)
    stem = path.stem
    if stem in modules:
        return Entry(student, modules[stem], path)
    close = difflib.get_close_matches(stem, list(modules), n=1)
    hint = f" (did you mean {close[0]}.py?)" if close else ""
    return Entry(student, "", path, f"no problem has the module {stem!r}{hint}")


def discover(paths: Sequence[Path], problem_id: str | None = None) -> tuple[list[Entry], list[str]]:
    """The submissions under `paths` and notes about what could not be used.

    A file is one submission (its problem from its name, its student from its folder). A folder with .py files
    is one student's folder; a folder of folders is a class (one sub-folder per student). With `problem_id`, every
    .py file is a submission to that problem, its student the first folder under the path or the file's stem.
    """
    modules = _by_module(all_problems())
    entries: list[Entry] = []
    notes: list[str] = []
    for path in paths:
        if not path.exists():
            notes.append(f"{path}: no such file or folder")
            continue
        if path.is_file():
            if path.suffix != ".py":
                notes.append(f"{path}: not a .py file")
                continue
            entries.append(_entry_for(path, path.resolve().parent.name, problem_id, modules))
            continue
        files = _python_files(path)
        if not files:
            notes.append(f"{path}: no .py files found")
            continue
        for file in files:
            relative = file.relative_to(path)
            if problem_id is not None:
                student = relative.parts[0] if len(relative.parts) > 1 else file.stem
            else:
                student = relative.parts[0] if len(relative.parts) > 1 else path.resolve().name
            entries.append(_entry_for(file, student, problem_id, modules))
    return _resolve_duplicates(entries), notes


def _resolve_duplicates(entries: list[Entry]) -> list[Entry]:
    """Two files of one student for one problem: the shallowest (then first by name) is graded, the rest skipped."""
    chosen: dict[tuple[str, str], Entry] = {}
    for entry in sorted(entries, key=lambda e: (len(e.path.parts), str(e.path))):
        if entry.skip_reason or not entry.problem:
            continue
        chosen.setdefault((entry.student, entry.problem), entry)
    out = []
    for entry in entries:
        first = chosen.get((entry.student, entry.problem))
        if entry.skip_reason is None and first is not None and first is not entry:
            out.append(replace(entry, skip_reason=f"a second file for {entry.problem}: {first.path} is graded"))
        else:
            out.append(entry)
    return out
