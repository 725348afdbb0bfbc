"""An interview answered from answers given in advance (``popliteal assess --answers FILE``).

The interview runs as it would with a person: each question it chooses is answered from the
script, or "don't know" when the script has no answer for it. When the interview would stop,
answers in the script that it never asked for are still taken into account, one at a time in
the script's order, and the interview carries on from each: what a person wrote down is never
ignored, least of all a warning sign.
"""

from __future__ import annotations

from collections.abc import Mapping

from popliteal.errors import InvalidInputError
from popliteal.interview.catalogue import check_value, question_by_id
from popliteal.interview.model import NO, UNKNOWN, YES, InterviewState
from popliteal.interview.session import answer_question, next_question
from popliteal.knowledge import KnowledgeBase

DONT_KNOW_SPELLINGS = frozenset({"unknown", "don't know", "dont know", "dont_know", "?"})


def read_script(kb: KnowledgeBase, raw: Mapping[object, object]) -> dict[str, str]:
    """Check answers given by question id; yes/no may be written as true/false."""
    script: dict[str, str] = {}
    for key, given in raw.items():
        question_id = str(key)
        field = f"answers.{question_id}"
        try:
            question = question_by_id(kb, question_id)
            value = _spelled(given)
            check_value(question, value)
        except InvalidInputError as exc:
            raise InvalidInputError(str(exc), field=field) from None
        script[question_id] = value
    return script


def _spelled(given: object) -> str:
    if given is True:
        return YES
    if given is False:
        return NO
    if given is None:
        return UNKNOWN
    text = str(given).strip().lower()
    return UNKNOWN if text in DONT_KNOW_SPELLINGS else text


def run_scripted(kb: KnowledgeBase, state: InterviewState,
                 script: Mapping[str, str]) -> InterviewState:
    """Run the interview to its end, answering from the script."""
    while True:
        question = next_question(kb, state)
        if question is not None:
            state = answer_question(kb, state, question.id, script.get(question.id, UNKNOWN))
            continue
        unasked = [q for q in script if q not in state.answered]
        if not unasked:
            return state
        state = answer_question(kb, state, unasked[0], script[unasked[0]])
