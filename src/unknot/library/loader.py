"""Load library files (YAML, one technique a file) through the schema.

A broken file stops loading with a `LibraryError` naming the file and the
field, e.g. `neck-glide.yaml: steps.2.cues.0.at: cue at 40s is not inside…`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path

from pydantic import ValidationError

from unknot.library.schema import Technique

DATA_DIR = Path(__file__).parent / "data"
TECHNIQUES_DIR = DATA_DIR / "techniques"




class LibraryError(ValueError):
    """A library file could not be read or does not fit the schema."""


def _format_validation(path: Path, error: ValidationError) -> str:
    lines = []
    for item in error.errors():
        where = ".".join(str(part) for part in item["loc"]) or "(file)"
        lines.append(f"{path.name}: {where}: {item['msg']}")
    return "\n".join(lines)


def load_technique_file(path: Path) -> Technique:
    """Read one YAML file into a `Technique`, or raise `LibraryError` saying what to fix."""
    import yaml  # (here: a command loads the library's prepared form, without YAML)

    from unknot.strict_yaml import strict_loader

    try:
        raw = yaml.load(path.read_text(encoding="utf-8"), Loader=strict_loader())
    except (OSError, UnicodeDecodeError) as exc:
        raise LibraryError(f"{path.name}: cannot read the file: {exc}") from exc
    except yaml.YAMLError as exc:
        raise LibraryError(f"{path.name}: not valid YAML: {exc}") from exc
    if not isinstance(raw, dict):
        raise LibraryError(f"{path.name}: expected a mapping of fields, found {type(raw).__name__}")
    try:
        technique = Technique.model_validate(raw)
    except ValidationError as exc:
        raise LibraryError(_format_validation(path, exc)) from exc
    if technique.id != path.stem:
        raise LibraryError(f"{path.name}: id: {technique.id!r} must match the file name "
                           f"{path.stem!r}")
    return technique


@dataclass(frozen=True)
class Library:
    """All techniques, by id, in a stable order."""

    techniques: tuple[Technique, ...]

    @cached_property
    def by_id(self) -> dict[str, Technique]:
        return {technique.id: technique for technique in self.techniques}

    @cached_property
    def region_sets(self) -> dict[str, frozenset[str]]:
        """Each technique's regions with `head` expanded, worked out once (the planner's hot path)."""
        from unknot.vocabulary import expand_regions

        return {t.id: frozenset(expand_regions(t.regions)) for t in self.techniques}

    def get(self, technique_id: str) -> Technique | None:
        return self.by_id.get(technique_id)

    def filter(self, region: str | None = None, goal: str | None = None,
               tool: str | None = None, kind: str | None = None) -> list[Technique]:
        """Techniques that touch `region`, serve `goal`, use `tool` and are of `kind`."""
        from unknot.vocabulary import expand_regions

        out = []
        for technique in self.techniques:
            if region and not (expand_regions([region]) & expand_regions(technique.regions)):
                continue
            if goal and goal not in technique.goals:
                continue
            if tool and tool != "hands" and tool not in technique.tools:
                continue
            if kind and technique.kind != kind:
                continue
            out.append(technique)
        return out


def load_library_from(paths: Iterable[Path]) -> Library:
    """Load the given files; ids must be unique across them."""
    techniques: list[Technique] = []
    seen: dict[str, str] = {}
    errors: list[str] = []
    for path in sorted(paths):
        try:
            technique = load_technique_file(path)
        except LibraryError as exc:
            errors.append(str(exc))
            continue
        if technique.id in seen:
            errors.append(f"{path.name}: id: {technique.id!r} is already used by {seen[technique.id]}")
            continue
        seen[technique.id] = path.name
        techniques.append(technique)
    if errors:
        raise LibraryError("\n".join(errors))
    return Library(tuple(techniques))


def load_library_dir(directory: Path) -> Library:
    if not directory.is_dir():
        raise LibraryError(f"{directory}: no such library folder")
    return load_library_from(directory.glob("*.yaml"))


@lru_cache(maxsize=1)
def default_library() -> Library:
    """The library shipped with unknot (loaded once per process, from a prepared form
    that is made afresh when a file changes)."""
    from unknot import prepared

    if not TECHNIQUES_DIR.is_dir():
        return load_library_dir(TECHNIQUES_DIR)  # says what is missing
    files = sorted(TECHNIQUES_DIR.glob("*.yaml"))
    return prepared.load("library", files, lambda: load_library_from(files), Library)
