# expect: wrong_answer
# why: parses correctly but computes with floats step by step: 1/10 + 2/10 - 3/10 gives 5.55e-17
#      instead of 0.0, and 100000000000000000001 - 100000000000000000000 gives 0.0 instead of 1.0
OPS = {"+": 1, "-": 1, "*": 2, "/": 2, ":": 2}


def tokens(s):
    i = 0
    while i < len(s):
        ch = s[i]
        if ch in " \t\n\r\f\v":
            i += 1
        elif "0" <= ch <= "9":
            j = i
            while j < len(s) and "0" <= s[j] <= "9":
                j += 1
            yield s[i:j]
            i = j
        elif ch in "+-*/:()":
            yield ch
            i += 1
        else:
            raise ValueError(f"invalid character {ch!r}")


def to_postfix(s):
    out, st = [], []
    prev_operand = False
    for t in tokens(s):
        if t[0].isdigit():
            if prev_operand:
                raise ValueError("two operands in a row")
            out.append(float(t))
            prev_operand = True
        elif t == "(":
            if prev_operand:
                raise ValueError("operand before '('")
            st.append(t)
        elif t == ")":
            if not prev_operand:
                raise ValueError("operator before ')'")
            while st and st[-1] != "(":
                out.append(st.pop())
            if not st:
                raise ValueError("unbalanced ')'")
            st.pop()
        elif t == "-" and not prev_operand:
            st.append("u-")
        else:
            if not prev_operand:
                raise ValueError("missing left operand")
            while st and st[-1] != "(" and (st[-1] == "u-" or OPS[st[-1]] >= OPS[t]):
                out.append(st.pop())
            st.append(t)
            prev_operand = False
    if not prev_operand:
        raise ValueError("incomplete expression")
    while st:
        if st[-1] == "(":
            raise ValueError("unbalanced '('")
        out.append(st.pop())
    return out


def evaluate(expression: str) -> float:
    vals = []
    for t in to_postfix(expression):
        if isinstance(t, float):
            vals.append(t)
        elif t == "u-":
            vals.append(-vals.pop())
        else:
            b = vals.pop()
            a = vals.pop()
            if t == "+":
                vals.append(a + b)
            elif t == "-":
                vals.append(a - b)
            elif t == "*":
                vals.append(a * b)
            elif b == 0:
                raise ZeroDivisionError("division by zero")
            else:
                vals.append(a / b)
    return vals[0]
