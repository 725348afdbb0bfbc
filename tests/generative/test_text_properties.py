"""Properties of the reader: a negated phrase never yields a present finding."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from popliteal.text import read_narrative

NEGATIONS = ["no", "not any", "never had", "I don't have", "I do not have", "without",
             "there is no", "I haven't got", "I don't think I have"]
FINDING_PHRASES = {
    "fever": ["fever", "a temperature", "chills"],
    "calf_swelling": ["swelling in my calf", "a swollen calf"],
    "redness": ["redness", "red skin"],
    "numbness_or_tingling": ["numbness", "pins and needles", "tingling"],
    "breathlessness": ["shortness of breath"],
    "pain_behind_knee": ["pain behind my knee", "pain at the back of my knee"],
    "lump_behind_knee": ["lump behind my knee", "lump"],
    "bruising": ["bruising", "bruising on my calf"],
    "chest_pain": ["chest pain"],
    "smoker": ["smoked", "cigarettes"],
}
PREFIXES = ["", "I'm 54 and ", "For two days ", "Honestly, ", "My GP asked and "]
SUFFIXES = ["", ".", " at all.", " that I know of.", " in that leg."]


@settings(max_examples=200, deadline=None)
@given(finding=st.sampled_from(sorted(FINDING_PHRASES)), data=st.data(),
       negation=st.sampled_from(NEGATIONS), prefix=st.sampled_from(PREFIXES),
       suffix=st.sampled_from(SUFFIXES))
def test_a_negated_phrase_never_yields_a_present_finding(
        finding: str, data: st.DataObject, negation: str, prefix: str, suffix: str) -> None:
    phrase = data.draw(st.sampled_from(FINDING_PHRASES[finding]))
    reading = read_narrative(f"{prefix}{negation} {phrase}{suffix}")
    assert reading.findings.get(finding) is not True
    assert not any(reading.findings.values())


@settings(max_examples=100, deadline=None)
@given(text=st.text(max_size=200))
def test_any_text_reads_without_error_and_its_evidence_points_into_it(text: str) -> None:
    reading = read_narrative(text)
    for item in reading.evidence:
        assert text[item.start:item.end] == item.text
