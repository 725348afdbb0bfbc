"""The reading is a frozen object that checks itself, built by a cached pipeline."""

from __future__ import annotations

import dataclasses

import pytest

from popliteal.text import Evidence, NarrativeReading, Status, read_narrative
from popliteal.text.pipeline import reading_pipeline


def test_the_pipeline_is_a_blank_english_pipeline_of_rule_components() -> None:
    nlp = reading_pipeline()
    assert nlp.lang == "en"
    assert nlp.pipe_names == ["sentencizer", "popliteal_spelling", "popliteal_mentions",
                              "popliteal_context"]
    assert reading_pipeline() is nlp


def test_a_reading_is_frozen() -> None:
    reading = read_narrative("No fever.")
    with pytest.raises(dataclasses.FrozenInstanceError):
        reading.text = "other"  # type: ignore[misc]
    with pytest.raises(TypeError):
        reading.findings["fever"] = True  # type: ignore[index]


def test_evidence_must_point_at_its_words_in_the_text() -> None:
    evidence = Evidence("fever", Status.PRESENT, "fever", 0, 5, "phrase")
    with pytest.raises(ValueError, match="is not at"):
        NarrativeReading("no fever", (evidence,))


def test_evidence_needs_a_rule_and_a_span() -> None:
    with pytest.raises(ValueError):
        Evidence("fever", Status.PRESENT, "", 3, 3, "phrase")
    with pytest.raises(ValueError):
        Evidence("fever", Status.PRESENT, "fever", 0, 5, "")


def test_each_understood_finding_shows_the_words_and_the_rule_that_read_it() -> None:
    reading = read_narrative("For two days the back of my knee is swollen.")
    shown = {(e.finding_id, e.text, e.rule) for e in reading.understood}
    assert ("swelling_behind_knee", "back of my knee is swollen",
            "swelling at back_of_knee") in shown
    assert ("symptoms_over_6_weeks", "two days", "duration of about 2 days") in shown


def test_an_empty_narrative_reads_as_nothing() -> None:
    assert read_narrative("   ").findings == {}


def test_findings_are_present_or_absent_only() -> None:
    reading = read_narrative("Maybe a fever. No swelling behind my knee. My calf hurts.")
    assert set(reading.findings.values()) <= {True, False}
    assert reading.findings == {"swelling_behind_knee": False, "pain_calf": True}


def test_the_deciding_evidence_of_a_finding_carries_its_value() -> None:
    reading = read_narrative("No swelling at first, but now my calf is swollen.")
    deciding = reading.deciding("calf_swelling")
    assert deciding is not None and deciding.status is Status.PRESENT
    assert deciding.text == "calf is swollen"
    assert reading.deciding("fever") is None
