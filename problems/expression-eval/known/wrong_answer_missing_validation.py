# expect: wrong_answer
# why: rejects unknown characters and unbalanced parentheses but never checks that operands and
#      operators alternate: "1 2" returns 2.0 and a dangling operator ("1 +", "* 2") crashes with
#      IndexError instead of raising ValueError
from fractions import Fraction

PRIORITY = {"+": 1, "-": 1, "*": 2, "/": 2, ":": 2, "~": 3}


def evaluate(expression: str) -> float:
    output = []
    stack = []
    prev = None
    depth = 0
    i = 0
    n = len(expression)
    while i < n:
        ch = expression[i]
        if ch in " \t\n\r\f\v":
            i += 1
            continue
        if ch in "0123456789":
            j = i
            while j < n and expression[j] in "0123456789":
                j += 1
            output.append(Fraction(int(expression[i:j])))
            prev = "num"
            i = j
            continue
        if ch == "(":
            depth += 1
            stack.append(ch)
        elif ch == ")":
            depth -= 1
            if depth < 0:
                raise ValueError("unbalanced parentheses")
            while stack[-1] != "(":
                output.append(stack.pop())
            stack.pop()
        elif ch in PRIORITY:
            if ch == "-" and prev in (None, "(", "op"):
                stack.append("~")
            else:
                while stack and stack[-1] != "(" and PRIORITY[stack[-1]] >= PRIORITY[ch]:
                    output.append(stack.pop())
                stack.append(ch)
            prev = "op"
            i += 1
            continue
        else:
            raise ValueError(f"unknown character {ch!r}")
        prev = ch
        i += 1
    if depth != 0:
        raise ValueError("unbalanced parentheses")
    if not output:
        raise ValueError("empty expression")
    while stack:
        output.append(stack.pop())
    values = []
    for tok in output:
        if isinstance(tok, Fraction):
            values.append(tok)
        elif tok == "~":
            values.append(-values.pop())
        else:
            b = values.pop()
            a = values.pop()
            if tok == "+":
                values.append(a + b)
            elif tok == "-":
                values.append(a - b)
            elif tok == "*":
                values.append(a * b)
            elif b == 0:
                raise ZeroDivisionError("division by zero")
            else:
                values.append(a / b)
    return float(values[-1])
