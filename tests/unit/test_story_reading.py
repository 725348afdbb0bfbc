"""The story step's use case: a person's words read into findings they can confirm."""

from __future__ import annotations

import pytest

from popliteal.errors import InvalidInputError
from popliteal.knowledge import KnowledgeBase
from popliteal.service import MAX_STORY_CHARS
from popliteal.service.story import Understood, read_story

STORY = "For two days the back of my knee is swollen, no fever. My mum had a clot."


def test_each_finding_comes_with_its_wording_and_the_words_that_decided_it(
        kb: KnowledgeBase) -> None:
    reading = read_story(kb, STORY)
    assert reading.findings == {"symptoms_over_6_weeks": False, "swelling_behind_knee": True,
                                "fever": False, "family_history_clots": True}
    for item in reading.understood:
        assert item.wording == kb.findings[item.finding_id].question
        assert STORY[item.start:item.end] == item.words
    fever = next(item for item in reading.understood if item.finding_id == "fever")
    assert (fever.words, fever.cue_words) == ("fever", ("no",))


def test_someone_elses_clot_is_listed_as_not_taken_rather_than_as_a_finding(
        kb: KnowledgeBase) -> None:
    reading = read_story(kb, STORY)
    assert "previous_dvt" not in reading.findings
    assert [(u.finding_id, u.status, u.words) for u in reading.unsure] == [
        ("previous_dvt", "other_person", "clot")]


@pytest.mark.parametrize("text", ["", "   \n\t", "hello there"])
def test_a_story_with_nothing_to_read_gives_no_findings(kb: KnowledgeBase, text: str) -> None:
    reading = read_story(kb, text)
    assert reading.understood == () and reading.findings == {}


def test_a_story_over_the_limit_is_refused_naming_the_field(kb: KnowledgeBase) -> None:
    read_story(kb, "a" * MAX_STORY_CHARS)
    with pytest.raises(InvalidInputError) as raised:
        read_story(kb, "a" * (MAX_STORY_CHARS + 1))
    assert raised.value.field == "text"


def test_a_lone_surrogate_is_read_past_without_moving_the_other_words(kb: KnowledgeBase) -> None:
    reading = read_story(kb, "\ud800 " + STORY)
    swelling = next(i for i in reading.understood if i.finding_id == "swelling_behind_knee")
    assert ("\ud800 " + STORY)[swelling.start:swelling.end] == swelling.words


def test_understood_words_must_fit_their_span() -> None:
    with pytest.raises(ValueError, match="do not fit"):
        Understood("fever", False, "Do you have a fever?", "fever", 3, 5, "phrase")
