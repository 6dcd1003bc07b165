# expect: compile_error
# why: calls list.sort through getattr with a built name (at run time the worker's getattr refuses 'sort'
# on lists).


def sort(items: list) -> list:
    out = list(items)
    getattr(out, "so" + "rt")()
    return out
