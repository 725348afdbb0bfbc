"""Clinician mode in the browser: a form with every finding, and the full clinical picture."""

from __future__ import annotations

import re

from integration.web_helpers import TestClient
from popliteal.fhir import parse_resource, questionnaire, read_bundle, validate
from popliteal.fhir.questionnaire import AUDIENCES
from popliteal.knowledge import KnowledgeBase

CLOT = {"age": "67", "sex": "female", "finding-calf_swelling": "yes",
        "finding-pitting_oedema": "yes", "finding-recent_surgery_or_bedridden": "yes",
        "finding-knee_injury": "no", "finding-fever": ""}


def test_the_form_offers_every_finding_with_a_label_for_each_answer(client: TestClient,
                                                                   kb: KnowledgeBase) -> None:
    page = client.get("/clinician")
    assert page.status_code == 200
    for finding_id in kb.findings:
        for value in ("yes", "no", "unknown"):
            assert f'<label class="visually-hidden" for="finding-{finding_id}-{value}">' in page.text


def test_posting_findings_shows_the_whole_differential_and_both_scores(client: TestClient,
                                                                      kb: KnowledgeBase) -> None:
    page = client.post("/clinician", data=CLOT)
    assert page.status_code == 200
    rows = re.findall(r'<td class="num">(\d+)</td>\s*<td>', page.text)
    assert rows == [str(n) for n in range(1, len(kb.conditions) + 1)]
    for expected in ("I80.2", "Wells DVT score: 2 points: DVT likely", "Ottawa knee rule: not applicable",
                     "Pitting oedema confined to the symptomatic leg", kb.content_hash[:12]):
        assert expected in page.text
    assert 'action="/clinician/fhir"' in page.text


def test_a_finding_left_unrecorded_stays_unknown(client: TestClient, kb: KnowledgeBase) -> None:
    download = client.post("/clinician/fhir", data=CLOT)
    assert download.status_code == 200
    assert download.headers["content-disposition"].startswith("attachment;")
    bundle = parse_resource(download.text)
    assert validate(bundle, kb, [questionnaire(kb, a) for a in AUDIENCES]) == []
    _, findings = read_bundle(kb, bundle)
    assert findings == {"calf_swelling": True, "pitting_oedema": True,
                        "recent_surgery_or_bedridden": True, "knee_injury": False}


def test_a_bad_age_is_shown_beside_its_field_with_the_answers_kept(client: TestClient) -> None:
    page = client.post("/clinician", data={**CLOT, "age": "9"})
    assert page.status_code == 422
    assert 'id="age-error"' in page.text
    assert re.search(r'id="finding-calf_swelling-yes"[^>]*checked', page.text)
    assert not re.search(r'id="finding-calf_swelling-no"[^>]*checked', page.text)


def test_an_unknown_finding_field_is_refused(client: TestClient) -> None:
    assert client.post("/clinician", data={**CLOT, "finding-gout": "yes"}).status_code == 422


def test_a_stored_assessment_has_a_clinician_view_behind_its_cookie(client: TestClient) -> None:
    started = client.post("/assessments", data={"age": "54", "sex": "female"},
                          follow_redirects=False)
    home = started.headers["location"]
    report = client.get(f"{home}/report").text
    assert f'href="{home}/clinician"' in report and f'href="{home}/fhir.json"' in report
    view = client.get(f"{home}/clinician")
    assert view.status_code == 200 and "Differential" in view.text
    download = client.get(f"{home}/fhir.json")
    assert download.status_code == 200 and parse_resource(download.text).type == "collection"
    client.cookies.clear()
    assert client.get(f"{home}/clinician").status_code == 401
