"""Arguments the worker builds itself, where plain data cannot express what a hidden test needs.

Runs inside the sandbox worker (and in the trusted in-process backend): standard library only.
Each adapter turns an `AdapterSpec` payload into the real argument, reports statistics after the call
and unwraps its own objects from the result so that only plain data goes back.
"""

from __future__ import annotations

from typing import Any


class BudgetExceeded(BaseException):
    """Raised inside the worker once an instrumented argument has used up its operation budget.

    A BaseException so that a submission's `except Exception` does not swallow it by accident; a
    hostile one may still catch it, which is why the budget state is reported separately in the stats.
    """


class _Counter:
    __slots__ = ("budget", "count", "exceeded")

    def __init__(self, budget: int | None) -> None:
        self.count = 0
        self.budget = budget
        self.exceeded = False

    def tick(self) -> None:
        self.count += 1
        if self.budget is not None and self.count > self.budget:
            self.exceeded = True
            raise BudgetExceeded(f"more than {self.budget} comparisons")


def _make_counted_class(counter: _Counter) -> type:
    """A fresh class per call, so that a submission cannot reach one shared counter from another call."""

    class Item:
        __slots__ = ("value",)

        def __init__(self, value: Any) -> None:
            self.value = value

        def __lt__(self, other: Any) -> bool:
            counter.tick()
            return self.value < _plain(other)

        def __le__(self, other: Any) -> bool:
            counter.tick()
            return self.value <= _plain(other)

        def __gt__(self, other: Any) -> bool:
            counter.tick()
            return self.value > _plain(other)

        def __ge__(self, other: Any) -> bool:
            counter.tick()
            return self.value >= _plain(other)

        def __eq__(self, other: Any) -> bool:
            counter.tick()
            return self.value == _plain(other)

        def __ne__(self, other: Any) -> bool:
            counter.tick()
            return self.value != _plain(other)

        def __hash__(self) -> int:
            return hash(self.value)

        def __repr__(self) -> str:
            return repr(self.value)

    def _plain(other: Any) -> Any:
        return other.value if type(other) is Item else other

    Item.__qualname__ = Item.__name__ = "Item"
    return Item


class CountingItems:
    """A list of items that count every rich comparison made on them."""

    def __init__(self, payload: Any, options: Any) -> None:
        budget = (options or {}).get("budget")
        self.counter = _Counter(budget)
        self.item_class = _make_counted_class(self.counter)
        self.value = [self.item_class(v) for v in payload]

    def stats(self) -> dict:
        return {"comparisons": self.counter.count, "budget_exceeded": self.counter.exceeded}

    def unwrap(self, obj: Any) -> Any:
        """Replace the instrumented items in obj (a result or an argument) by their plain values."""
        kind = type(obj)
        if kind is self.item_class:
            return obj.value
        if kind is list:
            return [self.unwrap(x) for x in obj]
        if kind is tuple:
            return tuple(self.unwrap(x) for x in obj)
        if kind is dict:
            return {self.unwrap(k): self.unwrap(v) for k, v in obj.items()}
        return obj


ADAPTERS: dict[str, type] = {
    "counting_items": CountingItems,
}


class AdapterSet:
    """The adapters built for one call: builds them from the arguments, then reports and unwraps."""

    def __init__(self) -> None:
        self.active: list[Any] = []

    def build(self, obj: Any, spec_type: type) -> Any:
        """Replace every AdapterSpec in obj (args or kwargs, nested in lists/tuples/dicts) by its object."""
        kind = type(obj)
        if kind is spec_type:
            factory = ADAPTERS.get(obj.name)
            if factory is None:
                raise ValueError(f"unknown adapter {obj.name!r}")
            adapter = factory(obj.payload, obj.options)
            self.active.append(adapter)
            return adapter.value
        if kind is list:
            return [self.build(x, spec_type) for x in obj]
        if kind is tuple:
            return tuple(self.build(x, spec_type) for x in obj)
        if kind is dict:
            return {k: self.build(v, spec_type) for k, v in obj.items()}
        return obj

    def stats(self) -> dict:
        merged: dict = {}
        for adapter in self.active:
            for key, value in adapter.stats().items():
                if isinstance(value, bool):
                    merged[key] = merged.get(key, False) or value
                else:
                    merged[key] = merged.get(key, 0) + value
        return merged

    def unwrap(self, obj: Any) -> Any:
        for adapter in self.active:
            obj = adapter.unwrap(obj)
        return obj
