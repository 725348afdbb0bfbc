"""Placing symptoms at body sites, laterality and words that point back ("it", "there")."""

from __future__ import annotations

from popliteal.text import Status, read_narrative


def findings(text: str) -> dict[str, bool]:
    return dict(read_narrative(text).findings)


def test_a_symptom_is_placed_at_the_site_in_its_clause() -> None:
    read = findings("The back of my knee is swollen.")
    assert read == {"swelling_behind_knee": True}


def test_each_site_takes_its_own_symptom() -> None:
    read = findings("I have pain behind my knee and swelling in my calf.")
    assert read["pain_behind_knee"] is True
    assert read["calf_swelling"] is True
    assert "swelling_behind_knee" not in read
    assert "pain_calf" not in read


def test_listed_sites_and_listed_symptoms_pair_every_way() -> None:
    read = findings("My calf and the back of my knee are sore and swollen.")
    assert {"pain_calf", "calf_swelling", "pain_behind_knee", "swelling_behind_knee"} <= set(read)


def test_it_points_back_to_the_site_named_before() -> None:
    read = findings("I twisted my knee and felt a pop on the inner side, then it swelled.")
    assert read["knee_swelling"] is True


def test_a_lump_named_alone_is_a_lump_behind_the_knee() -> None:
    assert findings("I can feel a lump.")["lump_behind_knee"] is True


def test_a_site_named_as_a_landmark_is_not_where_it_hurts() -> None:
    read = findings("I have a burning pain in my calf, a hand's width below the back of my knee.")
    assert read["pain_calf"] is True
    assert "pain_behind_knee" not in read


def test_the_other_leg_being_fine_means_one_leg_is_affected() -> None:
    assert findings("My right calf is swollen; the other leg is fine.")["both_legs_affected"] is False


def test_a_symptom_on_the_other_side_is_not_this_legs_finding() -> None:
    reading = read_narrative("My right knee hurts at the back and the other calf is swollen.")
    assert "calf_swelling" not in reading.findings
    other = [e for e in reading.evidence if e.finding_id == "calf_swelling"]
    assert other[0].status is Status.OTHER_SIDE


def test_symptoms_on_both_sides_mean_both_legs_are_affected() -> None:
    text = "The back of my right knee hurts. My left calf is swollen too."
    assert findings(text)["both_legs_affected"] is True


def test_the_side_of_the_complaint_is_read() -> None:
    assert read_narrative("The back of my left knee aches.").side == "left"


def test_a_clause_without_a_subject_shares_the_sites_before_it() -> None:
    read = findings("The back of my knee and my calf ache, but not swollen.")
    assert read["calf_swelling"] is False
    assert read["swelling_behind_knee"] is False
    assert read["pain_calf"] is True


def test_a_side_named_after_the_back_of_the_knee_narrows_it() -> None:
    for text in ("My knee aches at the back, towards the outside.",
                 "The pain is behind the knee on the lateral side.",
                 "Sore spot at the back of my right knee, outside."):
        read = findings(text)
        assert read["pain_posterolateral"] is True, text
        assert read["pain_behind_knee"] is True, text


def test_the_inner_side_named_with_the_back_of_the_knee_is_posteromedial() -> None:
    for text in ("It throbs at the back of my knee, more to the inside.",
                 "My knee hurts at the back on the inner side."):
        read = findings(text)
        assert read["pain_posteromedial"] is True, text
        assert "pain_medial_knee" not in read, text


def test_the_back_and_the_outside_of_the_knee_together_are_posterolateral() -> None:
    assert findings("There's an ache at the back and outside of my knee.")[
        "pain_posterolateral"] is True


def test_a_side_named_before_the_back_of_the_knee_narrows_it_as_a_phrase() -> None:
    assert findings("On the outer side at the back of my knee it aches.")[
        "pain_posterolateral"] is True


def test_being_outside_is_not_a_side_of_the_knee() -> None:
    read = findings("The back of my knee hurts whenever I'm outside in the cold.")
    assert read["pain_behind_knee"] is True
    assert "pain_posterolateral" not in read


def test_a_side_of_another_site_does_not_narrow_the_back_of_the_knee() -> None:
    read = findings("The back of my knee aches and the outside of my shin is numb.")
    assert read["pain_behind_knee"] is True
    assert "pain_posterolateral" not in read


def test_a_side_in_the_next_sentence_does_not_narrow_the_back_of_the_knee() -> None:
    read = findings("The back of my knee is sore. On the outside it looks normal.")
    assert read["pain_behind_knee"] is True
    assert "pain_posterolateral" not in read


def test_a_foot_moved_or_stood_on_is_not_where_it_hurts() -> None:
    for text in ("My calf hurts when I go up on my toes.",
                 "The ache in my calf is worse when I put my foot down.",
                 "My calf is sore, mostly when I point my toes."):
        read = findings(text)
        assert read["pain_calf"] is True, text
        assert "foot_pain" not in read, text


def test_a_foot_that_hurts_is_still_foot_pain() -> None:
    assert findings("My calf aches and my foot hurts when I walk.")["foot_pain"] is True


def test_a_side_said_not_to_hurt_excludes_rather_than_narrows() -> None:
    read = findings("It aches at the back of my knee, not on the outer side.")
    assert read["pain_behind_knee"] is True
    assert "pain_posterolateral" not in read


def test_inside_before_the_back_of_the_knee_is_a_preposition_not_a_side() -> None:
    read = findings("I feel a dull throb deep inside the back of my knee.")
    assert read["pain_behind_knee"] is True
    assert "pain_posteromedial" not in read
