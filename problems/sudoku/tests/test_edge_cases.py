"""Edge cases: empty board, full board, one empty cell (the last one too), a single given, no mutation."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from judge.testing import expect

pytestmark = pytest.mark.group("edge-cases")

_three = st.permutations([0, 1, 2])
_order = st.tuples(_three, st.tuples(_three, _three, _three)).map(
    lambda t: [band * 3 + t[1][band][i] for band in t[0] for i in range(3)]
)
symmetries = st.tuples(st.permutations("123456789").map("".join), _order, _order, st.booleans())


def _blank(board: list[str], cells: set[int], empty: str = "*") -> list[str]:
    return ["".join(empty if r * 9 + c in cells else board[r][c] for c in range(9)) for r in range(9)]


def test_empty_board(submission, reference, kit):
    kit.solve(submission, reference, ["*********"] * 9)


def test_full_board_comes_back_unchanged(submission, reference, kit):
    grid = list(kit.EXAMPLE_SOLUTION)
    kit.solve(submission, reference, grid, grid)


@given(sym=symmetries)
def test_full_permuted_board_comes_back_unchanged(submission, reference, kit, sym):
    grid = kit.transform(kit.EXAMPLE_SOLUTION, *sym)
    kit.solve(submission, reference, grid, grid)


@pytest.mark.parametrize("cell", [0, 8, 40, 72, 80])
def test_one_empty_cell(submission, reference, kit, cell):
    grid = list(kit.EXAMPLE_SOLUTION)
    kit.solve(submission, reference, _blank(grid, {cell}), grid)


@given(sym=symmetries, cell=st.integers(0, 80))
def test_one_empty_cell_anywhere(submission, reference, kit, sym, cell):
    grid = kit.transform(kit.EXAMPLE_SOLUTION, *sym)
    kit.solve(submission, reference, _blank(grid, {cell}), grid)


def test_only_the_last_row_empty(submission, reference, kit):
    grid = list(kit.EXAMPLE_SOLUTION)
    kit.solve(submission, reference, _blank(grid, set(range(72, 81))), grid)


def test_only_the_first_column_and_last_cell_empty(submission, reference, kit):
    grid = list(kit.EXAMPLE_SOLUTION)
    kit.solve(submission, reference, _blank(grid, {r * 9 for r in range(9)} | {80}), grid)


@given(cell=st.integers(0, 80), digit=st.sampled_from("123456789"))
def test_single_given(submission, reference, kit, cell, digit):
    board = ["*" * 9 for _ in range(9)]
    r, c = divmod(cell, 9)
    board[r] = board[r][:c] + digit + board[r][c + 1:]
    kit.solve(submission, reference, board)


def test_one_full_row_one_full_column_one_full_box(submission, reference, kit):
    grid = kit.EXAMPLE_SOLUTION
    keep = {cell for cell in range(81)
            if cell // 9 == 4 or cell % 9 == 4 or (cell // 9 < 3 and cell % 9 < 3)}
    board = _blank(grid, set(range(81)) - keep)
    kit.solve(submission, reference, board)


def test_input_list_is_not_modified(submission, reference, kit):
    board = list(kit.EXAMPLE_PUZZLE)
    res = submission.call(kit.ENTRY, args=(board,), report_args=True, timeout=kit.time_limit(reference, board))
    expect(res.args_after is not None and res.args_after[0] == kit.EXAMPLE_PUZZLE, "the input list was modified",
           input=kit.EXAMPLE_PUZZLE, expected=kit.EXAMPLE_PUZZLE,
           got=None if res.args_after is None else res.args_after[0])
    kit.check_solution(res.value, kit.EXAMPLE_PUZZLE, kit.EXAMPLE_SOLUTION)


def test_solving_twice_gives_the_same_answer(submission, reference, kit):
    # no state may leak from one call to the next (module-level grids, caches keyed on the wrong thing)
    sym = ("987654321", [8, 7, 6, 5, 4, 3, 2, 1, 0], [2, 0, 1, 5, 3, 4, 8, 6, 7], True)
    kit.solve(submission, reference, list(kit.EXAMPLE_PUZZLE), kit.EXAMPLE_SOLUTION)
    kit.solve(submission, reference, kit.transform(kit.EXAMPLE_PUZZLE, *sym), kit.transform(kit.EXAMPLE_SOLUTION, *sym))
    kit.solve(submission, reference, list(kit.EXAMPLE_PUZZLE), kit.EXAMPLE_SOLUTION)
