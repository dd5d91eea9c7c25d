"""The YAML loader every data file is read with (rules, questions, the lexicon, the library).

YAML keeps the last of two equal keys in one mapping without a word: a rule's second
`unless:` would drop its first, a lexicon's second `middle_back:` its first. This loader
refuses them, so the file's author is told which key, and where. It builds on the C loader
when PyYAML was built with it (several times faster, the same results).
"""

from __future__ import annotations

_LOADER: list[type] = []


def strict_loader() -> type:
    if _LOADER:
        return _LOADER[0]
    import yaml  # (here: a command reads prepared forms, without YAML)

    base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

    class StrictLoader(base):  # type: ignore[valid-type,misc]
        def construct_mapping(self, node, deep=False):
            seen = set()
            for key_node, _ in node.value:
                key = self.construct_object(key_node, deep=deep)
                if key in seen:
                    raise yaml.constructor.ConstructorError(
                        None, None, f"the key {key!r} is given twice", key_node.start_mark)
                seen.add(key)
            return super().construct_mapping(node, deep)

    _LOADER.append(StrictLoader)
    return StrictLoader
