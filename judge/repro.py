"""`judge repro`: a standalone pytest file that replays a failing run's last call into the submission.

The run is judged as `judge run` judges it (sandboxed, the same seed); the last call of the first failing group
(hypothesis replays the shrunk example last) is written out with the reference's answer to it, arrays in an
`.npz` beside the file. The file imports the user's own module and calls it directly: outside the sandbox,
without time or memory limits, so a person can step through it in their own editor and debugger.
"""

from __future__ import annotations

import ast
import copy
import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from judge.problems import Problem
from judge.runner import judge_file, load_reference
from judge.verdict import Report, Verdict


class ReproError(Exception):
    """No repro can be written for this run (accepted, a stateful check, a value that cannot be written)."""


@dataclass
class _Recorder:
    """The last call into the submission of each group, as it was made."""

    group: str = ""
    last: dict[str, tuple] = field(default_factory=dict)

    def started(self, group: Any) -> None:
        self.group = group.name

    def call(self, name: str, args: tuple = (), kwargs: dict | None = None, **options: Any) -> None:
        self.last[self.group] = (name, tuple(args), dict(kwargs or {}), options.get("target"))


@dataclass(frozen=True)
class Repro:
    report: Report
    group: str
    test_file: Path
    data_file: Path | None


class _Encoder:
    """Python source for a value: literals as they are, arrays as entries of the `.npz` (`DATA["a0"]`)."""

    def __init__(self) -> None:
        self.arrays: dict[str, Any] = {}

    def source(self, value: Any) -> str:
        import numpy as np

        if isinstance(value, np.ndarray):
            if value.dtype.kind in "OV":
                raise ReproError(f"an array of dtype {value.dtype} cannot be saved in an .npz")
            key = f"a{len(self.arrays)}"
            self.arrays[key] = value
            return f'DATA["{key}"]'
        if isinstance(value, np.generic):
            return f"np.{value.dtype.name}({value.item()!r})"
        if type(value) in (list, tuple):
            items = [self.source(v) for v in value]
            if type(value) is tuple:
                return "(" + ", ".join(items) + ("," if len(items) == 1 else "") + ")"
            return "[" + ", ".join(items) + "]"
        if type(value) is dict:
            return "{" + ", ".join(f"{self.source(k)}: {self.source(v)}" for k, v in value.items()) + "}"
        if type(value) is float and not math.isfinite(value):
            return f'float("{value}")'
        if value is None or type(value) in (bool, int, float, complex, str, bytes):
            text = repr(value)
            if ast.literal_eval(text) != value and type(value) is not complex:
                raise ReproError(f"a {type(value).__name__} that does not survive repr")
            return text
        raise ReproError(f"a value of type {type(value).__qualname__} cannot be written into a repro file")


def make_repro(problem: Problem, path: Path, seed: int, out_dir: Path, *, sandbox: str = "auto",
               groups: tuple[str, ...] | None = None, max_examples: int | None = None,
               force: bool = False) -> Repro:
    """Judge `path` with `seed`, then write test_repro_<module>.py (and .npz) in `out_dir` for its first failure."""
    recorder = _Recorder()
    report = judge_file(problem, path, seed=seed, sandbox=sandbox, max_examples=max_examples, only_groups=groups,
                        on_group_start=recorder.started, on_call=recorder.call)
    failed = next((g for g in report.groups if g.verdict is not Verdict.ACCEPTED), None)
    if report.verdict is Verdict.ACCEPTED or failed is None:
        raise ReproError(f"{path} is accepted with seed {seed}: nothing to reproduce")
    if report.verdict in (Verdict.COMPILE_ERROR, Verdict.INTERNAL_ERROR) or failed.name not in recorder.last:
        raise ReproError(f"the run ended in {report.verdict.value} before a call could be recorded: "
                         "`judge run` shows why")
    name, args, kwargs, target = recorder.last[failed.name]
    if target is not None or name not in problem.entry_points:
        raise ReproError(f"group {failed.name!r} failed in a sequence of calls on an object ({name}); "
                         "a single call cannot reproduce it")
    reference = getattr(load_reference(problem), name)
    try:
        expected = reference(*copy.deepcopy(args), **copy.deepcopy(kwargs))
    except Exception as exc:  # its arguments may come from an earlier call of the submission (its own cache)
        raise ReproError(f"the reference raises {type(exc).__name__} on the failing call {name}(...) (its "
                         "arguments may come from an earlier call of yours, such as a cache): no single call "
                         "reproduces this failure; `judge run` shows it") from None
    encoder = _Encoder()
    call_args = ", ".join([encoder.source(a) for a in args] + [f"{k}={encoder.source(v)}" for k, v in kwargs.items()])
    expected_source = encoder.source(expected)
    stem = f"test_repro_{problem.module}"
    test_file, data_file = out_dir / f"{stem}.py", (out_dir / f"{stem}.npz" if encoder.arrays else None)
    for target_path in (test_file, data_file):
        if target_path is not None and target_path.exists() and not force:
            raise ReproError(f"{target_path} exists (use --force to overwrite)")
    text = _render(problem, path, report, failed, name, call_args, expected_source, data_file, stem)
    out_dir.mkdir(parents=True, exist_ok=True)
    if data_file is not None:
        import numpy as np

        with data_file.open("wb") as handle:
            np.savez(handle, **encoder.arrays)
    test_file.write_text(text, encoding="utf-8")
    return Repro(report, failed.name, test_file, data_file)


def _render(problem: Problem, path: Path, report: Report, failed: Any, name: str, call_args: str,
            expected_source: str, data_file: Path | None, stem: str) -> str:
    message = (failed.failure.message if failed.failure else "").splitlines()[0:1] or [""]
    header = [
        f'"""Repro of `judge run {problem.id} {path} --seed {report.seed} --group {failed.name}`:',
        f"{failed.verdict.value} in group {failed.name!r}" + (f" ({failed.failure.test})" if failed.failure and
                                                              failed.failure.test else "") + ".",
        "",
        f"The judge said: {message[0][:300]}",
        "",
        "WARNING: this file runs your code directly, OUTSIDE the judge's sandbox: no time, memory, network or",
        f"file-system limits. Run it only on code you trust:  python -m pytest {stem}.py",
        "",
        "The expected value is the reference's answer to this input; the hidden test may accept other answers",
        "(it may check properties rather than equality), and a time or memory verdict is not re-checked here.",
        '"""',
    ]
    lines = [*header, "", "from __future__ import annotations", "", "import importlib.util", "import pathlib", ""]
    lines += ["import numpy as np", "", "HERE = pathlib.Path(__file__).resolve().parent",
              f"SUBMISSION = pathlib.Path({str(path.resolve())!r})"]
    if data_file is not None:
        lines.append(f'DATA = dict(np.load(HERE / "{data_file.name}"))')
    lines += [
        "", "",
        "def load_submission():",
        f'    spec = importlib.util.spec_from_file_location("{problem.module}", SUBMISSION)',
        "    module = importlib.util.module_from_spec(spec)",
        "    spec.loader.exec_module(module)",
        "    return module",
        "", "",
        "def same(got, expected, where='result'):",
        '    """Arrays: same shape, close values (rtol 1e-6, atol 1e-8); containers item by item; else ==."""',
        "    if isinstance(expected, np.ndarray):",
        "        assert isinstance(got, np.ndarray), f'{where}: expected an ndarray, got {type(got).__name__}'",
        "        assert got.shape == expected.shape, f'{where}: shape {got.shape}, expected {expected.shape}'",
        "        np.testing.assert_allclose(got, expected, rtol=1e-6, atol=1e-8, err_msg=where)",
        "    elif isinstance(expected, (tuple, list)) and any(isinstance(e, np.ndarray) for e in expected):",
        "        assert len(got) == len(expected), f'{where}: {len(got)} items, expected {len(expected)}'",
        "        for i, (g, e) in enumerate(zip(got, expected)):",
        "            same(g, e, f'{where}[{i}]')",
        "    else:",
        "        assert got == expected, f'{where}: got {got!r}, expected {expected!r}'",
        "", "",
        f"def test_{name}_repro():",
        "    module = load_submission()",
    ]
    lines += [f"    got = module.{name}({call_args})", f"    expected = {expected_source}", "    same(got, expected)"]
    return "\n".join(lines) + "\n"
