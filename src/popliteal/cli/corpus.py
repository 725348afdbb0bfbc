"""`popliteal corpus`: the real-case corpus's coverage, absorbing facts, the test part's hash."""

from __future__ import annotations

import sys
from pathlib import Path

import typer
from rich.console import Console

from popliteal.cli.errors import friendly_errors
from popliteal.corpus import content_hash, corpus_coverage, render_coverage
from popliteal.corpus.absorb import absorb as absorb_facts
from popliteal.corpus.findingmap import load_finding_map
from popliteal.errors import InvalidInputError
from popliteal.knowledge import load_knowledge_base

app = typer.Typer(help="Work with the real-case corpus (vignettes/real).", no_args_is_help=True)
console = Console(highlight=False)

DEFAULT_ROOT = Path("vignettes/real")
PARTS = ("train", "test")
ROOT_OPTION = typer.Option(DEFAULT_ROOT, "--root", help="The corpus folder.")
COVERAGE_FILE = "coverage.md"
FINDING_MAP_FILE = "finding-map.facts.yaml"


def _parts(root: Path) -> list[tuple[str, Path]]:
    if not root.is_dir():
        raise InvalidInputError(f"{root} is not a folder with the real-case corpus", field="root")
    parts = [(name, root / name) for name in PARTS if (root / name).is_dir()]
    if not parts:
        raise InvalidInputError(f"{root} has neither a train/ nor a test/ folder", field="root")
    return parts


def coverage_markdown(root: Path) -> str:
    """The coverage report for the corpus below ``root``, as committed in coverage.md."""
    kb = load_knowledge_base()
    finding_map = load_finding_map(root / FINDING_MAP_FILE)
    rows = [corpus_coverage(kb, name, folder, finding_map) for name, folder in _parts(root)]
    return render_coverage(rows, detailed=("train",))


@app.command("coverage")
@friendly_errors
def coverage(root: Path = ROOT_OPTION,
             write: bool = typer.Option(False, "--write", help=f"Write {COVERAGE_FILE}.")) -> None:
    """Count the reported facts that no finding can express, per part of the corpus."""
    text = coverage_markdown(root)
    if write:
        (root / COVERAGE_FILE).write_text(text, encoding="utf-8")
        console.print(f"wrote {root / COVERAGE_FILE}")
    else:
        console.print(text, markup=False, soft_wrap=True)


@app.command("absorb")
@friendly_errors
def absorb(root: Path = ROOT_OPTION) -> None:
    """Move facts that a finding now expresses from the facts files into the cases."""
    kb = load_knowledge_base()
    finding_map = load_finding_map(root / FINDING_MAP_FILE)
    for name, folder in _parts(root):
        done = absorb_facts(kb, folder, finding_map)
        console.print(f"{name}: {done.facts} fact(s) absorbed in {done.files} file(s)")
        for line in done.resolved:
            console.print(f"  {line}", markup=False)
    if (root / "test").is_dir():
        console.print(f"test part hash now {content_hash(root / 'test')}: log any change "
                      "in test-log.md")


@app.command("hash")
@friendly_errors
def hash_(root: Path = ROOT_OPTION) -> None:
    """Print the content hash of the test part (recorded in test-log.md)."""
    test = root / "test"
    if not test.is_dir():
        raise InvalidInputError(f"{test} does not exist", field="root")
    sys.stdout.write(content_hash(test) + "\n")
