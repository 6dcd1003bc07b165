# expect: accepted
# why: independent solution: a regex tokenizer, a separate grammar check, then a two-stack evaluator on
#      exact (numerator, denominator) integer pairs, with runs of unary minus folded into one sign
import re
from math import gcd

TOKEN = r"\s*(?:(\d+)|([-+*/:()])|(\S))"
RANK = {"+": 1, "-": 1, "*": 2, "/": 2, ":": 2}


def tokenize(text):
    tokens = []
    # every character is either ASCII whitespace or starts a match: nothing is skipped silently
    for m in re.finditer(TOKEN, text, flags=re.ASCII):
        number, symbol, other = m.groups()
        if other is not None:
            raise ValueError("bad character " + repr(other))
        if number is not None:
            tokens.append(int(number))
        elif symbol is not None:
            tokens.append(symbol)
    return tokens


def check_grammar(tokens):
    """Operand/operator alternation and balanced parentheses; unary minus becomes 'u'."""
    out = []
    want_operand = True
    depth = 0
    for tok in tokens:
        if want_operand:
            if isinstance(tok, int):
                want_operand = False
                out.append(tok)
            elif tok == "(":
                depth += 1
                out.append(tok)
            elif tok == "-":
                out.append("u")
            else:
                raise ValueError("expected an operand")
        else:
            if isinstance(tok, int) or tok == "(":
                raise ValueError("expected an operator")
            if tok == ")":
                depth -= 1
                if depth < 0:
                    raise ValueError("too many ')'")
            else:
                want_operand = True
            out.append(tok)
    if want_operand or depth:
        raise ValueError("incomplete expression")
    return out


def norm(n, d):
    if d < 0:
        n, d = -n, -d
    g = gcd(n, d)
    return (n // g, d // g) if g > 1 else (n, d)


def apply(op, a, b):
    an, ad = a
    bn, bd = b
    if op == "+":
        return norm(an * bd + bn * ad, ad * bd)
    if op == "-":
        return norm(an * bd - bn * ad, ad * bd)
    if op == "*":
        return norm(an * bn, ad * bd)
    if bn == 0:
        raise ZeroDivisionError("division by zero")
    return norm(an * bd, ad * bn)


def evaluate(expression: str) -> float:
    tokens = check_grammar(tokenize(expression))
    values = []
    ops = []  # binary operators, "(" and the sign markers ("s", negative?)
    sign = False

    def reduce_top():
        op = ops.pop()
        b = values.pop()
        a = values.pop()
        values.append(apply(op, a, b))

    def push_value(v):
        # pending sign markers right above: apply them now (they bind to this operand)
        while ops and isinstance(ops[-1], tuple):
            _, negative = ops.pop()
            if negative:
                v = (-v[0], v[1])
        values.append(v)

    for tok in tokens:
        if tok == "u":
            sign = not sign
            continue
        if isinstance(tok, int):
            if sign:
                tok = -tok
                sign = False
            push_value((tok, 1))
        elif tok == "(":
            ops.append(("s", sign))
            sign = False
            ops.append("(")
        elif tok == ")":
            while ops[-1] != "(":
                reduce_top()
            ops.pop()
            push_value(values.pop())
        else:
            while ops and ops[-1] != "(" and not isinstance(ops[-1], tuple) and RANK[ops[-1]] >= RANK[tok]:
                reduce_top()
            ops.append(tok)
    while ops:
        reduce_top()
    n, d = values[0]
    return n / d
