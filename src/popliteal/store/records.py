"""What the store reads and writes: frozen records that check themselves.

An audit event may carry only ids, yes/no values and numbers, never free text: a string with a
space or punctuation beyond ``._:+-`` is refused when the event is built, so a narrative or a
name cannot reach the audit table by accident.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Literal

AuditKind = Literal["created", "answered", "changed", "went_back", "result"]
AUDIT_KINDS: tuple[AuditKind, ...] = ("created", "answered", "changed", "went_back", "result")

_ID_TEXT = re.compile(r"^[A-Za-z0-9_.:+-]{0,80}$")


def check_no_free_text(value: Any, where: str = "data") -> None:
    """Raise ValueError unless ``value`` is JSON made of ids, booleans, numbers and nulls."""
    if value is None or isinstance(value, bool | int | float):
        return
    if isinstance(value, str):
        if not _ID_TEXT.match(value):
            raise ValueError(f"{where}: only ids may be audited, not {value[:20]!r}")
        return
    if isinstance(value, Mapping):
        for key, item in value.items():
            check_no_free_text(key, f"{where} key")
            check_no_free_text(item, f"{where}.{key}")
        return
    if isinstance(value, list | tuple):
        for index, item in enumerate(value):
            check_no_free_text(item, f"{where}[{index}]")
        return
    raise ValueError(f"{where}: {type(value).__name__} is not JSON")


def _check_aware(moment: datetime, name: str) -> None:
    if moment.tzinfo is None:
        raise ValueError(f"{name} must carry a time zone")


@dataclass(frozen=True)
class AuditEvent:
    """One line of an assessment's audit trail."""

    kind: AuditKind
    knowledge_base_version: str
    knowledge_base_hash: str
    at: datetime
    question_id: str | None = None
    value: str | None = None
    data: Mapping[str, Any] | None = None
    revision: int | None = field(default=None, compare=False)

    def __post_init__(self) -> None:
        if self.kind not in AUDIT_KINDS:
            raise ValueError(f"unknown audit kind {self.kind!r}")
        _check_aware(self.at, "at")
        check_no_free_text(
            [self.knowledge_base_version, self.knowledge_base_hash, self.question_id, self.value],
            "audit event")
        check_no_free_text(self.data)


@dataclass(frozen=True)
class StoredAssessment:
    """An assessment as kept: its id, the hash of its token and its JSON state."""

    id: str
    token_hash: str
    state: Mapping[str, Any]
    revision: int
    knowledge_base_version: str
    created_at: datetime
    updated_at: datetime

    def __post_init__(self) -> None:
        if self.revision < 1:
            raise ValueError("revision starts at 1")
        _check_aware(self.created_at, "created_at")
        _check_aware(self.updated_at, "updated_at")
