"""Write an evaluation run as a folder: index.html and the PNG figures it shows.

The page must be readable without the images, so every figure has alt text and its numbers
also appear in a table. A folder that cannot hold the report is an InvalidInputError, which
the CLI turns into one line and a non-zero exit.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from jinja2 import Environment, PackageLoader, select_autoescape

from popliteal.errors import InvalidInputError
from popliteal.evaluation.calibration import RunCalibration, run_calibration
from popliteal.evaluation.report import metric_rows
from popliteal.evaluation.runner import EvaluationRun

INDEX = "index.html"
RELIABILITY_PNG = "reliability.png"
CONDITIONS_PNG = "conditions.png"
TRIAGE_PNG = "triage.png"

_templates = Environment(loader=PackageLoader("popliteal.evaluation", "templates"),
                         autoescape=select_autoescape(["html"]), trim_blocks=True,
                         lstrip_blocks=True)


@dataclass(frozen=True)
class FigureFile:
    file: str
    heading: str
    alt: str


def prepare_report_folder(folder: Path) -> Path:
    """Check (and create) the folder before a long run, so a typo fails at once."""
    if folder.exists() and not folder.is_dir():
        raise InvalidInputError(f"--report {folder}: is a file, not a folder", field="report")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise InvalidInputError(f"--report {folder}: cannot create the folder "
                                f"({exc.strerror or exc})", field="report") from exc
    return folder


def write_report(run: EvaluationRun, paths: Sequence[Path], folder: Path) -> Path:
    """The path of index.html; the figures sit beside it."""
    prepare_report_folder(folder)
    calibration = run_calibration(run.outcomes)
    try:
        figures = _draw(calibration, folder)
        index = folder / INDEX
        index.write_text(_page(run, paths, calibration, figures), encoding="utf-8")
    except OSError as exc:
        raise InvalidInputError(f"--report {folder}: cannot write the report "
                                f"({exc.strerror or exc})", field="report") from exc
    return index


def _draw(calibration: RunCalibration, folder: Path) -> dict[str, FigureFile]:
    from popliteal.evaluation import plots  # matplotlib is slow to import; only a report needs it

    plots.reliability_diagram(calibration.reliability, folder / RELIABILITY_PNG)
    plots.confusion_heat_map(calibration.conditions, folder / CONDITIONS_PNG,
                             title="Gold condition against top-1 condition",
                             gold_label="gold condition", given_label="top-1 condition")
    plots.confusion_heat_map(calibration.triage, folder / TRIAGE_PNG,
                             title="Gold level against level given",
                             gold_label="gold level", given_label="level given")
    return {
        "reliability": FigureFile(RELIABILITY_PNG, "Reliability of the stated probabilities",
                                  _reliability_alt(calibration)),
        "conditions": FigureFile(CONDITIONS_PNG, "Gold condition against top-1 condition",
                                 _conditions_alt(calibration)),
        "triage": FigureFile(TRIAGE_PNG, "Triage: gold level against level given",
                             _triage_alt(calibration)),
    }


def _reliability_alt(calibration: RunCalibration) -> str:
    filled = sum(1 for b in calibration.reliability if b.count)
    return (f"Reliability diagram: the top-1 stated probability in ten equal-width bins "
            f"({filled} with vignettes) against the share whose top-1 condition was acceptable, "
            f"with the diagonal of perfect calibration; expected calibration error "
            f"{calibration.ece:.3f}. The table below gives every bin.")


def _conditions_alt(calibration: RunCalibration) -> str:
    matrix = calibration.conditions
    on_diagonal = sum(matrix.counts[i][i] for i in range(len(matrix.labels)))
    return (f"Heat map of gold condition (rows) against top-1 condition (columns) over "
            f"{len(matrix.labels)} conditions: {on_diagonal} of {matrix.total} vignettes on the "
            f"diagonal. The table below gives top-1 and top-3 per gold condition.")


def _triage_alt(calibration: RunCalibration) -> str:
    matrix = calibration.triage
    side = len(matrix.labels)
    exact = sum(matrix.counts[i][i] for i in range(side))
    under = sum(matrix.counts[r][c] for r in range(side) for c in range(r))
    return (f"Five by five triage confusion matrix, gold level rows against level given columns, "
            f"self_care to emergency_ambulance: {exact} of {matrix.total} exact, {under} "
            f"under-triaged (left of the diagonal). The table below gives every cell.")


def _page(run: EvaluationRun, paths: Sequence[Path], calibration: RunCalibration,
          figures: dict[str, FigureFile]) -> str:
    return _templates.get_template("evaluation_report.html").render(
        run=run, paths=[str(p) for p in paths], metrics=metric_rows(run.metrics),
        calibration=calibration, figures=figures,
    )
