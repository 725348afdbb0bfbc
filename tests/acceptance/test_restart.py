"""Stop `popliteal serve` in the middle of an assessment, start it again, and carry on.

Nothing about an assessment lives in the server process, so a stopped or killed server loses
nothing that was answered. The servers' own output is then read: it must hold neither the token
nor anything the person answered.
"""

from __future__ import annotations

import signal
from pathlib import Path
from typing import Any

import httpx
import pytest

from acceptance.live_server import live_server

API = "/api/v1/assessments"


def answer(base: str, created: dict[str, Any], status: dict[str, Any]) -> dict[str, Any]:
    question = status["question"]
    values = [c["value"] for c in question["choices"]]
    value = next((v for v in ("no", "none") if v in values), values[0])
    response = httpx.post(f"{base}{API}/{created['id']}/answers",
                          json={"question_id": question["id"], "value": value},
                          headers={"Authorization": f"Bearer {created['token']}"}, timeout=30)
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


@pytest.mark.parametrize("stop", [signal.SIGTERM, signal.SIGKILL], ids=["stopped", "killed"])
def test_an_assessment_survives_a_restart_of_the_server(tmp_path: Path,
                                                        stop: signal.Signals) -> None:
    database = f"sqlite:///{tmp_path / 'popliteal.sqlite3'}"
    log = tmp_path / "serve.log"
    with live_server(database, log) as first:
        response = httpx.post(f"{first.url}{API}", json={"age": 71, "sex": "female"}, timeout=30)
        created = response.json()
        status = created
        for _ in range(3):
            status = answer(first.url, created, status)
        first.process.send_signal(stop)
        first.process.wait(timeout=30)

    headers = {"Authorization": f"Bearer {created['token']}"}
    with live_server(database, log) as second:
        resumed = httpx.get(f"{second.url}{API}/{created['id']}", headers=headers, timeout=30)
        assert resumed.status_code == 200
        assert resumed.json() == status  # the same answers, and the same next question
        for _ in range(60):
            if status["complete"]:
                break
            status = answer(second.url, created, status)
        result = httpx.get(f"{second.url}{API}/{created['id']}/result", headers=headers,
                           timeout=30).json()
    assert result["complete"] is True
    assert result["assessment"]["patient"] == {"age": 71, "sex": "female"}

    output = log.read_text(encoding="utf-8", errors="replace")
    assert output.count("Uvicorn running on") == 2
    assert created["token"] not in output
    assert created["id"] not in output
    for given in status["answers"]:
        assert given["question_id"] not in output
