"""Choosing the next question with 30 findings known (target: median <= 10 ms)."""

from __future__ import annotations

from typing import Any

from popliteal.engine.evidence import Patient
from popliteal.interview import next_question, start_interview
from popliteal.knowledge import load_knowledge_base


def test_next_question_with_thirty_findings_known(benchmark: Any) -> None:
    kb = load_knowledge_base()
    askable = sorted(f.id for f in kb.findings.values() if f.ask == "patient")
    known = {finding_id: index % 4 == 0 for index, finding_id in enumerate(askable[::3][:30])}
    assert len(known) == 30
    state = start_interview(kb, Patient(age=62, sex="female"), known)
    question = benchmark(next_question, kb, state)
    assert question is None or question.id not in known
