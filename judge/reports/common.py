"""What every report format shares: visible escapes for unprintable characters, truncation, verdict labels.

The texts in a report come from hostile submissions. Each writer escapes them with the same function (only the
set of characters its format cannot hold differs: XML 1.0, a Markdown table) and cuts them the same way, with a
marker counted in the limit. Nothing of the judge is imported here, so `judge.verdict` truncates its JSON form
with the same `truncate`.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from judge.verdict import Failure, GroupResult, Verdict

SHOWN_CHARS = 500
ELLIPSIS = "..."
# control characters, DEL, C1 controls and lone surrogates: shown as escapes, never written raw
CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff]")


def truncate(text: str | None, limit: int = SHOWN_CHARS, note: str = ELLIPSIS) -> str | None:
    """`text` in at most `limit` characters, `note` (counted in them) where it was cut; None stays None."""
    if text is None:
        return None
    text = str(text)
    return text if len(text) <= limit else text[: limit - len(note)] + note


def one_line(text: object) -> str:
    """`text` on one line: every run of whitespace, newlines included, becomes one space."""
    return " ".join(str(text).split())


def _escape(match: re.Match) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def escape_unprintable(text: object, unprintable: re.Pattern = CONTROL) -> str:
    """`text` with every character `unprintable` matches written as a visible escape (`\\x1b`, `\\udc80`)."""
    return unprintable.sub(_escape, str(text))


def label(verdict: Verdict) -> str:
    """`wrong answer`: a verdict in words."""
    return verdict.value.replace("_", " ")


def title(verdict: Verdict) -> str:
    """`WRONG ANSWER`: a verdict as the heading of a report."""
    return label(verdict).upper()


def failure_text(failure: Failure | None, fallback: str = "") -> str:
    """What a person needs to reproduce a failing group: the test, the message, input, expected, got."""
    if failure is None:
        return fallback
    lines = [f"test: {failure.test}"] if failure.test else []
    lines.append(failure.message or fallback)
    for name, value in (("failing input", failure.failing_input), ("expected", failure.expected),
                        ("got", failure.got)):
        if value is not None:
            lines.append(f"{name}: {value}")
    return "\n".join(lines)


def group_text(group: GroupResult, report_message: str | None) -> str:
    """A failing group for a person: its verdict in words, then what reproduces it (or the report's message)."""
    return f"{label(group.verdict)}\n" + failure_text(group.failure, report_message or "")
