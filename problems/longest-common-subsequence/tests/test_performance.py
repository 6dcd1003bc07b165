"""Two strings of 2,000 characters, timed against the reference on the same machine."""

from __future__ import annotations

import pytest

from judge.testing import timed_call

SIZE = 2000
# A generous multiple of the reference: any O(mn) dynamic program in plain Python passes, even one keeping its
# table in a dict keyed by (i, j) (about 13x the reference); exponential and cubic algorithms are out by far more.
FACTOR = 25.0
FLOOR_S = 3.0


def _random_text(rng, alphabet, size=SIZE):
    return "".join(rng.choice(alphabet) for _ in range(size))


def _mutated(rng, text, alphabet, rate=0.1):
    out = []
    for char in text:
        roll = rng.random()
        if roll < rate / 3:
            continue  # deleted
        if roll < 2 * rate / 3:
            out.append(rng.choice(alphabet))  # replaced
        elif roll < rate:
            out.extend((rng.choice(alphabet), char))  # inserted before
        else:
            out.append(char)
    return "".join(out)[:SIZE]


def _timed_check(submission, reference, check, a, b):
    answers = []  # the reference's answer, kept from the timed runs (each run takes a while)

    def run_reference(a, b):
        answers.append(reference.longest_common_subsequence(a, b))

    res = timed_call(submission, reference, "longest_common_subsequence", (a, b), factor=FACTOR, floor_s=FLOOR_S,
                     what=f"strings of {len(a):,} and {len(b):,} characters", repeat=2, oracle=run_reference)
    check.result(res.value, answers[0] if answers else reference.longest_common_subsequence(a, b), a, b)


LARGE_ALPHABET = [chr(c) for c in range(0x4E00, 0x4E00 + 500)] + [chr(c) for c in range(0x1F300, 0x1F300 + 500)]


@pytest.mark.parametrize(
    "alphabet",
    [
        pytest.param("ab", id="binary"),
        pytest.param("😀😁😂🤣", id="four-emoji"),
        pytest.param(LARGE_ALPHABET, id="large-alphabet"),
    ],
)
def test_random_strings(submission, reference, check, rng, alphabet):
    _timed_check(submission, reference, check, _random_text(rng, alphabet), _random_text(rng, alphabet))


def test_similar_strings(submission, reference, check, rng):
    """b is a with 10% edits: the LCS is about 1,800 characters long."""
    alphabet = "abcdefghijklmnopqrstuvwxyzé😀"
    a = _random_text(rng, alphabet)
    _timed_check(submission, reference, check, a, _mutated(rng, a, alphabet))
