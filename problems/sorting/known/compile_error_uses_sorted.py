# expect: compile_error
# why: calls the forbidden built-in sorted().


def sort(items: list) -> list:
    return sorted(items)
