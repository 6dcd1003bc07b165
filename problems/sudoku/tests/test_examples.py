"""The statement's examples."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.group("examples")


def test_example_1_classic_puzzle(submission, reference, kit):
    kit.solve(submission, reference, list(kit.EXAMPLE_PUZZLE), kit.EXAMPLE_SOLUTION)


def test_example_2_conflicting_givens(submission, reference, kit):
    board = ["534678914", "672195348", "198342567", "859761423", "4268*3791",
             "713924856", "961537284", "287419635", "*45286179"]
    kit.expect_value_error(submission, reference, board, "the digit 4 is given twice in row 0 and in column 8")


def test_example_3_row_too_short(submission, reference, kit):
    board = list(kit.EXAMPLE_PUZZLE)
    board[4] = "4**8*3**"
    kit.expect_value_error(submission, reference, board, "row 4 has 8 characters")
