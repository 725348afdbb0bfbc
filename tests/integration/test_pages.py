"""The HTML pages without JavaScript: forms that post and redirect, one question per screen."""

from __future__ import annotations

import re

import pytest

from integration.web_helpers import TestClient

QUESTION_ID = re.compile(r'name="question_id" value="([^"]+)"')
VALUES = re.compile(r'name="value" value="([^"]+)"')


def begin(client: TestClient, age: str = "54", sex: str = "female") -> str:
    response = client.post("/assessments", data={"age": age, "sex": sex}, follow_redirects=False)
    assert response.status_code == 303
    return str(response.headers["location"])


def on_screen(client: TestClient, home: str) -> tuple[str, list[str], str]:
    page = client.get(home)
    assert page.status_code == 200
    question = QUESTION_ID.search(page.text)
    assert question is not None
    return question.group(1), VALUES.findall(page.text), page.text


def negative(values: list[str]) -> str:
    return next((v for v in ("no", "none") if v in values), values[0])


def answer_all(client: TestClient, home: str) -> str:
    for _ in range(60):
        page = client.get(home, follow_redirects=False)
        if page.status_code == 303:
            return str(page.headers["location"])
        question, values, _ = on_screen(client, home)
        posted = client.post(f"{home}/answers", data={"question_id": question,
                                                      "value": negative(values)},
                             follow_redirects=False)
        assert posted.status_code == 303
    raise AssertionError("the interview did not end")


def test_the_start_page_asks_age_and_sex_with_visible_labels(client: TestClient) -> None:
    page = client.get("/")
    assert page.status_code == 200
    assert '<label for="age">' in page.text and "<legend>Your sex</legend>" in page.text
    assert "Call 999 now if" in page.text
    assert "<script" not in page.text


@pytest.mark.parametrize(("age", "sex", "messages"), [
    ("", "", ["Enter your age as a whole number", "Choose female or male"]),
    ("12", "male", ["Enter an age from 16 to 110"]),
    ("fifty", "female", ["Enter your age as a whole number"]),
])
def test_a_bad_start_shows_each_problem_beside_its_field(client: TestClient, age: str, sex: str,
                                                         messages: list[str]) -> None:
    page = client.post("/assessments", data={"age": age, "sex": sex})
    assert page.status_code == 422
    assert "There is a problem" in page.text and page.text.count('aria-invalid="true"') <= 1
    for message in messages:
        assert message in page.text
    assert page.text.startswith("<!doctype html>")
    assert "<title>Error: " in page.text


def test_one_question_per_screen_with_progress_and_why(client: TestClient) -> None:
    home = begin(client)
    _, values, text = on_screen(client, home)
    assert text.count("<legend>") == 1
    assert "Question 1 of at most" in text and "<progress" in text
    assert "Why we ask this" in text
    assert values[-1] == "unknown" and "I don&#39;t know" in text
    assert "Back to the previous question" not in text  # nothing to go back to yet


def test_a_whole_assessment_in_forms_ends_on_the_result_page(client: TestClient) -> None:
    home = begin(client)
    assert answer_all(client, home) == f"{home}/result"
    page = client.get(f"{home}/result")
    assert page.status_code == 200
    main = page.text[page.text.index("<main"):]
    first_heading = re.search(r"<h1[^>]*>(.*?)</h1>", main)
    assert first_heading is not None
    assert 'class="urgency urgency--' in main[:main.index("<h1")]  # the urgency comes first
    for section in ("What might be causing it", "What you can do now", "When to get help"):
        assert section in main
    assert re.search(r"\d+%</span>", main)


def test_back_asks_the_previous_question_again(client: TestClient) -> None:
    home = begin(client)
    first, values, _ = on_screen(client, home)
    client.post(f"{home}/answers", data={"question_id": first, "value": negative(values)})
    second, _, text = on_screen(client, home)
    assert second != first and "Back to the previous question" in text
    client.post(f"{home}/back")
    again, _, _ = on_screen(client, home)
    assert again == first


def test_continuing_without_choosing_asks_again_with_an_error(client: TestClient) -> None:
    home = begin(client)
    question, _, _ = on_screen(client, home)
    page = client.post(f"{home}/answers", data={"question_id": question})
    assert page.status_code == 422
    assert "Choose an answer" in page.text and "There is a problem" in page.text
    assert QUESTION_ID.search(page.text).group(1) == question  # type: ignore[union-attr]


def test_posting_an_answered_question_again_keeps_its_latest_answer(client: TestClient) -> None:
    home = begin(client)
    question, values, _ = on_screen(client, home)
    for value in (values[0], values[1]):
        posted = client.post(f"{home}/answers", data={"question_id": question, "value": value},
                             follow_redirects=False)
        assert posted.status_code == 303
    review = client.get(f"{home}/answers")
    assert review.text.count("<dt>") == 1


def test_an_answer_can_be_checked_and_changed(client: TestClient) -> None:
    home = begin(client)
    question, values, _ = on_screen(client, home)
    client.post(f"{home}/answers", data={"question_id": question, "value": negative(values)})
    review = client.get(f"{home}/answers")
    assert f'href="{home}/answers/{question}"' in review.text
    form = client.get(f"{home}/answers/{question}")
    assert re.search(rf'value="{negative(values)}"\s+checked', form.text)
    client.post(f"{home}/answers/{question}", data={"value": "unknown"})
    assert "I don&#39;t know" in client.get(f"{home}/answers").text


def test_the_result_page_waits_for_the_interview_to_end(client: TestClient) -> None:
    home = begin(client)
    response = client.get(f"{home}/result", follow_redirects=False)
    assert (response.status_code, response.headers["location"]) == (303, home)


def test_the_report_for_a_doctor_prints_and_downloads_as_pdf(client: TestClient) -> None:
    home = begin(client)
    answer_all(client, home)
    report = client.get(f"{home}/report")
    assert report.status_code == 200
    for part in ("Differential", "ICD-10", "Questions and answers", "knowledge base"):
        assert part in report.text
    pdf = client.get(f"{home}/report.pdf")
    assert pdf.status_code == 200
    assert pdf.headers["content-type"] == "application/pdf"
    assert pdf.headers["content-disposition"].startswith("attachment")
    assert pdf.content.startswith(b"%PDF-") and len(pdf.content) > 10_000


def test_an_unknown_page_is_a_page_not_json(client: TestClient) -> None:
    page = client.get("/no/such/page")
    assert page.status_code == 404 and "Page not found" in page.text


def test_an_emergency_is_shown_at_once_and_the_questions_after_it_are_optional(
        client: TestClient) -> None:
    response = client.post("/assessments", data={"age": "45", "sex": "male",
                                                 "finding-hot_swollen_knee": "yes"},
                           follow_redirects=False)
    home = str(response.headers["location"])
    page = client.get(home)
    assert page.status_code == 200
    assert "Go to an emergency department now." in page.text
    assert f'href="{home}/result"' in page.text
    result = client.get(f"{home}/result", follow_redirects=False)
    assert result.status_code == 200
    assert "Go to an emergency department now." in result.text
