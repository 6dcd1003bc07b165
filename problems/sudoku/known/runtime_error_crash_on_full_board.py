# expect: runtime_error
# why: picks the next cell with min() over the empty cells and only stops after filling the last one:
#      a board without empty cells makes min() raise on an empty sequence.


POPCOUNT = [bin(m).count("1") for m in range(512)]


def solve_sudoku(board: list[str]) -> list[str]:
    if not isinstance(board, list) or len(board) != 9:
        raise ValueError("board must be a list of 9 strings")
    cells = []
    for row in board:
        if not isinstance(row, str) or len(row) != 9:
            raise ValueError("each row must be a string of 9 characters")
        for ch in row:
            if ch == "*":
                cells.append(0)
            elif ch in "123456789":
                cells.append(int(ch))
            else:
                raise ValueError(f"invalid character {ch!r}")
    row_used = [0] * 9
    col_used = [0] * 9
    box_used = [0] * 9
    empty = []
    for i, v in enumerate(cells):
        r, c = divmod(i, 9)
        b = (r // 3) * 3 + c // 3
        if v == 0:
            empty.append((i, r, c, b))
            continue
        bit = 1 << (v - 1)
        if (row_used[r] | col_used[c] | box_used[b]) & bit:
            raise ValueError("conflicting givens")
        row_used[r] |= bit
        col_used[c] |= bit
        box_used[b] |= bit

    def free_count(r, c, b):
        return POPCOUNT[~(row_used[r] | col_used[c] | box_used[b]) & 0x1FF]

    def search(todo):
        best = min(range(len(todo)), key=lambda k: free_count(*todo[k][1:]))
        i, r, c, b = todo[best]
        rest = todo[:best] + todo[best + 1:]
        free = ~(row_used[r] | col_used[c] | box_used[b]) & 0x1FF
        while free:
            bit = free & -free
            free ^= bit
            cells[i] = bit.bit_length()
            row_used[r] |= bit
            col_used[c] |= bit
            box_used[b] |= bit
            if not rest or search(rest):
                return True
            row_used[r] ^= bit
            col_used[c] ^= bit
            box_used[b] ^= bit
        cells[i] = 0
        return False

    if not search(empty):
        raise ValueError("the puzzle has no solution")
    return ["".join(str(v) for v in cells[r * 9:r * 9 + 9]) for r in range(9)]
