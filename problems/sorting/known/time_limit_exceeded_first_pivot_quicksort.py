# expect: time_limit_exceeded
# why: quicksort that always takes the first element as pivot: correct, but quadratic on sorted,
#      reversed and organ-pipe input (caught by the comparison count).


def sort(items: list) -> list:
    if len(items) <= 1:
        return list(items)
    pivot = items[0]
    rest = items[1:]
    smaller = [x for x in rest if x < pivot]
    larger = [x for x in rest if not x < pivot]
    return sort(smaller) + [pivot] + sort(larger)
