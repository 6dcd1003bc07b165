"""Well-formed puzzles without a direct conflict among the givens that still have no solution."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

_three = st.permutations([0, 1, 2])
_order = st.tuples(_three, st.tuples(_three, _three, _three)).map(
    lambda t: [band * 3 + t[1][band][i] for band in t[0] for i in range(3)]
)
symmetries = st.tuples(st.permutations("123456789").map("".join), _order, _order, st.booleans())

HANDMADE = {
    # cell (0, 8): row 0 holds 1-4, column 8 holds 5-8, its box holds 9
    "a cell without candidates": ["1234*****", "******9**", "*********", "********5", "********6",
                                  "********7", "********8", "*********", "*********"],
    # cells (0, 7) and (0, 8) can only be 8: 9 has no place in row 0
    "a digit without a place in its row": ["1234567**", "*********", "*********", "*******9*", "*********",
                                           "*********", "********9", "*********", "*********"],
    # the statement's example with (0, 2) set to 1 instead of 4: no conflict, no solution
    "a wrong extra given": ["531*7****", "6**195***", "*98****6*", "8***6***3", "4**8*3**1",
                            "7***2***6", "*6****28*", "***419**5", "****8**79"],
    # the last row must hold 9 but each of its free cells sees a 9 (in its box or its column)
    "a digit without a place in the last row": ["*********", "*********", "*********", "*******9*", "*********",
                                                "*********", "*9*******", "*********", "**12345*8"],
}


@pytest.mark.parametrize("board", list(HANDMADE.values()), ids=list(HANDMADE))
def test_handmade_unsolvable(check, board):
    check.value_error(board, "the puzzle has no solution")


@given(data=st.data(), sym=symmetries, order=st.permutations(range(81)), min_clues=st.integers(22, 36))
def test_unique_puzzle_with_a_wrong_extra_given(check, data, sym, order, min_clues):
    # the puzzle has exactly one solution; a given that differs from it (and repeats no given) leaves none
    grid = check.transform(check.EXAMPLE_SOLUTION, *sym)
    puzzle = check.carve(grid, order, min_clues)
    choices = []
    for r in range(9):
        for c in range(9):
            if puzzle[r][c] != "*":
                continue
            seen = set(puzzle[r]) | {puzzle[i][c] for i in range(9)}
            seen |= {puzzle[r // 3 * 3 + i][c // 3 * 3 + j] for i in range(3) for j in range(3)}
            choices += [(r, c, d) for d in "123456789" if d not in seen and d != grid[r][c]]
    r, c, d = data.draw(st.sampled_from(choices), label="wrong given")
    board = list(puzzle)
    board[r] = board[r][:c] + d + board[r][c + 1:]
    check.value_error(board,
                           f"{d} at row {r}, column {c} repeats no given but the only solution has {grid[r][c]} there")
