"""Framing and the msgpack codec used on both sides of the trust boundary.

Imported by the sandbox worker too, so this module may import only the standard library and msgpack
(numpy lazily, when an array actually crosses). Values cross as plain data only; never pickle.
"""

from __future__ import annotations

import os
import struct
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

import msgpack

MAX_FRAME_BYTES = 512 * 1024 * 1024
MAX_INT_BYTES = 1 << 20  # a 2.5-million-digit int is plenty; anything larger is refused

_HEADER = struct.Struct(">I")

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
        arr = np.ascontiguousarray(obj)
        return msgpack.ExtType(EXT_NDARRAY, packb([arr.dtype.str, list(arr.shape), arr.tobytes()]))
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
    dtype = np.dtype(dtype_str)
    if dtype.kind in _REFUSED_DTYPE_KINDS or dtype.fields is not None:
        raise CodecError(f"unsupported array dtype {dtype}")
    count = 1
    for dim in shape:
        count *= dim
    if count * dtype.itemsize != len(raw):
        raise CodecError("array payload does not match its shape")
    return np.frombuffer(bytearray(raw), dtype=dtype).reshape(shape)


def packb(obj: Any) -> bytes:
    """Encode plain data; raise CodecError for anything else."""
    try:
        return msgpack.packb(obj, default=_default, use_bin_type=True, strict_types=True)
    except CodecError:
        raise
    except (TypeError, ValueError, OverflowError) as exc:
        raise CodecError(str(exc) or type(exc).__name__) from None


def unpackb(data: bytes) -> Any:
    try:
        return msgpack.unpackb(data, ext_hook=_ext_hook, raw=False, strict_map_key=False, use_list=True)
    except CodecError:
        raise
    except Exception as exc:
        raise CodecError(f"malformed frame: {exc}") from None


def roundtrip(obj: Any) -> Any:
    """A fresh plain copy of obj, exactly as it would arrive on the other side."""
    return unpackb(packb(obj))


def write_frame(fd: int, obj: Any, max_bytes: int = MAX_FRAME_BYTES) -> None:
    payload = packb(obj)
    if len(payload) > max_bytes:
        raise CodecError(f"message of {len(payload)} bytes exceeds the frame cap of {max_bytes} bytes")
    view = memoryview(_HEADER.pack(len(payload)) + payload)
    while view:
        written = os.write(fd, view)
        view = view[written:]


def read_exact(fd: int, n: int) -> bytes:
    chunks = []
    remaining = n
    while remaining:
        chunk = os.read(fd, min(remaining, 1 << 20))
        if not chunk:
            raise PeerClosed("pipe closed")
        chunks.append(chunk)
        remaining -= len(chunk)
    return b"".join(chunks)


def read_frame(fd: int, max_bytes: int = MAX_FRAME_BYTES) -> Any:
    (length,) = _HEADER.unpack(read_exact(fd, _HEADER.size))
    if length > max_bytes:
        raise CodecError(f"message of {length} bytes exceeds the frame cap of {max_bytes} bytes")
    return unpackb(read_exact(fd, length))
