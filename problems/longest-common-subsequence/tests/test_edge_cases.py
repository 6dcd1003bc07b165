"""Empty strings, identical strings, no common character, one character, ties, Unicode."""

from __future__ import annotations

import pytest

from judge.testing import expect, expect_equal


@pytest.mark.parametrize(
    ("a", "b"),
    [("", ""), ("", "abc"), ("abc", ""), ("", "😀"), ("😀🎉", ""), ("", " ")],
)
def test_empty_string(submission, a, b):
    got = submission.longest_common_subsequence(a, b)
    expect_equal(got, "", input={"a": a, "b": b}, what="LCS with an empty string")


@pytest.mark.parametrize(
    "text",
    ["a", "aaaa", "abcabc", "héllo wörld", "😀😁😂🤣", "\U0001d538\U0001d539\u2102 a\tb\n\x00", "mississippi" * 4],
)
def test_identical_strings(submission, text):
    got = submission.longest_common_subsequence(text, text)
    expect_equal(got, text, input={"a": text, "b": text}, what="LCS of a string with itself")


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("abc", "xyz"),
        ("ABC", "abc"),  # case-sensitive
        ("\u00e9", "e\u0301"),  # precomposed vs combining: no common code point
        ("😀😁", "😂🤣"),
        ("\U0001f600", "\U0000f600"),  # same low 16 bits, different characters
        ("aaaaaaa", "bbbbbbbb"),
    ],
)
def test_no_common_character(submission, a, b):
    got = submission.longest_common_subsequence(a, b)
    expect_equal(got, "", input={"a": a, "b": b}, what="LCS of strings without a common character")


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("a", "a", "a"),
        ("a", "b", ""),
        ("a", "bab", "a"),
        ("bab", "a", "a"),
        ("😀", "x😀y", "😀"),
        ("z", "abcdefghijklmnopqrstuvwxyz", "z"),
        ("abcdefghijklmnopqrstuvwxyz", "a", "a"),
    ],
)
def test_one_character(submission, a, b, expected):
    got = submission.longest_common_subsequence(a, b)
    expect_equal(got, expected, input={"a": a, "b": b}, what="LCS with a one-character string")


@pytest.mark.parametrize(
    ("small", "big"),
    [
        ("ace", "abcde"),
        ("aa", "aaaa"),
        ("abc", "xaxbxcx"),
        ("😀😀", "a😀b😁😀"),
        ("e\u0301", "cafe\u0301"),
        ("last", "l_a_s_t"),
        ("xyz", "abcxyz"),  # at the very end
        ("abc", "abcxyz"),  # at the very start
    ],
)
@pytest.mark.parametrize("small_first", [True, False])
def test_one_is_subsequence_of_the_other(submission, small, big, small_first):
    a, b = (small, big) if small_first else (big, small)
    got = submission.longest_common_subsequence(a, b)
    expect_equal(got, small, input={"a": a, "b": b}, what="LCS when one string is a subsequence of the other")


@pytest.mark.parametrize(
    ("a", "b", "accepted"),
    [
        ("ab", "ba", {"a", "b"}),
        ("😀😁", "😁😀", {"😀", "😁"}),
        ("abc", "cba", {"a", "b", "c"}),
        ("aab", "baa", {"aa"}),
        ("xy", "yx", {"x", "y"}),
        ("abcd", "badc", {"ac", "ad", "bc", "bd"}),
    ],
)
def test_ties(submission, a, b, accepted):
    got = submission.longest_common_subsequence(a, b)
    expect(
        got in accepted,
        "not a longest common subsequence (any one of the expected answers is accepted)",
        input={"a": a, "b": b},
        expected=sorted(accepted) if len(accepted) > 1 else next(iter(accepted)),
        got=got,
    )


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("😀a😁", "a😁😀"),
        ("👩\u200d💻 code", "code 👩\u200d💻"),  # a ZWJ sequence is several code points
        ("👍🏽👍", "👍👍🏽"),  # skin-tone modifier
        ("日本語のテキスト", "テキストの日本語"),
        ("\U0010ffff\U00010000a", "a\U00010000\U0010ffff"),
        ("\x00\x01\x00", "\x00\x00"),
        ("\t \n\r", " \r\t\n"),
        ("ab" * 6, "ba" * 6),
        ("aaabbbccc", "cccbbbaaa"),
    ],
)
def test_unicode_and_repeats(check, a, b):
    check(a, b)


@pytest.mark.parametrize("short", ["q", "a😀", "zq9"])
def test_long_against_short(check, rng, short):
    long = "".join(rng.choice("abcdefghij😀") for _ in range(60))
    for a, b in ((long, short), (short, long), (long[:10], long[:10][::-1])):
        check(a, b)


def test_result_is_a_str(submission):
    """The result is a str even when it is the whole input or empty."""
    for a, b in (("same", "same"), ("abc", "xyz"), ("", "")):
        got = submission.longest_common_subsequence(a, b)
        expect(isinstance(got, str), "must return a str", input={"a": a, "b": b}, got=got)
