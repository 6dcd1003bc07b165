# expect: wrong_answer
# why: handles a unary minus as "0 -" pushed without popping the stack: right after a division it
#      swallows the rest of the term, 1/-2*3 is read as 1/(0 - 2*3) = -1/6 instead of -1.5
from fractions import Fraction

LEVEL = {"+": 1, "-": 1, "*": 2, "/": 2, ":": 2}


def tokenize(s):
    toks, i = [], 0
    while i < len(s):
        c = s[i]
        if c in " \t\n\r\f\v":
            i += 1
        elif c in "0123456789":
            j = i
            while j < len(s) and s[j] in "0123456789":
                j += 1
            toks.append(int(s[i:j]))
            i = j
        elif c in "+-*/:()":
            toks.append(c)
            i += 1
        else:
            raise ValueError(f"unexpected {c!r}")
    return toks


def evaluate(expression: str) -> float:
    toks = tokenize(expression)
    # validation pass
    want, depth = "operand", 0
    for t in toks:
        if want == "operand":
            if isinstance(t, int):
                want = "operator"
            elif t == "(":
                depth += 1
            elif t != "-":
                raise ValueError("operand expected")
        elif isinstance(t, int) or t == "(":
            raise ValueError("operator expected")
        elif t == ")":
            depth -= 1
            if depth < 0:
                raise ValueError("unbalanced")
        else:
            want = "operand"
    if want == "operand" or depth:
        raise ValueError("incomplete")
    # shunting-yard, unary minus as "0 -"
    out, ops, prev_operand = [], [], False
    for t in toks:
        if isinstance(t, int):
            out.append(Fraction(t))
            prev_operand = True
        elif t == "(":
            ops.append(t)
            prev_operand = False
        elif t == ")":
            while ops[-1] != "(":
                out.append(ops.pop())
            ops.pop()
            prev_operand = True
        else:
            if t == "-" and not prev_operand:
                out.append(Fraction(0))
            while ops and ops[-1] != "(" and LEVEL[ops[-1]] >= LEVEL[t]:
                if t == "-" and not prev_operand:
                    break
                out.append(ops.pop())
            ops.append(t)
            prev_operand = False
    while ops:
        out.append(ops.pop())
    st = []
    for t in out:
        if isinstance(t, Fraction):
            st.append(t)
            continue
        b, a = st.pop(), st.pop()
        if t == "+":
            st.append(a + b)
        elif t == "-":
            st.append(a - b)
        elif t == "*":
            st.append(a * b)
        elif b == 0:
            raise ZeroDivisionError("division by zero")
        else:
            st.append(a / b)
    return float(st[0])
