"""Properties of the reader: a negated phrase, or a negated list, never yields a present
finding."""

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


VERB_NEGATIONS = ["I haven't", "I have not", "I've not", "I haven't ever", "I have never"]
VERBS = ["had", "noticed", "felt", "got", "seen"]
VERB_ITEMS = ["fallen", "injured it", "twisted my knee", "smoked", "been in hospital",
              "flown anywhere", "been on a plane"]
JOINS = [", ", " or ", ", or ", " and ", ", and ", " nor "]
LAST_JOINS = [" or ", ", or ", " and ", ", and ", " nor "]
PHRASES = sorted({phrase for phrases in FINDING_PHRASES.values() for phrase in phrases})


def _joined(items: list[str], joins: list[str], last: str) -> str:
    text = items[0]
    for item, join in zip(items[1:-1], joins, strict=False):
        text += join + item
    return text + last + items[-1] if len(items) > 1 else text


@settings(max_examples=300, deadline=None)
@given(items=st.lists(st.sampled_from(PHRASES), min_size=2, max_size=4, unique=True),
       data=st.data(), negation=st.sampled_from(NEGATIONS), prefix=st.sampled_from(PREFIXES),
       suffix=st.sampled_from(SUFFIXES))
def test_a_negated_list_never_yields_a_present_finding(
        items: list[str], data: st.DataObject, negation: str, prefix: str,
        suffix: str) -> None:
    joins = data.draw(st.lists(st.sampled_from(JOINS), min_size=2, max_size=2))
    last = data.draw(st.sampled_from(LAST_JOINS))
    reading = read_narrative(f"{prefix}{negation} {_joined(items, joins, last)}{suffix}")
    assert not any(reading.findings.values())


@settings(max_examples=300, deadline=None)
@given(count=st.integers(min_value=2, max_value=4), data=st.data(),
       negation=st.sampled_from(VERB_NEGATIONS), prefix=st.sampled_from(PREFIXES),
       suffix=st.sampled_from(SUFFIXES))
def test_a_negated_list_of_things_done_never_yields_a_present_finding(
        count: int, data: st.DataObject, negation: str, prefix: str, suffix: str) -> None:
    """"I haven't fallen, had a fever or noticed a lump": each item has its own verb."""
    items = [data.draw(st.sampled_from(VERB_ITEMS) | st.builds(
        "{} {}".format, st.sampled_from(VERBS), st.sampled_from(PHRASES))) for _ in range(count)]
    joins = data.draw(st.lists(st.sampled_from(JOINS[:3]), min_size=2, max_size=2))
    last = data.draw(st.sampled_from(LAST_JOINS[:2]))
    reading = read_narrative(f"{prefix}{negation} {_joined(items, joins, last)}{suffix}")
    assert not any(reading.findings.values())


@settings(max_examples=100, deadline=None)
@given(first=st.sampled_from(PHRASES), second=st.sampled_from(PHRASES),
       prefix=st.sampled_from(PREFIXES), suffix=st.sampled_from(SUFFIXES))
def test_neither_nor_never_yields_a_present_finding(first: str, second: str, prefix: str,
                                                    suffix: str) -> None:
    reading = read_narrative(f"{prefix}I have neither {first} nor {second}{suffix}")
    assert not any(reading.findings.values())


@settings(max_examples=100, deadline=None)
@given(text=st.text(max_size=200))
def test_any_text_reads_without_error_and_its_evidence_points_into_it(text: str) -> None:
    reading = read_narrative(text)
    for item in reading.evidence:
        assert text[item.start:item.end] == item.text
