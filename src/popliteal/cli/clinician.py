"""`popliteal clinician`: enter findings directly and see the full clinical picture.

Prints the whole differential with likelihood ratios for and against, the level of care with
its reasons, and the Wells DVT score and Ottawa knee rule item by item. `--json` prints the
same report as data; `--fhir` prints the FHIR Bundle (answers and RiskAssessment).
"""

from __future__ import annotations

from datetime import UTC, datetime

import typer
from rich.console import Console, Group, RenderableType
from rich.table import Table
from rich.text import Text

from popliteal.api import assess
from popliteal.cli.errors import friendly_errors
from popliteal.clinician.report import ClinicianReport, ScoreView, clinician_report
from popliteal.engine.explain import FindingWeight
from popliteal.errors import InvalidInputError
from popliteal.fhir import assessment_bundle, to_json
from popliteal.knowledge import load_knowledge_base

TRUE_WORDS = frozenset({"yes", "y", "true", "1", "present"})
FALSE_WORDS = frozenset({"no", "n", "false", "0", "absent"})


def parse_findings(pairs: list[str]) -> dict[str, bool]:
    """'id=yes' / 'id=no' pairs (a bare id means present) into a findings mapping."""
    findings: dict[str, bool] = {}
    for pair in pairs:
        finding_id, _, value = pair.partition("=")
        word = (value or "yes").strip().lower()
        if word not in TRUE_WORDS | FALSE_WORDS or not finding_id.strip():
            raise InvalidInputError(f"--finding {pair!r}: write it as ID=yes or ID=no",
                                    field="finding")
        findings[finding_id.strip()] = word in TRUE_WORDS
    return findings


@friendly_errors
def clinician(
    age: int = typer.Option(..., "--age", help="Age in years (16 to 110)."),
    sex: str = typer.Option(..., "--sex", help="female or male."),
    finding: list[str] = typer.Option(
        [], "--finding", "-f", help="A finding as ID=yes or ID=no; repeat for each one. "
        "`popliteal kb ids` lists the ids."),
    json_output: bool = typer.Option(False, "--json", help="Print the clinician report as JSON."),
    fhir_output: bool = typer.Option(
        False, "--fhir", help="Print a FHIR R4B Bundle (QuestionnaireResponse and RiskAssessment)."),
) -> None:
    """Assess findings entered by a clinician; show the full differential and the scores."""
    if json_output and fhir_output:
        raise InvalidInputError("choose one of --json and --fhir", field="output")
    kb = load_knowledge_base()
    assessment = assess(age, sex, parse_findings(finding), kb=kb)
    if fhir_output:
        print(to_json(assessment_bundle(kb, assessment, issued=datetime.now(UTC))))
        return
    report = clinician_report(kb, assessment)
    if json_output:
        print(report.model_dump_json(indent=2))
        return
    Console(highlight=False).print(render(report))


def render(report: ClinicianReport) -> RenderableType:
    """The report for a terminal: tables, most important first."""
    parts: list[RenderableType] = [
        Text(f"Clinician view: {report.age}-year-old {report.sex}", style="bold"),
        Text(f"Level of care: {report.triage.level.value}. {report.triage.headline}",
             style="bold red" if report.triage.level.is_emergency else "bold"),
        _reasons(report),
        _differential(report),
    ]
    parts += [_score(score) for score in (report.wells, report.ottawa) if score is not None]
    parts += [_findings(report), _losses(report),
              Text(f"Knowledge base {report.knowledge_base_version}+"
                   f"{report.knowledge_base_hash[:12]} (sha256 {report.knowledge_base_hash})"),
              Text(report.disclaimer, style="italic")]
    return Group(*parts)


def _reasons(report: ClinicianReport) -> Table:
    table = Table(title="Why this level", title_justify="left", show_lines=False)
    for column in ("level", "kind", "reason", "rule"):
        table.add_column(column)
    for reason in report.triage.reasons:
        table.add_row(reason.level.value, reason.kind, reason.text, reason.rule_id or "")
    return table


def _weights(weights: tuple[FindingWeight, ...]) -> str:
    """Compact: the id as entered, its answer and the ratio, one per line."""
    return "\n".join(f"{w.finding_id}={'yes' if w.present else 'no'} {w.likelihood_ratio:.3g}"
                     for w in weights)


def _differential(report: ClinicianReport) -> Table:
    table = Table(title="Differential, with the likelihood ratio of each recorded finding",
                  title_justify="left", show_lines=True)
    for column in ("#", "condition", "ICD-10", "P", "needs", "for (LR)", "against (LR)"):
        table.add_column(column, overflow="fold")
    for row in report.differential:
        table.add_row(str(row.rank), f"{row.name}\n[{row.condition_id}]", row.icd10,
                      f"{row.probability:.1%}", row.needed_level.value,
                      _weights(row.supporting), _weights(row.opposing))
    return table


def _score(score: ScoreView) -> Group:
    table = Table(title=score.name, title_justify="left")
    for column in ("item", "points", "state"):
        table.add_column(column)
    for item in score.items:
        state = f"{item.state} (from the differential)" if item.derived else item.state
        table.add_row(item.label, f"{item.points:+d}", state)
    lines: list[RenderableType] = [Text(score.rule), table, Text(f"Result: {score.result}", style="bold"),
             Text(score.interpretation)]
    if score.unknown_items:
        lines.append(Text("Not yet recorded: " + "; ".join(score.unknown_items)))
    lines.append(Text("Sources: " + " ".join(score.sources), style="dim"))
    return Group(*lines)


def _findings(report: ClinicianReport) -> Table:
    table = Table(title="Recorded findings", title_justify="left")
    for column in ("finding", "id", "recorded"):
        table.add_column(column)
    for recorded in report.findings:
        table.add_row(recorded.wording, recorded.finding_id,
                      "present" if recorded.present else "absent")
    return table


def _losses(report: ClinicianReport) -> Table:
    table = Table(title="Expected loss by level (lower is better)", title_justify="left")
    table.add_column("level")
    table.add_column("expected loss")
    for level, value in report.triage.expected_loss:
        table.add_row(level.value, f"{value:.3f}")
    return table
