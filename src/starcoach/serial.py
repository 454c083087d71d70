"""Frozen dataclasses to JSON-ready data and back: the one serializer of every record.

A record's JSON is its fields in order, or the names in its ``JSON_KEYS`` when it has that
class attribute (an order of its own, a field left out, a property). Field metadata
(``field(metadata=places(2))``, ``field(default=None, metadata=OMIT)``) says how a field is
written:

- ``digits``: the place its floats are rounded to, through tuples and nested records; a
  tuple of digits rounds each pair by position (``(2, 1)``: time to 0.01, value to 0.1);
- ``keys``: for nested records, the only fields written, at this field's ``digits`` (the
  rest are left at their defaults by ``rounded`` and ``load``);
- ``names``: pairs written as objects with these two keys (``{"start": .., "end": ..}``);
- ``omit``: the key is left out while the field holds its default.

``rounded(record)`` is the record as its JSON keeps it, made without going through JSON: the
analyzer rounds its figures once this way, so every view shows what is stored. ``dump`` writes
the JSON-ready data, ``load`` reads it back, typed by the fields' annotations; keys it does not
know are ignored and missing ones take the field's default.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from functools import cache
from pathlib import Path, PurePath
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R", bound="Record")


def places(digits: int | tuple[int, ...], *, keys: tuple[str, ...] | None = None,
           names: tuple[str, str] | None = None) -> dict[str, Any]:
    """Field metadata: floats written rounded to ``digits`` places, with ``keys`` and
    ``names`` as above (``field(metadata=places(2))``)."""
    meta: dict[str, Any] = {"digits": digits}
    if keys is not None:
        meta["keys"] = keys
    if names is not None:
        meta["names"] = names
    return meta


OMIT: dict[str, Any] = {"omit": True}
"""Field metadata: the key is left out while the field holds its default."""


def dump(value: Any) -> Any:
    """``value`` as JSON-ready data: records as objects, tuples as lists, figures rounded."""
    return _dump(value, None, None, None)


def rounded(record: T) -> T:
    """``record`` with every figure rounded as its JSON keeps it, nested records too; fields
    a ``keys`` list leaves out of the JSON go back to their defaults."""
    return _rounded(record, None, None)


def load(cls: type[T], data: Any) -> T:
    """The record of type ``cls`` that ``dump`` wrote as ``data``."""
    return typing.cast(T, _load(cls, data))


class Record:
    """A base for records that are stored or printed: ``to_dict`` and ``from_dict`` are
    ``dump`` and ``load``."""

    def to_dict(self) -> dict[str, Any]:
        return typing.cast(dict[str, Any], dump(self))

    @classmethod
    def from_dict(cls: type[R], d: dict[str, Any]) -> R:
        return load(cls, d)


# -- writing ------------------------------------------------------------------------------

def _keys(record: Any, only: tuple[str, ...] | None) -> tuple[str, ...]:
    if only is not None:
        return only
    own = getattr(type(record), "JSON_KEYS", None)
    return tuple(own) if own is not None else tuple(f.name for f in dataclasses.fields(record))


def _round(value: float, digits: int | tuple[int, ...] | None, pos: int = 0) -> float:
    if digits is None:
        return value
    if isinstance(digits, tuple):
        digits = digits[min(pos, len(digits) - 1)]
    return round(value, digits)


def _dump(value: Any, digits: Any, keys: tuple[str, ...] | None,
          names: tuple[str, str] | None) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        by_name = {f.name: f for f in dataclasses.fields(value)}
        out: dict[str, Any] = {}
        for name in _keys(value, keys):
            f = by_name.get(name)
            v = getattr(value, name)
            if f is None:  # a property named in JSON_KEYS
                out[name] = _dump(v, digits, None, None)
                continue
            if f.metadata.get("omit") and v == _default(f):
                continue
            d = digits if keys is not None else f.metadata.get("digits")
            out[name] = _dump(v, d, f.metadata.get("keys"), f.metadata.get("names"))
        return out
    if isinstance(value, tuple | list):
        if names is not None and len(value) == 2 and not _is_seq(value[0]):
            return {names[0]: _dump(value[0], digits, None, None),
                    names[1]: _dump(value[1], digits, None, None)}
        if _pair_of_figures(value, digits):
            return [None if v is None else _round(float(v), digits, i)
                    for i, v in enumerate(value)]
        return [_dump(v, digits, keys, names) for v in value]
    if isinstance(value, float):
        return _round(value, digits)
    if isinstance(value, PurePath):
        return str(value)
    if isinstance(value, dict):
        return {k: _dump(v, None, None, None) for k, v in value.items()}
    return value


def _is_seq(v: Any) -> bool:
    return isinstance(v, tuple | list)


def _pair_of_figures(value: tuple | list, digits: Any) -> bool:
    return (isinstance(digits, tuple) and bool(value)
            and all(v is None or isinstance(v, int | float) for v in value)
            and not any(isinstance(v, bool) for v in value))


def _default(f: dataclasses.Field) -> Any:
    if f.default is not dataclasses.MISSING:
        return f.default
    if f.default_factory is not dataclasses.MISSING:
        return f.default_factory()
    return dataclasses.MISSING


def _rounded(value: Any, digits: Any, keys: tuple[str, ...] | None) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        kept = set(_keys(value, keys))
        changes: dict[str, Any] = {}
        for f in dataclasses.fields(value):
            if not f.init:
                continue
            v = getattr(value, f.name)
            if f.name not in kept:
                default = _default(f)
                if default is not dataclasses.MISSING and v != default:
                    changes[f.name] = default
                continue
            d = digits if keys is not None else f.metadata.get("digits")
            new = _rounded(v, d, f.metadata.get("keys"))
            if new is not v:
                changes[f.name] = new
        return dataclasses.replace(value, **changes) if changes else value
    if isinstance(value, tuple):
        if _pair_of_figures(value, digits):
            pair = tuple(None if v is None else _round(float(v), digits, i)
                         for i, v in enumerate(value))
            return value if pair == value else pair
        items = tuple(_rounded(v, digits, keys) for v in value)
        return value if all(a is b for a, b in zip(items, value, strict=True)) else items
    if isinstance(value, float) and digits is not None:
        new = _round(value, digits)
        return value if new == value else new
    return value


# -- reading ------------------------------------------------------------------------------

@cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def _load(tp: Any, data: Any) -> Any:
    if tp is Any or data is None:
        return data
    origin = typing.get_origin(tp)
    if origin is typing.Union or origin is types.UnionType:
        options = [a for a in typing.get_args(tp) if a is not type(None)]
        return _load(options[0], data) if len(options) == 1 else data
    if origin is tuple:
        args = typing.get_args(tp)
        if isinstance(data, dict):  # a pair written with ``names``
            data = list(data.values())
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(_load(args[0], v) for v in data)
        return tuple(_load(a, v) for a, v in zip(args, data, strict=True))
    if origin is dict or tp is dict:
        return dict(data)
    if origin is list:
        (arg,) = typing.get_args(tp)
        return [_load(arg, v) for v in data]
    if dataclasses.is_dataclass(tp) and isinstance(tp, type):
        hints = _hints(tp)
        kwargs = {f.name: _load(hints[f.name], data[f.name])
                  for f in dataclasses.fields(tp) if f.init and f.name in data}
        return tp(**kwargs)
    if tp is float:
        return float(data)
    if tp is int:
        return int(data)
    if tp is bool:
        return bool(data)
    if tp is str:
        return str(data)
    if tp is Path:
        return Path(data)
    return data
