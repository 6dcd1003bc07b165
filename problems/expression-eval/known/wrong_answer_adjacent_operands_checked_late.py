# expect: wrong_answer
# why: checks the syntax while it builds the RPN, except two operands in a row ("1 2"): those are caught
#      only after evaluating, from the count left on the value stack, so "2 1/0" has divided by zero by
#      then and raises ZeroDivisionError instead of ValueError (found by `judge audit`)
from fractions import Fraction

LEVEL = {"+": 1, "-": 1, "*": 2, "/": 2, ":": 2}


def _apply(values, op):
    if op == "neg":
        values.append(-values.pop())
        return
    right = values.pop()
    left = values.pop()
    if op == "+":
        values.append(left + right)
    elif op == "-":
        values.append(left - right)
    elif op == "*":
        values.append(left * right)
    elif right == 0:
        raise ZeroDivisionError("division by zero")
    else:
        values.append(left / right)


def _level(op):
    return 3 if op == "neg" else LEVEL[op]


def evaluate(expression: str) -> float:
    rpn, ops = [], []
    want_operand = True
    i, n = 0, len(expression)
    while i < n:
        ch = expression[i]
        if ch in " \t\n\r\f\v":
            i += 1
            continue
        if ch in "0123456789":
            j = i
            while j < n and expression[j] in "0123456789":
                j += 1
            rpn.append(Fraction(int(expression[i:j])))
            want_operand = False
            i = j
            continue
        if want_operand:
            if ch == "(":
                ops.append(ch)
            elif ch == "-":
                ops.append("neg")
            else:
                raise ValueError(f"operand expected at {i}")
        elif ch in LEVEL:
            while ops and ops[-1] != "(" and _level(ops[-1]) >= LEVEL[ch]:
                rpn.append(ops.pop())
            ops.append(ch)
            want_operand = True
        elif ch == ")":
            while ops and ops[-1] != "(":
                rpn.append(ops.pop())
            if not ops:
                raise ValueError("unbalanced )")
            ops.pop()
        else:
            raise ValueError(f"unexpected {ch!r} at {i}")
        i += 1
    if want_operand:
        raise ValueError("incomplete expression")
    while ops:
        op = ops.pop()
        if op == "(":
            raise ValueError("unbalanced (")
        rpn.append(op)
    values = []
    for token in rpn:
        if isinstance(token, Fraction):
            values.append(token)
        else:
            _apply(values, token)
    if len(values) != 1:
        raise ValueError("two operands without an operator")
    return float(values[0])
