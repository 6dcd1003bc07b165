"""`judge doctor` proves each usable backend against the probes a hostile submission would try."""

from __future__ import annotations

import json
import subprocess
import sys

from judge.doctor import check_backend
from judge.sandbox import BACKENDS


def test_usable_backend_passes_every_check(backend: str) -> None:
    checks = check_backend(backend)
    expected = {"starts", "network off", "memory limit", "time limit", "CPU limit", "process limit", "start-up time"}
    assert {c.name for c in checks} >= expected
    assert all(c.ok for c in checks), [c for c in checks if not c.ok]
    startup = next(c for c in checks if c.name == "start-up time")
    assert startup.ms is not None and 0 < startup.ms < 30_000


def test_doctor_command_reports_the_chosen_backend() -> None:
    result = subprocess.run([sys.executable, "-m", "judge", "doctor", "--json"], capture_output=True, text=True,
                            timeout=300)
    report = json.loads(result.stdout)
    assert report["auto"] in BACKENDS
    timed = [row for row in report["checks"] if row["check"] == "start-up time"]
    assert timed and all(isinstance(row["ms"], float) for row in timed if row["ok"])
    assert result.returncode == 0, report
