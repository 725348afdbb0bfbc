"""Vignette files (format popliteal-vignettes/1): load them strictly.

An unknown key, an unknown id, a bad level or a duplicate id is an error naming the file,
the vignette and the field.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from popliteal.engine.evidence import MAX_AGE, MIN_AGE, Sex
from popliteal.errors import VignetteFileError
from popliteal.knowledge import KnowledgeBase
from popliteal.levels import Level

FORMAT = "popliteal-vignettes/1"
VIGNETTE_KEYS = {"id", "source", "age", "sex", "narrative", "narrative_findings", "findings", "gold"}
REQUIRED_KEYS = {"id", "age", "sex", "findings", "gold"}
GOLD_KEYS = {"condition", "also_acceptable", "triage"}


@dataclass(frozen=True)
class Vignette:
    id: str
    path: str
    source: str
    age: int
    sex: Sex
    narrative: str
    narrative_findings: dict[str, bool]
    findings: dict[str, bool]
    gold_condition: str
    also_acceptable: tuple[str, ...]
    gold_triage: Level

    @property
    def acceptable(self) -> frozenset[str]:
        return frozenset((self.gold_condition, *self.also_acceptable))


FACTS_SUFFIX = ".facts.yaml"


def vignette_files(paths: Iterable[Path]) -> list[Path]:
    """The vignette files named, with folders expanded to every .yaml/.yml file below them.

    A real-case set keeps a facts file (``*.facts.yaml``) beside each vignette file; it is not a
    vignette file, so a folder leaves it out.
    """
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files.extend(sorted(p for p in path.rglob("*") if p.suffix in {".yaml", ".yml"}
                                and not p.name.endswith(FACTS_SUFFIX)))
        elif path.is_file():
            files.append(path)
        else:
            raise VignetteFileError(str(path), "no such file or folder")
    return files


def load_vignettes(paths: Iterable[Path], kb: KnowledgeBase) -> list[Vignette]:
    vignettes: list[Vignette] = []
    for file in vignette_files(paths):
        vignettes.extend(load_vignette_file(file, kb))
    return vignettes


def load_vignette_file(path: Path, kb: KnowledgeBase) -> list[Vignette]:
    where = str(path)
    try:
        document = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise VignetteFileError(where, f"not valid YAML: {exc}") from exc
    except UnicodeDecodeError as exc:
        raise VignetteFileError(where, "not a UTF-8 text file") from exc
    if not isinstance(document, dict):
        raise VignetteFileError(where, "expected a mapping with 'format' and 'vignettes'")
    extra = set(document) - {"format", "vignettes"}
    if extra:
        raise VignetteFileError(where, f"unknown top-level key(s): {', '.join(sorted(extra))}",
                                field=sorted(extra)[0])
    if document.get("format") != FORMAT:
        raise VignetteFileError(where, f"format must be {FORMAT!r}", field="format")
    items = document.get("vignettes")
    if not isinstance(items, list):
        raise VignetteFileError(where, "'vignettes' must be a list", field="vignettes")
    seen: set[str] = set()
    vignettes = []
    for index, item in enumerate(items):
        vignette = _parse(where, index, item, kb)
        if vignette.id in seen:
            raise VignetteFileError(where, "duplicate id", vignette_id=vignette.id, field="id")
        seen.add(vignette.id)
        vignettes.append(vignette)
    return vignettes


def _parse(where: str, index: int, item: Any, kb: KnowledgeBase) -> Vignette:
    if not isinstance(item, dict):
        raise VignetteFileError(where, f"vignette #{index + 1} is not a mapping")
    vid = item.get("id")
    if not isinstance(vid, str) or not vid:
        raise VignetteFileError(where, f"vignette #{index + 1} has no string id", field="id")

    def fail(field: str, message: str) -> VignetteFileError:
        return VignetteFileError(where, message, vignette_id=vid, field=field)

    unknown = set(item) - VIGNETTE_KEYS
    if unknown:
        raise fail(sorted(unknown)[0], "unknown key")
    missing = REQUIRED_KEYS - set(item)
    if missing:
        raise fail(sorted(missing)[0], "missing")
    age = item["age"]
    if isinstance(age, bool) or not isinstance(age, int) or not MIN_AGE <= age <= MAX_AGE:
        raise fail("age", f"must be an integer {MIN_AGE}..{MAX_AGE}")
    if item["sex"] not in ("female", "male"):
        raise fail("sex", "must be female or male")
    findings = _findings(item["findings"], kb, fail, "findings")
    narrative_findings = _findings(item.get("narrative_findings") or {}, kb, fail,
                                   "narrative_findings")
    for finding_id, value in narrative_findings.items():
        if findings.get(finding_id, value) != value:
            raise fail(f"narrative_findings.{finding_id}", "contradicts findings")
    gold = item["gold"]
    if not isinstance(gold, dict):
        raise fail("gold", "must be a mapping")
    if set(gold) - GOLD_KEYS:
        raise fail(f"gold.{sorted(set(gold) - GOLD_KEYS)[0]}", "unknown key")
    condition = _condition(gold.get("condition"), kb, fail, "gold.condition")
    also = gold.get("also_acceptable") or []
    if not isinstance(also, list):
        raise fail("gold.also_acceptable", "must be a list")
    acceptable = tuple(_condition(c, kb, fail, "gold.also_acceptable") for c in also)
    try:
        triage = Level(str(gold.get("triage")))
    except ValueError:
        raise fail("gold.triage", f"unknown level {gold.get('triage')!r}") from None
    narrative = item.get("narrative") or ""
    if not isinstance(narrative, str):
        raise fail("narrative", "must be text")
    return Vignette(id=vid, path=where, source=str(item.get("source") or ""), age=age,
                    sex=item["sex"], narrative=narrative, narrative_findings=narrative_findings,
                    findings=findings, gold_condition=condition, also_acceptable=acceptable,
                    gold_triage=triage)


def _findings(raw: Any, kb: KnowledgeBase, fail: Any, field: str) -> dict[str, bool]:
    if not isinstance(raw, dict):
        raise fail(field, "must be a mapping of finding id to true/false")
    result = {}
    for finding_id, value in raw.items():
        current = kb.resolve_finding(str(finding_id))
        if current is None:
            raise fail(f"{field}.{finding_id}", "unknown finding id")
        if not isinstance(value, bool):
            raise fail(f"{field}.{finding_id}", "must be true or false")
        result[current] = value
    return result


def _condition(raw: Any, kb: KnowledgeBase, fail: Any, field: str) -> str:
    current = kb.resolve_condition(str(raw)) if isinstance(raw, str) else None
    if current is None:
        raise fail(field, f"unknown condition id {raw!r}")
    return current
