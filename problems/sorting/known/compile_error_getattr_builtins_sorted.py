# expect: compile_error
# why: reaches the forbidden built-in sorted() by a computed name; the static scan refuses getattr with a
# computed name in a problem with forbidden names (at run time the worker's stand-in would raise: runtime_error).
import builtins


def sort(items: list) -> list:
    return getattr(builtins, "sor" + "ted")(items)
