"""`popliteal kb`: check the knowledge base and list its published ids."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import typer
from rich.console import Console

from popliteal.cli.errors import friendly_errors
from popliteal.knowledge import check_knowledge_base, load_knowledge_base

app = typer.Typer(help="Inspect and check the knowledge base.", no_args_is_help=True)
console = Console(highlight=False)


@app.command("check")
@friendly_errors
def check(
    directory: Path | None = typer.Option(
        None, "--dir", help="Check this folder instead of the packaged data."),
) -> None:
    """Check every file of the knowledge base; list each problem with its file and key."""
    problems = check_knowledge_base(directory)
    if problems:
        for problem in problems:
            console.print(problem, soft_wrap=True)
        console.print(f"{len(problems)} problem(s) found.")
        sys.exit(1)
    kb = load_knowledge_base() if directory is None else None
    label = kb.label if kb else str(directory)
    console.print(f"Knowledge base {label} is valid.")


@app.command("ids")
@friendly_errors
def ids(as_json: bool = typer.Option(False, "--json", help="Print JSON.")) -> None:
    """List the published condition and finding ids (a public API used by vignette sets)."""
    kb = load_knowledge_base()
    conditions = sorted(kb.conditions)
    findings = sorted(kb.findings)
    if as_json:
        listing = {"knowledge_base": kb.label, "conditions": conditions, "findings": findings,
                   "aliases": [alias.model_dump() for alias in kb.aliases]}
        print(json.dumps(listing, indent=2))
        return
    console.print(f"# conditions ({len(kb.conditions)})")
    for condition_id in conditions:
        console.print(f"{condition_id}\t{kb.conditions[condition_id].name}", soft_wrap=True)
    console.print(f"# findings ({len(kb.findings)})")
    for finding_id in findings:
        console.print(f"{finding_id}\t{kb.findings[finding_id].clinician}", soft_wrap=True)
