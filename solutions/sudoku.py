"""Sudoku solver.

A board is a list of 9 strings of 9 characters each: the digits ``1``-``9`` are givens and ``*``
marks an empty cell. The solver validates the board, then fills it with constraint propagation
(naked and hidden singles) and a depth-first search that always branches on the empty cell with the
fewest candidates. Candidate sets are 9-bit masks (bit ``d - 1`` set means digit ``d`` is possible).
"""

from __future__ import annotations

SIZE = 9
EMPTY = "*"
DIGITS = "123456789"
ALL_DIGITS = (1 << SIZE) - 1

_VALID_CHARS = frozenset(DIGITS + EMPTY)
_BIT_TO_DIGIT = {1 << i: str(i + 1) for i in range(SIZE)}


def _box_of(row: int, col: int) -> int:
    return (row // 3) * 3 + col // 3


def _build_units() -> tuple[list[list[int]], list[list[int]]]:
    """All 27 units (rows, columns, boxes) as lists of cell indices, and the peers of every cell."""
    units = [[r * SIZE + c for c in range(SIZE)] for r in range(SIZE)]
    units += [[r * SIZE + c for r in range(SIZE)] for c in range(SIZE)]
    units += [
        [r * SIZE + c for r in range(br, br + 3) for c in range(bc, bc + 3)]
        for br in range(0, SIZE, 3)
        for bc in range(0, SIZE, 3)
    ]
    peers = []
    for cell in range(SIZE * SIZE):
        row, col = divmod(cell, SIZE)
        related = set(units[row] + units[SIZE + col] + units[2 * SIZE + _box_of(row, col)])
        related.discard(cell)
        peers.append(sorted(related))
    return units, peers


_UNITS, _PEERS = _build_units()


def _parse(board: list[str]) -> list[int]:
    """Validate the board and return the 81 cells as ints (0 for an empty cell)."""
    if not isinstance(board, list) or len(board) != SIZE:
        raise ValueError("board must be a list of 9 strings")
    cells = []
    for r, row in enumerate(board):
        if not isinstance(row, str) or len(row) != SIZE:
            raise ValueError(f"row {r} must be a string of 9 characters")
        for c, ch in enumerate(row):
            if ch not in _VALID_CHARS:
                raise ValueError(f"invalid character {ch!r} at row {r}, column {c}")
            cells.append(0 if ch == EMPTY else int(ch))
    return cells


def _check_givens(cells: list[int]) -> None:
    """Raise ValueError if a digit is given twice in one row, column or box."""
    for index, unit in enumerate(_UNITS):
        seen = 0
        for cell in unit:
            if cells[cell]:
                bit = 1 << (cells[cell] - 1)
                if seen & bit:
                    kind = ("row", "column", "box")[index // SIZE]
                    raise ValueError(f"digit {cells[cell]} is given twice in {kind} {index % SIZE}")
                seen |= bit


def _assign(cands: list[int], cell: int, bit: int) -> bool:
    """Fix ``cell`` to the digit ``bit`` and propagate; False on a contradiction."""
    cands[cell] = bit
    stack = [cell]
    while stack:
        placed = stack.pop()
        value = cands[placed]
        for peer in _PEERS[placed]:
            mask = cands[peer]
            if mask & value:
                mask &= ~value
                if not mask:
                    return False
                cands[peer] = mask
                if mask & (mask - 1) == 0:
                    stack.append(peer)
    return True


def _hidden_singles(cands: list[int]) -> bool | None:
    """Place every digit that fits in only one cell of a unit.

    Returns True if something was placed, False if nothing changed, None on a contradiction.
    """
    changed = False
    for unit in _UNITS:
        seen_once = 0
        seen_twice = 0
        for cell in unit:
            mask = cands[cell]
            seen_twice |= seen_once & mask
            seen_once |= mask
        if seen_once != ALL_DIGITS:
            return None
        only_once = seen_once & ~seen_twice
        if not only_once:
            continue
        for cell in unit:
            mask = cands[cell]
            bit = mask & only_once
            if bit and mask != bit:
                if bit & (bit - 1):
                    return None  # two digits can only go in this same cell
                if not _assign(cands, cell, bit):
                    return None
                changed = True
    return changed


def _search(cands: list[int]) -> list[int] | None:
    """Propagate, then branch on the most constrained open cell; the solved candidates or None."""
    while True:
        progress = _hidden_singles(cands)
        if progress is None:
            return None
        if not progress:
            break
    best_cell = -1
    best_count = SIZE + 1
    for cell, mask in enumerate(cands):
        if mask & (mask - 1):
            count = mask.bit_count()
            if count < best_count:
                best_cell, best_count = cell, count
                if count == 2:
                    break
    if best_cell < 0:
        return cands
    mask = cands[best_cell]
    while mask:
        bit = mask & -mask
        mask ^= bit
        trial = cands[:]
        if _assign(trial, best_cell, bit):
            solved = _search(trial)
            if solved is not None:
                return solved
    return None


def solve_sudoku(board: list[str]) -> list[str]:
    """Solve a 9x9 sudoku.

    ``board`` is a list of 9 strings of 9 characters: ``'1'``-``'9'`` for a given digit and ``'*'`` for
    an empty cell. Returns a new list of 9 strings, the solved board: every given is kept and every
    row, column and 3x3 box holds each digit 1-9 exactly once. If the puzzle has several solutions,
    any one of them is returned. The input list is not modified.

    Raises ValueError if ``board`` is not a list of 9 strings of 9 characters, if it contains any
    character other than ``'1'``-``'9'`` and ``'*'``, if two givens conflict (same digit twice in a
    row, column or box), or if the puzzle has no solution.
    """
    cells = _parse(board)
    _check_givens(cells)
    cands = [ALL_DIGITS] * (SIZE * SIZE)
    for cell, digit in enumerate(cells):
        if digit and not _assign(cands, cell, 1 << (digit - 1)):
            raise ValueError("the puzzle has no solution")
    solved = _search(cands)
    if solved is None:
        raise ValueError("the puzzle has no solution")
    return ["".join(_BIT_TO_DIGIT[solved[r * SIZE + c]] for c in range(SIZE)) for r in range(SIZE)]
