# expect: wrong_answer
# why: random-pivot quicksort that splits into "less" and "greater" and keeps a single copy of the
#      pivot: items equal to the pivot are dropped as soon as there are duplicates.
import random


def sort(items: list) -> list:
    if len(items) <= 1:
        return list(items)
    pivot = items[random.randrange(len(items))]
    less = [x for x in items if x < pivot]
    greater = [x for x in items if pivot < x]
    return sort(less) + [pivot] + sort(greater)
