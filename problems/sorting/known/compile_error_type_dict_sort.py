# expect: compile_error
# why: takes list.sort out of the type's __dict__; '__dict__' is refused statically in a problem with
# forbidden names (a method of a built-in type cannot be removed at run time).


def sort(items: list) -> list:
    out = list(items)
    type(out).__dict__["so" + "rt"](out)
    return out
