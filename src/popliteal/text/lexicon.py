"""Load and check the lexicon and the context rules (knowledge/data/*.yaml).

Both files are data: lay words per finding, and the trigger words of the context reader.
They are checked on load against findings.yaml; every problem names the file and the key,
and all problems are reported at once.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any, Literal, TypeVar

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from popliteal.errors import KnowledgeBaseError

LEXICON_FILE = "lexicon.yaml"
CONTEXT_FILE = "context_rules.yaml"
FINDINGS_FILE = "findings.yaml"

Role = Literal["symptom", "site", "cue"]
Category = Literal[
    "negated", "uncertain", "hypothetical", "historical", "other_person", "current", "pseudo",
    "terminate",
]
Direction = Literal["forward", "backward", "both", "event"]


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


Phrases = tuple[str, ...]
M = TypeVar("M", bound=BaseModel)


class Matching(_Frozen):
    fillers: tuple[str, ...] = ()


class Spelling(_Frozen):
    """Misspellings read as the word meant, and the limits of guessing them."""

    min_length: int = Field(ge=4)
    never_correct: tuple[str, ...] = ()
    corrections: dict[str, str] = Field(default_factory=dict)


class Term(_Frozen):
    """A building block: a word for a symptom, a body site or a sentence-level cue.

    ``refers_back`` marks the sites that "it" most often means in a narrative about a knee;
    ``shadows_sites`` a cue whose body words are not a place ("when I straighten my leg");
    ``states`` a cue that states something itself, so that its negation counts ("worse");
    ``refines`` a side ("on the outside") that, named with a site, makes it a narrower site
    (site term -> refined site term; see sides.py).
    """

    role: Role
    phrases: Phrases = Field(min_length=1)
    refers_back: bool = False
    shadows_sites: bool = False
    states: bool = False
    refines: dict[str, str] = Field(default_factory=dict)


class FindingEntry(_Frozen):
    """How a narrative can state one finding."""

    phrases: Phrases = ()
    absent_phrases: Phrases = ()
    combinations: tuple[tuple[str, str], ...] = ()
    unpaired: tuple[str, ...] = ()
    together: tuple[tuple[str, ...], ...] = ()
    together_within: Literal["sentence", "clause"] = "sentence"
    implies: tuple[str, ...] = ()
    overrides: tuple[str, ...] = ()
    longer_than_minutes: float | None = Field(default=None, gt=0)
    past_counts: bool = False
    needs_past: bool = False
    shadows_words: bool = False
    recent_days: int | None = Field(default=None, gt=0)

    @model_validator(mode="after")
    def _reads_something(self) -> FindingEntry:
        if not (self.phrases or self.absent_phrases or self.combinations or self.unpaired
                or self.together):
            raise ValueError("an entry needs phrases, absent_phrases, combinations, "
                             "unpaired or together")
        return self


class LexiconFile(_Frozen):
    format: Literal["popliteal-lexicon/1"]
    matching: Matching
    spelling: Spelling
    terms: dict[str, Term]
    findings: dict[str, FindingEntry]


class ContextRule(_Frozen):
    """One trigger of the context reader (ConText style).

    A trigger is a ``phrase`` in the lexicon's syntax, or, where words are not enough ("maybe"
    before any number), a spaCy Matcher ``pattern``.
    """

    phrase: str | None = Field(default=None, min_length=1)
    pattern: tuple[dict[str, Any], ...] | None = Field(default=None, min_length=1)
    category: Category
    direction: Direction = "forward"
    max_scope: int | None = Field(default=None, gt=0)

    @model_validator(mode="after")
    def _one_trigger(self) -> ContextRule:
        if (self.phrase is None) == (self.pattern is None):
            raise ValueError("give exactly one of 'phrase' or 'pattern'")
        return self

    @property
    def label(self) -> str:
        return self.phrase if self.phrase is not None else str(list(self.pattern or ()))


class TimeWords(_Frozen):
    """The vocabulary of durations: "for two days", "three months ago", "this morning"."""

    units: dict[str, float]
    numbers: dict[str, float]
    approximations: tuple[str, ...]
    duration_markers: tuple[str, ...]
    ago: tuple[str, ...]
    recent: Phrases


class ContextDefaults(_Frozen):
    max_scope: int = Field(gt=0)


class ContextFile(_Frozen):
    format: Literal["popliteal-context-rules/1"]
    defaults: ContextDefaults
    clause_subjects: tuple[str, ...]
    clause_openers: tuple[str, ...]
    time: TimeWords
    rules: tuple[ContextRule, ...] = Field(min_length=1)


@dataclass(frozen=True)
class Lexicon:
    """The checked lexicon and context rules, ready to compile into a pipeline."""

    matching: Matching
    spelling: Spelling
    terms: Mapping[str, Term]
    findings: Mapping[str, FindingEntry]
    context: ContextFile
    categories: Mapping[str, str]


def default_data_dir() -> Path:
    return Path(str(resources.files("popliteal.knowledge") / "data"))


@cache
def load_lexicon() -> Lexicon:
    """The packaged lexicon, loaded and checked once per process."""
    return load_lexicon_from(default_data_dir())


def load_lexicon_from(data_dir: Path) -> Lexicon:
    """Load lexicon.yaml and context_rules.yaml from ``data_dir`` and check them.

    Raises KnowledgeBaseError listing every problem with its file and key.
    """
    problems: list[str] = []
    categories = _finding_categories(data_dir / FINDINGS_FILE, problems)
    finding_ids = frozenset(categories)
    lexicon = _parse(data_dir / LEXICON_FILE, LexiconFile, problems)
    context = _parse(data_dir / CONTEXT_FILE, ContextFile, problems)
    if lexicon is not None:
        problems.extend(check_lexicon(lexicon, finding_ids))
    if problems or lexicon is None or context is None:
        raise KnowledgeBaseError(problems)
    return Lexicon(lexicon.matching, lexicon.spelling, lexicon.terms, lexicon.findings, context,
                   categories)


def check_lexicon(lexicon: LexiconFile, finding_ids: frozenset[str]) -> list[str]:
    """Every dangling or ill-formed reference in the lexicon, one message each."""
    problems: list[str] = []
    for finding_id, entry in lexicon.findings.items():
        key = f"{LEXICON_FILE}: findings.{finding_id}"
        if finding_id not in finding_ids:
            problems.append(f"{key}: unknown finding id (not in {FINDINGS_FILE})")
        problems.extend(_check_references(key, entry, lexicon.terms, finding_ids))
        for field, phrases in (("phrases", entry.phrases),
                               ("absent_phrases", entry.absent_phrases)):
            problems.extend(f"{key}.{field}: empty phrase" for p in phrases if not p.strip())
    for name, term in lexicon.terms.items():
        problems.extend(f"{LEXICON_FILE}: terms.{name}.phrases: empty phrase"
                        for p in term.phrases if not p.strip())
        problems.extend(_check_refines(name, term, lexicon.terms))
    return problems


def _check_refines(name: str, term: Term, terms: Mapping[str, Term]) -> list[str]:
    key = f"{LEXICON_FILE}: terms.{name}.refines"
    if term.refines and term.role != "site":
        return [f"{key}: only a site term can refine a site"]
    return [f"{key}: {site!r} is not a site term"
            for pair in term.refines.items() for site in pair if _role(terms, site) != "site"]


def _check_references(key: str, entry: FindingEntry, terms: Mapping[str, Term],
                      finding_ids: frozenset[str]) -> list[str]:
    problems: list[str] = []
    for symptom, site in entry.combinations:
        if _role(terms, symptom) != "symptom":
            problems.append(f"{key}.combinations: {symptom!r} is not a symptom term")
        if _role(terms, site) != "site":
            problems.append(f"{key}.combinations: {site!r} is not a site term")
    problems.extend(f"{key}.unpaired: {name!r} is not a symptom term"
                    for name in entry.unpaired if _role(terms, name) != "symptom")
    for group in entry.together:
        if len(group) < 2:
            problems.append(f"{key}.together: a group needs at least two terms")
        problems.extend(f"{key}.together: unknown term {name!r}"
                        for name in group if name not in terms)
    for field in ("implies", "overrides"):
        problems.extend(f"{key}.{field}: unknown finding id {other!r}"
                        for other in getattr(entry, field) if other not in finding_ids)
    if entry.longer_than_minutes is not None and not entry.together:
        problems.append(f"{key}.longer_than_minutes: needs `together` terms to date")
    return problems


def _role(terms: Mapping[str, Term], name: str) -> str | None:
    term = terms.get(name)
    return term.role if term is not None else None


def _finding_categories(path: Path, problems: list[str]) -> dict[str, str]:
    """Finding id -> category, read from findings.yaml (checked fully by the KB loader)."""
    raw = _read_yaml(path, problems)
    entries = raw.get("findings") if isinstance(raw, dict) else None
    if not isinstance(entries, list):
        problems.append(f"{path.name}: findings: expected a list")
        return {}
    return {str(item["id"]): str(item.get("category", "")) for item in entries
            if isinstance(item, dict) and "id" in item}


def _parse(path: Path, model: type[M], problems: list[str]) -> M | None:
    raw = _read_yaml(path, problems)
    if raw is None:
        return None
    try:
        return model.model_validate(raw)
    except ValidationError as error:
        for detail in error.errors():
            where = ".".join(str(part) for part in detail["loc"])
            problems.append(f"{path.name}: {where}: {detail['msg']}")
        return None


def _read_yaml(path: Path, problems: list[str]) -> Any:
    try:
        with path.open(encoding="utf-8") as handle:
            return yaml.safe_load(handle)
    except OSError as error:
        problems.append(f"{path.name}: cannot read ({error.strerror})")
    except yaml.YAMLError as error:
        problems.append(f"{path.name}: not valid YAML ({error})")
    return None
