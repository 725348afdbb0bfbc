"""Published ids are a public API: a snapshot fails when one disappears without an alias."""

from __future__ import annotations

from pathlib import Path

import yaml

from popliteal.knowledge import KnowledgeBase

SNAPSHOT = Path(__file__).parent / "published_ids.yaml"


def test_no_published_id_disappears_without_an_alias(kb: KnowledgeBase) -> None:
    published = yaml.safe_load(SNAPSHOT.read_text())
    for condition_id in published["conditions"]:
        assert kb.resolve_condition(condition_id) is not None, condition_id
    for finding_id in published["findings"]:
        assert kb.resolve_finding(finding_id) is not None, finding_id
