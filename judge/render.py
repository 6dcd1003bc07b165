"""Short, safe text for any value, for the report and for messages built by hidden tests.

A submission chooses the values the judge shows: an int of a million digits (str() refuses it past 4300
digits, and is quadratic below that), a list nested thousands deep, a 50 MB string, an array of a billion
entries, a list that contains itself. `shown` renders any of them within a character budget, in time
proportional to what it shows, and never raises: a value the judge cannot show is a verdict about the
submission, never a crash of the hidden test or of the report writer.
"""

from __future__ import annotations

import math
from fractions import Fraction
from typing import Any

SHOWN_CHARS = 500  # the width of the report's input / expected / got fields
MAX_DEPTH = 12  # containers deeper than this are shown by type and length
EXACT_INT_BITS = 1000  # about 300 digits: larger ints are shown by size, leading and trailing digits
EXACT_POWER_BITS = 1 << 23  # the exact digits of near-power-of-ten ints, per call, cost at most ~1 s
_LOG10_2 = math.log10(2)
_ARRAY_PRINTED = 200  # arrays numpy would print more entries of are shown as an excerpt


class Shown(str):
    """Text already rendered by `shown`: passed to `shown` (or a report field) again it stays as it is."""

    __slots__ = ()


class _Full(Exception):
    """The budget is spent: stop rendering."""


class _Writer:
    def __init__(self, limit: int) -> None:
        self.parts: list[str] = []
        self.left = limit
        self.full = False
        self.exact_bits_left = EXACT_POWER_BITS
        self.powers: dict[int, int] = {}
        self.path: set[int] = set()  # ids of the containers being rendered (cycles)

    def write(self, text: str) -> None:
        if len(text) > self.left:
            self.parts.append(text[: self.left])
            self.left, self.full = 0, True
            raise _Full
        self.parts.append(text)
        self.left -= len(text)

    def power_of_ten(self, exponent: int) -> int:
        """10**exponent, remembered: ints of one size (a list of copies) share it; a tenth of a known one is cheap."""
        if exponent not in self.powers:
            above = self.powers.get(exponent + 1)
            self.powers[exponent] = above // 10 if above is not None else 10**exponent
        return self.powers[exponent]

    def may_compute_power(self, exponent: int, bits: int) -> bool:
        """Whether the exact digits of an int of `bits` bits fit in what this rendering may spend on them."""
        if exponent in self.powers or exponent + 1 in self.powers:
            return True
        if bits > self.exact_bits_left:
            return False
        self.exact_bits_left -= bits
        return True


def printable(text: str) -> str:
    """`text` with lone surrogates escaped (`\\ud800`): a str the submission made may hold them (they cross
    the boundary as they are), and no UTF-8 writer of the report (JSON, terminal, JUnit) can encode them."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return text.encode("utf-8", "backslashreplace").decode("utf-8")
    return text


def shown(value: Any, limit: int = SHOWN_CHARS) -> Shown:
    """`value` as text of at most about `limit` characters (Python syntax where it fits); never raises."""
    if isinstance(value, Shown):
        text = printable(value if len(value) <= limit else value[: max(limit - 3, 0)] + "...")
        return value if text is value else Shown(text)
    writer = _Writer(limit)
    try:
        _value(writer, value, 0)
    except _Full:
        pass
    except Exception as exc:  # a value's own __repr__ may raise anything
        return Shown(f"<{_type_name(value)} that cannot be shown: {type(exc).__name__}>")
    text = "".join(writer.parts)
    if not writer.full:
        return Shown(text)
    suffix = f" [{_size_of(value)}]" if _size_of(value) else ""
    return Shown(text[: max(limit - 3 - len(suffix), 0)] + "..." + suffix)


def _type_name(value: Any) -> str:
    try:
        return type(value).__qualname__
    except Exception:
        return "value"


def _size_of(value: Any) -> str:
    """What a cut-off rendering leaves out: the size of the whole value."""
    if isinstance(value, str):
        return f"str of {len(value):,} characters"
    if isinstance(value, (bytes, bytearray)):
        return f"{type(value).__name__} of {len(value):,} bytes"
    if isinstance(value, (list, tuple, dict, set, frozenset)):
        return f"{_type_name(value)} of {_count(len(value), 'item')}"
    return ""


def _count(n: int, noun: str) -> str:
    return f"{n:,} {noun}" if n == 1 else f"{n:,} {noun}s"


def _value(w: _Writer, value: Any, depth: int) -> None:
    kind = type(value)
    if kind is Shown:
        w.write(value)
    elif value is None or kind in (bool, float, complex):
        w.write(repr(value))
    elif kind is int:
        w.write(int.__repr__(value) if value.bit_length() <= EXACT_INT_BITS else _big_int(w, value))
    elif isinstance(value, str):
        _text(w, str.__getitem__(value, slice(0, w.left + 1)), len(value), "characters")
    elif isinstance(value, (bytes, bytearray)):
        head = bytes(value[: w.left + 1])
        prefix = "bytearray(" if isinstance(value, bytearray) else ""
        w.write(prefix)
        _text(w, head, len(value), "bytes")
        w.write(")" if prefix else "")
    elif isinstance(value, (list, tuple, dict, set, frozenset)):
        _container(w, value, depth)
    elif kind is Fraction:
        w.write("Fraction(")
        _value(w, value.numerator, depth + 1)
        w.write(", ")
        _value(w, value.denominator, depth + 1)
        w.write(")")
    elif getattr(kind, "__module__", "") == "numpy":
        _numpy(w, value, depth)
    elif isinstance(value, int):  # an int subclass (IntEnum) with a readable repr, or a huge one
        w.write(repr(value) if value.bit_length() <= EXACT_INT_BITS else _big_int(w, int(value)))
    else:
        _repr(w, value)


def _repr(w: _Writer, value: Any) -> None:
    try:
        text = repr(value)
    except Exception as exc:
        text = f"<{_type_name(value)} that cannot be shown: {type(exc).__name__}>"
    w.write(text)


def _text(w: _Writer, head: str | bytes, length: int, unit: str) -> None:
    """A str or bytes value (`head`: its first characters): its repr when that fits, else the repr of as much
    of its start as fits (escapes make a repr up to 10 times longer than the text) and its length."""
    if len(head) == length:
        text = repr(head)
        if len(text) <= w.left:
            w.write(text)
            return
    suffix = f"... ({length:,} {unit})"
    room = max(w.left - len(suffix), 8)
    n = min(len(head), room)
    text = repr(head[:n])
    while len(text) > room and n > 1:
        n = max(1, n * room // len(text) - 1)
        text = repr(head[:n])
    w.write(text + suffix)


def _big_int(w: _Writer, n: int) -> str:
    """`<int of 1,000,001 digits: 1000...0000>` without str(): the length from bit_length, the leading digits
    from logarithms (exactly, by one division with a small quotient, near a power of ten), the trailing ones
    by a remainder. All in time linear in the size of n, but for the rare exact case."""
    sign, n = ("-", -n) if n < 0 else ("", n)
    bits = n.bit_length()
    shift = bits - 64
    log = math.log10(n >> shift) + shift * _LOG10_2
    whole = math.floor(log)
    scaled = 10 ** (log - whole + 3)  # the four leading digits, as a float in [1000, 10000]
    digits, leading, about = whole + 1, int(scaled), ""
    if abs(scaled - round(scaled)) < 1e-3 or not 1000 <= leading < 10000:
        if w.may_compute_power(max(digits, 5) - 4, bits):
            digits, leading = _exact_leading(w, n, digits)
        else:
            about = "about "
    trailing = n % 10_000
    return f"<int of {about}{digits:,} digits: {sign}{leading}...{trailing:04d}>"


def _exact_leading(w: _Writer, n: int, digits: int) -> tuple[int, int]:
    """The number of digits and the four leading digits of n (at least 5 digits), given an estimate +-1."""
    digits = max(digits, 5)
    leading = n // w.power_of_ten(digits - 4)  # a quotient of a few digits: one linear division
    while leading >= 10_000:
        digits, leading = digits + 1, leading // 10
    while leading < 1000:
        digits -= 1
        leading = n // w.power_of_ten(digits - 4)
    return digits, leading


_BRACKETS = {list: ("[", "]"), tuple: ("(", ")"), set: ("{", "}"), frozenset: ("frozenset({", "})"), dict: ("{", "}")}


def _container(w: _Writer, value: Any, depth: int) -> None:
    base = next(b for b in (dict, list, tuple, frozenset, set) if isinstance(value, b))
    if id(value) in w.path:
        w.write("[...]" if base is list else "{...}" if base is dict else "(...)")
        return
    if depth >= MAX_DEPTH:
        w.write(f"<{_type_name(value)} of {_count(len(value), 'item')}>")
        return
    custom = type(value) is not base
    if base is set and not value and not custom:
        w.write("set()")
        return
    opening, closing = _BRACKETS[base]
    w.write(f"{_type_name(value)}({opening}" if custom else opening)
    w.path.add(id(value))
    try:
        for i, item in enumerate(value.items() if base is dict else value):
            if i:
                w.write(", ")
            if base is dict:
                _value(w, item[0], depth + 1)
                w.write(": ")
            _value(w, item[1] if base is dict else item, depth + 1)
    finally:
        w.path.discard(id(value))
    w.write("," if base is tuple and len(value) == 1 else "")
    w.write(f"{closing})" if custom else closing)


def _numpy(w: _Writer, value: Any, depth: int) -> None:
    import numpy as np  # only reached for a value numpy made, so it is imported already

    if not isinstance(value, np.ndarray):
        if isinstance(value, np.generic) and value.dtype.kind in "USO":
            _value(w, value.item(), depth)
        else:
            _repr(w, value)
        return
    head = f"array{value.shape} {value.dtype}"
    printed = math.prod(min(side, 6) for side in value.shape) if value.size > 20 else value.size
    if value.dtype.kind not in "OV" and printed <= _ARRAY_PRINTED:
        with np.printoptions(precision=6, threshold=20, edgeitems=3, linewidth=100):
            w.write(f"{head}: {value!s}")
        return
    w.write(f"{head}, {value.size:,} entries, starting ")
    _value(w, value.reshape(-1)[:8].tolist(), depth)


EXCERPT_ROWS = 2  # rows (and, for 1-D arrays, entries) shown each side of the focus
EXCERPT_COLS = 3  # columns shown each side of the focus


def array_excerpt(value: Any, focus: tuple[int, ...] | None = None, limit: int = SHOWN_CHARS) -> Shown:
    """An array as a person reads it: shape and dtype, then NumPy's own printing of the whole array when it is
    small, else of the window around `focus` (the first mismatch) with the window's place in the array.

    Anything else (or an array NumPy cannot print plainly) is shown as `shown` shows it; never raises."""
    import numpy as np

    if type(value) is not np.ndarray or value.dtype.kind in "OV" or value.ndim == 0:
        return shown(value, limit)
    try:
        head = f"array{value.shape} {value.dtype}"
        if value.size == 0:
            return Shown(f"{head} (empty)")
        focus = tuple(min(max(int(i), 0), side - 1) for i, side in zip(focus or (0,) * value.ndim, value.shape,
                                                                           strict=False))
        focus += (0,) * (value.ndim - len(focus))
        window, where = _window(value, focus)
        with np.printoptions(precision=6, threshold=10**6, linewidth=100, suppress=False):
            body = np.array2string(window, separator=" ")
        place = "" if where is None else f", {where}"
        text = f"{head}{place}:\n{body}"
    except Exception as exc:  # an array subclass's printing may raise anything
        return Shown(f"<array that cannot be shown: {type(exc).__name__}>")
    return shown(Shown(text), limit)


def _window(value: Any, focus: tuple[int, ...]) -> tuple[Any, str | None]:
    """The part of `value` around `focus` that fits a report line or a few (all of it when it is small), and
    where it sits (`slice [3, :, :], rows 40:45, columns 7:14`); None when the window is the whole array."""
    fixed = focus[:-2]  # the leading axes of an N-D array: the focus's own 2-D slice
    plane = value[fixed] if fixed else value
    spans = [(EXCERPT_ROWS, "rows"), (EXCERPT_COLS, "columns")] if plane.ndim == 2 else [(EXCERPT_COLS * 2,
                                                                                           "entries")]
    slices, parts = [], []
    for (radius, noun), centre, side in zip(spans, focus[len(fixed):], plane.shape, strict=True):
        start = max(0, min(centre - radius, side - (2 * radius + 1)))
        stop = min(side, start + 2 * radius + 1)
        slices.append(slice(start, stop))
        if (start, stop) != (0, side):
            parts.append(f"{noun} {start}:{stop}")
    if fixed:
        parts.insert(0, f"slice [{', '.join(str(i) for i in fixed)}, :, :]")
    return plane[tuple(slices)], ", ".join(parts) or None
