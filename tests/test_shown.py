"""Hostile values never crash the judge: `judge.testing.shown` renders anything shortly, the checks built on it
(the report's fields, messages of the hidden tests, the cache checks) fail with a verdict, not an exception."""

from __future__ import annotations

import importlib.util
import json
import random
import sys

import numpy as np
import pytest
from conftest import REPO

from judge import render
from judge.numeric import check_plain_cache, expect_unchanged, first_difference
from judge.submission import describe_call, worker_text
from judge.testing import ComplexityExceeded, Shown, WrongAnswer, expect_close, expect_equal, fail, shown, too_slow

HUGE = 10 ** (10**6)


@pytest.fixture
def unlimited_int_str():
    """str() of any int, to check the digits `shown` finds without it."""
    old = sys.get_int_max_str_digits()
    sys.set_int_max_str_digits(0)
    yield
    sys.set_int_max_str_digits(old)


def _expected_big(n: int) -> str:
    digits = str(abs(n))
    return f"<int of {len(digits):,} digits: {'-' if n < 0 else ''}{digits[:4]}...{digits[-4:]}>"


def test_an_int_too_large_for_str_is_shown_by_size_and_end_digits(unlimited_int_str) -> None:
    assert shown(HUGE) == "<int of 1,000,001 digits: 1000...0000>"
    assert shown(-HUGE + 1) == "<int of 1,000,000 digits: -9999...9999>"


@pytest.mark.parametrize("exponent", [400, 4301, 54_321])
def test_digits_are_exact_next_to_powers_of_ten(unlimited_int_str, exponent: int) -> None:
    power = 10**exponent
    for n in (power - 1, power, power + 1, 2 * power - 1, 9999 * power, 99999 * power, -power):
        assert shown(n) == _expected_big(n)


def test_digits_are_exact_for_random_ints(unlimited_int_str) -> None:
    rng = random.Random(12)
    for _ in range(200):
        n = rng.getrandbits(rng.randrange(1001, 60_000)) | 1 << 1000
        assert shown(n) == _expected_big(n)


def test_small_ints_are_shown_exactly() -> None:
    assert shown(12345) == "12345"
    assert shown(-(10**300)) == str(-(10**300))
    assert shown(10**302) == "<int of 303 digits: 1000...0000>"


def test_when_exact_digits_would_cost_too_much_they_are_marked_approximate(monkeypatch) -> None:
    monkeypatch.setattr(render, "EXACT_POWER_BITS", 0)
    assert shown(HUGE) == "<int of about 1,000,001 digits: 1000...0000>"


def test_a_list_of_huge_ints_is_cut_to_the_limit_and_says_how_long_it_was() -> None:
    text = shown([HUGE] * 10**6 + [1], limit=300)
    assert len(text) <= 300
    assert text.startswith("[<int of 1,000,001 digits: 1000...0000>, ")
    assert text.endswith("... [list of 1,000,001 items]")


def _nested(depth: int) -> list:
    nested: list = []
    for _ in range(depth):
        nested = [nested]
    return nested


def test_deep_nesting_stops_at_the_depth_cap() -> None:
    nested = _nested(100_000)
    assert shown(nested) == "[" * render.MAX_DEPTH + "<list of 1 item>" + "]" * render.MAX_DEPTH


def test_a_container_that_holds_itself_is_shown_once() -> None:
    items: list = [1]
    items.append(items)
    mapping: dict = {}
    mapping["me"] = mapping
    assert shown(items) == "[1, [...]]"
    assert shown(mapping) == "{'me': {...}}"


def test_enormous_strings_and_bytes_show_their_start_and_length() -> None:
    text = shown("x" * 50_000_000)
    assert text.startswith("'xxx") and text.endswith("'... (50,000,000 characters)") and len(text) <= 500
    data = shown(b"\0" * 10**7)
    assert data.startswith("b'\\x00") and data.endswith("... (10,000,000 bytes)") and len(data) <= 500


def test_plain_values_look_like_python() -> None:
    value = {"a": (1,), "b": [None, 2.5, True], "c": set(), "d": frozenset({3}), "e": b"z", "f": 1j}
    assert shown(value) == "{'a': (1,), 'b': [None, 2.5, True], 'c': set(), 'd': frozenset({3}), 'e': b'z', 'f': 1j}"


def test_big_arrays_are_an_excerpt_with_shape_and_dtype() -> None:
    wide = shown(np.zeros((2,) * 26, dtype=np.uint8))
    assert wide.startswith("array(2, 2,") and "uint8, 67,108,864 entries, starting [0, 0," in wide
    assert len(wide) <= 500
    square = shown(np.arange(1_000_000.0).reshape(1000, 1000))
    assert square.startswith("array(1000, 1000) float64: [[") and "..." in square and len(square) <= 500


def test_a_value_whose_repr_raises_is_named_not_raised() -> None:
    class Unprintable:
        def __repr__(self) -> str:
            raise RuntimeError("no")

    assert shown([Unprintable()]) == "[<test_a_value_whose_repr_raises_is_named_not_raised.<locals>.Unprintable " \
                                     "that cannot be shown: RuntimeError>]"


def test_shown_text_stays_as_it_is_and_lone_surrogates_are_escaped() -> None:
    assert shown(Shown("200,000 random ints")) == "200,000 random ints"
    assert shown({"x": shown([1, 2])}) == "{'x': [1, 2]}"
    assert shown("\ud800") == "'\\ud800'"
    assert shown(Shown("a\ud800")) == "a\\ud800"
    assert render.printable("b\udc80c") == "b\\udc80c"
    json.dumps(shown(Shown("\ud800")), ensure_ascii=False).encode("utf-8")


def test_report_fields_of_a_failed_check_never_raise() -> None:
    with pytest.raises(WrongAnswer) as info:
        fail("wrong", input=[HUGE], expected="x" * 10**7, got={"deep": _nested(16)})
    assert "<int of 1,000,001 digits" in info.value.failing_input
    assert len(info.value.expected) <= 500 and "<list of 1 item>" in info.value.got
    with pytest.raises(WrongAnswer):
        expect_close(HUGE, 1.0)
    with pytest.raises(WrongAnswer):
        expect_equal([HUGE], [1])
    with pytest.raises(ComplexityExceeded) as slow:
        too_slow("too slow", input=Shown("200,000 random ints"))
    assert slow.value.call == "200,000 random ints"


def test_text_from_the_worker_is_made_printable_and_calls_are_described_shortly() -> None:
    assert worker_text("bad \ud800") == "bad \\ud800"
    assert worker_text(HUGE) == "<int of 1,000,001 digits: 1000...0000>"
    described = describe_call("two_layer_backward", (np.zeros(3), (np.ones(2), HUGE)), {"flag": "y" * 10**6})
    assert described.startswith("two_layer_backward(array(3,) float64: [0. 0. 0.], (array(2,) float64")
    assert len(described) < 1000


# -- caches: plain data nested to any depth ---------------------------------------------------------------

def _layer_caches() -> tuple:
    x, w, b = np.ones((2, 3)), np.ones((3, 4)), np.zeros(4)
    return ((x, w, b), x @ w + b, (np.maximum(x @ w, 0), np.ones((4, 1)), np.zeros(1)))


def test_a_cache_of_per_layer_caches_is_plain_data() -> None:
    check_plain_cache(_layer_caches())
    check_plain_cache({"fc": [np.zeros(2), 3, 2.5, True, "relu", None, 1j], "bn": {"eps": 1e-5, "mode": "train"}})
    check_plain_cache(())


@pytest.mark.parametrize(
    ("cache", "where"),
    [
        ((np.zeros(2), (1, 2, {3}), 4), "cache[1][2] is set"),
        (((np.zeros(1), b"raw"),), "cache[0][1] is bytes"),
        ({"fc": [1, frozenset()]}, "cache['fc'][1] is frozenset"),
        ({(1, 2): 3}, "cache has a key of type tuple"),
    ],
)
def test_a_cache_outside_the_convention_is_a_wrong_answer_naming_the_item(cache: object, where: str) -> None:
    with pytest.raises(WrongAnswer, match=r"must be plain data") as info:
        check_plain_cache(cache)
    assert where in str(info.value)


def test_the_cache_walk_has_a_depth_cap_and_no_recursion() -> None:
    nested = _nested(5000)
    check_plain_cache(nested, max_depth=10_000)
    with pytest.raises(WrongAnswer, match="nested more than 2000 levels deep"):
        check_plain_cache(nested)


def test_a_change_deep_inside_a_cache_is_named_by_its_path() -> None:
    before = _layer_caches()
    after = tuple(tuple(a.copy() for a in part) if isinstance(part, tuple) else part.copy() for part in before)
    assert first_difference(before, after) is None
    expect_unchanged(before, after, what="cache")
    after[0][2][1] = 7.0
    assert first_difference(before, after) == ("[0][2]", "changed at index (1,): was 0.0, is now 7.0")
    with pytest.raises(WrongAnswer, match=r"modified its cache in place \(cache\[0\]\[2\] changed at index"):
        expect_unchanged(before, after, what="cache")


@pytest.mark.parametrize(
    ("after", "detail"),
    [
        (({"a": [1, 2]}, 2.0), "[1] was int, is now float"),
        (({"a": [1, 3]}, 2), "[0]['a'][1] was 2, is now 3"),
        (({"a": [1]}, 2), "[0]['a'] was [1, 2], is now [1]"),
        (({"b": [1, 2]}, 2), "[0] was {'a': [1, 2]}, is now {'b': [1, 2]}"),
    ],
)
def test_first_difference_of_plain_values(after: tuple, detail: str) -> None:
    path, what = first_difference(({"a": [1, 2]}, 2), after)
    assert f"{path} {what}" == detail


def test_nan_equals_nan_when_looking_for_changes() -> None:
    assert first_difference((np.array([np.nan, 1.0]), float("nan")), (np.array([np.nan, 1.0]), float("nan"))) is None
    assert first_difference(np.array([np.nan, 1.0]), np.array([np.nan, 2.0]))[1].startswith("changed at index (1,)")


# -- the sorting problem's checks, given the values of the hostile suite ---------------------------------

def _sorting_checks():
    path = REPO / "problems" / "sorting" / "tests" / "conftest.py"
    spec = importlib.util.spec_from_file_location("sorting_hidden_conftest", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("make", [
    lambda items: [HUGE] * len(items) + [1],
    lambda items: [HUGE + 1, *items[1:], HUGE],
    lambda items: "x" * 10**7,
    lambda items: [*items[:-1], _nested(20)],
], ids=["huge-int-list", "huge-int-permutation", "big-string", "nested-item"])
def test_sorting_checks_fail_with_a_wrong_answer_on_hostile_results(make) -> None:
    checks = _sorting_checks()
    items = list(range(1000, 0, -1))
    with pytest.raises(WrongAnswer) as info:
        checks.check_result(make(items), items, sorted(items))
    json.dumps([str(info.value), info.value.got, info.value.expected], ensure_ascii=False).encode("utf-8")
