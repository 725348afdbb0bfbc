"""`popliteal clinician`, run in-process: the terminal view, --json and --fhir."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from popliteal.cli.main import app
from popliteal.fhir import parse_resource, questionnaire, read_bundle, validate
from popliteal.fhir.questionnaire import AUDIENCES
from popliteal.knowledge import KnowledgeBase

runner = CliRunner()
CLOT = ["--age", "67", "--sex", "female", "-f", "calf_swelling=yes", "-f", "pitting_oedema",
        "-f", "recent_surgery_or_bedridden=yes", "-f", "knee_injury=no", "-f", "fever=no"]


def test_the_terminal_view_shows_the_level_differential_and_both_scores(kb: KnowledgeBase) -> None:
    done = runner.invoke(app, ["clinician", *CLOT], env={"COLUMNS": "250"})
    assert done.exit_code == 0, done.output
    for expected in ("Level of care: consultation_24", "Deep vein", "I80.2", "Wells DVT score",
                     "Ottawa knee rule", "pitting_oedema=yes", kb.content_hash[:12]):
        assert expected in done.output


def test_json_gives_the_whole_report(kb: KnowledgeBase) -> None:
    done = runner.invoke(app, ["clinician", *CLOT, "--json"])
    assert done.exit_code == 0, done.output
    report = json.loads(done.output)
    assert len(report["differential"]) == len(kb.conditions)
    assert report["wells"]["result"] == "2 points: DVT likely"
    assert report["knowledge_base_hash"] == kb.content_hash


def test_fhir_gives_a_valid_bundle_of_the_findings_entered(kb: KnowledgeBase) -> None:
    done = runner.invoke(app, ["clinician", *CLOT, "--fhir"])
    assert done.exit_code == 0, done.output
    bundle = parse_resource(done.output)
    assert validate(bundle, kb, [questionnaire(kb, a) for a in AUDIENCES]) == []
    patient, findings = read_bundle(kb, bundle)
    assert (patient.age, patient.sex) == (67, "female")
    assert findings == {"calf_swelling": True, "pitting_oedema": True,
                        "recent_surgery_or_bedridden": True, "knee_injury": False, "fever": False}


def test_a_badly_written_finding_exits_2_and_says_how_to_write_it() -> None:
    done = runner.invoke(app, ["clinician", "--age", "40", "--sex", "male", "-f", "fever=maybe"])
    assert done.exit_code == 2
    assert "ID=yes or ID=no" in done.output


def test_an_unknown_finding_exits_2_naming_it() -> None:
    done = runner.invoke(app, ["clinician", "--age", "40", "--sex", "male", "-f", "gout=yes"])
    assert done.exit_code == 2
    assert "gout" in done.output and "Traceback" not in done.output


def test_json_and_fhir_together_are_refused() -> None:
    done = runner.invoke(app, ["clinician", "--age", "40", "--sex", "male", "--json", "--fhir"])
    assert done.exit_code == 2
