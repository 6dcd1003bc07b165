"""Expression evaluation: the exact value of an arithmetic expression, as a float.

Reference solution: a one-pass tokenizer that also checks the syntax with a two-state
machine (expecting an operand / expecting an operator), turning the tokens into reverse
Polish notation with the shunting-yard algorithm; the RPN is then evaluated with exact
rational arithmetic (``fractions.Fraction``) and rounded to a float once, at the end.
Nothing recurses, so the nesting depth is bounded only by memory; every token is pushed
and popped at most once, so the time is linear in the length of the expression
(plus the cost of the big-number arithmetic).
"""

from __future__ import annotations

from fractions import Fraction

_DIGITS = frozenset("0123456789")
_SPACES = frozenset(" \t\n\r\f\v")
_BINARY = {"+": 1, "-": 1, "*": 2, "/": 2, ":": 2}
_NEGATE = "neg"  # the unary minus in the RPN; it binds tighter than every binary operator
_NEGATE_PRECEDENCE = 3


def evaluate(expression: str) -> float:
    """Return the value of the arithmetic ``expression`` as a float.

    The expression is made of non-negative decimal integer literals (ASCII digits
    ``0``-``9``, any number of them, leading zeros allowed), the binary operators
    ``+``, ``-``, ``*``, ``/`` and ``:`` (a synonym of ``/``, true division), the unary
    minus, and parentheses. Whitespace (space, tab, newline, carriage return, form feed,
    vertical tab) may appear anywhere between tokens, never inside a literal.

    ``*`` and ``/`` bind tighter than ``+`` and ``-``; binary operators of the same level
    associate to the left (``8/4/2`` is 1, ``8-4-2`` is 2). A unary minus negates the
    operand that follows it: a literal, a parenthesised expression or another unary minus
    (``-3-2`` is -5, ``2*-3`` is -6, ``--3`` is 3, ``-(1+2)`` is -3). There is no unary plus.

    The result is the exact rational value of the expression rounded to a float (within
    1e-9 relative; an exact zero must come back as 0.0), and always a ``float``:
    ``evaluate("1 + 2")`` returns ``3.0``. Every sub-expression is evaluated.

    Raises ``ValueError`` if the expression is malformed: empty or only whitespace,
    unbalanced or empty parentheses, an operator without an operand, two operands without
    an operator, or any other character. A malformed expression raises ``ValueError``
    even if it also divides by zero. Raises ``ZeroDivisionError`` if a well-formed
    expression divides by a sub-expression whose exact value is 0.

    ``eval``, ``exec``, ``compile`` (``re.compile`` included) and ``ast`` may not be used.
    Expressions may have 100,000 tokens and parentheses nested 5,000 deep.
    """
    return float(_evaluate_rpn(_to_rpn(expression)))


def _to_rpn(expression: str) -> list:
    """Tokenize and check ``expression``; return it in reverse Polish notation.

    The RPN holds ``int`` literals, binary operator characters and ``_NEGATE``.
    Raises ``ValueError`` on any syntax error.
    """
    output: list = []
    operators: list[str] = []  # pending operators and "(" markers
    expect_operand = True
    i, n = 0, len(expression)
    while i < n:
        char = expression[i]
        if char in _SPACES:
            i += 1
            continue
        if char in _DIGITS:
            start = i
            while i < n and expression[i] in _DIGITS:
                i += 1
            if not expect_operand:
                raise ValueError(f"missing operator before the number at position {start}")
            output.append(int(expression[start:i]))
            expect_operand = False
            continue
        if expect_operand:
            if char == "(":
                operators.append(char)
            elif char == "-":
                operators.append(_NEGATE)
            elif char in _BINARY or char == ")":
                raise ValueError(f"missing operand before {char!r} at position {i}")
            else:
                raise ValueError(f"unexpected character {char!r} at position {i}")
        elif char in _BINARY:
            precedence = _BINARY[char]
            while operators and operators[-1] != "(" and _precedence(operators[-1]) >= precedence:
                output.append(operators.pop())
            operators.append(char)
            expect_operand = True
        elif char == ")":
            while operators and operators[-1] != "(":
                output.append(operators.pop())
            if not operators:
                raise ValueError(f"unbalanced ')' at position {i}")
            operators.pop()
        elif char == "(":
            raise ValueError(f"missing operator before '(' at position {i}")
        else:
            raise ValueError(f"unexpected character {char!r} at position {i}")
        i += 1
    if expect_operand:
        raise ValueError("the expression is empty or ends with an operator")
    while operators:
        operator = operators.pop()
        if operator == "(":
            raise ValueError("unbalanced '('")
        output.append(operator)
    return output


def _precedence(operator: str) -> int:
    """Binding strength of an operator on the stack (higher binds tighter)."""
    return _NEGATE_PRECEDENCE if operator == _NEGATE else _BINARY[operator]


def _evaluate_rpn(rpn: list) -> Fraction:
    """Evaluate a well-formed RPN exactly. Raises ``ZeroDivisionError`` on a zero divisor."""
    stack: list[Fraction] = []
    push, pop = stack.append, stack.pop
    for token in rpn:
        if isinstance(token, int):
            push(Fraction(token))
        elif token == _NEGATE:
            push(-pop())
        else:
            right = pop()
            left = pop()
            if token == "+":
                push(left + right)
            elif token == "-":
                push(left - right)
            elif token == "*":
                push(left * right)
            elif right == 0:
                raise ZeroDivisionError("division by zero")
            else:
                push(left / right)
    (value,) = stack
    return value
