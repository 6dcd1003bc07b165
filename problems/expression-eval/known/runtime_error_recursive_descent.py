# expect: runtime_error
# why: a textbook recursive-descent parser (expr -> term -> factor -> expr ...): correct, but every level
#      of parentheses or unary minus costs several Python frames, so nesting 5,000 deep raises
#      RecursionError at the default recursion limit
from fractions import Fraction


class Parser:
    def __init__(self, text):
        self.toks = []
        i = 0
        while i < len(text):
            c = text[i]
            if c in " \t\n\r\f\v":
                i += 1
            elif c in "0123456789":
                j = i
                while j < len(text) and text[j] in "0123456789":
                    j += 1
                self.toks.append(int(text[i:j]))
                i = j
            elif c in "+-*/:()":
                self.toks.append(c)
                i += 1
            else:
                raise ValueError("bad character " + repr(c))
        self.pos = 0

    def peek(self):
        return self.toks[self.pos] if self.pos < len(self.toks) else None

    def take(self):
        tok = self.peek()
        self.pos += 1
        return tok

    def expr(self):
        value = self.term()
        while self.peek() in ("+", "-"):
            op = self.take()
            rhs = self.term()
            value = value + rhs if op == "+" else value - rhs
        return value

    def term(self):
        value = self.factor()
        while self.peek() in ("*", "/", ":"):
            op = self.take()
            rhs = self.factor()
            if op == "*":
                value = value * rhs
            elif rhs == 0:
                raise ZeroDivisionError("division by zero")
            else:
                value = value / rhs
        return value

    def factor(self):
        tok = self.take()
        if tok == "-":
            return -self.factor()
        if tok == "(":
            value = self.expr()
            if self.take() != ")":
                raise ValueError("expected ')'")
            return value
        if isinstance(tok, int):
            return Fraction(tok)
        raise ValueError("expected a number, '(' or '-'")


def evaluate(expression: str) -> float:
    parser = Parser(expression)
    # check the syntax first: a division by zero must not hide a syntax error
    checker = Parser(expression)
    checker.toks = [1 if isinstance(t, int) else "+" if t in "*/:" else t for t in checker.toks]
    checker.expr()
    if checker.pos != len(checker.toks):
        raise ValueError("unexpected token")
    value = parser.expr()
    return float(value)
