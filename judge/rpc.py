"""Framing and the msgpack codec used on both sides of the trust boundary.

Imported by the sandbox worker too, so this module may import only the standard library and msgpack
(numpy lazily, when an array actually crosses). Values cross as plain data only; never pickle.
"""

from __future__ import annotations

import os
import struct
import threading
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

import msgpack

MAX_FRAME_BYTES = 512 * 1024 * 1024
MAX_INT_BYTES = 1 << 20  # a 2.5-million-digit int is plenty; anything larger is refused

_HEADER = struct.Struct(">II")  # length of the msgpack part, number of out-of-band buffers
_BUFFER_LENGTH = struct.Struct(">Q")
_state = threading.local()  # the out-of-band buffers of the frame being encoded or decoded

EXT_TUPLE = 1
EXT_SET = 2
EXT_FROZENSET = 3
EXT_COMPLEX = 4
EXT_BIGINT = 5
EXT_FRACTION = 6
EXT_NDARRAY = 7
EXT_ADAPTER = 8
EXT_HANDLE = 9

_REFUSED_DTYPE_KINDS = frozenset("OVMm")  # object, void/structured, datetime, timedelta


# a Python str may hold lone surrogates ('\ud800': hypothesis draws them); they cross as they are, not as an error
STR_ERRORS = "surrogatepass"


class CodecError(ValueError):
    """A value that cannot cross the boundary (unsupported type, too large, malformed frame)."""


class PeerClosed(EOFError):
    """The other side closed its end of the pipe."""


@dataclass(frozen=True)
class Handle:
    """A reference to an object kept inside the worker (an instance of a class entry point)."""

    id: int


@dataclass(frozen=True)
class AdapterSpec:
    """An argument the worker builds itself from plain data, by the adapter's name."""

    name: str
    payload: Any
    options: Any = None


def _pack_int(n: int) -> msgpack.ExtType:
    length = (n.bit_length() + 8) // 8
    if length > MAX_INT_BYTES:
        raise CodecError(f"int of {n.bit_length()} bits is larger than the codec allows")
    return msgpack.ExtType(EXT_BIGINT, n.to_bytes(length, "big", signed=True))


def _default(obj: Any) -> Any:
    kind = type(obj)
    if kind is tuple:
        return msgpack.ExtType(EXT_TUPLE, packb(list(obj)))
    if kind is set or kind is frozenset:
        code = EXT_SET if kind is set else EXT_FROZENSET
        return msgpack.ExtType(code, packb(list(obj)))
    if kind is int:
        return _pack_int(obj)
    if kind is complex:
        return msgpack.ExtType(EXT_COMPLEX, packb([obj.real, obj.imag]))
    if kind is Fraction:
        return msgpack.ExtType(EXT_FRACTION, packb([obj.numerator, obj.denominator]))
    if kind is Handle:
        return msgpack.ExtType(EXT_HANDLE, packb(obj.id))
    if kind is AdapterSpec:
        return msgpack.ExtType(EXT_ADAPTER, packb([obj.name, obj.payload, obj.options]))
    if kind.__module__ == "numpy":
        return _pack_numpy(obj)
    raise CodecError(f"unsupported type {_type_name(obj)}")


def _type_name(obj: Any) -> str:
    kind = type(obj)
    module = getattr(kind, "__module__", "") or ""
    name = getattr(kind, "__qualname__", kind.__name__)
    return name if module in ("builtins", "") else f"{module}.{name}"


def _pack_numpy(obj: Any) -> Any:
    import numpy as np  # only reached when numpy is already imported by whoever built the value

    if isinstance(obj, np.ndarray):
        if obj.dtype.kind in _REFUSED_DTYPE_KINDS or obj.dtype.fields is not None:
            raise CodecError(f"unsupported array dtype {obj.dtype}")
        arr = obj if obj.flags.c_contiguous else obj.copy(order="C")
        buffers = getattr(_state, "out", None)
        if buffers is None:  # a standalone packb: the bytes go inline
            return msgpack.ExtType(EXT_NDARRAY, packb([arr.dtype.str, list(arr.shape), arr.tobytes()]))
        buffers.append(memoryview(arr.reshape(-1).view(np.uint8)))  # no copy: the pipe reads the array itself
        return msgpack.ExtType(EXT_NDARRAY, packb([arr.dtype.str, list(arr.shape), len(buffers) - 1]))
    if isinstance(obj, np.generic) and obj.dtype.kind not in _REFUSED_DTYPE_KINDS:
        return obj.item()
    raise CodecError(f"unsupported type {_type_name(obj)}")


def _ext_hook(code: int, data: bytes) -> Any:
    if code == EXT_TUPLE:
        return tuple(unpackb(data))
    if code == EXT_SET:
        return set(unpackb(data))
    if code == EXT_FROZENSET:
        return frozenset(unpackb(data))
    if code == EXT_BIGINT:
        return int.from_bytes(data, "big", signed=True)
    if code == EXT_COMPLEX:
        real, imag = unpackb(data)
        return complex(real, imag)
    if code == EXT_FRACTION:
        num, den = unpackb(data)
        return Fraction(num, den)
    if code == EXT_HANDLE:
        return Handle(unpackb(data))
    if code == EXT_ADAPTER:
        name, payload, options = unpackb(data)
        return AdapterSpec(name, payload, options)
    if code == EXT_NDARRAY:
        return _unpack_ndarray(data)
    raise CodecError(f"unknown extension type {code}")


def _unpack_ndarray(data: bytes) -> Any:
    import numpy as np

    dtype_str, shape, raw = unpackb(data)
    if isinstance(raw, int):
        buffers = getattr(_state, "into", None) or []
        if not 0 <= raw < len(buffers):
            raise CodecError("array refers to a missing buffer")
        raw = buffers[raw]
    dtype = np.dtype(dtype_str)
    if dtype.kind in _REFUSED_DTYPE_KINDS or dtype.fields is not None:
        raise CodecError(f"unsupported array dtype {dtype}")
    count = 1
    for dim in shape:
        count *= dim
    if count * dtype.itemsize != len(raw):
        raise CodecError("array payload does not match its shape")
    return np.frombuffer(raw if isinstance(raw, bytearray) else bytearray(raw), dtype=dtype).reshape(tuple(shape))


def packb(obj: Any) -> bytes:
    """Encode plain data; raise CodecError for anything else."""
    try:
        return msgpack.packb(obj, default=_default, use_bin_type=True, strict_types=True,
                             unicode_errors=STR_ERRORS)
    except CodecError:
        raise
    except (TypeError, ValueError, OverflowError) as exc:
        raise CodecError(str(exc) or type(exc).__name__) from None


def unpackb(data: bytes) -> Any:
    try:
        return msgpack.unpackb(data, ext_hook=_ext_hook, raw=False, strict_map_key=False, use_list=True,
                               unicode_errors=STR_ERRORS)
    except CodecError:
        raise
    except Exception as exc:
        raise CodecError(f"malformed frame: {exc}") from None


def roundtrip(obj: Any) -> Any:
    """A fresh plain copy of obj, exactly as it would arrive on the other side."""
    return unpackb(packb(obj))


def encode_frame(obj: Any, max_bytes: int = MAX_FRAME_BYTES) -> list[Any]:
    """The parts of one frame: header, msgpack body, then each array's bytes (not copied) with its length."""
    _state.out = buffers = []
    try:
        body = packb(obj)
    finally:
        _state.out = None
    total = len(body) + sum(b.nbytes for b in buffers)
    if total > max_bytes:
        raise CodecError(f"message of {total} bytes exceeds the frame cap of {max_bytes} bytes")
    parts: list[Any] = [_HEADER.pack(len(body), len(buffers)), body]
    for buffer in buffers:
        parts += [_BUFFER_LENGTH.pack(buffer.nbytes), buffer]
    return parts


def decode_frame(body: bytes, buffers: list[bytearray]) -> Any:
    _state.into = buffers
    try:
        return unpackb(body)
    finally:
        _state.into = None


def read_frame_from(read: Any, max_bytes: int = MAX_FRAME_BYTES) -> Any:
    """Read one frame with `read(n) -> bytes` (exactly n bytes), checking the cap before each allocation."""
    length, count = _HEADER.unpack(read(_HEADER.size))
    total = length
    if total > max_bytes or count > 1 << 16:
        raise CodecError(f"message of {total} bytes exceeds the frame cap of {max_bytes} bytes")
    body = read(length)
    buffers = []
    for _ in range(count):
        (size,) = _BUFFER_LENGTH.unpack(read(_BUFFER_LENGTH.size))
        total += size
        if total > max_bytes:
            raise CodecError(f"message of {total} bytes exceeds the frame cap of {max_bytes} bytes")
        buffers.append(read(size))
    return decode_frame(body, buffers)


def write_frame(fd: int, obj: Any, max_bytes: int = MAX_FRAME_BYTES) -> None:
    for part in encode_frame(obj, max_bytes):
        view = memoryview(part).cast("B")
        while view:
            view = view[os.write(fd, view):]


def read_exact(fd: int, n: int) -> bytearray:
    out = bytearray(n)
    view = memoryview(out)
    got = 0
    while got < n:
        count = os.readv(fd, [view[got:]])
        if not count:
            raise PeerClosed("pipe closed")
        got += count
    return out


def read_frame(fd: int, max_bytes: int = MAX_FRAME_BYTES) -> Any:
    return read_frame_from(lambda n: read_exact(fd, n), max_bytes)
