"""The story step in the browser, in process: own words, what was understood, then questions.

The person's words travel only in the forms: after a whole assessment neither the database,
the audit trail nor the logs hold any of them.
"""

from __future__ import annotations

import logging
import re
from typing import Any

import pytest
from sqlalchemy import MetaData, select

from integration.test_pages import answer_all
from integration.web_helpers import TestClient
from popliteal.knowledge import KnowledgeBase
from popliteal.service import MAX_STORY_CHARS, AssessmentService
from popliteal.store.tables import assessments, audit_events
from popliteal.web.deps import TOKEN_COOKIE

PERSON = {"age": "54", "sex": "female"}
STORY = ("For two days the back of my knee is swollen, no fever. My mum had a clot after her "
         "holiday in Zanzibar.")
UNDERSTOOD = {"symptoms_over_6_weeks": False, "swelling_behind_knee": True, "fever": False,
              "family_history_clots": True}
# Pieces of the story that would show it had been kept somewhere.
TELLTALES = ("Zanzibar", "back of my knee is swollen", "two days", "my mum", "holiday")


def service_of(client: TestClient) -> AssessmentService:
    service: AssessmentService = client.app.state.service  # type: ignore[attr-defined]
    return service


def checked(page: str) -> dict[str, str]:
    """The radio button checked for each finding on the confirmation page."""
    found = re.findall(r'name="finding-([a-z0-9_]+)" value="([a-z]*)"\s+checked', page)
    return dict(found)


def confirm(client: TestClient, story: str = STORY) -> str:
    page = client.post("/story/read", data={**PERSON, "story": story})
    assert page.status_code == 200, page.text
    return page.text


def started(client: TestClient, response: Any) -> tuple[str, str]:
    """The id and the token of the assessment a form just started."""
    assert response.status_code == 303
    home = str(response.headers["location"])
    token = response.cookies[TOKEN_COOKIE]
    return home, token


def initial_findings(client: TestClient, home: str, token: str) -> dict[str, bool]:
    opened = service_of(client).open(home.rsplit("/", 1)[-1], token)
    return dict(opened.state.initial_findings)


def everything_stored(client: TestClient) -> str:
    """Every row of every table, as text."""
    engine = service_of(client).store.engine
    tables = MetaData()
    tables.reflect(engine)
    with engine.connect() as conn:
        rows = [row for table in tables.sorted_tables for row in conn.execute(select(table))]
    assert rows
    return "\n".join(repr(tuple(row)) for row in rows)


def everything_stored_is_empty(client: TestClient) -> bool:
    with service_of(client).store.engine.connect() as conn:
        return not any(conn.execute(select(t)).first() for t in (assessments, audit_events))


def test_the_start_form_leads_to_the_story_page_with_age_and_sex_kept_in_the_form(
        client: TestClient) -> None:
    assert '<form method="post" action="/story" novalidate>' in client.get("/").text
    page = client.post("/story", data=PERSON)
    assert page.status_code == 200
    assert '<label for="story">Tell us in your own words</label>' in page.text
    assert re.search(r'<textarea id="story" name="story"[^>]*maxlength="2000"', page.text)
    assert '<input type="hidden" name="age" value="54">' in page.text
    assert "We do not keep your words, only what you confirm" in page.text
    assert 'formaction="/assessments">Skip this step' in page.text
    assert "<script" not in page.text


@pytest.mark.parametrize("path", ["/story", "/story/read", "/assessments"])
def test_a_bad_age_or_sex_sends_the_person_back_to_the_start_form(client: TestClient,
                                                                  path: str) -> None:
    page = client.post(path, data={"age": "12", "sex": "", "story": STORY})
    assert page.status_code == 422
    assert "Enter an age from 16 to 110" in page.text and "Choose female or male" in page.text
    assert '<a href="#age">' in page.text and 'action="/story"' in page.text


def test_the_confirmation_lists_each_finding_in_plain_words_with_the_words_that_decided_it(
        client: TestClient, kb: KnowledgeBase) -> None:
    page = confirm(client)
    for finding_id in UNDERSTOOD:
        legend = f"<legend>{kb.findings[finding_id].question}</legend>"
        assert legend.replace("'", "&#39;") in page
    assert "From your words: “back of my knee is swollen”" in page
    assert "From your words: “fever”, with “no”" in page
    assert checked(page) == {f: "yes" if v else "no" for f, v in UNDERSTOOD.items()}
    assert "“clot”: it reads as about someone else" in page  # listed, not taken as an answer
    assert "We do not keep your words, only what you confirm here" in page
    assert page.count("<fieldset") == page.count("<legend>") == len(UNDERSTOOD)


def test_a_corrected_list_is_what_the_assessment_starts_with(client: TestClient) -> None:
    confirm(client)
    corrected = {"finding-symptoms_over_6_weeks": "no",   # kept
                 "finding-swelling_behind_knee": "no",    # flipped
                 "finding-fever": ""}                     # left out
    response = client.post("/assessments", data={**PERSON, "story": STORY, **corrected},
                           follow_redirects=False)
    home, token = started(client, response)
    assert initial_findings(client, home, token) == {"symptoms_over_6_weeks": False,
                                                     "swelling_behind_knee": False}
    trail = service_of(client).store.audit_trail(home.rsplit("/", 1)[-1])
    assert trail[0].kind == "created"
    assert trail[0].data == {"findings": {"symptoms_over_6_weeks": False,
                                          "swelling_behind_knee": False}}
    question = client.get(home)
    assert question.status_code == 200 and "Question 1 of at most" in question.text


def test_the_story_is_kept_nowhere_after_a_whole_assessment(
        any_client: TestClient, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    page = confirm(any_client)
    confirmed = dict(re.findall(r'name="(finding-[a-z0-9_]+)" value="([a-z]*)"\s+checked', page))
    response = any_client.post("/assessments", data={**PERSON, "story": STORY, **confirmed},
                               follow_redirects=False)
    home, token = started(any_client, response)
    assert answer_all(any_client, home) == f"{home}/result"
    assert initial_findings(any_client, home, token) == UNDERSTOOD
    stored = everything_stored(any_client)
    assert "swelling_behind_knee" in stored  # the confirmed findings are there ...
    assert [words for words in TELLTALES if words.lower() in stored.lower()] == []  # ... not the words
    assert [words for words in TELLTALES if words.lower() in caplog.text.lower()] == []


def test_a_blank_story_goes_straight_to_the_questions(client: TestClient) -> None:
    response = client.post("/story/read", data={**PERSON, "story": "  \n "},
                           follow_redirects=False)
    home, token = started(client, response)
    assert initial_findings(client, home, token) == {}


def test_skipping_the_story_starts_with_no_findings(client: TestClient) -> None:
    response = client.post("/assessments", data={**PERSON, "story": STORY},
                           follow_redirects=False)
    home, token = started(client, response)
    assert initial_findings(client, home, token) == {}
    assert "Zanzibar" not in everything_stored(client)


def test_words_with_nothing_to_read_are_said_so_and_the_questions_still_follow(
        client: TestClient) -> None:
    page = confirm(client, "Hello, I would like some advice please.")
    assert "We could not pick out anything specific from your words" in page
    assert "<fieldset" not in page and "Continue to the questions" in page


def test_change_what_i_wrote_brings_the_words_back_to_edit(client: TestClient) -> None:
    page = confirm(client, "My calf is swollen & it's <b>sore</b>")
    assert 'formaction="/story">Change what I wrote' in page
    assert "&lt;b&gt;sore&lt;/b&gt;" in page and "<b>sore" not in page
    again = client.post("/story", data={**PERSON, "story": "My calf is swollen & it's sore"})
    assert re.search(r"<textarea[^>]*>My calf is swollen &amp; it&#39;s sore</textarea>",
                     again.text)


def test_a_story_over_the_character_limit_is_asked_again_with_the_error_on_the_field(
        client: TestClient) -> None:
    story = "My knee hurts. " * (MAX_STORY_CHARS // 15 + 1)
    page = client.post("/story/read", data={**PERSON, "story": story})
    assert page.status_code == 422
    assert "<title>Error: Tell us in your own words" in page.text
    assert '<a href="#story">Shorten what you wrote to 2,000 characters' in page.text
    assert 'aria-describedby="story-hint story-privacy story-error"' in page.text
    assert 'aria-invalid="true"' in page.text and story.strip() in page.text
    assert everything_stored_is_empty(client)


def test_a_story_over_the_size_limit_is_refused_before_it_is_read(client: TestClient) -> None:
    page = client.post("/story/read", data={**PERSON, "story": "swollen calf " * 2000})
    assert page.status_code == 413 and "Too much text" in page.text
    assert everything_stored_is_empty(client)


def test_a_finding_popliteal_does_not_know_is_refused(client: TestClient) -> None:
    page = client.post("/assessments", data={**PERSON, "finding-made_up": "yes"})
    assert page.status_code == 422 and "made_up" in page.text
    assert everything_stored_is_empty(client)

