# expect: time_limit_exceeded
# why: evaluates by rewriting the token list: finds the innermost parentheses, then the first * or /,
#      then the first + or -, computes it and splices the result back, rescanning from the start each
#      time: O(n^2) on an expression of 100,000 tokens
from fractions import Fraction


def tokenize(text):
    toks = []
    i = 0
    while i < len(text):
        c = text[i]
        if c in " \t\n\r\f\v":
            i += 1
            continue
        if c in "0123456789":
            j = i
            while j < len(text) and text[j] in "0123456789":
                j += 1
            toks.append(Fraction(int(text[i:j])))
            i = j
            continue
        if c not in "+-*/:()":
            raise ValueError("bad character")
        toks.append("/" if c == ":" else c)
        i += 1
    return toks


def validate(toks):
    """Mark unary minus as 'neg' and check the grammar."""
    out, operand_next, depth = [], True, 0
    for t in toks:
        if operand_next:
            if isinstance(t, Fraction):
                operand_next = False
            elif t == "(":
                depth += 1
            elif t == "-":
                t = "neg"
            else:
                raise ValueError("operand expected")
        elif isinstance(t, Fraction) or t == "(":
            raise ValueError("operator expected")
        elif t == ")":
            depth -= 1
            if depth < 0:
                raise ValueError("unbalanced")
        else:
            operand_next = True
        out.append(t)
    if operand_next or depth:
        raise ValueError("incomplete")
    return out


def reduce_flat(toks):
    """Evaluate a parenthesis-free token list in place."""
    # unary minus, right to left
    i = len(toks) - 1
    while i >= 0:
        if toks[i] == "neg":
            toks[i : i + 2] = [-toks[i + 1]]
        i -= 1
    for ops in (("*", "/"), ("+", "-")):
        while True:
            k = next((k for k, t in enumerate(toks) if isinstance(t, str) and t in ops), None)
            if k is None:
                break
            a, op, b = toks[k - 1], toks[k], toks[k + 1]
            if op == "+":
                r = a + b
            elif op == "-":
                r = a - b
            elif op == "*":
                r = a * b
            else:
                if b == 0:
                    raise ZeroDivisionError("division by zero")
                r = a / b
            toks[k - 1 : k + 2] = [r]
    return toks[0]


def evaluate(expression: str) -> float:
    toks = validate(tokenize(expression))
    while ")" in toks:
        close = toks.index(")")
        open_ = close - 1
        while toks[open_] != "(":
            open_ -= 1
        value = reduce_flat(toks[open_ + 1 : close])
        toks[open_ : close + 1] = [value]
    return float(reduce_flat(toks))
