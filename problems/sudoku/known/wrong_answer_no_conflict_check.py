# expect: wrong_answer
# why: never checks the givens against each other: only the empty cells are searched, so a board whose
#      givens repeat a digit comes back 'solved' instead of raising ValueError.


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
        row_used[r] |= bit
        col_used[c] |= bit
        box_used[b] |= bit

    def search(todo):
        if not todo:
            return True
        best, best_count = 0, 10
        for k, (_, r, c, b) in enumerate(todo):
            count = bin(~(row_used[r] | col_used[c] | box_used[b]) & 0x1FF).count("1")
            if count < best_count:
                best, best_count = k, count
                if count <= 1:
                    break
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
            if search(rest):
                return True
            row_used[r] ^= bit
            col_used[c] ^= bit
            box_used[b] ^= bit
        cells[i] = 0
        return False

    if not search(empty):
        raise ValueError("the puzzle has no solution")
    return ["".join(str(v) for v in cells[r * 9:r * 9 + 9]) for r in range(9)]
