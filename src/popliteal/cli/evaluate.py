"""`popliteal evaluate`: run vignette sets and report accuracy, calibration, triage and questions."""

from __future__ import annotations

import json
from pathlib import Path

import typer
from rich.console import Console

from popliteal.cli.errors import friendly_errors
from popliteal.errors import InvalidInputError
from popliteal.evaluation.html_report import prepare_report_folder, write_report
from popliteal.evaluation.modes import MODES
from popliteal.evaluation.report import as_json, comparison_table, render
from popliteal.evaluation.runner import evaluate as run_evaluation
from popliteal.evaluation.vignettes import load_vignettes
from popliteal.knowledge import KnowledgeBase, load_knowledge_base

DEFAULT_SET = Path("vignettes/dev")


@friendly_errors
def evaluate(
    paths: list[Path] = typer.Argument(None, help="Vignette files or folders (default: vignettes/dev)."),
    mode: str = typer.Option("full", "--mode", help="full, interview or narrative."),
    json_output: bool = typer.Option(False, "--json", help="Print the results as JSON."),
    report: Path | None = typer.Option(
        None, "--report", metavar="DIR",
        help="Also write DIR/index.html with calibration and confusion figures (PNG)."),
    each: bool = typer.Option(
        False, "--each", help="Measure each path as its own set and show the sets side by side."),
) -> None:
    """Run clinical vignettes and report the metrics of the vignette contract."""
    if mode not in MODES:
        raise InvalidInputError(f"unknown mode {mode!r}; choose one of {', '.join(MODES)}",
                                field="mode")
    if not paths:
        if not DEFAULT_SET.is_dir():
            raise InvalidInputError("no vignette files given, and there is no vignettes/dev "
                                    "folder here", field="paths")
        paths = [DEFAULT_SET]
    if each and report is not None:
        raise InvalidInputError("--report draws one set; run it without --each for each set",
                                field="report")
    if report is not None:
        prepare_report_folder(report)
    kb = load_knowledge_base()
    if each:
        _side_by_side(kb, paths, mode, json_output)
        return
    run = run_evaluation(kb, load_vignettes(paths, kb), mode)
    if json_output:
        print(json.dumps(as_json(run), indent=2))
    else:
        Console(highlight=False).print(render(run))
    if report is not None:
        index = write_report(run, paths, report)
        Console(stderr=True, highlight=False).print(f"Report written to {index}")


def _side_by_side(kb: KnowledgeBase, paths: list[Path], mode: str, json_output: bool) -> None:
    runs = [(str(path), run_evaluation(kb, load_vignettes([path], kb), mode)) for path in paths]
    if json_output:
        print(json.dumps({"mode": mode, "knowledge_base": kb.label,
                          "sets": {name: as_json(run) for name, run in runs}}, indent=2))
    else:
        Console(highlight=False).print(comparison_table(runs))
