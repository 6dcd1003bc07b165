# expect: compile_error
# why: reaches the forbidden eval through getattr with a computed name (at run time the worker refuses
# the compile/exec audit events raised by the submission's own calls).
import builtins


def evaluate(expression: str) -> float:
    return float(getattr(builtins, "ev" + "al")(expression.replace(":", "/")))
