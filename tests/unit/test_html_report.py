"""The HTML report: a folder that cannot hold it is refused, and every figure has alt text."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from popliteal.errors import InvalidInputError
from popliteal.evaluation.html_report import prepare_report_folder, write_report
from popliteal.evaluation.metrics import Outcome, compute_metrics
from popliteal.evaluation.runner import EvaluationRun
from popliteal.levels import Level

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def small_run() -> EvaluationRun:
    right = Outcome(vignette_id="v-right", path="set.yaml", gold_condition="bakers_cyst",
                    acceptable=("bakers_cyst",), gold_triage=Level.CONSULTATION,
                    posterior=(("bakers_cyst", 0.8), ("meniscal_tear", 0.2)),
                    level=Level.CONSULTATION, level_reasons=(), questions=None, extraction=None)
    under = Outcome(vignette_id="v-<under>", path="set.yaml", gold_condition="deep_vein_thrombosis",
                    acceptable=("deep_vein_thrombosis",), gold_triage=Level.CONSULTATION_24,
                    posterior=(("bakers_cyst", 0.6), ("deep_vein_thrombosis", 0.4)),
                    level=Level.CONSULTATION, level_reasons=("a reason",), questions=None,
                    extraction=None)
    outcomes = (right, under)
    return EvaluationRun(mode="full", knowledge_base="kb-label", outcomes=outcomes,
                         metrics=compute_metrics(outcomes))


def test_a_report_folder_that_is_a_file_is_refused_naming_it(tmp_path: Path) -> None:
    file = tmp_path / "taken"
    file.write_text("")
    with pytest.raises(InvalidInputError, match="is a file") as raised:
        prepare_report_folder(file)
    assert raised.value.field == "report" and "taken" in str(raised.value)


def test_a_report_folder_below_a_file_cannot_be_created(tmp_path: Path) -> None:
    (tmp_path / "taken").write_text("")
    with pytest.raises(InvalidInputError, match="cannot create"):
        prepare_report_folder(tmp_path / "taken" / "report")


def test_a_missing_report_folder_is_created_with_its_parents(tmp_path: Path) -> None:
    assert prepare_report_folder(tmp_path / "a" / "b").is_dir()


def test_every_image_on_the_page_has_alt_text_and_is_a_png_beside_it(tmp_path: Path) -> None:
    index = write_report(small_run(), [Path("one.yaml"), Path("two")], tmp_path)
    page = index.read_text(encoding="utf-8")
    images = re.findall(r"<img [^>]*>", page)
    assert len(images) == 3
    for image in images:
        assert re.search(r'alt="[^"]{40,}"', image), image
        source = re.search(r'src="([^"]+)"', image)
        assert source is not None
        assert (tmp_path / source.group(1)).read_bytes().startswith(PNG_SIGNATURE)


def test_the_page_names_the_knowledge_base_mode_paths_metrics_and_misses(tmp_path: Path) -> None:
    page = write_report(small_run(), [Path("one.yaml"), Path("two")], tmp_path).read_text()
    for expected in ("kb-label", "mode full", "one.yaml", "<code>two</code>", ">brier<", ">ece<",
                     "v-&lt;under&gt;", "under-triaged", "<h2 id=\"misses\">"):
        assert expected in page
    assert "v-right</th>" not in page


def test_a_run_of_no_vignettes_still_writes_the_page_and_its_figures(tmp_path: Path) -> None:
    empty = EvaluationRun(mode="full", knowledge_base="kb-label", outcomes=(),
                          metrics=compute_metrics([]))
    page = write_report(empty, [Path("empty")], tmp_path).read_text()
    assert "Metrics over 0 vignettes" in page
    assert all((tmp_path / f).read_bytes().startswith(PNG_SIGNATURE)
               for f in ("reliability.png", "conditions.png", "triage.png"))
