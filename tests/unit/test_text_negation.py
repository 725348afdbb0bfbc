"""Negation, pseudo-negation and where a trigger's reach ends (ConText rules in data)."""

from __future__ import annotations

from popliteal.text import Status, read_narrative


def findings(text: str) -> dict[str, bool]:
    return dict(read_narrative(text).findings)


def test_no_before_a_finding_negates_it() -> None:
    assert findings("No fever.")["fever"] is False


def test_a_contracted_not_negates_what_follows() -> None:
    assert findings("My calf isn't swollen.")["calf_swelling"] is False
    assert findings("I dont have a temperature")["fever"] is False


def test_i_dont_think_reads_as_a_negation() -> None:
    assert findings("I don't think it's hot to the touch.")["skin_warm"] is False


def test_never_negates_a_background_finding() -> None:
    assert findings("I've never smoked.")["smoker"] is False


def test_a_negation_reaches_along_a_list_of_findings() -> None:
    read = findings("There's no fever, chills or redness.")
    assert read["fever"] is False
    assert read["redness"] is False


def test_a_negation_stops_at_a_comma_that_starts_a_new_clause() -> None:
    read = findings("For two days the back of my knee is swollen, no fever, I flew back from "
                    "Sydney on Sunday.")
    assert read["fever"] is False
    assert read["long_journey"] is True
    assert read["swelling_behind_knee"] is True


def test_but_ends_the_reach_of_a_negation() -> None:
    read = findings("No fever but my calf is swollen.")
    assert read["fever"] is False
    assert read["calf_swelling"] is True


def test_not_only_is_a_pseudo_negation() -> None:
    assert findings("The pain is not only at night.")["pain_at_rest_or_night"] is True


def test_no_change_is_a_pseudo_negation() -> None:
    read = findings("No change in the swelling behind my knee.")
    assert read["swelling_behind_knee"] is True


def test_a_negation_inside_a_finding_phrase_does_not_negate_it() -> None:
    assert findings("I can't walk on it.")["unable_to_bear_weight"] is True
    assert findings("The painkillers don't help at all.")["pain_out_of_proportion"] is True


def test_a_phrase_of_absence_states_the_finding_absent() -> None:
    assert findings("I'm a non-smoker.")["smoker"] is False
    assert findings("I can walk fine.")["unable_to_bear_weight"] is False


def test_a_negated_mention_is_shown_with_the_trigger_that_negated_it() -> None:
    evidence = [e for e in read_narrative("No fever.").evidence if e.finding_id == "fever"]
    assert evidence[0].status is Status.ABSENT
    assert evidence[0].triggers == ("negated: No",)


def test_a_finding_stated_present_anywhere_is_present() -> None:
    text = "There was no swelling at first, but now my calf is swollen."
    assert findings(text)["calf_swelling"] is True


def test_a_negation_reaches_the_last_of_a_list_of_things_not_done() -> None:
    read = findings("I haven't twisted it, flown anywhere, or had any chills.")
    assert read["twisting_injury"] is False
    assert read["fever"] is False
    assert True not in read.values()


def test_a_negation_reaches_along_a_list_of_long_items() -> None:
    read = findings("There's no swelling in my calf, no redness on the skin of my shin, "
                    "warmth or a temperature.")
    assert read == {"calf_swelling": False, "redness": False, "skin_warm": False,
                    "fever": False}


def test_neither_and_nor_negate_both_items() -> None:
    read = findings("Neither my ankle nor my calf is swollen, and I have neither a "
                    "temperature nor any redness.")
    assert read["calf_swelling"] is False
    assert read["fever"] is False
    assert read["redness"] is False


def test_a_negated_list_does_not_reach_the_next_clause() -> None:
    read = findings("I haven't fallen, been on a plane or had chills, and my calf is swollen.")
    assert read["fever"] is False
    assert read["long_journey"] is False
    assert read["calf_swelling"] is True


def test_just_or_only_after_a_comma_ends_the_reach_of_a_negation() -> None:
    read = findings("No bruising or redness, just a throbbing ache behind my knee.")
    assert read["redness"] is False
    assert read["pain_behind_knee"] is True
    read = findings("There's no swelling, only soreness in my calf.")
    assert read["pain_calf"] is True
