# expect: wrong_answer
# why: classic two-stack evaluator that computes while it scans: in "1/0 +" or "1/0)" it divides by zero
#      before it reaches the syntax error, raising ZeroDivisionError where ValueError is required
from fractions import Fraction

PREC = {"+": 1, "-": 1, "*": 2, "/": 2, ":": 2}


def _apply(nums, ops):
    op = ops.pop()
    if op == "u":
        nums.append(-nums.pop())
        return
    b = nums.pop()
    a = nums.pop()
    if op == "+":
        nums.append(a + b)
    elif op == "-":
        nums.append(a - b)
    elif op == "*":
        nums.append(a * b)
    else:
        if b == 0:
            raise ZeroDivisionError("division by zero")
        nums.append(a / b)


def evaluate(expression: str) -> float:
    nums, ops = [], []
    need_operand = True
    i, n = 0, len(expression)
    while i < n:
        c = expression[i]
        if c in " \t\n\r\f\v":
            i += 1
            continue
        if "0" <= c <= "9":
            j = i
            while j < n and "0" <= expression[j] <= "9":
                j += 1
            if not need_operand:
                raise ValueError("missing operator")
            nums.append(Fraction(int(expression[i:j])))
            need_operand = False
            i = j
            continue
        if need_operand:
            if c == "(":
                ops.append(c)
            elif c == "-":
                ops.append("u")
            else:
                raise ValueError(f"unexpected {c!r}")
        elif c == ")":
            while ops and ops[-1] != "(":
                _apply(nums, ops)
            if not ops:
                raise ValueError("unbalanced ')'")
            ops.pop()
        elif c in PREC:
            while ops and ops[-1] != "(" and (ops[-1] == "u" or PREC[ops[-1]] >= PREC[c]):
                _apply(nums, ops)
            ops.append(c)
            need_operand = True
        else:
            raise ValueError(f"unexpected {c!r}")
        i += 1
    if need_operand:
        raise ValueError("incomplete expression")
    while ops:
        if ops[-1] == "(":
            raise ValueError("unbalanced '('")
        _apply(nums, ops)
    return float(nums[0])
