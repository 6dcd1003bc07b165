"""The progress of a long batch (`judge grade`, `judge audit`): done / total, what failed so far, an ETA.

On a terminal it is one line redrawn in place; in a log (no terminal, or $CI set) it is plain lines: one per
result, or with `plain_steps` about that many over the whole batch, so a log of a thousand mutants stays short.
Callers say what one result means (`advance`) and how the line reads (`show`); the counting and the drawing are
here.
"""

from __future__ import annotations

import os
import sys
import time
from typing import TextIO

import click

BAR_WIDTH = 24


def duration(seconds: float) -> str:
    """`42s`, `3m07s`."""
    seconds = round(seconds)
    return f"{seconds // 60}m{seconds % 60:02d}s" if seconds >= 60 else f"{seconds}s"


class Progress:
    """Counts results and draws a progress line on `stream` (stderr by default)."""

    def __init__(self, total: int, stream: TextIO | None = None, live: bool | None = None,
                 plain_steps: int | None = None) -> None:
        self.total = total
        self.done = 0
        self.failed = 0
        self.started = time.monotonic()
        self.stream = stream or sys.stderr
        interactive = hasattr(self.stream, "isatty") and self.stream.isatty() and not os.environ.get("CI")
        self.live = interactive if live is None else live
        self.plain_steps = plain_steps
        self._step = -1
        self._open = False  # a live line is drawn and not ended yet

    def advance(self, failed: bool = False) -> None:
        """One more result (a failure when `failed`)."""
        self.done += 1
        self.failed += failed

    def eta(self) -> str:
        """The time left at the pace so far; `-` before the first result and after the last."""
        if not self.done or self.done >= self.total:
            return "-"
        return duration((time.monotonic() - self.started) / self.done * (self.total - self.done))

    def bar(self, width: int = BAR_WIDTH) -> str:
        filled = int(width * self.done / max(1, self.total))
        return "#" * filled + "." * (width - filled)

    def show(self, line: str, plain: str | None = None) -> None:
        """Redraw `line` on a terminal; in a log write `plain` (default: `line`) as a line of its own."""
        if self.live:
            self.stream.write(f"\r\033[K{line}")
            self._open = self.done < self.total
            if not self._open:
                self.stream.write("\n")
            self.stream.flush()
            return
        if self.plain_steps and self.done < self.total:
            step = self.done // max(1, self.total // self.plain_steps)
            if step == self._step:
                return
            self._step = step
        click.echo(line if plain is None else plain, file=self.stream)

    def close(self) -> None:
        """End a live line the batch left unfinished (it stopped early), so what follows starts on its own line."""
        if self._open:
            self.stream.write("\n")
            self.stream.flush()
            self._open = False
