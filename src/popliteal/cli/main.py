"""The `popliteal` command: each subcommand lives in its own module."""

from __future__ import annotations

import typer

from popliteal.cli import assess, clinician, corpus, evaluate, fhir, kb, serve

app = typer.Typer(
    name="popliteal",
    help=("Assessment and triage of pain behind the knee. "
          "popliteal gives information, not a diagnosis."),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
app.command("assess")(assess.assess)
app.add_typer(kb.app, name="kb")
app.command("evaluate")(evaluate.evaluate)
app.command("clinician")(clinician.clinician)
app.add_typer(fhir.app, name="fhir")
app.add_typer(corpus.app, name="corpus")
app.command("serve")(serve.serve)


if __name__ == "__main__":  # pragma: no cover
    app()
