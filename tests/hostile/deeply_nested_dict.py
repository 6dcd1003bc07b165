# A dict nested just under the codec's depth limit, inside a list: it crosses, and the judge must compare
# and show it without recursing through every level.
def sort(items):
    nested = {}
    for _ in range(1000):
        nested = {"k": nested}
    return [*items, nested]
