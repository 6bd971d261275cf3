"""Small value objects without :mod:`dataclasses`.

Importing dataclasses pulls in inspect (and ast, dis, tokenize …), which was a third of what
`editor-app detect` spent before reading a byte. The detection and codec records are few and
simple, so they get ``==``, ``hash`` and ``repr`` from their ``__slots__`` here instead.
"""

from __future__ import annotations


class Record:
    """Equality, hashing and repr over ``__slots__`` (in declared order, like dataclass fields,
    hence the unsorted slots); subclasses that are mutable set
    ``__hash__ = None`` (as a non-frozen dataclass would)."""

    __slots__: tuple[str, ...] = ()

    def _values(self) -> tuple[object, ...]:
        return tuple(getattr(self, name) for name in self.__slots__)

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        assert isinstance(other, Record)
        return self._values() == other._values()

    def __hash__(self) -> int:
        return hash(self._values())

    def __repr__(self) -> str:
        fields = ", ".join(f"{name}={getattr(self, name)!r}" for name in self.__slots__)
        return f"{type(self).__name__}({fields})"


class FrozenRecord(Record):
    """A :class:`Record` whose fields cannot be reassigned after ``__init__``."""

    __slots__ = ()

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"cannot assign to field {name!r}")

    def _set(self, name: str, value: object) -> None:
        object.__setattr__(self, name, value)
