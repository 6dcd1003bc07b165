# expect: compile_error
# why: looks sorted() up in __builtins__ by a computed key; '__builtins__' is refused statically
# (at run time the key finds the worker's stand-in, which raises).


def sort(items: list) -> list:
    key = "".join(["s", "o", "r", "t", "e", "d"])
    table = __builtins__ if isinstance(__builtins__, dict) else vars(__builtins__)
    return table[key](items)
