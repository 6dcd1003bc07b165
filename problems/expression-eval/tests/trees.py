"""Random expressions for the hidden tests of expression-eval, with their exact values (fractions.Fraction).

A helper module, not a test file: the groups' test files load it with `judge.testing.helper(__file__,
"trees")`, since hypothesis needs the strategies when a test is defined (a fixture comes too late).
"""

from __future__ import annotations

from fractions import Fraction

from hypothesis import assume
from hypothesis import strategies as st

REL_TOL = Fraction(1, 10**9)
BINARY_OPS = "+-*/:"
PRECEDENCE = {"+": 1, "-": 1, "*": 2, "/": 2, ":": 2}
SPACING = ("", " ", "", "  ", "\t", "\n", " ")
# Characters that are never part of a well-formed expression (some look like digits or operators).
BAD_CHARS = (
    "^", ".", "x", "a", "e", "E", "_", ",", "=", "!", "%", "#", "[", "]", "{", "}", "'", '"', ";", "&",
    "é", "\u0661", "\u00b2", "\u00bd", "\uff11", "\u2212", "\u00f7", "\u00d7",
)
# Built-in exception families a submission may raise instead of the documented one.
SUBMISSION_ERRORS = (ValueError, ArithmeticError, LookupError, TypeError, AttributeError)


# ---------------------------------------------------------------- trees, values and rendering
# A node is ("num", text, value) | ("neg", child, value) | ("bin", op, left, right, value).


def _value(node) -> Fraction:
    return node[-1]


def _build(choose, leaves: int, big_literals: bool = True, literal_divisors: bool = False):
    """A random tree with `leaves` literals; `choose(lo, hi)` draws an int. No zero divisor.

    With `literal_divisors`, only literals from 1 to 12 divide (denominators stay small).
    """
    if leaves == 1:
        kind = choose(0, 9)
        if kind <= 5:
            number = choose(0, 12)
            text = str(number)
        elif kind <= 7 or not big_literals:
            number = choose(0, 10**6)
            text = str(number)
        elif kind == 8:
            number = choose(10**29, 10**30 - 1)
            text = str(number)
        else:
            number = choose(0, 99)
            text = "0" * choose(1, 3) + str(number)
        node = ("num", text, Fraction(number))
    else:
        split = choose(1, leaves - 1)
        left = _build(choose, split, big_literals, literal_divisors)
        right = _build(choose, leaves - split, big_literals, literal_divisors)
        op = BINARY_OPS[choose(0, 4)]
        if literal_divisors and op in "/:" and not (right[0] == "num" and 1 <= _value(right) <= 12):
            op = "+-*"[choose(0, 2)]
        if op in "/:" and _value(right) == 0:
            op = "+-*"[choose(0, 2)]
        node = ("bin", op, left, right, _apply(op, _value(left), _value(right)))
    for _ in range((0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 2, 3)[choose(0, 16)]):
        node = ("neg", node, -_value(node))
    return node


def _apply(op: str, left: Fraction, right: Fraction) -> Fraction:
    if op == "+":
        return left + right
    if op == "-":
        return left - right
    if op == "*":
        return left * right
    return left / right  # callers make sure right != 0


def _tokens(node, choose) -> list[str]:
    """Render a tree as a token list: minimal parentheses plus random redundant ones."""
    kind = node[0]
    if kind == "num":
        tokens = [node[1]]
    elif kind == "neg":
        child = node[1]
        tokens = ["-", *_wrapped(child, choose, needed=child[0] == "bin")]
    else:
        op, left, right = node[1], node[2], node[3]
        left_needed = left[0] == "bin" and PRECEDENCE[left[1]] < PRECEDENCE[op]
        right_needed = right[0] == "bin" and PRECEDENCE[right[1]] <= PRECEDENCE[op]
        tokens = [*_wrapped(left, choose, left_needed), op, *_wrapped(right, choose, right_needed)]
    return tokens


def _wrapped(node, choose, needed: bool) -> list[str]:
    tokens = _tokens(node, choose)
    extra = choose(0, 15)  # 0-12: as needed, 13-14: one redundant pair, 15: two redundant pairs
    pairs = int(needed) + (0 if extra <= 12 else 1 if extra <= 14 else 2)
    return ["("] * pairs + tokens + [")"] * pairs


def _render(node, choose, top_level_parens: bool = True) -> str:
    tokens = _tokens(node, choose)
    if top_level_parens and choose(0, 9) == 9:
        tokens = ["(", *tokens, ")"]
    style = choose(0, 2)  # 0: no whitespace, 1: a space between tokens, 2: random whitespace
    if style < 2:
        return " "[:style].join(tokens)
    parts = [SPACING[choose(0, len(SPACING) - 1)]]
    for token in tokens:
        parts.append(token)
        parts.append(SPACING[choose(0, len(SPACING) - 1)])
    return "".join(parts)


def _in_float_range(value: Fraction) -> bool:
    return value == 0 or Fraction(1, 10**300) < abs(value) < 10**300


@st.composite
def expressions(draw, max_leaves: int = 12):
    """(text, exact value) of a random well-formed expression without division by zero."""

    def choose(lo: int, hi: int) -> int:
        return draw(st.integers(lo, hi))

    tree = _build(choose, choose(1, max_leaves))
    assume(_in_float_range(_value(tree)))
    return _render(tree, choose), _value(tree)


@st.composite
def zero_divisions(draw):
    """A well-formed expression that divides by a sub-expression whose exact value is 0."""

    def choose(lo: int, hi: int) -> int:
        return draw(st.integers(lo, hi))

    zero_kind = choose(0, 3)
    if zero_kind == 0:
        zero = ("num", "0" * choose(1, 3), Fraction(0))
    else:
        inner = _build(choose, choose(1, 4), big_literals=zero_kind != 1)
        if zero_kind == 3:
            zero = ("bin", "*", ("num", "0", Fraction(0)), inner, Fraction(0))
        else:  # x - x, the two sides rendered independently
            zero = ("bin", "-", inner, inner, Fraction(0))
    if choose(0, 1):
        zero = ("neg", zero, Fraction(0))
    numerator = _build(choose, choose(1, 3))
    division = ("bin", "/:"[choose(0, 1)], numerator, zero, Fraction(0))  # value unused below
    text = "(" + _render(division, choose, top_level_parens=False) + ")"
    shape = choose(0, 2)
    if shape:
        other = _render(_build(choose, choose(1, 4)), choose)
        op = BINARY_OPS[choose(0, 4)]
        text = f"{other} {op} {text}" if shape == 1 else f"{text} {op} ({other})"
    return text


@st.composite
def malformed(draw):
    """A malformed expression (some of them would also divide by zero if they were well formed)."""

    def choose(lo: int, hi: int) -> int:
        return draw(st.integers(lo, hi))

    text = draw(zero_divisions()) if choose(0, 3) == 0 else draw(expressions(max_leaves=6))[0]
    mutation = choose(0, 6)
    if mutation == 0:  # drop one parenthesis: the counts no longer match
        if "(" not in text:
            text = "(" + text + ")"
        positions = [i for i, c in enumerate(text) if c in "()"]
        drop = positions[choose(0, len(positions) - 1)]
        text = text[:drop] + text[drop + 1 :]
    elif mutation == 1:  # dangling operator at the end
        text = text + SPACING[choose(0, 2)] + BINARY_OPS[choose(0, 4)] + SPACING[choose(0, 2)]
    elif mutation == 2:  # binary operator (or unary plus) without a left operand
        text = "*/:+"[choose(0, 3)] + SPACING[choose(0, 2)] + text
    elif mutation == 3:  # a character that is never valid, anywhere (also inside a literal)
        position = choose(0, len(text))
        text = text[:position] + BAD_CHARS[choose(0, len(BAD_CHARS) - 1)] + text[position:]
    elif mutation == 4:  # an operand after a complete expression
        text = text + SPACING[choose(0, 2)] + ("(7)", "()", "(-1)")[choose(0, 2)]
        if choose(0, 1):
            text = text + " " + str(choose(0, 9))
    elif mutation == 5:  # an operator inside empty parentheses or a doubled binary operator
        position = [i for i, c in enumerate(text) if c in BINARY_OPS and c != "-"]
        if position:
            at = position[choose(0, len(position) - 1)]
            text = text[: at + 1] + "*/:+"[choose(0, 3)] + text[at + 1 :]
        else:
            text = text + " * ()"
    else:  # an operand glued before a complete parenthesised expression
        text = str(choose(0, 99)) + SPACING[choose(0, 2)] + "(" + text + ")"
    return text
