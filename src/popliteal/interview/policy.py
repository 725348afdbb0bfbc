"""Which question to ask next, and when to stop asking.

Every open question is weighed (value.py) by three numbers:

* ``stake``: the triage loss expected from not asking it: for each answer, its chance times
  how much worse the level given now would be once that answer is known (the loss matrix of
  engine/triage.py; value.py has the details);
* ``urgency``: the bits its answer tells about whether the cause needs more urgent care than
  the level given now. This sees a question such as "is your calf swollen?" whose answer
  would not change the level on its own but would make a clot likely enough that the next
  answer could;
* ``information``: the bits its answer is expected to tell about the cause.

A question is *worth asking* when any of these holds:

* its stake is at least ``STAKE_TO_ASK``. For an answer that would fire a red-flag rule,
  starting from a GP appointment, that is when at least about one person in 300 with the
  same answers would answer so as to need an ambulance, one in 120 an emergency department,
  or one in 20 same-day care. An answer that only tips the balance of expected loss across a
  boundary, where the two levels cost nearly the same, needs to be far likelier;
* its urgency is at least ``URGENCY_TO_ASK`` bits;
* the differential is not settled and its information is at least ``INFORMATION_TO_ASK``
  bits. The differential is settled when the leading cause has a probability of ``SETTLED``
  or more.

Once the level has been an emergency, the person is shown the emergency advice at once. A
question that could still call for an ambulance is asked first, as before. Questions about the
cause then become *optional*: they help the doctors who will see the person, at most
``OPTIONAL_AFTER_EMERGENCY`` of them, and the person may stop at any time. Their answers
refine the differential and the report but never lower the level (the session keeps the
emergency as a floor).

The next question is the worth-asking question with the highest
``information + URGENCY_WEIGHT * urgency + TRIAGE_WEIGHT * stake``, so questions that could
change the level come first (a screen for warning signs, the one finding that would send
someone to same-day care), then those that best separate the likely causes. Equal scores go
to the order of the question catalogue.

Stopping rule. The interview stops at the first of:

1. ``MAX_QUESTIONS`` questions answered (the vignette contract's cap);
2. no open question is worth asking: none could plausibly change the level, none would tell
   much about whether more urgent care is needed, and either the leading cause is settled or
   no question would tell enough about the cause to be worth the person's time.

A question is open until it is answered; its answer may also become known on the way (a
screen's sign stated in the person's story), and then it is not asked. "Don't know" counts as
an answer: it tells the model nothing, so the weighing stays as it was and the next question on
the list comes up.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from popliteal.interview.lookahead import Situation, TriageModel
from popliteal.interview.model import Question
from popliteal.interview.value import QuestionValue, weigh

MAX_QUESTIONS = 40
STAKE_TO_ASK = 0.2
URGENCY_TO_ASK = 0.05
INFORMATION_TO_ASK = 0.1
SETTLED = 0.8
OPTIONAL_AFTER_EMERGENCY = 8
TRIAGE_WEIGHT = 4.0
URGENCY_WEIGHT = 2.0


@dataclass(frozen=True)
class Choice:
    """The question to ask next (None to stop), how many are still worth asking, and whether
    the next one is optional (asked after an emergency, to help the doctors)."""

    question_id: str | None
    worth_asking: int
    optional: bool = False


def is_settled(now: Situation) -> bool:
    """No more questions about the cause: the leading cause is clear enough."""
    return max(now.probabilities) >= SETTLED


def worth_asking(value: QuestionValue, settled: bool) -> bool:
    """Could the answer plausibly change the level, or still sharpen an unsettled differential?"""
    return (value.stake >= STAKE_TO_ASK or value.urgency >= URGENCY_TO_ASK
            or (not settled and value.information >= INFORMATION_TO_ASK))


def score(value: QuestionValue) -> float:
    return value.information + URGENCY_WEIGHT * value.urgency + TRIAGE_WEIGHT * value.stake


def choose(tm: TriageModel, now: Situation, open_questions: Iterable[Question],
           answered: int, optional_asked: int | None = None) -> Choice:
    """Weigh the open questions and pick the next one, or stop by the stopping rule.

    ``optional_asked`` is None until the level has been an emergency; from then on it counts the
    questions answered since, which are optional.
    """
    values = tuple(v for q in open_questions if (v := weigh(tm, now, q)) is not None)
    settled = is_settled(now)
    room = MAX_QUESTIONS - answered
    if optional_asked is None and not now.level.is_emergency:
        required = [v for v in values if worth_asking(v, settled)]
        optional: list[QuestionValue] = []
        optional_room = 0
    else:
        required = [v for v in values if worth_asking(v, settled=True)]
        optional_room = max(0, OPTIONAL_AFTER_EMERGENCY - (optional_asked or 0))
        optional = [] if settled or not optional_room else [
            v for v in values if v not in required and v.information >= INFORMATION_TO_ASK]
    if room <= 0 or not (required or optional):
        return Choice(None, 0)
    best = max(required or optional, key=score)  # max keeps the first of equal scores: catalogue order
    return Choice(best.question_id, min(room, len(required) + min(optional_room, len(optional))),
                  optional=not required)
