# Ints too large for str() (a million digits), one per item and one more: every check that shows the
# result (the report's got, a hidden test's own message) must render them without str().
def sort(items):
    return [10 ** (10 ** 6)] * len(items) + [1]
