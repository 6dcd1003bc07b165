"""Generated inputs: an ascending permutation of the input, in a new list, the input untouched."""

from __future__ import annotations

import random

from hypothesis import given
from hypothesis import strategies as st

from judge.testing import given_check

# Sizes stay small so that every example is cheap; narrow ranges give many duplicates.
INTS = st.lists(st.integers(), max_size=30)
NARROW_INTS = st.lists(st.integers(min_value=-3, max_value=3), max_size=30)
FLOATS = st.lists(st.floats(allow_nan=False), max_size=30)
NUMBERS = st.lists(st.one_of(st.integers(min_value=-(10**6), max_value=10**6), st.floats(allow_nan=False)), max_size=30)
TEXT = st.lists(st.text(alphabet=st.characters(exclude_categories=("Cs",)), max_size=6), max_size=20)
SMALL_TEXT = st.lists(st.text(alphabet="aAbé\u0301😀 ", max_size=3), max_size=20)
TUPLES = st.lists(st.tuples(st.integers(min_value=-2, max_value=2), st.text(alphabet="ab", max_size=2)), max_size=20)
NESTED = st.lists(st.lists(st.integers(min_value=0, max_value=2), max_size=3).map(tuple), max_size=20)


test_ints = given_check(items=INTS)
test_ints_with_many_duplicates = given_check(items=NARROW_INTS)
test_floats = given_check(items=FLOATS)
test_mixed_ints_and_floats = given_check(items=NUMBERS)
test_unicode_strings = given_check(items=TEXT)
test_strings_with_shared_prefixes = given_check(items=SMALL_TEXT)
test_tuples = given_check(items=TUPLES)
test_tuples_of_different_lengths = given_check(items=NESTED)


@given(size=st.integers(min_value=0, max_value=300), seed=st.integers(min_value=0, max_value=2**32))
def test_longer_random_lists(check, size, seed):
    rng = random.Random(seed)
    items = [rng.randrange(-size - 1, size + 1) for _ in range(size)]
    check(items)
