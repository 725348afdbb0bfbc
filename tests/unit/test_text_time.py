"""Time expressions: the duration of the complaint and dates of events."""

from __future__ import annotations

from popliteal.text import read_narrative


def duration(text: str) -> bool | None:
    return read_narrative(text).findings.get("symptoms_over_6_weeks")


def test_months_of_symptoms_are_more_than_six_weeks() -> None:
    assert duration("For three months my calf has been swollen.") is True
    assert duration("I've had an ache behind my knee for about a year.") is True


def test_days_of_symptoms_are_less_than_six_weeks() -> None:
    assert duration("For two days the back of my knee has been swollen.") is False


def test_a_recent_moment_dates_the_complaint_as_new() -> None:
    assert duration("This morning my foot felt cold.") is False


def test_the_longest_duration_stated_wins() -> None:
    text = "For three months my knee has ached, and this week my calf has swollen."
    assert duration(text) is True


def test_a_duration_without_a_symptom_does_not_date_the_complaint() -> None:
    assert duration("I've had diabetes for ten years.") is None


def test_minutes_of_a_pattern_do_not_date_the_complaint() -> None:
    assert duration("After five minutes of jogging my calf cramps.") is None


def test_an_age_is_not_a_duration() -> None:
    assert duration("I'm 54 years old and the back of my knee hurts.") is None


def test_a_glued_number_and_unit_is_read() -> None:
    assert duration("My calf has hurt for 3wks.") is False


def test_a_stiff_morning_is_dated_by_the_time_it_lasts() -> None:
    long = read_narrative("My knee is stiff every morning for a couple of hours.")
    short = read_narrative("My knee is stiff in the morning for about 10 minutes.")
    assert long.findings["morning_stiffness_over_30_min"] is True
    assert short.findings["morning_stiffness_over_30_min"] is False


def test_an_injury_weeks_ago_is_not_a_recent_injury() -> None:
    assert "knee_injury" not in read_narrative("A month ago I fell on the stairs.").findings
    assert read_narrative("Two days ago I fell on the stairs.").findings["knee_injury"] is True


def test_a_plural_unit_without_a_number_counts_as_two() -> None:
    assert duration("The lump has been growing for months.") is True
