# expect: wrong_answer
# why: deletes all whitespace before tokenizing, which glues literals together: "1 2" becomes 12 and
#      "1 - 2 3" becomes -22 instead of raising ValueError
from fractions import Fraction

RANK = {"+": 0, "-": 0, "*": 1, "/": 1, ":": 1}


def evaluate(expression: str) -> float:
    text = expression
    for ws in " \t\n\r\f\v":
        text = text.replace(ws, "")
    if not text:
        raise ValueError("empty expression")
    values, ops = [], []
    expecting_value = True

    def collapse():
        op = ops.pop()
        if op == "u-":
            values[-1] = -values[-1]
            return
        rhs = values.pop()
        lhs = values.pop()
        if op == "+":
            values.append(lhs + rhs)
        elif op == "-":
            values.append(lhs - rhs)
        elif op == "*":
            values.append(lhs * rhs)
        elif rhs == 0:
            raise ZeroDivisionError("division by zero")
        else:
            values.append(lhs / rhs)

    # first pass: syntax only
    depth = 0
    for i, ch in enumerate(text):
        if ch in "0123456789":
            if not expecting_value and not (i > 0 and text[i - 1] in "0123456789"):
                raise ValueError("missing operator")
            expecting_value = False
        elif ch == "(":
            if not expecting_value:
                raise ValueError("missing operator")
            depth += 1
        elif ch == ")":
            if expecting_value or depth == 0:
                raise ValueError("bad ')'")
            depth -= 1
        elif ch in RANK:
            if expecting_value and ch != "-":
                raise ValueError("missing operand")
            expecting_value = True
        else:
            raise ValueError(f"bad character {ch!r}")
    if expecting_value or depth:
        raise ValueError("incomplete")
    # second pass: evaluate
    i, expecting_value = 0, True
    while i < len(text):
        ch = text[i]
        if ch in "0123456789":
            j = i
            while j < len(text) and text[j] in "0123456789":
                j += 1
            values.append(Fraction(int(text[i:j])))
            expecting_value = False
            i = j
            continue
        if ch == "(":
            ops.append(ch)
        elif ch == ")":
            while ops[-1] != "(":
                collapse()
            ops.pop()
        elif expecting_value:  # unary minus
            ops.append("u-")
        else:
            while ops and ops[-1] != "(" and (ops[-1] == "u-" or RANK[ops[-1]] >= RANK[ch]):
                collapse()
            ops.append(ch)
            expecting_value = True
        i += 1
    while ops:
        collapse()
    return float(values[0])
