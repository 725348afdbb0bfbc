"""`popliteal kb`: check the knowledge base, list its published ids, show entries, write the reference."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import typer
from rich.console import Console
from rich.markdown import Markdown

from popliteal.cli.errors import friendly_errors
from popliteal.docs import entries_for, knowledge_base_reference, render_entry
from popliteal.errors import InvalidInputError
from popliteal.fitting.procedure import FITTED_FILE, fitted_file_text
from popliteal.knowledge import check_knowledge_base, default_data_dir, load_knowledge_base

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


@app.command("show")
@friendly_errors
def show(
    ident: str = typer.Argument(
        ..., help="A condition, finding, question group, red-flag rule or source id."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON."),
) -> None:
    """Everything about one entry: its fields and evidence, its likelihoods, what refers to it."""
    kb = load_knowledge_base()
    entries = entries_for(kb, ident)
    if as_json:
        print(json.dumps({"knowledge_base": kb.label,
                          "entries": [entry.model_dump() for entry in entries]}, indent=2))
        return
    text = "\n".join(render_entry(entry) for entry in entries)
    if console.is_terminal:
        console.print(Markdown(text))
    else:
        print(text, end="")


@app.command("reference")
@friendly_errors
def reference(
    output: Path | None = typer.Option(None, "--output", "-o", help="Write to this file."),
    check_file: Path | None = typer.Option(
        None, "--check", help="Exit 1 if this file differs from the generated reference."),
) -> None:
    """Generate the knowledge-base reference (Markdown) from the data."""
    text = knowledge_base_reference(load_knowledge_base())
    if check_file is not None:
        current = check_file.read_text(encoding="utf-8") if check_file.is_file() else ""
        if current != text:
            console.print(f"{check_file} is stale: run `make docs` to regenerate it.")
            sys.exit(1)
        console.print(f"{check_file} is up to date.")
    elif output is not None:
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_text(text, encoding="utf-8")
        console.print(f"Wrote {output}.")
    else:
        print(text, end="")


@app.command("fit")
@friendly_errors
def fit(
    corpus: Path = typer.Option(Path("vignettes/real/train"), "--corpus",
                                help="The training part of the real-case corpus."),
    check_only: bool = typer.Option(False, "--check",
                                    help="Only say whether the committed fitted numbers are current."),
) -> None:
    """Refit P(finding | condition) from the real training cases (writes data/fitted.yaml)."""
    if not corpus.is_dir():
        raise InvalidInputError(f"{corpus} is not a folder of training cases", field="corpus")
    target = default_data_dir() / FITTED_FILE
    text = fitted_file_text(corpus)
    if check_only:
        if target.read_text(encoding="utf-8") != text:
            console.print(f"{target} is stale: run `popliteal kb fit`.")
            sys.exit(1)
        console.print(f"{target} is current.")
        return
    target.write_text(text, encoding="utf-8")
    console.print(f"wrote {target}")
