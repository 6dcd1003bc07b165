# expect: wrong_answer
# why: does not know the ":" division synonym and rejects it as an unknown character (ValueError)
from fractions import Fraction

PREC = {"+": 1, "-": 1, "*": 2, "/": 2, "neg": 3}


def evaluate(expression: str) -> float:
    output, stack = [], []
    expect_operand = True
    i = 0
    while i < len(expression):
        c = expression[i]
        if c in " \t\n\r\f\v":
            i += 1
            continue
        if c in "0123456789":
            j = i
            while j < len(expression) and expression[j] in "0123456789":
                j += 1
            if not expect_operand:
                raise ValueError("missing operator")
            output.append(Fraction(int(expression[i:j])))
            expect_operand = False
            i = j
            continue
        if expect_operand:
            if c == "(":
                stack.append(c)
            elif c == "-":
                stack.append("neg")
            else:
                raise ValueError("unexpected " + repr(c))
        elif c in "+-*/":
            while stack and stack[-1] != "(" and PREC[stack[-1]] >= PREC[c]:
                output.append(stack.pop())
            stack.append(c)
            expect_operand = True
        elif c == ")":
            while stack and stack[-1] != "(":
                output.append(stack.pop())
            if not stack:
                raise ValueError("unbalanced")
            stack.pop()
        else:
            raise ValueError("unexpected " + repr(c))
        i += 1
    if expect_operand:
        raise ValueError("incomplete")
    while stack:
        op = stack.pop()
        if op == "(":
            raise ValueError("unbalanced")
        output.append(op)
    values = []
    for tok in output:
        if isinstance(tok, Fraction):
            values.append(tok)
        elif tok == "neg":
            values.append(-values.pop())
        else:
            b, a = values.pop(), values.pop()
            if tok == "+":
                values.append(a + b)
            elif tok == "-":
                values.append(a - b)
            elif tok == "*":
                values.append(a * b)
            else:
                if b == 0:
                    raise ZeroDivisionError("division by zero")
                values.append(a / b)
    return float(values[0])
