"""Random well-formed expressions, chains of one precedence level, runs of unary minus."""

from __future__ import annotations

from fractions import Fraction

from hypothesis import given
from hypothesis import strategies as st

from judge.testing import helper

trees = helper(__file__, "trees")
SPACING, BINARY_OPS, _apply = trees.SPACING, trees.BINARY_OPS, trees._apply

@given(trees.expressions())
def test_random_expressions(check, case):
    text, exact = case
    check.value(text, exact)


@st.composite
def same_level_chains(draw):
    """a op b op c ... with operators of one precedence level: left associativity decides the value."""
    level = draw(st.sampled_from(["+-", "*/:"]))
    count = draw(st.integers(3, 10))
    numbers = [draw(st.integers(1 if level == "*/:" else 0, 30)) for _ in range(count)]
    ops = [draw(st.sampled_from(level)) for _ in range(count - 1)]
    text = str(numbers[0])
    value = Fraction(numbers[0])
    for op, number in zip(ops, numbers[1:], strict=True):
        text += draw(st.sampled_from(SPACING)) + op + draw(st.sampled_from(SPACING)) + str(number)
        value = _apply(op, value, Fraction(number))
    return text, value


@given(same_level_chains())
def test_left_associativity(check, case):
    text, exact = case
    check.value(text, exact)


@st.composite
def unary_chains(draw):
    """Operands preceded by runs of unary minus, next to binary operators of both levels."""
    count = draw(st.integers(1, 6))
    text, value = "", None
    pending = None
    for _ in range(count):
        number = draw(st.integers(1, 20))
        minuses = draw(st.integers(0, 4))
        spacing = draw(st.sampled_from(SPACING))
        operand = (spacing + "-") * minuses + spacing + str(number)
        operand_value = Fraction(number) * (-1) ** minuses
        if draw(st.booleans()):
            operand = "-" * minuses + "(" + str(number) + ")"
        if value is None:
            text, value, terms = operand, operand_value, []
        else:
            text += " " + pending + operand
            terms.append((pending, operand_value))
        pending = draw(st.sampled_from(BINARY_OPS))
    # exact value with the usual precedence: fold * / first, then + - from the left
    sums, current = [], value
    for op, operand_value in terms:
        if op in "+-":
            sums.append(current)
            current = operand_value if op == "+" else -operand_value
        else:
            current = _apply(op, current, operand_value)
    sums.append(current)
    return text, sum(sums, Fraction(0))


@given(unary_chains())
def test_unary_minus(check, case):
    text, exact = case
    check.value(text, exact)
