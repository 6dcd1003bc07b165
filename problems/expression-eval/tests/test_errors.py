"""Malformed expressions raise ValueError, divisions by zero ZeroDivisionError, malformed ones win."""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from judge.testing import helper

trees = helper(__file__, "trees")
BIG, BIG_PLUS_1 = str(10**20), str(10**20 + 1)

MALFORMED = [
    "", " ", "   ", "\t\n", "(", ")", "()", "(())", ")(", "(1", "1)", "((1)", "(1))", ")1(", "(1+2",
    "1+2)", "(1)(2)", "2(3)", "(2)3", "2 (3)", "1 2", "12 34", "1 - 2 3", "(1 2)", "1+", "1 +", "1-", "1 -",
    "1*", "1/", "1:", "-", "--", "- -", "1--", "+1", "+ 1", "*1", "/1", ":1", "1 + * 2", "1 * * 2", "2**3",
    "1 // 2", "1 :: 2", "1 +- * 2", "(+1)", "(1+)", "(*1)", "-()", "(-)", "2*()", "() + 1", "1 + ()",
    "2^3", "1.5", ".5", "5.", "1,000", "abc", "x", "1e3", "0x10", "2 x 3", "3!", "5 % 2", "1 = 1", "[1]",
    "{1}", "(1]", "1 + a", "π", "1 \u00f7 2", "2 \u00d7 3", "1 \u2212 2", "\u0661\u0662", "\u0663 + 1",
    "\u00b2", "2\u00b2", "\u00bd", "\uff11\uff12", "1\u20082", "1_000", "'1'", "1;", "1 # comment", "\x00", "1\x00",
    # a "(" right after an operand: skipping it instead of refusing it leaves a valid-looking rest
    "1 (+ 2", "2 (* 3", "(1 (- 2)", "4 ( / 2", "5 (",
]
ZERO_DIVISIONS = [
    "1/0", "1:0", "0/0", "0:0", "5 / (3 - 3)", "0 * (1 / 0)", "(1/0) - (1/0)", "2 / -0", "2 / --0",
    "1 / 00", "1 + 2 / (1 - 1) * 0", "1/(1/10 + 2/10 - 3/10)", "1/(1/3 - 1/3)", f"1/({BIG} - {BIG})",
    "7 : (2 * 3 - 6)", "(1 / 0) * 0 + 1", "1/2/0",
]
MALFORMED_AND_ZERO = [
    "1/0 +", "1/0)", "(1/0", "1/0 2", "1/0 ^ 2", "(1:0))", "1 / 0 (2)", "* 1 / 0", "1/0 / ", "0/0 .",
    # two operands in a row, the second one divided by zero: a check left to the end comes too late
    "2 1/0", "(2) 0/0", "1 2:0", "1 + 2 3/0", "(3 1/0)", "4 (0) / 0",
]
WELL_FORMED_BY_EXACT_DIVISOR = [(f"1 / ({BIG_PLUS_1} - {BIG})", Fraction(1)), ("1 / (1/3 + 1/3 + 1/3)", Fraction(1))]


@pytest.mark.parametrize("expression", MALFORMED)
def test_malformed_raises_value_error(check, expression):
    check.error(expression, ValueError)


@pytest.mark.parametrize("expression", ZERO_DIVISIONS)
def test_division_by_zero(check, expression):
    check.error(expression, ZeroDivisionError)


@pytest.mark.parametrize("expression", MALFORMED_AND_ZERO)
def test_malformed_wins_over_division_by_zero(check, expression):
    check.error(expression, ValueError)


@pytest.mark.parametrize(("expression", "exact"), WELL_FORMED_BY_EXACT_DIVISOR)
def test_nonzero_divisor_is_no_error(check, expression, exact):
    check.value(expression, exact)


@given(trees.malformed())
def test_random_malformed(check, text):
    check.error(text, ValueError)


@given(trees.zero_divisions())
def test_random_division_by_zero(check, text):
    check.error(text, ZeroDivisionError)


TOKEN_SOUP = ("1", "2", "0", "10", "7", "+", "-", "-", "*", "/", ":", "(", ")", " ", "(", ")")


@given(st.lists(st.sampled_from(TOKEN_SOUP), min_size=0, max_size=14))
def test_token_soup_matches_reference(check, tokens):
    text = "".join(tokens)
    kind, expected = check.outcome(text)
    if kind == "raises":
        check.error(text, ValueError if expected == "ValueError" else ZeroDivisionError)
    else:
        check.value(text, Fraction(expected))
