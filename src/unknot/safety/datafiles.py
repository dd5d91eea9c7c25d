"""Reading safety data files: rules and questions share one loader, so both report a
broken file the same way — the file, the entry's id, the field and what is wrong."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from pydantic import BaseModel, ValidationError

from unknot.strict_yaml import strict_loader

if TYPE_CHECKING:  # imported where the files are read: a prepared form needs no YAML
    import yaml

Entry = TypeVar("Entry", bound=BaseModel)


def load_entries(paths: Iterable[Path], model: type[Entry], noun: str,
                 prepare: Callable[[Path, dict[str, Any]], dict[str, Any]] | None = None,
                 ) -> tuple[list[tuple[Path, Entry]], list[str]]:
    """Every entry of every file (a YAML list each), validated by `model`; ids must be
    unique across the files. Returns the entries with their file, and the problems."""
    import yaml

    entries: list[tuple[Path, Entry]] = []
    seen: dict[str, str] = {}
    errors: list[str] = []
    for path in sorted(paths):
        try:
            raw = yaml.load(path.read_text(encoding="utf-8"), Loader=strict_loader())
        except (OSError, yaml.YAMLError) as exc:
            errors.append(f"{path.name}: cannot read: {_why_unreadable(exc)}")
            continue
        if not isinstance(raw, list):
            errors.append(f"{path.name}: expected a list of {noun}s")
            continue
        for index, item in enumerate(raw):
            label = item.get("id", f"#{index}") if isinstance(item, dict) else f"#{index}"
            if prepare is not None and isinstance(item, dict):
                item = prepare(path, item)
            try:
                entry = model.model_validate(item)
            except ValidationError as exc:
                for problem in exc.errors():
                    where = ".".join(str(p) for p in problem["loc"]) or f"({noun})"
                    errors.append(f"{path.name}: {noun} {label}: {where}: {problem['msg']}")
                continue
            entry_id = entry.id
            if entry_id in seen:
                errors.append(f"{path.name}: {noun} {entry_id}: id already used in {seen[entry_id]}")
                continue
            seen[entry_id] = path.name
            entries.append((path, entry))
    return entries, errors


def _why_unreadable(exc: OSError | yaml.YAMLError) -> str:
    """The fault in one line, with the line and column of the file for bad YAML (PyYAML's
    own text names "<unicode string>" and spreads over several lines)."""
    import yaml

    if isinstance(exc, yaml.MarkedYAMLError) and exc.problem_mark is not None:
        mark = exc.problem_mark
        context = f" ({exc.context})" if exc.context else ""
        return (f"not valid YAML at line {mark.line + 1}, column {mark.column + 1}: "
                f"{exc.problem}{context}")
    if isinstance(exc, OSError):
        return exc.strerror or str(exc)
    return " ".join(str(exc).split())
