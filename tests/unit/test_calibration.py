"""Brier score, calibration error and confusion counts, checked against numbers worked by hand."""

from __future__ import annotations

import pytest

from popliteal.evaluation.calibration import (
    ReliabilityBin,
    accuracy_by_condition,
    brier,
    confusion,
    ece,
    reliability_bins,
    run_calibration,
    triage_confusion,
)
from popliteal.evaluation.metrics import Outcome, compute_metrics
from popliteal.levels import Level


def outcome(posterior: dict[str, float], acceptable: tuple[str, ...], *,
            gold_triage: Level = Level.CONSULTATION, level: Level = Level.CONSULTATION) -> Outcome:
    ranked = tuple(sorted(posterior.items(), key=lambda item: -item[1]))
    return Outcome(vignette_id="v", path="set.yaml", gold_condition=acceptable[0],
                   acceptable=acceptable, gold_triage=gold_triage, posterior=ranked,
                   level=level, level_reasons=(), questions=None,
                   extraction=None)


def test_a_perfect_forecast_has_a_brier_score_of_zero() -> None:
    assert brier({"a": 1.0, "b": 0.0, "c": 0.0}, {"a"}) == 0.0


def test_a_uniform_forecast_over_four_conditions_scores_three_quarters() -> None:
    # (1 - 1/4)^2 + 3 * (1/4)^2 = 9/16 + 3/16 = 12/16
    assert brier(dict.fromkeys("abcd", 0.25), {"a"}) == pytest.approx(0.75)


def test_all_mass_on_a_wrong_condition_scores_two() -> None:
    assert brier({"a": 0.0, "b": 1.0}, {"a"}) == pytest.approx(2.0)


def test_two_acceptable_conditions_share_the_target_equally() -> None:
    assert brier({"a": 0.5, "b": 0.5, "c": 0.0}, {"a", "b"}) == pytest.approx(0.0)
    # all on one of two acceptable: (1 - 1/2)^2 + (0 - 1/2)^2 = 1/2
    assert brier({"a": 1.0, "b": 0.0, "c": 0.0}, {"a", "b"}) == pytest.approx(0.5)


def test_an_acceptable_condition_missing_from_the_posterior_counts_as_stated_zero() -> None:
    assert brier({"b": 1.0}, {"a"}) == pytest.approx(2.0)


def test_a_vignette_without_an_acceptable_condition_is_refused() -> None:
    with pytest.raises(ValueError, match="acceptable"):
        brier({"a": 1.0}, set())


def test_ece_of_a_known_set_is_the_count_weighted_mean_gap() -> None:
    # bin 0.9: 2 at 0.95, both right, gap 0.05; bin 0.8: 0.85 wrong, gap 0.85;
    # bin 0.3: 0.35 right, gap 0.65. (2 * 0.05 + 0.85 + 0.65) / 4 = 0.4
    forecasts = [(0.95, True), (0.95, True), (0.85, False), (0.35, True)]
    assert ece(forecasts) == pytest.approx(0.4)


def test_ece_is_zero_when_each_bin_is_right_as_often_as_it_says() -> None:
    forecasts = [(0.75, True), (0.75, True), (0.75, True), (0.75, False), (0.5, True), (0.5, False)]
    assert ece(forecasts) == pytest.approx(0.0)


def test_ece_of_no_forecasts_is_zero() -> None:
    assert ece([]) == 0.0


def test_a_probability_on_an_edge_falls_in_the_bin_above_and_one_falls_in_the_last() -> None:
    bins = reliability_bins([(0.3, True), (0.7, False), (1.0, True), (0.0, False)])
    counts = {round(b.lower, 1): b.count for b in bins}
    assert counts == {0.0: 1, 0.1: 0, 0.2: 0, 0.3: 1, 0.4: 0, 0.5: 0, 0.6: 0, 0.7: 1, 0.8: 0,
                      0.9: 1}


def test_a_bin_gives_its_count_mean_stated_and_share_correct() -> None:
    bins = reliability_bins([(0.62, True), (0.68, False), (0.65, True), (0.65, True)])
    sixth = bins[6]
    assert (sixth.count, sixth.share_correct) == (4, 0.75)
    assert sixth.mean_stated == pytest.approx(0.65)
    assert all(b.mean_stated is None and b.share_correct is None for b in bins if b is not sixth)


def test_a_probability_outside_zero_to_one_is_refused() -> None:
    with pytest.raises(ValueError, match=r"\[0, 1\]"):
        reliability_bins([(1.2, True)])


def test_an_empty_bin_with_a_mean_is_refused() -> None:
    with pytest.raises(ValueError, match="empty bin"):
        ReliabilityBin(0.0, 0.1, 0, 0.05, None)


def test_triage_confusion_counts_gold_rows_against_given_columns_over_all_five_levels() -> None:
    pairs = [(Level.CONSULTATION, Level.CONSULTATION), (Level.CONSULTATION, Level.EMERGENCY),
             (Level.CONSULTATION, Level.EMERGENCY), (Level.EMERGENCY, Level.CONSULTATION_24)]
    matrix = triage_confusion(pairs)
    assert matrix.labels == ("self_care", "consultation", "consultation_24", "emergency",
                             "emergency_ambulance")
    assert matrix.counts == ((0, 0, 0, 0, 0),
                             (0, 1, 0, 2, 0),
                             (0, 0, 0, 0, 0),
                             (0, 0, 1, 0, 0),
                             (0, 0, 0, 0, 0))
    assert matrix.count("emergency", "consultation_24") == 1 and matrix.total == 4


def test_condition_confusion_labels_every_condition_seen_in_alphabetical_order() -> None:
    matrix = confusion([("b", "a"), ("a", "a"), ("b", "c")])
    assert matrix.labels == ("a", "b", "c")
    assert matrix.counts == ((1, 0, 0), (1, 0, 1), (0, 0, 0))


def test_a_pair_outside_the_given_labels_is_refused() -> None:
    with pytest.raises(ValueError, match="outside the labels"):
        confusion([("a", "z")], ["a", "b"])


def test_accuracy_by_condition_counts_vignettes_top1_and_top3_per_gold_condition() -> None:
    rows = accuracy_by_condition([("b", True, True), ("a", False, True), ("b", False, False)])
    assert [(r.condition, r.count, r.top1, r.top3) for r in rows] == [("a", 1, 0, 1), ("b", 2, 1, 1)]


def test_the_run_brier_is_the_mean_over_vignettes_of_the_full_posterior_score() -> None:
    perfect = outcome({"a": 1.0, "b": 0.0, "c": 0.0, "d": 0.0}, ("a",))
    uniform = outcome(dict.fromkeys("abcd", 0.25), ("a",))
    metrics = compute_metrics([perfect, uniform])
    assert metrics.brier == pytest.approx((0.0 + 0.75) / 2)


def test_the_run_ece_weighs_the_top1_probability_against_top1_correctness() -> None:
    # top-1 stated 0.6 and right, 0.6 and wrong: bin 0.6 says 0.6, is right half the time
    right = outcome({"a": 0.6, "b": 0.4}, ("a",))
    wrong = outcome({"a": 0.4, "b": 0.6}, ("a",))
    assert compute_metrics([right, wrong]).ece == pytest.approx(0.1)


def test_the_run_calibration_holds_every_figure_number() -> None:
    right = outcome({"a": 0.9, "b": 0.1}, ("a",), gold_triage=Level.EMERGENCY,
                    level=Level.EMERGENCY)
    wrong = outcome({"a": 0.3, "b": 0.7}, ("a",), gold_triage=Level.EMERGENCY,
                    level=Level.CONSULTATION)
    calibration = run_calibration([right, wrong])
    assert calibration.conditions.count("a", "a") == 1
    assert calibration.conditions.count("a", "b") == 1
    assert calibration.triage.count("emergency", "consultation") == 1
    assert [(r.condition, r.count, r.top1, r.top3) for r in calibration.by_condition] == [("a", 2, 1, 2)]
    # bin 0.9: 0.9 right, gap 0.1; bin 0.7: 0.7 wrong, gap 0.7
    assert calibration.ece == pytest.approx(0.4)
