"""`judge run` shows its progress while it works: a line per group as it starts and ends (redrawn in place on a
terminal, plain lines in a pipe), and with --json nothing but the document on stdout."""

from __future__ import annotations

import json
import os
import pty
import re
import subprocess
import sys
from pathlib import Path

from conftest import REPO

from judge.problems import get_problem

GROUPS = [g.name for g in get_problem("sorting").groups]
ARGS = ["--sandbox", "process", "--max-examples", "5", "--seed", "11"]


def solution(tmp_path: Path) -> str:
    path = tmp_path / "sorting.py"
    path.write_text((REPO / "solutions" / "sorting.py").read_text(encoding="utf-8"), encoding="utf-8")
    return str(path)


def end_line(group: str) -> re.Pattern:
    return re.compile(rf"^  {re.escape(group)} +ok +\d+\.\d\d s$", re.MULTILINE)


def test_plain_lines_arrive_while_the_run_goes_on(tmp_path: Path) -> None:
    proc = subprocess.Popen([sys.executable, "-m", "judge", "run", "sorting", solution(tmp_path), *ARGS],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    seen, running = [], False
    for line in proc.stderr:
        seen.append(line.rstrip("\n"))
        if end_line("examples").match(seen[-1]):
            running = proc.poll() is None  # the later groups still run: the line was not held back
            break
    _, rest = proc.communicate(timeout=600)
    assert running, seen
    assert proc.returncode == 0, rest
    assert seen[-2:] == ["  examples       started", seen[-1]]
    assert "\r" not in "".join(seen) + rest and "\x1b" not in "".join(seen) + rest


def test_every_group_starts_and_ends_in_order(tmp_path: Path) -> None:
    result = subprocess.run([sys.executable, "-m", "judge", "run", "sorting", solution(tmp_path), *ARGS],
                            capture_output=True, text=True, timeout=600)
    events = [(line.split()[0], "start" if line.endswith(" started") else "end")
              for line in result.stderr.splitlines() if line.startswith("  ")]
    assert events == [(g, kind) for g in GROUPS for kind in ("start", "end")], result.stderr
    assert all(end_line(g).search(result.stderr) for g in GROUPS)


def test_json_outside_a_terminal_prints_only_the_document(tmp_path: Path) -> None:
    result = subprocess.run([sys.executable, "-m", "judge", "run", "sorting", solution(tmp_path), *ARGS,
                             "--group", "examples", "--json"], capture_output=True, text=True, timeout=600)
    assert json.loads(result.stdout)["verdict"] == "accepted"
    assert "examples" not in result.stderr


def run_on_terminal(args: list[str], stdout_too: bool) -> tuple[str, str]:
    """Run `judge` with stderr (and stdout when `stdout_too`) on a pseudo-terminal; (stdout, terminal text)."""
    master, slave = pty.openpty()
    proc = subprocess.Popen([sys.executable, "-m", "judge", *args], stdin=subprocess.DEVNULL, stderr=slave,
                            stdout=slave if stdout_too else subprocess.PIPE, env={**os.environ, "TERM": "xterm"})
    os.close(slave)
    chunks = []
    while True:
        try:
            data = os.read(master, 4096)
        except OSError:  # the terminal closed: the process is gone
            break
        if not data:
            break
        chunks.append(data)
    stdout = proc.stdout.read().decode() if proc.stdout else ""
    proc.wait(timeout=600)
    os.close(master)
    return stdout, b"".join(chunks).decode(errors="replace")


def test_a_terminal_redraws_the_running_group(tmp_path: Path) -> None:
    _, shown = run_on_terminal(["run", "sorting", solution(tmp_path), *ARGS, "--group", "examples",
                                "--group", "performance"], stdout_too=True)
    assert re.search(r"\r\x1b\[2K  performance +running +\d+\.\d s", shown), shown
    lines = [line.rsplit("\x1b[2K", 1)[-1] for line in shown.replace("\r\n", "\n").split("\n")]
    assert any(end_line("examples").match(line) for line in lines)
    assert any(end_line("performance").match(line) for line in lines)


def test_json_on_a_terminal_keeps_progress_on_stderr(tmp_path: Path) -> None:
    stdout, shown = run_on_terminal(["run", "sorting", solution(tmp_path), *ARGS, "--group", "examples", "--json"],
                                    stdout_too=False)
    assert json.loads(stdout)["verdict"] == "accepted"
    assert "running" in shown and "examples" in shown
