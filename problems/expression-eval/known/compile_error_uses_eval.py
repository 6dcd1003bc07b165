# expect: compile_error
# why: checks the characters with a regex, then hands the string to Python's eval (forbidden)
import re
from fractions import Fraction


def evaluate(expression: str) -> float:
    if not re.fullmatch(r"[0-9+\-*/:() \t\n\r]*", expression) or not expression.strip():
        raise ValueError("malformed expression")
    code = re.sub(r"\d+", lambda m: "Fraction(" + str(int(m.group())) + ")", expression.replace(":", "/"))
    try:
        value = eval(code, {"__builtins__": {}, "Fraction": Fraction})
    except SyntaxError as exc:
        raise ValueError(str(exc)) from None
    return float(value)
