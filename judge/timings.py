"""Reference timings cached per machine, scaled by a calibration measured in the same run.

A performance group's limit is a multiple of the reference's time on the same input on this machine. Measuring
the reference on every run is most of a run's cost (three 200,000-item sorts before the submission sorts once),
and the answer hardly changes between runs. So the best-of-N time is kept in the user's cache directory, keyed by
what determines it: the machine (CPU model, cores, Python and NumPy versions), the reference's source, the hidden
test's source and name, which reference measurement of that test it is, and the shape of the input (types,
lengths, array shapes and dtypes; not the values, which change with every seed).

Load changes between runs, so every use also times a short fixed calibration workload and scales a cached time
by (calibration now / calibration when it was cached): a machine twice as busy as when the time was recorded gets
twice the limit. The scale never goes below 1, so a quiet moment during calibration cannot make a limit tighter
than the one measured, and a cached time gets a margin of CACHED_MARGIN on top (a fresh measurement saw the load of
its moment; a cached one only through the calibration).

Off by default: on two cores shared by four or more judgings, a calibration measured at another moment than the
submission's call let quadratic known submissions through (limit scaled up while the submission ran unhindered)
and, unscaled, judged correct ones too slow. Measuring the reference right before the call, as every run did
before, is what the verdicts are checked with. `JUDGE_TIMINGS_CACHE=on` (the user's cache directory) or a file
path turns the cache on; the way to make it safe is to compare CPU time instead of wall time (see the README).
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import json
import os
import platform
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

CACHE_ENV = "JUDGE_TIMINGS_CACHE"
MIN_SCALE = 1.0
CACHED_MARGIN = 1.5  # a cached time sees the present load only through the calibration: some slack
MAX_SCALE = 20.0
MAX_PER_TEST = 50
_JUDGE_DIR = os.path.dirname(os.path.abspath(__file__))
_ordinals: dict[str, int] = {}


def cache_path() -> Path | None:
    configured = os.environ.get(CACHE_ENV, "")
    if configured.lower() in ("", "off"):
        return None
    if configured.lower() != "on":
        return Path(configured)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "judge" / "timings.json"


def machine_fingerprint() -> str:
    cpu = platform.processor() or platform.machine()
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    numpy = sys.modules.get("numpy")
    parts = [cpu, str(os.cpu_count()), platform.python_version(), getattr(numpy, "__version__", "-")]
    return hashlib.sha256("|".join(parts).encode()).hexdigest()[:16]


def calibration_s() -> float:
    """Wall time of a fixed pure-Python workload (~30 ms idle, in three parts): how busy the machine is right now.

    Long enough to span several scheduler time slices, so that sharing the CPU with other processes shows (a
    workload of a few milliseconds often runs inside one slice at full speed, however busy the machine is).
    Measured at every use, right before the submission's timed call, as the reference used to be."""
    total = 0.0
    for _ in range(3):
        started = time.perf_counter()
        acc = 0
        for i in range(180_000):
            acc += (i * i) % 7
        total += time.perf_counter() - started
    return total


def _shape(value: Any) -> str:
    shape = getattr(value, "shape", None)
    if shape is not None:
        return f"{type(value).__name__}{tuple(shape)}:{getattr(value, 'dtype', '')}"
    if isinstance(value, (list, tuple, dict, set, str, bytes)):
        return f"{type(value).__name__}[{len(value)}]"
    return type(value).__name__


def _file_digest(path: str) -> str:
    try:
        return hashlib.sha256(Path(path).read_bytes()).hexdigest()[:16]
    except OSError:
        return "-"


def _caller_test_file() -> str | None:
    """The hidden test's file: the first frame outside the judge package."""
    frame = sys._getframe(2)
    while frame is not None:
        filename = os.path.abspath(frame.f_code.co_filename)
        if not filename.startswith(_JUDGE_DIR + os.sep):
            return filename
        frame = frame.f_back
    return None


def timing_key(func: Callable, args: tuple) -> str | None:
    """What a reference time depends on, or None outside a hidden test (nothing then is cached)."""
    test = os.environ.get("PYTEST_CURRENT_TEST", "").rsplit(" (", 1)[0]
    test_file = _caller_test_file()
    if not test or test_file is None:
        return None
    ordinal = _ordinals[test] = _ordinals.get(test, -1) + 1
    if ordinal >= MAX_PER_TEST:  # a test that measures on every generated example: nothing stable to cache
        return None
    reference_file = getattr(getattr(func, "__code__", None), "co_filename", "") or "-"
    parts = [test, str(ordinal), getattr(func, "__qualname__", repr(func)), _file_digest(reference_file),
             _file_digest(test_file), ",".join(_shape(a) for a in args)]
    return hashlib.sha256("|".join(parts).encode()).hexdigest()[:24]


def _update(path: Path, fingerprint: str, key: str, seconds: float, calibration: float) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "a+", encoding="utf-8") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)  # two judgings of one grading may record at once
        fh.seek(0)
        try:
            data = json.loads(fh.read() or "{}")
        except json.JSONDecodeError:
            data = {}
        data.setdefault(fingerprint, {})[key] = {"s": seconds, "calibration_s": calibration}
        fh.seek(0)
        fh.truncate()
        json.dump(data, fh)


def _lookup(path: Path, fingerprint: str, key: str) -> dict | None:
    try:
        entry = json.loads(path.read_text(encoding="utf-8")).get(fingerprint, {}).get(key)
    except (OSError, json.JSONDecodeError, AttributeError):
        return None
    valid = isinstance(entry, dict) and all(isinstance(entry.get(k), float) and entry[k] > 0
                                            for k in ("s", "calibration_s"))
    return entry if valid else None


def reference_seconds(func: Callable, args: tuple, measure: Callable[[], float]) -> float:
    """The reference's time on `args` here: cached and scaled by this run's calibration, else `measure()`d once
    and cached."""
    path = cache_path()
    key = timing_key(func, args) if path is not None else None
    if key is None:
        return measure()
    fingerprint = machine_fingerprint()
    now = calibration_s()
    entry = _lookup(path, fingerprint, key)
    if entry is not None:
        scale = min(MAX_SCALE, max(MIN_SCALE, now / entry["calibration_s"]))
        return entry["s"] * scale * CACHED_MARGIN
    seconds = measure()
    with contextlib.suppress(OSError):
        _update(path, fingerprint, key, float(seconds), float(now))
    return seconds
