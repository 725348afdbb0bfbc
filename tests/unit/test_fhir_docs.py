"""The FHIR reference and the clinician-mode how-to name every identifier, command and option."""

from __future__ import annotations

from pathlib import Path

from popliteal.cli.fhir import app as fhir_app
from popliteal.fhir import code_systems
from popliteal.fhir.questionnaire import AUDIENCES, questionnaire_url
from popliteal.fhir.terminology import (
    CANONICAL_BASE,
    KNOWLEDGE_BASE_SYSTEM,
    TRIAGE_LEVEL_EXTENSION,
)
from popliteal.knowledge import KnowledgeBase

DOC_ROOT = Path(__file__).resolve().parents[2] / "docs"
DOC = (DOC_ROOT / "reference" / "fhir.md").read_text(encoding="utf-8")


def test_every_canonical_url_is_documented(kb: KnowledgeBase) -> None:
    urls = [str(system.url) for system in code_systems(kb)]
    urls += [questionnaire_url(a) for a in AUDIENCES]
    urls += [KNOWLEDGE_BASE_SYSTEM, TRIAGE_LEVEL_EXTENSION, CANONICAL_BASE]
    assert [url for url in urls if f"`{url}`" not in DOC] == []


def test_every_code_system_can_be_asked_for_by_its_documented_name(kb: KnowledgeBase) -> None:
    assert [s.id for s in code_systems(kb) if f"`{s.id}`" not in DOC] == []


def test_every_fhir_subcommand_is_documented() -> None:
    names = [command.name for command in fhir_app.registered_commands]
    assert names and [n for n in names if f"popliteal fhir {n}" not in DOC] == []


def test_every_fhir_route_is_documented() -> None:
    from popliteal.web.fhir_routes import router

    paths = [route.path for route in router.routes]  # type: ignore[attr-defined]
    assert paths and [p for p in paths if p not in DOC] == []


def test_every_clinician_option_is_documented() -> None:
    import inspect

    from popliteal.cli.clinician import clinician

    how_to = (DOC_ROOT / "how-to" / "clinician-mode.md").read_text(encoding="utf-8")
    options = [parameter.default.param_decls[0]
               for parameter in inspect.signature(clinician).parameters.values()]
    assert len(options) == 5 and [o for o in options if f"`{o}`" not in how_to] == []
