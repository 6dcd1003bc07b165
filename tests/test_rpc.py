"""The codec: plain data round-trips exactly, anything else is refused, frames are capped."""

from __future__ import annotations

import os
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from judge import rpc

plain = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text() | st.binary()
    | st.complex_numbers(allow_nan=False) | st.fractions(),
    lambda inner: st.lists(inner, max_size=5)
    | st.lists(inner, max_size=5).map(tuple)
    | st.dictionaries(st.text(max_size=5) | st.integers(), inner, max_size=5),
    max_leaves=30,
)


def _typed(value):
    """A structure that compares types too, so a tuple that came back as a list is caught."""
    if isinstance(value, (list, tuple)):
        return (type(value).__name__, [_typed(v) for v in value])
    if isinstance(value, dict):
        return ("dict", sorted(((repr(k), _typed(v)) for k, v in value.items())))
    return (type(value).__name__, value)


@given(plain)
def test_plain_data_round_trips_with_types(value) -> None:
    assert _typed(rpc.roundtrip(value)) == _typed(value)


@given(st.text(st.characters(exclude_categories=())))
def test_any_python_str_crosses_lone_surrogates_included(text: str) -> None:
    assert rpc.roundtrip([text, {text: text}]) == [text, {text: text}]


def test_lone_surrogates_cross_a_frame() -> None:
    value = ["\ud8003**7****", "\udfff"]
    assert rpc.roundtrip(value) == value


@pytest.mark.parametrize(
    "value",
    [2**64, -(2**63) - 1, 10**400, {1, 2}, frozenset({"a"}), Fraction(-7, 3), 1 - 2j, ("nested", (1, (2,)))],
)
def test_extension_types(value) -> None:
    back = rpc.roundtrip(value)
    assert back == value and type(back) is type(value)


class Sneaky(list):
    def __eq__(self, other):
        return True

    __hash__ = None


@pytest.mark.parametrize("value", [object(), Sneaky([1]), [1, object()], {"k": Sneaky()}, print])
def test_anything_else_is_refused(value) -> None:
    with pytest.raises(rpc.CodecError, match="unsupported type"):
        rpc.packb(value)


def test_numpy_arrays_cross_as_writable_contiguous_copies() -> None:
    np = pytest.importorskip("numpy")
    original = np.arange(12, dtype=np.float64).reshape(3, 4)[:, ::2]
    back = rpc.roundtrip(original)
    assert back.dtype == original.dtype and back.shape == original.shape
    assert (back == original).all() and back.flags.writeable and back.flags.c_contiguous
    with pytest.raises(rpc.CodecError):
        rpc.packb(np.array([object()], dtype=object))


def test_frames_are_capped() -> None:
    read_fd, write_fd = os.pipe()
    try:
        with pytest.raises(rpc.CodecError, match="frame cap"):
            rpc.write_frame(write_fd, b"x" * 1000, max_bytes=100)
        rpc.write_frame(write_fd, [1, "two"], max_bytes=100)
        assert rpc.read_frame(read_fd) == [1, "two"]
        rpc.write_frame(write_fd, b"y" * 200)
        with pytest.raises(rpc.CodecError, match="frame cap"):
            rpc.read_frame(read_fd, max_bytes=100)
    finally:
        os.close(read_fd)
        os.close(write_fd)


def test_malformed_frames_are_codec_errors() -> None:
    with pytest.raises(rpc.CodecError):
        rpc.unpackb(b"\xc1")
    with pytest.raises(rpc.CodecError):
        rpc.unpackb(rpc.msgpack.packb(rpc.msgpack.ExtType(99, b"")))
