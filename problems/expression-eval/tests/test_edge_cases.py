"""Hand-picked expressions: spacing, unary minus, precedence, exact arithmetic, huge intermediate values."""

from __future__ import annotations

from fractions import Fraction

import pytest

BIG = str(10**20)
BIG_PLUS_1 = str(10**20 + 1)
BIG_PLUS_3 = str(10**20 + 3)
EDGE_CASES = [
    # one literal, leading zeros, spacing, redundant parentheses
    ("0", 0), ("7", 7), ("007", 7), ("00", 0), ("  42  ", 42), ("\t5\n", 5), ("(5)", 5), ("((((5))))", 5),
    ("( ( 5 ) )", 5), ("1+2", 3), (" 1 +\t2\n", 3), ("1\n*\n2", 2),
    # unary minus: binds to the operand that follows it, repeats, after any binary operator
    ("-0", 0), ("-5", -5), ("--3", 3), ("---3", -3), ("- - 3", 3), ("-(2)", -2), ("(-3)", -3),
    ("-(-(2))", 2), ("-(1+2)", -3), ("-3-2", -5), ("-3 - -2", -1), ("2*-3", -6), ("-2*3", -6),
    ("-2*-3", 6), ("2--3", 5), ("2- - -3", -1), ("2/-4", Fraction(-1, 2)), ("-2:4", Fraction(-1, 2)),
    ("1-(-1)", 2), ("-(3)-(2)", -5), ("-1+2", 1), ("10 - -2 * 3", 16), ("1/-2*3", Fraction(-3, 2)),
    ("8:-2*2", -8), ("12/-3/2", -2), ("1 - -2 - 3", 0), ("2*-3+1", -5),
    # precedence and left associativity
    ("8/4/2", 1), ("8-4-2", 2), ("8:4:2", 1), ("8/4:2", 1), ("8/2*4", 16), ("2*3/4*5", Fraction(15, 2)),
    ("1-2+3", 2), ("1-2-3-4", -8), ("2+3*4-5", 9), ("(2+3)*(4-5)", -5), ("2*(3+4)*5", 70),
    ("100/10/5/2", 1), ("1:2:2", Fraction(1, 4)), ("6:3", 2),
    # exact arithmetic: results that floating point computed step by step would get wrong
    (f"{BIG_PLUS_1} - {BIG}", 1), (f"({BIG} + 1) - {BIG}", 1), ("1/10 + 2/10 - 3/10", 0),
    ("1/3 + 1/3 + 1/3 - 1", 0), ("(1/10 + 2/10) * 10 - 3", 0), ("1/49*49 - 1", 0),
    (f"{BIG_PLUS_3} - {BIG} - 2", 1), ("2/3 - 4/6", 0),
    # large literals and tiny results
    ("123456789012345678901234567890 * 2", 246913578024691357802469135780),
    ("1/1000000000000000000000000000000", Fraction(1, 10**30)),
    ("999999999999999999999999999999 / 3", 333333333333333333333333333333),
    ("1/3", Fraction(1, 3)), ("2/3", Fraction(2, 3)), ("-1/7", Fraction(-1, 7)),
]


@pytest.mark.parametrize(("expression", "exact"), EDGE_CASES)
def test_edge_cases(check, expression, exact):
    check.value(expression, Fraction(exact))


def test_intermediate_values_beyond_float_range(check):
    huge = "1" + "0" * 400
    cases = [
        (f"{huge} / 1{'0' * 399}", Fraction(10)),
        (f"{huge} * {huge} / ({huge} * {huge} * 2)", Fraction(1, 2)),
        (f"1 / {huge} * {huge}", Fraction(1)),
        (f"({huge} + 1) - {huge}", Fraction(1)),
    ]
    for text, exact in cases:
        check.value(text, exact)


def test_errors_leave_no_state(check):
    check.error("(1 +", ValueError)
    check.value("2", Fraction(2))
    check.error("1 / 0", ZeroDivisionError)
    check.value("3 * 3", Fraction(9))
    check.error("1 2", ValueError)
    check.value("(4)", Fraction(4))
    check.value("(4)", Fraction(4))
