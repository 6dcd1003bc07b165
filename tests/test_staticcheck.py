"""The static scan: syntax errors and missing entry points with a line, forbidden names on the AST only."""

from __future__ import annotations

import pytest

from judge.staticcheck import check_source

FORBIDDEN = ("sorted", "list.sort", "heapq", "sys.setrecursionlimit")


def check(source: str):
    return check_source(source, ("sort",), FORBIDDEN)


def test_clean_source_passes() -> None:
    assert check("def sort(items):\n    # sorted() would be cheating\n    return list(items)  # 'heapq'\n") is None


def test_syntax_error_has_line() -> None:
    problem = check("def sort(items):\n    return [\n")
    assert problem is not None and "SyntaxError" in problem.message and problem.line is not None


def test_missing_entry_point_is_named() -> None:
    problem = check("def sorter(items):\n    return items\n")
    assert problem is not None and "'sort'" in problem.message


@pytest.mark.parametrize(
    ("source", "name", "line"),
    [
        ("def sort(items):\n    return sorted(items)\n", "sorted", 2),
        ("def sort(items):\n    out = list(items)\n    out.sort()\n    return out\n", "list.sort", 3),
        ("import heapq\ndef sort(items):\n    return items\n", "heapq", 1),
        ("from heapq import merge\ndef sort(items):\n    return items\n", "heapq", 1),
        ("import heapq as h\ndef sort(items):\n    return items\n", "heapq", 1),
        ("from sys import setrecursionlimit\ndef sort(items):\n    return items\n", "sys.setrecursionlimit", 1),
        ("import sys\ndef sort(items):\n    sys.setrecursionlimit(10**6)\n    return items\n",
         "sys.setrecursionlimit", 3),
        ("def sort(items):\n    f = sorted\n    return f(items)\n", "sorted", 2),
        ("import builtins\ndef sort(items):\n    return builtins.sorted(items)\n", "sorted", 3),
    ],
)
def test_forbidden_names_are_found_with_line(source: str, name: str, line: int) -> None:
    problem = check(source)
    assert problem is not None and f"'{name}'" in problem.message and problem.line == line


def test_a_method_sharing_a_forbidden_builtins_name_is_fine() -> None:
    source = "import re\ndef sort(items):\n    return re.compile('x').sub('', items)\n"
    assert check_source(source, ("sort",), ("compile", "eval")) is None


def test_defining_the_entry_point_by_its_own_name_is_fine() -> None:
    source = "def sort(items):\n    if len(items) < 2:\n        return list(items)\n    return sort(items[1:])\n"
    assert check_source(source, ("sort",), FORBIDDEN) is None
