# expect: wrong_answer
# why: recognises digits with str.isdigit(), which is also true for non-ASCII digits: "\u0661\u0662"
#      (Arabic-Indic) or full-width "\uff11\uff12" are read by int() as 12 instead of raising ValueError
from fractions import Fraction

BINDING = {"+": 10, "-": 10, "*": 20, "/": 20, ":": 20, "NEG": 30}


def lex(text):
    pos = 0
    while pos < len(text):
        ch = text[pos]
        if ch.isdigit():
            end = pos
            while end < len(text) and text[end].isdigit():
                end += 1
            yield int(text[pos:end])
            pos = end
        elif ch in " \t\n\r\f\v":
            pos += 1
        elif ch in "+-*/:()":
            yield ch
            pos += 1
        else:
            raise ValueError(f"unexpected character {ch!r} at {pos}")


def evaluate(expression: str) -> float:
    rpn, pending = [], []
    operand_expected = True
    for tok in lex(expression):
        if isinstance(tok, int):
            if not operand_expected:
                raise ValueError("operator expected before a number")
            rpn.append(tok)
            operand_expected = False
        elif operand_expected:
            if tok == "(":
                pending.append("(")
            elif tok == "-":
                pending.append("NEG")
            else:
                raise ValueError(f"operand expected before {tok!r}")
        elif tok == ")":
            while pending and pending[-1] != "(":
                rpn.append(pending.pop())
            if not pending:
                raise ValueError("unmatched ')'")
            pending.pop()
        elif tok == "(":
            raise ValueError("operator expected before '('")
        else:
            while pending and pending[-1] != "(" and BINDING[pending[-1]] >= BINDING[tok]:
                rpn.append(pending.pop())
            pending.append(tok)
            operand_expected = True
    if operand_expected:
        raise ValueError("expression incomplete")
    while pending:
        tok = pending.pop()
        if tok == "(":
            raise ValueError("unmatched '('")
        rpn.append(tok)
    stack = []
    for tok in rpn:
        if isinstance(tok, int):
            stack.append(Fraction(tok))
        elif tok == "NEG":
            stack[-1] = -stack[-1]
        else:
            right = stack.pop()
            left = stack.pop()
            if tok == "+":
                stack.append(left + right)
            elif tok == "-":
                stack.append(left - right)
            elif tok == "*":
                stack.append(left * right)
            elif right == 0:
                raise ZeroDivisionError("division by zero")
            else:
                stack.append(left / right)
    return float(stack.pop())
