# expect: compile_error
# why: copies the list, then calls the forbidden method list.sort().


def sort(items: list) -> list:
    result = list(items)
    result.sort()
    return result
