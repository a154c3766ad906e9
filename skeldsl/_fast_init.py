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


def fast_init(*classes: type, inline: bool = False) -> None:
    """Install the dict-storing ``__init__`` on each frozen dataclass (not slotted, no default factories).

    ``inline=True`` stores through a prebound ``object.__setattr__`` instead: slower to build (a call per
    field) but CPython (3.11+) then keeps the attributes in the object's inline values, where reads are
    about twice as fast as from the instance dict that ``self.__dict__`` materialises; for classes whose
    instances are read many times over (the IR, walked by every normaliser analysis)."""
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
            stores.append(f"    _set(self, {f.name!r}, {f.name})" if inline else f"    d[{f.name!r}] = {f.name}")
        if hasattr(cls, "__post_init__"):
            stores.append("    self.__post_init__()")
        defaults["_set"] = object.__setattr__
        head = "" if inline else "    d = self.__dict__\n"
        source = f"def __init__(self, {', '.join(params)}):\n{head}" + "\n".join(stores or ["    pass"]) + "\n"
        namespace: dict = {}
        exec(source, defaults, namespace)  # noqa: S102 - code built from the class's own field names
        init = namespace["__init__"]
        init.__qualname__ = f"{cls.__qualname__}.__init__"
        cls.__init__ = init  # type: ignore[misc]
