"""Check exported resources beyond what parsing checks.

fhir.resources already enforces types and cardinality when a resource is built or parsed.
This adds what it leaves to the user: codes bound to required value sets, codes from
popliteal's own CodeSystems, the knowledge-base tag, a questionnaire's own rules, that a
response fits its questionnaire, and that references inside a Bundle resolve.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import Any

from fhir.resources.R4B.bundle import Bundle
from fhir.resources.R4B.codesystem import CodeSystem
from fhir.resources.R4B.coding import Coding
from fhir.resources.R4B.questionnaire import Questionnaire
from fhir.resources.R4B.questionnaireresponse import QuestionnaireResponse
from fhir.resources.R4B.reference import Reference
from fhir.resources.R4B.resource import Resource
from pydantic import BaseModel

from popliteal.fhir.terminology import (
    ICD10_SYSTEM,
    MAX_VALUE_EXTENSION,
    MIN_VALUE_EXTENSION,
    code_systems,
    knowledge_base_of,
)
from popliteal.knowledge import KnowledgeBase

# fhir.resources lists the allowed codes of a required binding, but cuts two lists short with
# '+'. These are the complete R4B value sets for those two (item-type and observation-status).
COMPLETE_VALUE_SETS: dict[tuple[str, str], frozenset[str]] = {
    ("QuestionnaireItem", "type"): frozenset({
        "group", "display", "boolean", "decimal", "integer", "date", "dateTime", "time",
        "string", "text", "url", "choice", "open-choice", "attachment", "reference", "quantity"}),
    ("RiskAssessment", "status"): frozenset({
        "registered", "preliminary", "final", "amended", "corrected", "cancelled",
        "entered-in-error", "unknown"}),
}
ICD10_CODE = re.compile(r"^[A-Z][0-9]{2}(\.[0-9A-Z]{1,4})?$")
ANSWER_FIELD = {"boolean": "valueBoolean", "integer": "valueInteger", "choice": "valueCoding"}


def _children(model: BaseModel) -> Iterator[tuple[str, Any]]:
    for name in type(model).model_fields:
        value = getattr(model, name, None)
        for item in value if isinstance(value, list) else [value]:
            if item is not None:
                yield name, item


def walk(model: BaseModel, path: str = "") -> Iterator[tuple[str, BaseModel]]:
    """Every model inside a resource (itself included), with its path."""
    yield path or type(model).__name__, model
    for name, item in _children(model):
        if isinstance(item, BaseModel):
            yield from walk(item, f"{path or type(model).__name__}.{name}")


def binding_problems(resource: BaseModel) -> list[str]:
    """Codes outside the required value set of their element."""
    problems: list[str] = []
    for path, model in walk(resource):
        for name, field in type(model).model_fields.items():
            extra = field.json_schema_extra
            allowed = extra.get("enum_values") if isinstance(extra, dict) else None
            value = getattr(model, name, None)
            if not isinstance(allowed, list) or value is None:
                continue
            complete = COMPLETE_VALUE_SETS.get((type(model).__name__, name))
            if "+" in allowed and complete is None:
                problems.append(f"{path}.{name}: the value set is not fully known, so "
                                f"{value!r} cannot be checked")
            elif value not in (complete or allowed):
                problems.append(f"{path}.{name}: {value!r} is not an allowed code")
    return problems


def coding_problems(resource: BaseModel, systems: Sequence[CodeSystem]) -> list[str]:
    """Codings from popliteal's CodeSystems must name a defined code with its display."""
    concepts = {str(s.url): {str(c.code): c.display for c in s.concept or []} for s in systems}
    problems: list[str] = []
    for path, model in walk(resource):
        if not isinstance(model, Coding):
            continue
        system, code = str(model.system), str(model.code)
        if system == ICD10_SYSTEM and not ICD10_CODE.match(code):
            problems.append(f"{path}: {code!r} is not an ICD-10 code")
        if system in concepts:
            if code not in concepts[system]:
                problems.append(f"{path}: {code!r} is not defined in {system}")
            elif model.display is not None and model.display != concepts[system][code]:
                problems.append(f"{path}: display {model.display!r} differs from {system}")
    return problems


def questionnaire_problems(questionnaire: Questionnaire) -> list[str]:
    """A questionnaire's own rules: unique linkIds, groups with items, choices with options."""
    problems: list[str] = []
    seen: set[str] = set()
    for path, item in _items(questionnaire.item, "Questionnaire.item"):
        if item.linkId in seen:
            problems.append(f"{path}: duplicate linkId {item.linkId!r}")
        seen.add(str(item.linkId))
        if item.type == "group" and not item.item:
            problems.append(f"{path}: a group needs items")
        if item.type == "choice" and not item.answerOption:
            problems.append(f"{path}: a choice needs answer options")
        if item.type not in {"group", "display", *ANSWER_FIELD}:
            problems.append(f"{path}: popliteal does not use item type {item.type!r}")
        if item.type == "display" and (item.item or item.required):
            problems.append(f"{path}: a display item has no items and is never required")
    return problems


def response_problems(questionnaire: Questionnaire, response: QuestionnaireResponse) -> list[str]:
    """Where a response does not fit its questionnaire."""
    problems: list[str] = []
    expected = f"{questionnaire.url}|{questionnaire.version}"
    if response.questionnaire != expected:
        problems.append(f"QuestionnaireResponse.questionnaire: {response.questionnaire!r} is "
                        f"not {expected!r}")
    _match(questionnaire.item or [], response.item or [], "QuestionnaireResponse.item", problems)
    return problems


def bundle_problems(bundle: Bundle) -> list[str]:
    """Every fullUrl unique, and every reference to an urn:uuid resolves inside the Bundle."""
    urls = [str(entry.fullUrl) for entry in bundle.entry or []]
    problems = [f"Bundle.entry: duplicate fullUrl {u}" for u in set(urls) if urls.count(u) > 1]
    for path, model in walk(bundle):
        if (isinstance(model, Reference) and model.reference
                and str(model.reference).startswith("urn:uuid:") and model.reference not in urls):
            problems.append(f"{path}: {model.reference} is not in the Bundle")
    return problems


def knowledge_base_problems(resource: BaseModel, kb: KnowledgeBase) -> list[str]:
    """The resource, and every resource inside it, is tagged with this knowledge base."""
    problems: list[str] = []
    for path, model in walk(resource):
        if isinstance(model, Resource):
            tag = knowledge_base_of(model)
            if tag != (kb.version, kb.content_hash):
                problems.append(f"{path}: knowledge-base tag {tag!r} is not {kb.label}")
    return problems


def validate(resource: BaseModel, kb: KnowledgeBase,
             questionnaires: Sequence[Questionnaire] = ()) -> list[str]:
    """Every problem found in an exported resource; responses are checked against
    the questionnaire they name, found among ``questionnaires``."""
    problems = (binding_problems(resource) + coding_problems(resource, code_systems(kb))
                + knowledge_base_problems(resource, kb))
    for _, model in walk(resource):
        if isinstance(model, Questionnaire):
            problems += questionnaire_problems(model)
        if isinstance(model, Bundle):
            problems += bundle_problems(model)
        if isinstance(model, QuestionnaireResponse):
            named = [q for q in questionnaires if f"{q.url}|{q.version}" == model.questionnaire]
            if not named:
                problems.append(f"QuestionnaireResponse: no questionnaire {model.questionnaire!r}")
            problems += [p for q in named for p in response_problems(q, model)]
    return problems


def _items(items: list[Any] | None, path: str) -> Iterator[tuple[str, Any]]:
    for index, item in enumerate(items or []):
        here = f"{path}[{index}]"
        yield here, item
        yield from _items(item.item, f"{here}.item")


def _match(asked: list[Any], answered: list[Any], path: str, problems: list[str]) -> None:
    by_link = {item.linkId: item for item in asked}
    for index, item in enumerate(answered):
        here = f"{path}[{index}]"
        question = by_link.get(item.linkId)
        if question is None:
            problems.append(f"{here}: linkId {item.linkId!r} is not asked at this level")
            continue
        if question.type == "display":
            problems.append(f"{here}: {item.linkId!r} is a display item and cannot be answered")
            continue
        if question.type == "group":
            if item.answer:
                problems.append(f"{here}: a group cannot have an answer")
            _match(question.item or [], item.item or [], f"{here}.item", problems)
            continue
        for answer in item.answer or []:
            problems += _answer_problems(question, answer, f"{here}.answer")
    given = {item.linkId for item in answered}
    problems.extend(f"{path}: required item {q.linkId!r} is not answered"
                    for q in asked if q.required and q.linkId not in given)


def _answer_problems(question: Any, answer: Any, path: str) -> list[str]:
    field = ANSWER_FIELD[question.type]
    value = getattr(answer, field)
    if value is None:
        return [f"{path}: a {question.type} item needs {field}"]
    if question.type == "choice":
        options = {(o.valueCoding.system, o.valueCoding.code) for o in question.answerOption}
        if (value.system, value.code) not in options:
            return [f"{path}: {value.code!r} is not one of the options"]
    if question.type == "integer":
        limits = {e.url: e.valueInteger for e in question.extension or []}
        low, high = limits.get(MIN_VALUE_EXTENSION), limits.get(MAX_VALUE_EXTENSION)
        if (low is not None and value < low) or (high is not None and value > high):
            return [f"{path}: {value} is outside {low}..{high}"]
    return []
