# expect: accepted
# why: independent solution in the style of the classic "basic calculator": no RPN, a running sum and a
#      running product per parenthesis level (saved on an explicit stack), with exact Fractions;
#      the syntax is checked in a first pass so that a syntax error wins over a division by zero
import re
from fractions import Fraction


def _tokens(expression):
    out = []
    for match in re.finditer(r"[0-9]+|[-+*/:()]|[ \t\n\r\f\v]+|.", expression, flags=re.DOTALL):
        text = match.group()
        if text[0] in "0123456789":
            out.append(int(text))
        elif text in ("+", "-", "*", "/", ":", "(", ")"):
            out.append(text)
        elif text[0] not in " \t\n\r\f\v":  # anything else matched the catch-all "."
            raise ValueError(f"invalid character {text!r} at {match.start()}")
    return out


def _mark_unary(tokens):
    """Check the grammar; return the tokens with each unary minus replaced by "neg"."""
    marked, operand_next, depth = [], True, 0
    for tok in tokens:
        if operand_next:
            if isinstance(tok, int):
                operand_next = False
            elif tok == "-":
                tok = "neg"
            elif tok == "(":
                depth += 1
            else:
                raise ValueError(f"an operand is missing before {tok!r}")
        elif tok == ")":
            if depth == 0:
                raise ValueError("')' without '('")
            depth -= 1
        elif isinstance(tok, int) or tok == "(":
            raise ValueError("an operator is missing")
        else:
            operand_next = True
        marked.append(tok)
    if operand_next:
        raise ValueError("the expression is empty or ends with an operator")
    if depth:
        raise ValueError("'(' without ')'")
    return marked


def evaluate(expression: str) -> float:
    saved = []
    total, term, mulop, sign, negate = Fraction(0), None, None, 1, False
    for tok in _mark_unary(_tokens(expression)):
        if tok == "neg":
            negate = not negate
        elif tok == "(":
            saved.append((total, term, mulop, sign, negate))
            total, term, mulop, sign, negate = Fraction(0), None, None, 1, False
        elif tok in ("+", "-"):
            total += sign * term
            term, sign = None, (1 if tok == "+" else -1)
        elif tok in ("*", "/", ":"):
            mulop = tok
        else:  # an operand: a literal, or ")" closing a level whose value becomes the operand
            if tok == ")":
                value = total + sign * term
                total, term, mulop, sign, negate = saved.pop()
            else:
                value = Fraction(tok)
            if negate:
                value, negate = -value, False
            if mulop is None:
                term = value
            elif mulop == "*":
                term = term * value
            elif value == 0:
                raise ZeroDivisionError("division by zero")
            else:
                term = term / value
            mulop = None
    return float(total + sign * term)
