"""Every error becomes problem details in one place, with the status its class declares."""

from __future__ import annotations

import pytest
from fastapi.exceptions import RequestValidationError
from starlette.exceptions import HTTPException

from popliteal.errors import (
    AuthenticationError,
    ConflictError,
    InvalidInputError,
    NotFoundError,
    PoplitealError,
    RequestTooLargeError,
)
from popliteal.web.problems import problem_for


@pytest.mark.parametrize(("error", "status", "kind"), [
    (InvalidInputError("bad age", field="age"), 422, "invalid-input"),
    (AuthenticationError("no token"), 401, "authentication"),
    (NotFoundError("no such thing"), 404, "not-found"),
    (ConflictError("changed meanwhile"), 409, "conflict"),
    (RequestTooLargeError("too big"), 413, "request-too-large"),
])
def test_each_error_class_keeps_its_status_and_names_its_type(error: PoplitealError, status: int,
                                                              kind: str) -> None:
    problem = problem_for(error, instance="/x")
    assert (problem.status, problem.type) == (status, f"urn:popliteal:problem:{kind}")
    assert problem.detail == str(error) and problem.instance == "/x"


def test_an_input_error_names_its_field_in_the_problem() -> None:
    problem = problem_for(InvalidInputError("bad age", field="age"))
    assert problem.field == "age"
    assert [(e.field, e.message) for e in problem.errors] == [("age", "bad age")]


def test_a_schema_error_names_each_field_without_its_location_prefix() -> None:
    error = RequestValidationError([
        {"loc": ("body", "findings", "pain_calf"), "msg": "Input should be a valid boolean",
         "type": "bool_type"},
        {"loc": ("path", "assessment_id"), "msg": "String should match pattern", "type": "x"},
    ])
    problem = problem_for(error)
    assert problem.status == 422 and problem.field == "findings.pain_calf"
    assert [e.field for e in problem.errors] == ["findings.pain_calf", "assessment_id"]


def test_a_routing_error_keeps_its_status() -> None:
    assert problem_for(HTTPException(405, "Method Not Allowed")).status == 405


def test_an_internal_error_reveals_nothing_of_itself() -> None:
    problem = problem_for(RuntimeError("password=hunter2 at db.internal"))
    assert problem.status == 500
    assert "hunter2" not in problem.model_dump_json()
