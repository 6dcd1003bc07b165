"""Edge cases: empty board, full board, one empty cell (the last one too), a single given, no mutation."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from judge.testing import expect

_three = st.permutations([0, 1, 2])
_order = st.tuples(_three, st.tuples(_three, _three, _three)).map(
    lambda t: [band * 3 + t[1][band][i] for band in t[0] for i in range(3)]
)
symmetries = st.tuples(st.permutations("123456789").map("".join), _order, _order, st.booleans())


def _blank(board: list[str], cells: set[int], empty: str = "*") -> list[str]:
    return ["".join(empty if r * 9 + c in cells else board[r][c] for c in range(9)) for r in range(9)]


def test_empty_board(check):
    check.solve(["*********"] * 9)


def test_full_board_comes_back_unchanged(check):
    grid = list(check.EXAMPLE_SOLUTION)
    check.solve(grid, grid)


@given(sym=symmetries)
def test_full_permuted_board_comes_back_unchanged(check, sym):
    grid = check.transform(check.EXAMPLE_SOLUTION, *sym)
    check.solve(grid, grid)


@pytest.mark.parametrize("cell", [0, 8, 40, 72, 80])
def test_one_empty_cell(check, cell):
    grid = list(check.EXAMPLE_SOLUTION)
    check.solve(_blank(grid, {cell}), grid)


@given(sym=symmetries, cell=st.integers(0, 80))
def test_one_empty_cell_anywhere(check, sym, cell):
    grid = check.transform(check.EXAMPLE_SOLUTION, *sym)
    check.solve(_blank(grid, {cell}), grid)


def test_only_the_last_row_empty(check):
    grid = list(check.EXAMPLE_SOLUTION)
    check.solve(_blank(grid, set(range(72, 81))), grid)


def test_only_the_first_column_and_last_cell_empty(check):
    grid = list(check.EXAMPLE_SOLUTION)
    check.solve(_blank(grid, {r * 9 for r in range(9)} | {80}), grid)


@given(cell=st.integers(0, 80), digit=st.sampled_from("123456789"))
def test_single_given(check, cell, digit):
    board = ["*" * 9 for _ in range(9)]
    r, c = divmod(cell, 9)
    board[r] = board[r][:c] + digit + board[r][c + 1:]
    check.solve(board)


def test_one_full_row_one_full_column_one_full_box(check):
    grid = check.EXAMPLE_SOLUTION
    keep = {cell for cell in range(81)
            if cell // 9 == 4 or cell % 9 == 4 or (cell // 9 < 3 and cell % 9 < 3)}
    board = _blank(grid, set(range(81)) - keep)
    check.solve(board)


def test_input_list_is_not_modified(check):
    board = list(check.EXAMPLE_PUZZLE)
    res = check.call_timed(board, report_args=True)
    expect(res.args_after is not None and res.args_after[0] == check.EXAMPLE_PUZZLE, "the input list was modified",
           input=check.EXAMPLE_PUZZLE, expected=check.EXAMPLE_PUZZLE,
           got=None if res.args_after is None else res.args_after[0])
    check.check_solution(res.value, check.EXAMPLE_PUZZLE, check.EXAMPLE_SOLUTION)


def test_solving_twice_gives_the_same_answer(check):
    # no state may leak from one call to the next (module-level grids, caches keyed on the wrong thing)
    sym = ("987654321", [8, 7, 6, 5, 4, 3, 2, 1, 0], [2, 0, 1, 5, 3, 4, 8, 6, 7], True)
    check.solve(list(check.EXAMPLE_PUZZLE), check.EXAMPLE_SOLUTION)
    check.solve(check.transform(check.EXAMPLE_PUZZLE, *sym), check.transform(check.EXAMPLE_SOLUTION, *sym))
    check.solve(list(check.EXAMPLE_PUZZLE), check.EXAMPLE_SOLUTION)
