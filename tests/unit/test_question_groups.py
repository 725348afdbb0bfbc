"""Meta-tests of question_groups.yaml: every question the person meets says why it is asked,
and a group can never hide a red flag."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

from popliteal.knowledge import KnowledgeBase, check_knowledge_base, default_data_dir

FILE = "question_groups.yaml"


def test_every_finding_asked_of_the_person_has_a_reason_why(kb: KnowledgeBase) -> None:
    for finding in kb.findings.values():
        if finding.ask == "patient":
            group = kb.questions.group_of(finding.id)
            why = group.why if group is not None else kb.questions.why_for(finding)
            assert why is not None and len(why) > 20, finding.id


def test_groups_ask_only_what_a_person_can_answer(kb: KnowledgeBase) -> None:
    for group in kb.questions.groups:
        assert all(kb.findings[f].ask == "patient" for f in group.finding_ids), group.id


def test_every_group_states_known_findings_and_has_its_own_reason(kb: KnowledgeBase) -> None:
    for group in kb.questions.groups:
        assert group.why and group.text
        assert group.finding_ids <= set(kb.findings), group.id


def test_each_screen_ends_with_none_of_these(kb: KnowledgeBase) -> None:
    for group in kb.questions.groups:
        if group.kind == "screen":
            assert not any(group.options[-1].findings.values()), group.id


def _broken(tmp_path: Path, edit: Callable[[dict[str, Any]], None]) -> list[str]:
    data = tmp_path / "data"
    shutil.copytree(default_data_dir(), data)
    document = yaml.safe_load((data / FILE).read_text())
    edit(document)
    (data / FILE).write_text(yaml.safe_dump(document, sort_keys=False))
    return check_knowledge_base(data)


def _group(document: dict[str, Any], group_id: str) -> dict[str, Any]:
    return next(g for g in document["groups"] if g["id"] == group_id)


def test_a_finding_without_a_reason_is_named(tmp_path: Path) -> None:
    def edit(document: dict[str, Any]) -> None:
        del document["why_by_category"]["risk"]
        document["why_by_finding"].pop("smoker", None)

    problems = _broken(tmp_path, edit)
    assert any(p.startswith(f"{FILE}: why_by_finding.smoker") for p in problems)


def test_an_unknown_finding_in_a_group_is_named(tmp_path: Path) -> None:
    problems = _broken(tmp_path, lambda d: _group(d, "onset")["options"][0].update(
        {"findings": {"no_such_finding": True}}))
    assert any("groups[onset]" in p and "no_such_finding" in p for p in problems)


def test_a_clinician_finding_in_a_group_is_refused(tmp_path: Path) -> None:
    problems = _broken(tmp_path, lambda d: _group(d, "onset")["options"][0].update(
        {"findings": {"mcmurray_positive": True}}))
    assert any("groups[onset]" in p and "clinician" in p for p in problems)


def test_a_finding_asked_by_two_groups_is_refused(tmp_path: Path) -> None:
    problems = _broken(tmp_path, lambda d: _group(d, "pain_side")["options"][0].update(
        {"findings": {"sudden_onset": True}}))
    assert any("already asked in group" in p for p in problems)


def test_a_screen_that_would_split_a_red_flag_pair_is_refused(tmp_path: Path) -> None:
    """Fever and feeling very unwell together mean sepsis; one option each would hide it."""
    def edit(document: dict[str, Any]) -> None:
        document["groups"].append({
            "id": "unwell_screen", "kind": "screen", "text": "Have you had any of these?",
            "why": "To look for a serious infection.",
            "options": [
                {"id": "fever", "label": "A fever", "findings": {"fever": True}},
                {"id": "unwell", "label": "Feeling very unwell",
                 "findings": {"feeling_very_unwell": True}},
                {"id": "none", "label": "None of these",
                 "findings": {"fever": False, "feeling_very_unwell": False}},
            ]})

    problems = _broken(tmp_path, edit)
    assert any("unwell_screen" in p and "sepsis_signs" in p for p in problems)


def test_a_screen_must_end_with_none_of_these(tmp_path: Path) -> None:
    problems = _broken(tmp_path, lambda d: _group(d, "chest_screen")["options"].pop())
    assert any(p.startswith(f"{FILE}: groups.") and "none of its signs" in p for p in problems)


def test_an_option_may_not_be_called_unknown(tmp_path: Path) -> None:
    problems = _broken(tmp_path, lambda d: _group(d, "onset")["options"][0].update(
        {"id": "unknown"}))
    assert any("reserved" in p for p in problems)
