"""Schemathesis against the published OpenAPI schema: every operation, every default check.

Operations on one assessment get a real assessment and its token whenever the generated id
is a well-formed id, so the checks reach the handlers instead of stopping at 401; the checks
themselves then take the token away again to see that it is enforced.
"""

from __future__ import annotations

import re
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.config import SchemathesisConfig

from integration.web_helpers import TestClient, bearer, make_client, start
from popliteal.service.tokens import ID_PATTERN

# Schemathesis builds its tests when this module is imported, so the app exists by then; its
# database is a file in a folder of its own that the module fixture deletes at the end.
DATABASE_DIR = Path(tempfile.mkdtemp(prefix="popliteal-schemathesis-"))
CLIENT = make_client(f"sqlite:///{DATABASE_DIR / 'api.sqlite3'}")

# Two statuses the default checks do not expect, each for a stated reason:
# - which answers a question accepts depends on the question, and a schema cannot tie one field
#   to another; so a schema-valid answer may still be refused as 422 naming the field (only for
#   the two answer operations, and for a QuestionnaireResponse sent to /fhir/assess, whose
#   items must fit the questionnaire it names);
# - a body over the size limit is refused with 413 before anyone reads it, schema or not: a
#   schema-valid QuestionnaireResponse or story can pass the limit once JSON spells each
#   character as \uXXXX (a story of 2,000 such characters is 24,000 bytes).
NEGATIVE_REFUSALS = ["400", "401", "403", "404", "405", "406", "409", "413", "415", "422",
                     "428", "429", "5xx"]
CONFIG = SchemathesisConfig.from_dict({
    "checks": {"negative_data_rejection": {"expected-statuses": NEGATIVE_REFUSALS}},
    "operations": [{
        "include-path-regex": "/answers|/fhir/assess",
        "checks": {"positive_data_acceptance": {
            "expected-statuses": ["2xx", "401", "404", "409", "413", "422"]}},
    }, {
        "include-path-regex": "/narrative$",
        "checks": {"positive_data_acceptance": {"expected-statuses": ["2xx", "413"]}},
    }],
})
schema = schemathesis.openapi.from_asgi("/api/v1/openapi.json", CLIENT.app, config=CONFIG)


@schema.auth(refresh_interval=None, retry_on=[])
class AssessmentToken:
    """A new assessment for each case that names a well-formed id, opened with its token."""

    def get(self, case: Any, ctx: Any) -> tuple[str, str] | None:
        if not re.fullmatch(ID_PATTERN, str((case.path_parameters or {}).get("assessment_id"))):
            return None
        created = start(CLIENT)
        return created["id"], created["token"]

    def set(self, case: Any, data: tuple[str, str] | None, ctx: Any) -> None:
        if data is None:
            return
        case.path_parameters["assessment_id"] = data[0]
        case.headers = {**(case.headers or {}), **bearer(data[1])}


@pytest.fixture(scope="module")
def api_client() -> Iterator[TestClient]:
    with CLIENT:
        yield CLIENT
    shutil.rmtree(DATABASE_DIR, ignore_errors=True)


@schema.parametrize()
@settings(max_examples=30, deadline=None, suppress_health_check=list(HealthCheck))
def test_the_api_keeps_every_promise_of_its_schema(case: Any, api_client: TestClient) -> None:
    case.call_and_validate()
