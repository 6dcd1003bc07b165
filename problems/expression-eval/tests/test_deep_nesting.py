"""Parentheses and unary minus nested 5,000 deep, timed against the reference (10x, at least 1 s)."""

from __future__ import annotations

import pytest

DEPTH = 5_000


def _deep_cases(rng) -> list[str]:
    """Six expressions whose parentheses (or unary minus signs) nest DEPTH deep."""
    spaced = "".join(rng.choice(("(", "( ", " (")) for _ in range(DEPTH)) + "7" + ")" * DEPTH
    negated = "-(" * DEPTH + "3" + ")" * DEPTH
    minuses = "".join(rng.choice(("-", "- ", " -")) for _ in range(DEPTH + 1)) + "2"
    right_nested = "".join(f"{k % 10}-(" for k in range(DEPTH)) + "1" + ")" * DEPTH
    left_ops = ("+1)", "-2)", "*1)", "/1)", ":1)", "*2)", "/2)", "- -3)")
    left_nested = "(" * DEPTH + "1" + "".join(rng.choice(left_ops) for _ in range(DEPTH))
    levels = (
        ("({k}+", ")"), ("({k} - ", ")"), ("(-", "*1)"), ("(", "+{k})"), ("(", "-{k})"), ("(", ":1)"),
        ("(2*", "/2)"), ("(-1*", ")"), ("(- ", " - -{k})"), ("( ", " )"),
    )
    prefixes, suffixes = [], []
    for _ in range(DEPTH):
        prefix, suffix = rng.choice(levels)
        digit = rng.randint(0, 9)
        prefixes.append(prefix.format(k=digit))
        suffixes.append(suffix.format(k=digit))
    mixed = "".join(prefixes) + "5" + "".join(reversed(suffixes))
    return [spaced, negated, minuses, right_nested, left_nested, mixed]


@pytest.mark.parametrize("case", range(6))
def test_deep_nesting(check, rng, case):
    text = _deep_cases(rng)[case]
    check.timed(text, factor=10.0, floor_s=1.0)
