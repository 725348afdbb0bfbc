"""The finding map: proposed finding ids from facts files onto the knowledge base's ids.

Encoders name the finding a fact would need before the knowledge base has it. When a finding
is added under another id, or an existing one turns out to express the fact, the map says so,
and the fact can move into the case's findings.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import yaml

from popliteal.errors import VignetteFileError
from popliteal.knowledge import KnowledgeBase

FORMAT = "popliteal-finding-map/1"


def load_finding_map(path: Path) -> dict[str, str]:
    if not path.exists():
        return {}
    document = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise VignetteFileError(str(path), f"format must be {FORMAT!r}", field="format")
    mapping = document.get("map") or {}
    if not isinstance(mapping, dict) or not all(
            isinstance(k, str) and isinstance(v, str) for k, v in mapping.items()):
        raise VignetteFileError(str(path), "'map' must map proposed ids to finding ids",
                                field="map")
    return dict(mapping)


def expressed_by(kb: KnowledgeBase, finding_map: Mapping[str, str], proposed: str) -> str | None:
    """The knowledge-base finding that expresses a proposed id, or None while there is none."""
    return kb.resolve_finding(finding_map.get(proposed, proposed))
