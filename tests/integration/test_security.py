"""An assessment cannot be read or changed without its token; headers and limits hold."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import select

from integration.web_helpers import TestClient, bearer, make_client, start
from popliteal.store.tables import assessments

API = "/api/v1/assessments"


def endpoints(created: dict[str, Any]) -> list[tuple[str, str, dict[str, Any] | None]]:
    """Every operation on one assessment, with a body that would be accepted."""
    base = f"{API}/{created['id']}"
    question = created["question"]["id"]
    return [
        ("GET", base, None),
        ("GET", f"{base}/question", None),
        ("POST", f"{base}/answers", {"question_id": question, "value": "unknown"}),
        ("PUT", f"{base}/answers/{question}", {"value": "unknown"}),
        ("POST", f"{base}/back", None),
        ("GET", f"{base}/result", None),
        ("GET", f"{base}/explanation", None),
        ("GET", f"{base}/questions/{question}/why", None),
    ]


def call(client: TestClient, method: str, url: str, body: dict[str, Any] | None,
         headers: dict[str, str] | None = None) -> Any:
    return client.request(method, url, json=body, headers=headers or {})


def test_without_its_token_no_operation_reads_or_changes_an_assessment(client: TestClient) -> None:
    created = start(client)
    for method, url, body in endpoints(created):
        response = call(client, method, url, body)
        assert response.status_code == 401, (method, url)
        assert response.headers["www-authenticate"].startswith("Bearer")
        assert response.headers["content-type"] == "application/problem+json"
    assert client.get(f"{API}/{created['id']}", headers=bearer(created["token"])).json()[
        "answers"] == []


@pytest.mark.parametrize("header", [
    "Bearer " + "A" * 43,
    "Bearer short",
    "Basic dXNlcjpwYXNz",
    "Bearer",
])
def test_a_wrong_or_malformed_token_is_refused(client: TestClient, header: str) -> None:
    created = start(client)
    for method, url, body in endpoints(created):
        response = call(client, method, url, body, {"Authorization": header})
        assert response.status_code == 401, (method, url, header)


def test_one_assessments_token_does_not_open_another(client: TestClient) -> None:
    mine, theirs = start(client), start(client)
    for method, url, body in endpoints(theirs):
        response = call(client, method, url, body, bearer(mine["token"]))
        assert response.status_code == 401, (method, url)
    status = client.get(f"{API}/{theirs['id']}", headers=bearer(theirs["token"])).json()
    assert status["answers"] == []


def test_an_unknown_id_and_a_wrong_token_get_the_same_answer(client: TestClient) -> None:
    created = start(client)
    wrong_token = client.get(f"{API}/{created['id']}", headers=bearer("B" * 43))
    unknown_id = client.get(f"{API}/AAAAAAAAAAAAAAAA", headers=bearer(created["token"]))
    assert wrong_token.status_code == unknown_id.status_code == 401
    assert wrong_token.json()["detail"] == unknown_id.json()["detail"]


def test_tokens_are_256_random_bits_and_only_their_hash_is_stored(client: TestClient) -> None:
    tokens = {start(client)["token"] for _ in range(20)}
    assert len(tokens) == 20
    assert all(len(t) == 43 for t in tokens)  # 32 bytes in URL-safe base64
    store = client.app.state.service.store  # type: ignore[attr-defined]
    with store.engine.connect() as conn:
        stored = {row.token_hash for row in conn.execute(select(assessments.c.token_hash))}
    assert stored == {hashlib.sha256(t.encode()).hexdigest() for t in tokens}
    assert not tokens & stored


@pytest.mark.parametrize("path", ["/", "/healthz", "/api/v1/openapi.json", "/nowhere",
                                  "/static/popliteal.css"])
def test_every_response_carries_the_security_headers(client: TestClient, path: str) -> None:
    headers = client.get(path).headers
    csp = headers["content-security-policy"]
    assert "default-src 'none'" in csp and "frame-ancestors 'none'" in csp
    assert "script-src" not in csp  # no script may run at all
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["x-frame-options"] == "DENY"
    assert headers["referrer-policy"] == "no-referrer"
    assert "strict-transport-security" not in headers  # plain HTTP: HSTS would be ignored


def test_pages_are_never_cached_but_the_stylesheet_may_be(client: TestClient) -> None:
    assert client.get("/").headers["cache-control"] == "no-store"
    assert client.get("/static/popliteal.css").headers.get("cache-control") != "no-store"


@pytest.fixture
def https_client(sqlite_url: str) -> Iterator[TestClient]:
    with make_client(sqlite_url) as client:
        client.base_url = client.base_url.copy_with(scheme="https")
        yield client


def test_over_https_responses_add_hsts_and_the_cookie_is_secure(https_client: TestClient) -> None:
    assert "max-age" in https_client.get("/healthz").headers["strict-transport-security"]
    response = https_client.post("/assessments", data={"age": "54", "sex": "male"},
                                 follow_redirects=False)
    assert "secure" in response.headers["set-cookie"].lower()


def test_the_token_cookie_is_http_only_strict_and_scoped_to_its_assessment(
        client: TestClient) -> None:
    response = client.post("/assessments", data={"age": "54", "sex": "male"},
                           follow_redirects=False)
    cookie = response.headers["set-cookie"]
    location = response.headers["location"]
    assert f"Path={location};" in cookie
    assert "HttpOnly" in cookie and "SameSite=strict" in cookie
    assert "secure" not in cookie.lower()  # plain HTTP on loopback


def test_a_page_without_the_cookie_does_not_open_the_assessment(client: TestClient) -> None:
    response = client.post("/assessments", data={"age": "54", "sex": "male"},
                           follow_redirects=False)
    location = response.headers["location"]
    client.cookies.clear()
    for path in ("", "/result", "/answers", "/report", "/report.pdf"):
        page = client.get(location + path)
        assert page.status_code == 401, path
        assert "can only be opened in the browser that started it" in page.text
    posted = client.post(location + "/back")
    assert posted.status_code == 401


@pytest.fixture
def small_client(sqlite_url: str) -> Iterator[TestClient]:
    with make_client(sqlite_url, max_request_bytes=2048) as client:
        yield client


def test_a_declared_body_over_the_limit_is_refused_before_any_handler(
        small_client: TestClient) -> None:
    response = small_client.post(API, content=b"{" + b" " * 4096 + b"}",
                                 headers={"content-type": "application/json"})
    assert response.status_code == 413
    assert response.json()["type"] == "urn:popliteal:problem:request-too-large"


def test_a_streamed_body_over_the_limit_is_refused_too(small_client: TestClient) -> None:
    def chunks() -> Iterator[bytes]:
        for _ in range(8):
            yield b" " * 512

    response = small_client.post(API, content=chunks(),
                                 headers={"content-type": "application/json"})
    assert response.status_code == 413


def test_an_html_form_over_the_limit_gets_a_page(small_client: TestClient) -> None:
    response = small_client.post("/assessments", data={"age": "5" * 4000, "sex": "male"})
    assert response.status_code == 413
    assert response.headers["content-type"].startswith("text/html")


def test_a_body_within_the_limit_passes_unchanged(small_client: TestClient) -> None:
    assert small_client.post(API, json={"age": 40, "sex": "male"}).status_code == 201
