# expect: wrong_answer
# why: returns an int when the value is a whole number (evaluate("1 + 2 * 3") gives 7, not 7.0), but
#      the result must always be a float
from fractions import Fraction


def evaluate(expression: str) -> float:
    tokens = []
    i = 0
    while i < len(expression):
        ch = expression[i]
        if ch in " \t\n\r\f\v":
            i += 1
        elif ch in "0123456789":
            start = i
            while i < len(expression) and expression[i] in "0123456789":
                i += 1
            tokens.append(Fraction(int(expression[start:i])))
        elif ch in "+-*/:()":
            tokens.append(ch)
            i += 1
        else:
            raise ValueError("bad character " + repr(ch))
    prec = {"+": 1, "-": 1, "*": 2, "/": 2, ":": 2, "neg": 3}
    out, stack, operand = [], [], True
    for t in tokens:
        if isinstance(t, Fraction):
            if not operand:
                raise ValueError("missing operator")
            out.append(t)
            operand = False
        elif operand and t == "(":
            stack.append(t)
        elif operand and t == "-":
            stack.append("neg")
        elif operand:
            raise ValueError("missing operand")
        elif t == ")":
            while stack and stack[-1] != "(":
                out.append(stack.pop())
            if not stack:
                raise ValueError("unbalanced")
            stack.pop()
        elif t == "(":
            raise ValueError("missing operator")
        else:
            while stack and stack[-1] != "(" and prec[stack[-1]] >= prec[t]:
                out.append(stack.pop())
            stack.append(t)
            operand = True
    if operand:
        raise ValueError("incomplete")
    while stack:
        if stack[-1] == "(":
            raise ValueError("unbalanced")
        out.append(stack.pop())
    vals = []
    for t in out:
        if isinstance(t, Fraction):
            vals.append(t)
        elif t == "neg":
            vals.append(-vals.pop())
        else:
            b, a = vals.pop(), vals.pop()
            if t in "/:" and b == 0:
                raise ZeroDivisionError("division by zero")
            vals.append(a + b if t == "+" else a - b if t == "-" else a * b if t == "*" else a / b)
    value = vals[0]
    if value.denominator == 1:
        return int(value)
    return float(value)
