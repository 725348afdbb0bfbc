"""Uncertainty, hypotheticals, the past and other people: mentions that yield no finding."""

from __future__ import annotations

from popliteal.text import Status, read_narrative


def statuses(text: str, finding_id: str) -> set[Status]:
    return {e.status for e in read_narrative(text).evidence if e.finding_id == finding_id}


def test_maybe_makes_a_mention_uncertain_and_yields_no_finding() -> None:
    reading = read_narrative("Maybe my calf is a bit swollen.")
    assert "calf_swelling" not in reading.findings
    assert statuses("Maybe my calf is a bit swollen.", "calf_swelling") == {Status.UNCERTAIN}


def test_not_sure_makes_a_mention_uncertain() -> None:
    assert "fever" not in read_narrative("I'm not sure if I have a fever.").findings


def test_an_uncertain_mention_is_shown_as_not_counted() -> None:
    reading = read_narrative("I might have a temperature.")
    assert [e.finding_id for e in reading.not_counted] == ["fever"]
    assert reading.understood == ()


def test_a_worry_is_hypothetical_and_yields_no_finding() -> None:
    reading = read_narrative("I'm worried it could be a blood clot.")
    assert "previous_dvt" not in reading.findings


def test_wondering_about_a_finding_is_not_stating_it() -> None:
    assert "previous_dvt" not in read_narrative("I wondered if it was a clot.").findings


def test_a_question_about_a_finding_is_hypothetical() -> None:
    assert "previous_dvt" not in read_narrative("Could it be a DVT?").findings


def test_a_past_clot_counts_as_a_previous_clot() -> None:
    assert read_narrative("I had a clot in my leg 5 years ago.").findings["previous_dvt"] is True


def test_a_past_symptom_is_not_a_current_finding() -> None:
    reading = read_narrative("I had swelling in my calf years ago.")
    assert "calf_swelling" not in reading.findings
    assert statuses("I had swelling in my calf years ago.", "calf_swelling") == {Status.PAST}


def test_still_brings_a_past_mention_back_to_now() -> None:
    text = "Years ago I hurt my knee and the back of my knee still hurts."
    assert read_narrative(text).findings["pain_behind_knee"] is True


def test_a_relatives_history_is_not_the_persons_own() -> None:
    reading = read_narrative("My mum had a DVT.")
    assert "previous_dvt" not in reading.findings
    assert statuses("My mum had a DVT.", "previous_dvt") == {Status.OTHER_PERSON}


def test_a_relative_who_noticed_something_does_not_make_it_theirs() -> None:
    assert read_narrative("My wife noticed my calf is swollen.").findings["calf_swelling"]


def test_an_old_operation_is_not_a_recent_one() -> None:
    reading = read_narrative("I had an operation on my hip ten months ago.")
    assert "recent_surgery_or_bedridden" not in reading.findings


def test_a_recent_operation_is() -> None:
    reading = read_narrative("I had my hip replaced three weeks ago.")
    assert reading.findings["recent_surgery_or_bedridden"] is True


def test_ever_since_after_a_symptom_brings_it_back_to_now() -> None:
    text = "Three years ago my calf swelled up and has stayed swollen ever since."
    assert read_narrative(text).findings["calf_swelling"] is True


def test_since_then_after_a_symptom_brings_it_back_to_now() -> None:
    text = "Last year the back of my knee swelled up and has been puffy since then."
    assert read_narrative(text).findings["swelling_behind_knee"] is True


def test_a_date_after_an_event_dates_that_event_only() -> None:
    reading = read_narrative("Since a skiing fall four years ago my calf swells every evening.")
    assert reading.findings["calf_swelling"] is True
    assert statuses("Since a skiing fall four years ago my calf swells every evening.",
                    "knee_injury") == {Status.PAST}


def test_a_date_before_a_clause_dates_the_whole_clause() -> None:
    reading = read_narrative("Four years ago I had swelling in my calf and pain behind my knee.")
    assert "calf_swelling" not in reading.findings
    assert "pain_behind_knee" not in reading.findings


def test_a_site_named_in_a_past_clause_lends_only_its_place() -> None:
    reading = read_narrative("I strained my calf playing squash years ago. Now it is swollen.")
    assert reading.findings["calf_swelling"] is True
    assert "pain_calf" not in reading.findings


def test_a_site_named_in_a_negated_clause_lends_only_its_place() -> None:
    reading = read_narrative("There's no bruising on my calf, but it is swollen.")
    assert reading.findings["bruising"] is False
    assert reading.findings["calf_swelling"] is True


def test_and_it_after_a_site_starts_a_new_clause() -> None:
    reading = read_narrative("Two years ago I had keyhole surgery on my knee and it has been "
                             "swollen for the last week.")
    assert reading.findings["knee_swelling"] is True
