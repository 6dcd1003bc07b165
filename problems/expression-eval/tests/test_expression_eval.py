"""Hidden tests of expression-eval: evaluate(expression: str) -> float.

Oracle: random expression trees are generated together with their exact value (fractions.Fraction),
rendered with random spacing and redundant parentheses; hand-written and fuzzed strings are compared
with the reference. A result passes when it is a float within 1e-9 relative of the exact value
(an exact zero must come back as zero). Every test is in one group, by marker.
"""

from __future__ import annotations

import math
from fractions import Fraction

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from judge.testing import expect, fail, measure, scaled_limit

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


# ---------------------------------------------------------------- calling and checking


def _builtin_name(exc: BaseException) -> str:
    for kind in (ZeroDivisionError, ValueError, ArithmeticError, LookupError, TypeError, AttributeError):
        if isinstance(exc, kind):
            return kind.__name__
    return type(exc).__name__


def _call(submission, expression: str, timeout: float | None = None):
    if timeout is None:
        return submission.evaluate(expression)
    return submission.call("evaluate", args=(expression,), timeout=timeout).value


def check_value(submission, expression: str, exact: Fraction, timeout: float | None = None) -> None:
    """The submission returns a float within 1e-9 relative of `exact` (exactly 0.0 for 0)."""
    expected = float(exact)
    try:
        got = _call(submission, expression, timeout)
    except (ValueError, ZeroDivisionError, OverflowError) as exc:
        fail(
            f"raised {_builtin_name(exc)} for a well-formed expression",
            input=expression, expected=expected, got=f"{_builtin_name(exc)}: {exc}",
        )
    expect(
        isinstance(got, float),
        f"the result must be a float, got {type(got).__name__}",
        input=expression, expected=expected, got=got,
    )
    expect(math.isfinite(got), "the result is not finite", input=expression, expected=expected, got=got)
    error = abs(Fraction(got) - exact)
    expect(
        error <= REL_TOL * abs(exact),
        "wrong value" if exact != 0 else "the exact value is 0: the result must be exactly 0.0",
        input=expression, expected=expected, got=got,
    )


def check_raises(submission, expression: str, kind: type) -> None:
    """The submission raises `kind` (ValueError or ZeroDivisionError) and nothing else."""
    try:
        got = submission.evaluate(expression)
    except kind:
        return
    except SUBMISSION_ERRORS as exc:
        fail(
            f"raised {_builtin_name(exc)} instead of {kind.__name__}",
            input=expression, expected=kind.__name__, got=f"{_builtin_name(exc)}: {exc}",
        )
    fail(f"returned a value instead of raising {kind.__name__}", input=expression, expected=kind.__name__,
         got=got)


def outcome(function, expression: str):
    """("value", float) or ("raises", exception name), for the reference (the oracle)."""
    try:
        return "value", function(expression)
    except (ValueError, ZeroDivisionError) as exc:
        return "raises", type(exc).__name__


# ---------------------------------------------------------------- examples (the statement's)

EXAMPLES = [
    ("1 + 2 * 3", Fraction(7)),
    ("(8 - 4 - 2) : 4 / 2", Fraction(1, 4)),
    ("-3 - 2 * -(1 + 1)", Fraction(1)),
    ("1/10 + 2/10 - 3/10", Fraction(0)),
]
EXAMPLE_ERRORS = [("2 ^ 3", ValueError), ("1 +", ValueError), ("1 / (2 - 2)", ZeroDivisionError)]


@pytest.mark.group("examples")
@pytest.mark.parametrize(("expression", "exact"), EXAMPLES)
def test_examples(submission, expression, exact):
    check_value(submission, expression, exact)


@pytest.mark.group("examples")
@pytest.mark.parametrize(("expression", "kind"), EXAMPLE_ERRORS)
def test_example_errors(submission, expression, kind):
    check_raises(submission, expression, kind)


# ---------------------------------------------------------------- properties


@pytest.mark.group("properties")
@given(expressions())
def test_random_expressions(submission, case):
    text, exact = case
    check_value(submission, text, exact)


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


@pytest.mark.group("properties")
@given(same_level_chains())
def test_left_associativity(submission, case):
    text, exact = case
    check_value(submission, text, exact)


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


@pytest.mark.group("properties")
@given(unary_chains())
def test_unary_minus(submission, case):
    text, exact = case
    check_value(submission, text, exact)


# ---------------------------------------------------------------- edge cases

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


@pytest.mark.group("edge-cases")
@pytest.mark.parametrize(("expression", "exact"), EDGE_CASES)
def test_edge_cases(submission, expression, exact):
    check_value(submission, expression, Fraction(exact))


@pytest.mark.group("edge-cases")
def test_intermediate_values_beyond_float_range(submission):
    huge = "1" + "0" * 400
    cases = [
        (f"{huge} / 1{'0' * 399}", Fraction(10)),
        (f"{huge} * {huge} / ({huge} * {huge} * 2)", Fraction(1, 2)),
        (f"1 / {huge} * {huge}", Fraction(1)),
        (f"({huge} + 1) - {huge}", Fraction(1)),
    ]
    for text, exact in cases:
        check_value(submission, text, exact)


@pytest.mark.group("edge-cases")
def test_errors_leave_no_state(submission):
    check_raises(submission, "(1 +", ValueError)
    check_value(submission, "2", Fraction(2))
    check_raises(submission, "1 / 0", ZeroDivisionError)
    check_value(submission, "3 * 3", Fraction(9))
    check_raises(submission, "1 2", ValueError)
    check_value(submission, "(4)", Fraction(4))
    check_value(submission, "(4)", Fraction(4))


# ---------------------------------------------------------------- errors

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


@pytest.mark.group("errors")
@pytest.mark.parametrize("expression", MALFORMED)
def test_malformed_raises_value_error(submission, expression):
    check_raises(submission, expression, ValueError)


@pytest.mark.group("errors")
@pytest.mark.parametrize("expression", ZERO_DIVISIONS)
def test_division_by_zero(submission, expression):
    check_raises(submission, expression, ZeroDivisionError)


@pytest.mark.group("errors")
@pytest.mark.parametrize("expression", MALFORMED_AND_ZERO)
def test_malformed_wins_over_division_by_zero(submission, expression):
    check_raises(submission, expression, ValueError)


@pytest.mark.group("errors")
@pytest.mark.parametrize(("expression", "exact"), WELL_FORMED_BY_EXACT_DIVISOR)
def test_nonzero_divisor_is_no_error(submission, expression, exact):
    check_value(submission, expression, exact)


@pytest.mark.group("errors")
@given(malformed())
def test_random_malformed(submission, text):
    check_raises(submission, text, ValueError)


@pytest.mark.group("errors")
@given(zero_divisions())
def test_random_division_by_zero(submission, text):
    check_raises(submission, text, ZeroDivisionError)


TOKEN_SOUP = ("1", "2", "0", "10", "7", "+", "-", "-", "*", "/", ":", "(", ")", " ", "(", ")")


@pytest.mark.group("errors")
@given(st.lists(st.sampled_from(TOKEN_SOUP), min_size=0, max_size=14))
def test_token_soup_matches_reference(submission, reference, tokens):
    text = "".join(tokens)
    kind, expected = outcome(reference.evaluate, text)
    if kind == "raises":
        check_raises(submission, text, ValueError if expected == "ValueError" else ZeroDivisionError)
    else:
        check_value(submission, text, Fraction(expected))


# ---------------------------------------------------------------- performance: 100,000 tokens


def _flat_expression(rng, token_count: int) -> str:
    """About `token_count` tokens: literals, binary operators and some unary minus, no parentheses."""
    parts = [str(rng.randint(0, 99))]
    count = 1
    while count < token_count:
        op = rng.choice("++--*/:")
        parts.append(rng.choice(("", " ")) + op + rng.choice(("", " ")))
        if rng.random() < 0.1:
            parts.append("-")
            count += 1
        number = rng.randint(1, 12) if op in "/:" else rng.randint(0, 99)
        parts.append(str(number))
        count += 2
    return "".join(parts)


def _grouped_expression(rng, token_count: int) -> str:
    """About `token_count` tokens: small random trees in parentheses joined by + and -."""

    def choose(lo: int, hi: int) -> int:
        return rng.randint(lo, hi)

    parts, count = [], 0
    while count < token_count:
        tree = _build(choose, rng.randint(1, 6), big_literals=False, literal_divisors=True)
        tokens = _tokens(tree, choose)
        parts.append("(" + rng.choice(("", " ")).join(tokens) + ")")
        parts.append(rng.choice(("+", " - ", "-")))
        count += len(tokens) + 3
    parts.pop()
    return "".join(parts)


def _check_timed(submission, reference, text: str, factor: float = 8.0, floor_s: float = 1.5) -> None:
    ref_s = measure(reference.evaluate, text)
    exact = Fraction(reference.evaluate(text))  # the reference's float: exact enough for 1e-9
    limit = scaled_limit(ref_s, factor=factor, floor_s=floor_s)
    expected = float(exact)
    try:
        got = _call(submission, text, timeout=limit)
    except (ValueError, ZeroDivisionError, OverflowError) as exc:
        fail(f"raised {_builtin_name(exc)} for a well-formed expression", input=text,
             expected=expected, got=f"{_builtin_name(exc)}: {exc}")
    expect(isinstance(got, float), f"the result must be a float, got {type(got).__name__}",
           input=text, expected=expected, got=got)
    expect(math.isfinite(got) and abs(Fraction(got) - exact) <= abs(exact) * Fraction(2, 10**9),
           "wrong value", input=text, expected=expected, got=got)


@pytest.mark.group("performance")
def test_flat_100000_tokens(submission, reference, rng):
    _check_timed(submission, reference, _flat_expression(rng, 100_000))


@pytest.mark.group("performance")
def test_grouped_100000_tokens(submission, reference, rng):
    _check_timed(submission, reference, _grouped_expression(rng, 100_000))


# ---------------------------------------------------------------- deep nesting: depth 5,000

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


@pytest.mark.group("deep-nesting")
@pytest.mark.parametrize("case", range(6))
def test_deep_nesting(submission, reference, rng, case):
    text = _deep_cases(rng)[case]
    _check_timed(submission, reference, text, factor=10.0, floor_s=1.0)
