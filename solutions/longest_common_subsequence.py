"""Longest common subsequence of two strings.

A subsequence of a string keeps some of its characters (possibly none, possibly all) in their original
order, without necessarily keeping them adjacent. The task is to find a longest string that is a
subsequence of both inputs.
"""

from __future__ import annotations

from array import array


def longest_common_subsequence(a: str, b: str) -> str:
    """Return a longest common subsequence of ``a`` and ``b``.

    The result is a string that is a subsequence of ``a`` and of ``b`` and no common subsequence is
    longer. When several longest common subsequences exist, any one of them is a correct answer.
    Characters are compared exactly (case-sensitive, code point by code point); any Unicode
    character may appear. Returns ``""`` when the strings have no character in common (in particular
    when either is empty). The inputs are not modified.
    """
    # rows[i][j] = length of an LCS of a[:i] and b[:j]; each row is stored compactly for the walk back.
    width = len(b) + 1
    previous = [0] * width
    rows = [array("l", previous)]
    for char_a in a:
        current = [0]
        best = 0
        for j, char_b in enumerate(b):
            if char_a == char_b:
                best = previous[j] + 1
            else:
                above = previous[j + 1]
                if above > best:  # noqa: PLR1730 (cheaper than max() in the innermost loop)
                    best = above
            current.append(best)
        rows.append(array("l", current))
        previous = current

    # Walk back from the bottom-right corner, taking a character on every match.
    picked: list[str] = []
    i, j = len(a), len(b)
    while i and j:
        if a[i - 1] == b[j - 1]:
            picked.append(a[i - 1])
            i -= 1
            j -= 1
        elif rows[i - 1][j] >= rows[i][j - 1]:
            i -= 1
        else:
            j -= 1
    picked.reverse()
    return "".join(picked)
