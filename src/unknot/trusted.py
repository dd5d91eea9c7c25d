"""Make a pydantic model from values already known to be valid, without validating them.

A plan is made of hundreds of small objects (steps, cues, findings) whose every
value comes from data checked once at load; validating each again costs about
three times the making (`tests/test_planner_reference.py` proves the plans are
the same, byte for byte). Only for values the model would accept unchanged: the
right types, lists where it wants lists, every field given.
"""

from __future__ import annotations

from typing import Any, TypeVar

from pydantic import BaseModel

M = TypeVar("M", bound=BaseModel)

_new = object.__new__
_set = object.__setattr__


def trusted(cls: type[M], values: dict[str, Any]) -> M:
    """`cls(**values)` as validation would make it from valid values (the same fields set),
    made directly. `values` becomes the object's own dict: pass a fresh one."""
    made = _new(cls)
    _set(made, "__dict__", values)
    _set(made, "__pydantic_fields_set__", set(values))
    _set(made, "__pydantic_extra__", None)
    _set(made, "__pydantic_private__", None)
    return made
