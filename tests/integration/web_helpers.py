"""Helpers for driving the web app in process: a test client, a clock, a whole interview."""

from __future__ import annotations

import warnings
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

from starlette.exceptions import StarletteDeprecationWarning

from popliteal.settings import Settings
from popliteal.web import create_app

with warnings.catch_warnings():
    # Starlette asks for httpx2 in place of httpx; httpx is what this project installs.
    warnings.simplefilter("ignore", StarletteDeprecationWarning)
    from fastapi.testclient import TestClient


class TickingClock:
    """A clock that moves one second per reading, so audit times are known in advance."""

    def __init__(self) -> None:
        self.now = datetime(2026, 11, 27, 9, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        self.now += timedelta(seconds=1)
        return self.now


def make_client(database_url: str, **settings: Any) -> TestClient:
    app = create_app(Settings(database_url=database_url, **settings), clock=TickingClock())
    return TestClient(app, base_url="http://testserver")


Chooser = Callable[[dict[str, Any]], str]


def first_negative(question: dict[str, Any]) -> str:
    """'No' to a yes/no question, 'none of these' where offered, else the first option."""
    values = [choice["value"] for choice in question["choices"]]
    for preferred in ("no", "none"):
        if preferred in values:
            return preferred
    return values[0]


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def start(client: TestClient, age: int = 54, sex: str = "female",
          findings: dict[str, bool] | None = None) -> dict[str, Any]:
    response = client.post("/api/v1/assessments",
                           json={"age": age, "sex": sex, "findings": findings or {}})
    assert response.status_code == 201, response.text
    created: dict[str, Any] = response.json()
    return created


def answer_until_done(client: TestClient, created: dict[str, Any],
                      choose: Chooser = first_negative, limit: int = 60) -> dict[str, Any]:
    """Answer every question the interview asks; return the final status."""
    status = created
    for _ in range(limit):
        if status["complete"]:
            return status
        question = status["question"]
        response = client.post(f"/api/v1/assessments/{created['id']}/answers",
                               json={"question_id": question["id"], "value": choose(question)},
                               headers=bearer(created["token"]))
        assert response.status_code == 200, response.text
        status = response.json()
    raise AssertionError(f"the interview did not end within {limit} answers")
