"""The generic `examples` group: every example of the problem's examples.toml, judged by its `check` fixture.

The harness collects this module as the problem's `tests/test_examples.py` (so the problem's conftest and its
`check` fixture apply) and parametrizes `example`; no problem writes its own.
"""

from __future__ import annotations


def test_example(check, example):
    check.example(example)
