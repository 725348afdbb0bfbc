"""`popliteal evaluate`: run vignette sets and report accuracy, triage safety and questions."""

from __future__ import annotations

import json
from pathlib import Path

import typer
from rich.console import Console

from popliteal.cli.errors import friendly_errors
from popliteal.errors import InvalidInputError
from popliteal.evaluation.modes import MODES
from popliteal.evaluation.report import as_json, render
from popliteal.evaluation.runner import evaluate as run_evaluation
from popliteal.evaluation.vignettes import load_vignettes
from popliteal.knowledge import load_knowledge_base

DEFAULT_SET = Path("vignettes/dev")


@friendly_errors
def evaluate(
    paths: list[Path] = typer.Argument(None, help="Vignette files or folders (default: vignettes/dev)."),
    mode: str = typer.Option("full", "--mode", help="full, interview or narrative."),
    json_output: bool = typer.Option(False, "--json", help="Print the results as JSON."),
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
    kb = load_knowledge_base()
    run = run_evaluation(kb, load_vignettes(paths, kb), mode)
    if json_output:
        print(json.dumps(as_json(run), indent=2))
    else:
        Console(highlight=False).print(render(run))
