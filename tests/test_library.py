"""The library: the shipped content lints clean, and broken files say what to fix."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from unknot.library.lint import lint_library
from unknot.library.loader import TECHNIQUES_DIR, LibraryError, default_library, load_library_dir


def test_the_shipped_library_lints_clean():
    report = lint_library()
    assert report.ok, "\n".join(report.problems)


def test_it_has_enough_of_each_kind():
    kinds = [t.kind for t in default_library().techniques]
    assert kinds.count("massage") >= 45 and kinds.count("stretch") >= 6
    assert kinds.count("breathing") + kinds.count("meditation") >= 4


def test_every_technique_has_spoken_cues_and_facts():
    for technique in default_library().techniques:
        assert technique.steps[0].cues[0].at == 0
        assert technique.facts


def test_firm_techniques_carry_the_deep_pressure_tag():
    for technique in default_library().techniques:
        if "firm" in technique.pressures:
            assert "deep_pressure" in technique.modalities, technique.id


def _copy(tmp_path: Path, name: str, change) -> Path:
    raw = yaml.safe_load((TECHNIQUES_DIR / "temple-palm-lift.yaml").read_text())
    change(raw)
    folder = tmp_path / "lib"
    folder.mkdir(exist_ok=True)
    (folder / name).write_text(yaml.safe_dump(raw))
    return folder


@pytest.mark.parametrize("change, expected", [
    (lambda r: r.update(regions=["toes"]), "temple-palm-lift.yaml: regions.0"),
    (lambda r: r["steps"][0]["cues"].append({"at": 99, "say": "late"}), "steps.0"),
    (lambda r: r.pop("summary"), "summary: Field required"),
    (lambda r: r.update(pressures=["firm"]), "deep_pressure tag"),
])
def test_a_broken_file_names_the_file_and_field(tmp_path, change, expected):
    folder = _copy(tmp_path, "temple-palm-lift.yaml", change)
    with pytest.raises(LibraryError, match=expected.replace(".", r"\.")):
        load_library_dir(folder)


def test_the_id_must_match_the_file_name(tmp_path):
    folder = _copy(tmp_path, "other-name.yaml", lambda r: None)
    with pytest.raises(LibraryError, match="must match the file name"):
        load_library_dir(folder)


def test_invalid_yaml_is_reported(tmp_path):
    (tmp_path / "bad.yaml").write_text("id: [unclosed\n")
    with pytest.raises(LibraryError, match="bad.yaml: not valid YAML"):
        load_library_dir(tmp_path)


def test_a_field_given_twice_is_reported(tmp_path):
    (tmp_path / "twice.yaml").write_text("id: twice\nname: One\nname: Two\n")
    with pytest.raises(LibraryError, match="twice.yaml: not valid YAML.*'name' is given twice"):
        load_library_dir(tmp_path)


def test_lint_reports_timing_and_coverage_problems(tmp_path):
    folder = _copy(tmp_path, "temple-palm-lift.yaml",
                   lambda r: r.update(duration={"min": 200, "max": 300}))
    report = lint_library(folder, rule_ids=set())
    assert not report.ok
    text = "\n".join(report.problems)
    assert "outside the duration range" in text
    assert "no technique covers the region 'feet'" in text
    assert "at least 45 needed" in text
