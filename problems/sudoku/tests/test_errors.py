"""ValueError for a bad character, a wrong shape, or givens that already conflict."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

PUZZLE = ["53**7****", "6**195***", "*98****6*", "8***6***3", "4**8*3**1",
          "7***2***6", "*6****28*", "***419**5", "****8**79"]
SOLUTION = ["534678912", "672195348", "198342567", "859761423", "426853791",
            "713924856", "961537284", "287419635", "345286179"]

_three = st.permutations([0, 1, 2])
_order = st.tuples(_three, st.tuples(_three, _three, _three)).map(
    lambda t: [band * 3 + t[1][band][i] for band in t[0] for i in range(3)]
)
symmetries = st.tuples(st.permutations("123456789").map("".join), _order, _order, st.booleans())


def _put(board: list[str], r: int, c: int, ch: str) -> list[str]:
    board = list(board)
    board[r] = board[r][:c] + ch + board[r][c + 1:]
    return board


# -- bad characters ----------------------------------------------------------------------------------------

# the last four: a full-width asterisk, the asterisk operator, a tab and NUL
EMPTY_MARKERS = ["0", ".", " ", "_", "-", "x", "?", "\uff0a", "\u2217", "\t", "\x00"]


@pytest.mark.parametrize("marker", EMPTY_MARKERS, ids=[repr(m) for m in EMPTY_MARKERS])
def test_other_empty_marker_everywhere(check, marker):
    board = [row.replace("*", marker) for row in PUZZLE]
    check.value_error(board, f"{marker!r} is not a valid character (empty is '*')")


@pytest.mark.parametrize("marker", EMPTY_MARKERS, ids=[repr(m) for m in EMPTY_MARKERS])
def test_other_empty_marker_in_one_cell(check, rng, marker):
    empties = [(r, c) for r in range(9) for c in range(9) if PUZZLE[r][c] == "*"]
    r, c = rng.choice(empties)
    board = _put(PUZZLE, r, c, marker)
    check.value_error(board, f"{marker!r} at row {r}, column {c} is not a valid character")


# digits of other scripts: str.isdigit() is true for all of them and int() accepts most of them
DIGIT_LOOKALIKES = {
    "fullwidth": 0xFF10,
    "arabic-indic": 0x0660,
    "devanagari": 0x0966,
    "mathematical-bold": 0x1D7CE,
    "superscript": None,
}
_SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹"


@pytest.mark.parametrize("script", list(DIGIT_LOOKALIKES))
def test_digit_of_another_script(check, rng, script):
    givens = [(r, c) for r in range(9) for c in range(9) if PUZZLE[r][c] != "*"]
    r, c = rng.choice(givens)
    d = int(PUZZLE[r][c])
    base = DIGIT_LOOKALIKES[script]
    lookalike = _SUPERSCRIPTS[d] if base is None else chr(base + d)
    board = _put(PUZZLE, r, c, lookalike)
    check.value_error(board, f"{lookalike!r} ({script} {d}) is not one of '1'-'9'")


@given(cell=st.integers(0, 80), ch=st.characters(exclude_characters="123456789*"))
def test_any_other_character(check, cell, ch):
    r, c = divmod(cell, 9)
    board = _put(PUZZLE, r, c, ch)
    check.value_error(board, f"{ch!r} is not a valid character")


# -- wrong shapes ------------------------------------------------------------------------------------------

def _with_row(index: int, row: object) -> list:
    board: list = list(PUZZLE)
    board[index] = row
    return board


WRONG_SHAPES = {
    "8 rows": PUZZLE[:8],
    "10 rows": [*PUZZLE, "*********"],
    "no rows": [],
    "81 rows of one character": [ch for row in PUZZLE for ch in row],
    "a row of 8 characters": _with_row(3, "8***6***"),
    "a row of 10 characters": _with_row(3, "8***6***3*"),
    "the last row of 10 characters": _with_row(8, "****8**79*"),
    "a row of 10 characters ending in a digit": _with_row(0, "53**7****4"),
    "an empty row": _with_row(5, ""),
    "a row given as a list of characters": _with_row(2, list("*98****6*")),
    "every row a list of characters": [list(row) for row in PUZZLE],
    "a row given as a tuple": _with_row(2, tuple("*98****6*")),
    "a row given as bytes": _with_row(7, b"***419**5"),
    "a row given as an int": _with_row(8, 800000079),
    "a row that is None": _with_row(0, None),
    "the board as one string of 81 characters": "".join(PUZZLE),
    "the board as one row string": PUZZLE[0],
    "the board is None": None,
    "the board is an int": 0,
    "the board is a dict of rows": {i: row for i, row in enumerate(PUZZLE)},
}


@pytest.mark.parametrize("board", list(WRONG_SHAPES.values()), ids=list(WRONG_SHAPES))
def test_wrong_shape(check, board):
    check.value_error(board, "the board must be a list of 9 strings of 9 characters")


# -- conflicting givens ------------------------------------------------------------------------------------

def _swap_columns(board: list[str], a: int, b: int) -> list[str]:
    def swap(row: str) -> str:
        cells = list(row)
        cells[a], cells[b] = cells[b], cells[a]
        return "".join(cells)
    return [swap(row) for row in board]


def _blank(board: list[str], cells: set[int]) -> list[str]:
    return ["".join("*" if r * 9 + c in cells else board[r][c] for c in range(9)) for r in range(9)]


# full and nearly full boards first: a solver that skips the check completes them and returns a board
CONFLICTS = {
    "full board, columns 2 and 3 swapped (boxes only)": _swap_columns(SOLUTION, 2, 3),
    "full board, one cell changed": [SOLUTION[0][:8] + "3", *SOLUTION[1:]],
    "full board, two cells of a row swapped": [*SOLUTION[:4], "426853719", *SOLUTION[5:]],
    "nearly full board, columns 5 and 6 swapped (boxes only)": _blank(_swap_columns(SOLUTION, 5, 6), {0, 40, 80}),
    "nearly full board, two 9s in the last row": _blank([*SOLUTION[:8], "945286179"], {10, 20, 30}),
    "row": ["55*******"] + ["*********"] * 8,
    "column": ["7********", "*********", "*********", "*********", "*********",
               "*********", "*********", "*********", "7********"],
    "box only": ["*********", "****9****", "*****9***"] + ["*********"] * 6,
    "two 9s in the last row": [*PUZZLE[:8], "9***8**79"],
}


@pytest.mark.parametrize("board", list(CONFLICTS.values()), ids=list(CONFLICTS))
def test_conflicting_givens(check, board):
    check.value_error(board, "two givens conflict")


@given(sym=symmetries, data=st.data())
def test_conflicting_given_added_to_a_puzzle(check, sym, data):
    puzzle = check.transform(PUZZLE, *sym)
    empties = [(r, c) for r in range(9) for c in range(9) if puzzle[r][c] == "*"]
    r, c = data.draw(st.sampled_from(empties), label="cell")
    unit = data.draw(st.sampled_from(["row", "column", "box"]), label="unit")
    if unit == "row":
        peers = [(r, j) for j in range(9)]
    elif unit == "column":
        peers = [(i, c) for i in range(9)]
    else:
        peers = [(r // 3 * 3 + i, c // 3 * 3 + j) for i in range(3) for j in range(3)]
    taken = sorted({puzzle[i][j] for i, j in peers} - {"*"})
    digit = data.draw(st.sampled_from(taken), label="digit")
    board = _put(puzzle, r, c, digit)
    why = f"{digit} at row {r}, column {c} repeats a given of its {unit}"
    check.value_error(board, why)


@given(sym=symmetries, data=st.data())
def test_full_board_with_two_cells_swapped(check, sym, data):
    grid = check.transform(SOLUTION, *sym)
    r = data.draw(st.integers(0, 8), label="row")
    c1, c2 = data.draw(st.lists(st.integers(0, 8), min_size=2, max_size=2, unique=True), label="columns")
    a, b = grid[r][c1], grid[r][c2]
    board = _put(_put(grid, r, c1, b), r, c2, a)
    check.value_error(board, f"cells ({r}, {c1}) and ({r}, {c2}) were swapped")
