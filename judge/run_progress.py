"""The progress of one `judge run`: a line per group as it starts and as it ends, with the time it took.

On a terminal the running group's line is redrawn in place with its elapsed time (so a slow group is told from a
hang); elsewhere (a pipe, a log) it is plain lines, one when a group starts and one when it ends.
"""

from __future__ import annotations

import threading
import time
from typing import TextIO

from judge.reports.text import format_group_line

TICK_S = 0.5


class RunProgress:
    """Receives the runner's group events (`started`, `finished`) and writes them to `stream`."""

    def __init__(self, stream: TextIO, live: bool) -> None:
        self.stream = stream
        self.live = live
        self._lock = threading.Lock()
        self._running: tuple[str, float] | None = None
        self._stop = threading.Event()
        self._ticker: threading.Thread | None = None

    def _write(self, text: str) -> None:
        self.stream.write(text)
        self.stream.flush()

    def _running_line(self) -> str:
        name, since = self._running
        return f"  {name:<14} {'running':<22} {time.monotonic() - since:6.1f} s"

    def started(self, group: object) -> None:
        with self._lock:
            self._running = (group.name, time.monotonic())
            if self.live:
                self._write("\r\x1b[2K" + self._running_line())
            else:
                self._write(f"  {group.name:<14} started\n")
        if self.live and self._ticker is None:
            self._ticker = threading.Thread(target=self._tick, name="judge-run-progress", daemon=True)
            self._ticker.start()

    def finished(self, group: object) -> None:
        with self._lock:
            self._running = None
            self._write(("\r\x1b[2K" if self.live else "") + format_group_line(group) + "\n")

    def _tick(self) -> None:
        while not self._stop.wait(TICK_S):
            with self._lock:
                if self._running is not None:
                    self._write("\r\x1b[2K" + self._running_line())

    def close(self) -> None:
        """Stop redrawing; a line left running (the judging ended inside a group) is ended with a newline."""
        self._stop.set()
        if self._ticker is not None:
            self._ticker.join()
        with self._lock:
            if self._running is not None and self.live:
                self._write("\n")
            self._running = None
