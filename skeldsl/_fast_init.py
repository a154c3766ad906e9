"""Cheap construction for frozen dataclasses that are built on hot paths (IR nodes, skeleton nodes).

The ``__init__`` that ``dataclass(frozen=True)`` generates stores each field through
``object.__setattr__``, a call per field; extractors build one IR node per interesting syntax node, so
that cost adds up (measured: about twice the cost of storing into the instance dict).  ``fast_init``
replaces the generated ``__init__`` with one that stores into ``self.__dict__`` and then runs
``__post_init__`` (validation) when the class has one.  Instances stay immutable (``__setattr__`` still
raises ``FrozenInstanceError``); fields, their order and defaults, equality, hashing, ``repr`` and
``dataclasses.replace`` are unchanged.
"""

from __future__ import annotations

from dataclasses import MISSING, fields


def fast_init(*classes: type) -> None:
    """Install the dict-storing ``__init__`` on each frozen dataclass (not slotted, no default factories)."""
    for cls in classes:
        params, stores, defaults = [], [], {}
        for f in fields(cls):
            if f.default_factory is not MISSING or not f.init:  # pragma: no cover - none in this package
                raise TypeError(f"fast_init does not handle {cls.__name__}.{f.name}")
            if f.default is not MISSING:
                defaults[f"_d_{f.name}"] = f.default
                params.append(f"{f.name}=_d_{f.name}")
            else:
                params.append(f.name)
            stores.append(f"    d[{f.name!r}] = {f.name}")
        if hasattr(cls, "__post_init__"):
            stores.append("    self.__post_init__()")
        source = f"def __init__(self, {', '.join(params)}):\n    d = self.__dict__\n" + "\n".join(stores) + "\n"
        namespace: dict = {}
        exec(source, defaults, namespace)  # noqa: S102 - code built from the class's own field names
        init = namespace["__init__"]
        init.__qualname__ = f"{cls.__qualname__}.__init__"
        cls.__init__ = init  # type: ignore[misc]
