"""Load the knowledge base from its YAML files and check it as a whole.

Every problem names its file and key, so a broken edit is found at load, not in a result.
"""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache, cached_property
from importlib import resources
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from popliteal.errors import KnowledgeBaseError
from popliteal.knowledge.fitted import Counts, apply_fit
from popliteal.knowledge.model import (
    Alias,
    Cited,
    Condition,
    Finding,
    RedFlagRule,
    Source,
)
from popliteal.knowledge.questions import (
    QuestionCatalogue,
    check_question_catalogue,
    parse_question_catalogue,
)

FILES = (
    "manifest.yaml", "sources.yaml", "findings.yaml", "conditions.yaml", "likelihoods.yaml",
    "fitted.yaml", "red_flags.yaml", "aliases.yaml", "question_groups.yaml",
)
FITTED_FORMAT = "popliteal-fitted/1"

M = TypeVar("M", bound=BaseModel)


@dataclass(frozen=True, eq=False)
class KnowledgeBase:
    """Everything the engine knows. Build it with :func:`load_knowledge_base`."""

    version: str
    content_hash: str
    sources: dict[str, Source]
    findings: dict[str, Finding]
    conditions: dict[str, Condition]
    likelihoods: dict[str, dict[str, Cited]]
    red_flags: tuple[RedFlagRule, ...]
    aliases: tuple[Alias, ...] = field(default=())
    questions: QuestionCatalogue = field(default_factory=QuestionCatalogue)
    temperature: float = 1.0
    """The probabilities stated are the posterior raised to 1 / temperature and normalised
    (engine.posterior.tempered); fitted on real cases, see fitted.yaml."""

    def likelihood(self, condition_id: str, finding_id: str) -> Cited:
        """P(finding | condition): the specific entry, or the finding's default."""
        specific = self.likelihoods.get(condition_id, {}).get(finding_id)
        return specific if specific is not None else self.findings[finding_id].default

    def resolve_finding(self, finding_id: str) -> str | None:
        """The current id for a published finding id, following aliases; None if unknown."""
        return _resolve(finding_id, self.findings, self.aliases, "finding")

    def resolve_condition(self, condition_id: str) -> str | None:
        """The current id for a published condition id, following aliases; None if unknown."""
        return _resolve(condition_id, self.conditions, self.aliases, "condition")

    @cached_property
    def solo_red_flags(self) -> frozenset[str]:
        """Findings that fire a red-flag rule on their own, whatever else is known."""
        return solo_red_flag_findings(self.red_flags)

    @property
    def label(self) -> str:
        return f"{self.version}+{self.content_hash[:12]}"


def solo_red_flag_findings(rules: Iterable[RedFlagRule]) -> frozenset[str]:
    solo: set[str] = set()
    for rule in rules:
        if rule.none_of or rule.and_any_of:
            continue
        if not rule.all_of:
            solo.update(rule.any_of)
        elif len(rule.all_of) == 1 and not rule.any_of:
            solo.add(rule.all_of[0])
    return frozenset(solo)


def _resolve(ident: str, known: dict[str, Any], aliases: Iterable[Alias], kind: str) -> str | None:
    if ident in known:
        return ident
    for alias in aliases:
        if alias.kind == kind and alias.old == ident:
            return alias.new
    return None


def default_data_dir() -> Path:
    return Path(str(resources.files("popliteal.knowledge") / "data"))


@cache
def load_knowledge_base() -> KnowledgeBase:
    """The packaged knowledge base, loaded and checked once per process."""
    return load_knowledge_base_from(default_data_dir())


def load_knowledge_base_from(directory: Path, *, fitted: bool = True) -> KnowledgeBase:
    """Load and check a knowledge base directory; raise with every problem found.

    ``fitted=False`` leaves the fitted counts out and gives the expert numbers alone, which is
    what fitting starts from.
    """
    kb, problems = _build(directory, fitted=fitted)
    if problems or kb is None:
        raise KnowledgeBaseError(problems)
    return kb


def check_knowledge_base(directory: Path | None = None) -> list[str]:
    """Every problem in a knowledge base directory, as 'file: key: message' lines."""
    return _build(directory or default_data_dir())[1]


def _build(directory: Path, *, fitted: bool = True) -> tuple[KnowledgeBase | None, list[str]]:
    problems: list[str] = []
    raw = {name: _read(directory / name, problems) for name in FILES}
    if problems:
        return None, problems
    manifest = raw["manifest.yaml"]
    version = manifest.get("version") if isinstance(manifest, dict) else None
    if not isinstance(version, str):
        problems.append("manifest.yaml: version: missing or not a string")
    sources = _parse_list(raw, "sources.yaml", "sources", Source, problems)
    findings = _parse_list(raw, "findings.yaml", "findings", Finding, problems)
    conditions = _parse_list(raw, "conditions.yaml", "conditions", Condition, problems)
    rules = _parse_list(raw, "red_flags.yaml", "rules", RedFlagRule, problems)
    aliases = _parse_list(raw, "aliases.yaml", "aliases", Alias, problems)
    likelihoods = _parse_likelihoods(raw["likelihoods.yaml"], problems)
    questions = parse_question_catalogue(raw["question_groups.yaml"], problems)
    if problems:
        return None, problems
    kb = KnowledgeBase(
        version=str(version),
        content_hash=_content_hash(directory),
        sources={s.id: s for s in sources},
        findings={f.id: f for f in findings},
        conditions={c.id: c for c in conditions},
        likelihoods=likelihoods,
        red_flags=tuple(rules),
        aliases=tuple(aliases),
        questions=questions,
    )
    problems.extend(_cross_check(kb))
    problems.extend(check_question_catalogue(kb))
    if fitted and not problems:
        kb = _with_fitted(kb, raw["fitted.yaml"], problems)
    return (None if problems else kb), problems


def _read(path: Path, problems: list[str]) -> Any:
    try:
        with path.open(encoding="utf-8") as handle:
            return yaml.safe_load(handle)
    except FileNotFoundError:
        problems.append(f"{path.name}: file missing")
    except yaml.YAMLError as exc:
        problems.append(f"{path.name}: not valid YAML: {exc}")
    return None


def _parse_list(raw: dict[str, Any], file: str, key: str, model: type[M],
                problems: list[str]) -> list[M]:
    document = raw[file]
    if not isinstance(document, dict) or not isinstance(document.get(key), list):
        problems.append(f"{file}: {key}: missing or not a list")
        return []
    unknown = set(document) - {"format", key}
    for name in sorted(unknown):
        problems.append(f"{file}: {name}: unknown top-level key")
    parsed: list[M] = []
    seen: set[str] = set()
    for index, item in enumerate(document[key]):
        label = item.get("id", f"#{index}") if isinstance(item, dict) else f"#{index}"
        try:
            obj = model.model_validate(item)
        except ValidationError as exc:
            problems.extend(_validation_lines(f"{file}: {key}[{label}]", exc))
            continue
        ident = getattr(obj, "id", None)
        if ident is not None:
            if ident in seen:
                problems.append(f"{file}: {key}[{label}]: duplicate id")
            seen.add(ident)
        parsed.append(obj)
    return parsed


def _parse_likelihoods(document: Any, problems: list[str]) -> dict[str, dict[str, Cited]]:
    if not isinstance(document, dict) or not isinstance(document.get("likelihoods"), dict):
        problems.append("likelihoods.yaml: likelihoods: missing or not a mapping")
        return {}
    table: dict[str, dict[str, Cited]] = {}
    for condition_id, entries in document["likelihoods"].items():
        if not isinstance(entries, dict):
            problems.append(f"likelihoods.yaml: {condition_id}: not a mapping")
            continue
        row: dict[str, Cited] = {}
        for finding_id, value in entries.items():
            try:
                row[finding_id] = Cited.model_validate(value)
            except ValidationError as exc:
                problems.extend(_validation_lines(f"likelihoods.yaml: {condition_id}.{finding_id}", exc))
        table[condition_id] = row
    return table


def _with_fitted(kb: KnowledgeBase, document: Any, problems: list[str]) -> KnowledgeBase:
    """Blend the committed counts and leak into the expert numbers (see knowledge.fitted)."""
    where = "fitted.yaml"
    if not isinstance(document, dict) or document.get("format") != FITTED_FORMAT:
        problems.append(f"{where}: format: must be {FITTED_FORMAT!r}")
        return kb
    unknown = set(document) - {"format", "weight", "leak", "temperature", "corpus", "fitted"}
    problems.extend(f"{where}: {name}: unknown top-level key" for name in sorted(unknown))
    weight: Any = document.get("weight")
    leak: Any = document.get("leak", 0.0)
    temperature: Any = document.get("temperature", 1.0)
    if not _number(weight) or weight <= 0:
        problems.append(f"{where}: weight: must be a positive number of pseudo-counts")
    if not _number(leak) or not 0 <= leak < 1:
        problems.append(f"{where}: leak: must be a share from 0 up to 1")
    if not _number(temperature) or not 1 <= temperature <= 10:
        problems.append(f"{where}: temperature: must be a number from 1 to 10")
    counts = _counts(kb, document.get("fitted") or {}, problems)
    if problems:
        return kb
    try:
        return dataclasses.replace(apply_fit(kb, counts, float(weight), float(leak)),
                                   temperature=float(temperature))
    except ValidationError as exc:
        problems.extend(_validation_lines(where, exc))
        return kb


def _number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _counts(kb: KnowledgeBase, raw: Any, problems: list[str]) -> dict[str, dict[str, Counts]]:
    where = "fitted.yaml"
    if not isinstance(raw, dict):
        problems.append(f"{where}: fitted: must map condition -> finding -> {{k, n}}")
        return {}
    counts: dict[str, dict[str, Counts]] = {}
    for condition_id, row in raw.items():
        if condition_id not in kb.conditions or not isinstance(row, dict):
            problems.append(f"{where}: {condition_id}: unknown condition or not a mapping")
            continue
        for finding_id, kn in row.items():
            key = f"{where}: {condition_id}.{finding_id}"
            if finding_id not in kb.findings:
                problems.append(f"{key}: unknown finding")
            elif not (isinstance(kn, dict) and set(kn) == {"k", "n"}
                      and all(isinstance(kn[x], int) and kn[x] >= 0 for x in "kn")):
                problems.append(f"{key}: must be {{k: count, n: count}}")
            elif kn["k"] > kn["n"] or kn["n"] == 0:
                problems.append(f"{key}: k cannot exceed n, and n must be at least 1")
            else:
                counts.setdefault(condition_id, {})[finding_id] = Counts(kn["k"], kn["n"])
    return counts


def _validation_lines(where: str, exc: ValidationError) -> list[str]:
    lines = []
    for error in exc.errors():
        key = ".".join(str(part) for part in error["loc"])
        lines.append(f"{where}{'.' + key if key else ''}: {error['msg']}")
    return lines


def _cross_check(kb: KnowledgeBase) -> list[str]:
    problems: list[str] = []

    def source_ok(where: str, source: str | None) -> None:
        if source is not None and source not in kb.sources:
            problems.append(f"{where}: unknown source {source!r}")

    for finding in kb.findings.values():
        source_ok(f"findings.yaml: findings[{finding.id}].default", finding.default.source)
    for condition in kb.conditions.values():
        where = f"conditions.yaml: conditions[{condition.id}]"
        source_ok(f"{where}.prior", condition.prior.source)
        for source in condition.sources:
            source_ok(f"{where}.sources", source)
        for escalation in condition.escalations:
            for finding_id in escalation.any_of:
                if finding_id not in kb.findings:
                    problems.append(f"{where}.escalations: unknown finding {finding_id!r}")
        if condition.id not in kb.likelihoods:
            problems.append(f"likelihoods.yaml: {condition.id}: condition has no likelihoods")
    for condition_id, row in kb.likelihoods.items():
        if condition_id not in kb.conditions:
            problems.append(f"likelihoods.yaml: {condition_id}: unknown condition")
        for finding_id, cited in row.items():
            if finding_id not in kb.findings:
                problems.append(f"likelihoods.yaml: {condition_id}.{finding_id}: unknown finding")
            source_ok(f"likelihoods.yaml: {condition_id}.{finding_id}", cited.source)
    for rule in kb.red_flags:
        for finding_id in rule.finding_ids:
            if finding_id not in kb.findings:
                problems.append(f"red_flags.yaml: rules[{rule.id}]: unknown finding {finding_id!r}")
        for source in rule.sources:
            source_ok(f"red_flags.yaml: rules[{rule.id}].sources", source)
    solo = solo_red_flag_findings(kb.red_flags)
    for rule in kb.red_flags:
        for finding_id in solo.intersection(rule.none_of):
            problems.append(f"red_flags.yaml: rules[{rule.id}].none_of: {finding_id!r} fires a "
                            "rule on its own, so it must not be able to switch a rule off")
    for alias in kb.aliases:
        target = kb.findings if alias.kind == "finding" else kb.conditions
        if alias.new not in target:
            problems.append(f"aliases.yaml: {alias.old}: alias points to unknown {alias.kind} {alias.new!r}")
        if alias.old in target:
            problems.append(f"aliases.yaml: {alias.old}: old id is still in use")
    return problems


def _content_hash(directory: Path) -> str:
    digest = hashlib.sha256()
    for name in FILES:
        digest.update(name.encode())
        digest.update((directory / name).read_bytes())
    return digest.hexdigest()
