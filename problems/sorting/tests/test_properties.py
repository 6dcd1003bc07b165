"""Generated inputs: an ascending permutation of the input, in a new list, the input untouched."""

from __future__ import annotations

import random

from hypothesis import given
from hypothesis import strategies as st

# Sizes stay small so that every example is cheap; narrow ranges give many duplicates.
INTS = st.lists(st.integers(), max_size=30)
NARROW_INTS = st.lists(st.integers(min_value=-3, max_value=3), max_size=30)
FLOATS = st.lists(st.floats(allow_nan=False), max_size=30)
NUMBERS = st.lists(st.one_of(st.integers(min_value=-(10**6), max_value=10**6), st.floats(allow_nan=False)), max_size=30)
TEXT = st.lists(st.text(alphabet=st.characters(exclude_categories=("Cs",)), max_size=6), max_size=20)
SMALL_TEXT = st.lists(st.text(alphabet="aAbé\u0301😀 ", max_size=3), max_size=20)
TUPLES = st.lists(st.tuples(st.integers(min_value=-2, max_value=2), st.text(alphabet="ab", max_size=2)), max_size=20)
NESTED = st.lists(st.lists(st.integers(min_value=0, max_value=2), max_size=3).map(tuple), max_size=20)


@given(items=INTS)
def test_ints(check, items):
    check(items)


@given(items=NARROW_INTS)
def test_ints_with_many_duplicates(check, items):
    check(items)


@given(items=FLOATS)
def test_floats(check, items):
    check(items)


@given(items=NUMBERS)
def test_mixed_ints_and_floats(check, items):
    check(items)


@given(items=TEXT)
def test_unicode_strings(check, items):
    check(items)


@given(items=SMALL_TEXT)
def test_strings_with_shared_prefixes(check, items):
    check(items)


@given(items=TUPLES)
def test_tuples(check, items):
    check(items)


@given(items=NESTED)
def test_tuples_of_different_lengths(check, items):
    check(items)


@given(size=st.integers(min_value=0, max_value=300), seed=st.integers(min_value=0, max_value=2**32))
def test_longer_random_lists(check, size, seed):
    rng = random.Random(seed)
    items = [rng.randrange(-size - 1, size + 1) for _ in range(size)]
    check(items)
