"""The harness rejects a vignette file that breaks the format, naming file, id and field."""

from __future__ import annotations

from pathlib import Path

import pytest

from popliteal.errors import VignetteFileError
from popliteal.evaluation.vignettes import load_vignette_file, load_vignettes
from popliteal.knowledge import KnowledgeBase

GOOD = """format: popliteal-vignettes/1
vignettes:
  - id: v-1
    source: test
    age: 54
    sex: female
    narrative: The back of my knee feels tight.
    narrative_findings: {swelling_behind_knee: true}
    findings: {swelling_behind_knee: true, calf_swelling: false}
    gold: {condition: bakers_cyst, also_acceptable: [], triage: consultation}
"""


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "set.yaml"
    path.write_text(text)
    return path


def test_a_valid_file_loads(tmp_path: Path, kb: KnowledgeBase) -> None:
    [vignette] = load_vignette_file(_write(tmp_path, GOOD), kb)
    assert vignette.findings == {"swelling_behind_knee": True, "calf_swelling": False}


def test_a_folder_means_every_vignette_file_below_it(tmp_path: Path, kb: KnowledgeBase) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.yml").write_text(GOOD)
    (tmp_path / "b.yaml").write_text(GOOD.replace("v-1", "v-2"))
    assert {v.id for v in load_vignettes([tmp_path], kb)} == {"v-1", "v-2"}


@pytest.mark.parametrize(("broken", "field"), [
    (GOOD.replace("age: 54", "age: 12"), "age"),
    (GOOD.replace("sex: female", "sex: other"), "sex"),
    (GOOD.replace("calf_swelling: false", "calf_sweling: false"), "findings.calf_sweling"),
    (GOOD.replace("condition: bakers_cyst", "condition: bakers"), "gold.condition"),
    (GOOD.replace("triage: consultation", "triage: urgent"), "gold.triage"),
    (GOOD.replace("source: test", "source: test\n    colour: red"), "colour"),
    (GOOD.replace("{swelling_behind_knee: true}", "{swelling_behind_knee: false}"),
     "narrative_findings.swelling_behind_knee"),
])
def test_a_broken_vignette_names_file_id_and_field(tmp_path: Path, kb: KnowledgeBase,
                                                   broken: str, field: str) -> None:
    path = _write(tmp_path, broken)
    with pytest.raises(VignetteFileError) as raised:
        load_vignette_file(path, kb)
    assert raised.value.field == field
    assert raised.value.vignette_id == "v-1"
    assert str(path) in str(raised.value)


def test_a_duplicate_id_is_an_error(tmp_path: Path, kb: KnowledgeBase) -> None:
    twice = GOOD + GOOD.split("vignettes:\n")[1]
    with pytest.raises(VignetteFileError, match="duplicate id"):
        load_vignette_file(_write(tmp_path, twice), kb)


def test_a_wrong_format_line_is_an_error(tmp_path: Path, kb: KnowledgeBase) -> None:
    with pytest.raises(VignetteFileError) as raised:
        load_vignette_file(_write(tmp_path, GOOD.replace("/1", "/2")), kb)
    assert raised.value.field == "format"
