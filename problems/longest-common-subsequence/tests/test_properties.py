"""Generated inputs: the result must be a common subsequence as long as the reference's."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from judge.testing import TimeLimit, given_check, reference_time

# Small alphabets give many matches and many ties; sizes stay small so that every example is cheap.
BINARY = st.text(alphabet="ab", max_size=12)
SMALL = st.text(alphabet="abcd", max_size=12)
MIXED = st.text(alphabet="aAé\u0301😀😁\U0001d538 \x00中", max_size=9)
ANY_CHAR = st.characters(exclude_categories=("Cs",))
ANY = st.text(alphabet=ANY_CHAR, max_size=8)


test_binary_alphabet = given_check(a=BINARY, b=BINARY)
test_small_alphabet = given_check(a=SMALL, b=SMALL)
test_unicode_mix = given_check(a=MIXED, b=MIXED)
test_any_unicode = given_check(a=ANY, b=ANY)


@st.composite
def related_pair(draw):
    """b is a with some characters deleted, some replaced and some inserted: a long LCS."""
    alphabet = draw(st.sampled_from(["abc", "xyz😀", "ab😀😁é"]))
    a = draw(st.text(alphabet=alphabet, max_size=12))
    b = []
    for char in a:
        action = draw(st.sampled_from(["keep", "keep", "drop", "replace", "insert"]))
        if action == "keep":
            b.append(char)
        elif action == "replace":
            b.append(draw(st.sampled_from(alphabet)))
        elif action == "insert":
            b.extend([draw(st.sampled_from(alphabet)), char])
    b = "".join(b)
    if draw(st.booleans()):
        a, b = b, a
    return a, b


@given(pair=related_pair())
def test_related_strings(check, pair):
    a, b = pair
    check(a, b)


@given(a=SMALL, b=SMALL)
def test_argument_order(submission, reference, check, a, b):
    """Swapping the arguments changes which LCS may be returned but never its length."""
    got = submission.longest_common_subsequence(b, a)
    check.result(got, reference.longest_common_subsequence(a, b), b, a)


def test_medium_random(submission, reference, check, rng):
    """Strings of a few dozen characters (an exponential search cannot finish them)."""
    alphabets = ["ab", "acgt", "abcdefghij", "😀😁😂🤣", "αβγ中文😀 "]
    cases = []
    for k in range(24):
        alphabet = alphabets[k % len(alphabets)]
        a = "".join(rng.choice(alphabet) for _ in range(rng.randint(20, 60)))
        b = "".join(rng.choice(alphabet) for _ in range(rng.randint(20, 60)))
        cases.append((a, b))
    ref_s = sum(reference_time(reference.longest_common_subsequence, a, b) for a, b in cases)
    limit = TimeLimit(ref_s, factor=50.0, floor_s=3.0)
    for a, b in cases:
        res = limit.call(submission, "longest_common_subsequence", (a, b), what="strings of 20-60 characters")
        check.result(res.value, reference.longest_common_subsequence(a, b), a, b)
