"""The store, run unchanged on SQLite and on PostgreSQL."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from popliteal.errors import ConflictError, NotFoundError
from popliteal.store import AuditEvent, Store
from popliteal.store.migrate import current_revision, head_revision
from popliteal.store.tables import metadata

T0 = datetime(2026, 11, 27, 9, 30, tzinfo=UTC)
STATE = {"patient": {"age": 54, "sex": "female"}, "initial_findings": {"pain_calf": True},
         "answers": [], "note": "Ünïcode survives"}


def event(kind: str = "created", at: datetime = T0, **fields: object) -> AuditEvent:
    return AuditEvent(kind=kind, knowledge_base_version="2026.11.0",  # type: ignore[arg-type]
                      knowledge_base_hash="ab" * 32, at=at, **fields)  # type: ignore[arg-type]


def create(store: Store, assessment_id: str = "a1") -> None:
    store.create(assessment_id, "f" * 64, STATE, "2026.11.0",
                 [event(data={"findings": {"pain_calf": True}})])


def test_the_migrations_build_exactly_the_declared_tables(store: Store) -> None:
    with store.engine.connect() as conn:
        differences = compare_metadata(MigrationContext.configure(conn), metadata)
    assert differences == []


def test_migrating_twice_leaves_the_schema_at_head(store: Store) -> None:
    store.migrate()
    assert current_revision(store.engine) == head_revision() == "0001"


def test_a_created_assessment_loads_back_at_revision_one(store: Store) -> None:
    create(store)
    loaded = store.load("a1")
    assert (loaded.id, loaded.token_hash, loaded.revision) == ("a1", "f" * 64, 1)
    assert loaded.state == STATE
    assert loaded.created_at == loaded.updated_at == T0


def test_an_unknown_id_is_not_found(store: Store) -> None:
    with pytest.raises(NotFoundError):
        store.load("nope")


def test_creating_the_same_id_twice_is_a_conflict(store: Store) -> None:
    create(store)
    with pytest.raises(ConflictError):
        create(store)


def test_saving_moves_the_revision_and_appends_the_events_in_order(store: Store) -> None:
    create(store)
    later = T0 + timedelta(minutes=1)
    new_state = {**STATE, "answers": [{"question_id": "q1", "value": "yes"}]}
    revision = store.save("a1", new_state, revision=1, events=[
        event("answered", later, question_id="q1", value="yes"),
        event("result", later, data={"level": "consultation", "top": [["baker_cyst", 0.61]]}),
    ])
    assert revision == 2
    loaded = store.load("a1")
    assert (loaded.state, loaded.revision, loaded.updated_at) == (new_state, 2, later)
    trail = store.audit_trail("a1")
    assert [(e.kind, e.revision) for e in trail] == [("created", 1), ("answered", 2), ("result", 2)]
    assert trail[1].question_id == "q1" and trail[1].value == "yes"
    assert trail[2].data == {"level": "consultation", "top": [["baker_cyst", 0.61]]}
    assert trail[0].at == T0


def test_a_save_over_a_stale_revision_is_refused_and_writes_nothing(store: Store) -> None:
    create(store)
    store.save("a1", {**STATE, "answers": ["first"]}, revision=1, events=[event("answered")])
    with pytest.raises(ConflictError):
        store.save("a1", {**STATE, "answers": ["second"]}, revision=1,
                   events=[event("answered")])
    assert store.load("a1").state["answers"] == ["first"]
    assert len(store.audit_trail("a1")) == 2


def test_saving_an_unknown_assessment_is_not_found(store: Store) -> None:
    with pytest.raises(NotFoundError):
        store.save("nope", STATE, revision=1, events=[event("answered")])


def test_every_save_must_be_audited(store: Store) -> None:
    with pytest.raises(ValueError, match="audited"):
        store.create("a1", "f" * 64, STATE, "2026.11.0", [])
    create(store)
    with pytest.raises(ValueError, match="audited"):
        store.save("a1", STATE, revision=1, events=[])


@pytest.mark.parametrize("statement", [
    "UPDATE audit_events SET kind = 'answered'",
    "DELETE FROM audit_events",
])
def test_the_database_refuses_to_change_or_delete_audit_events(store: Store,
                                                                statement: str) -> None:
    create(store)
    with pytest.raises(DBAPIError, match="append-only"), store.engine.begin() as conn:
        conn.execute(text(statement))
    assert [e.kind for e in store.audit_trail("a1")] == ["created"]


def test_a_second_store_on_the_same_database_sees_every_change(database_url: str,
                                                               store: Store) -> None:
    create(store)
    other = Store.from_url(database_url)
    try:
        other.save("a1", {**STATE, "answers": ["x"]}, revision=1, events=[event("answered")])
        assert store.load("a1").revision == 2
        assert store.load("a1").state["answers"] == ["x"]
    finally:
        other.dispose()


def test_of_racing_saves_over_one_revision_exactly_one_wins(store: Store) -> None:
    create(store)

    def attempt(n: int) -> str:
        try:
            store.save("a1", {**STATE, "answers": [n]}, revision=1, events=[event("answered")])
        except ConflictError:
            return "conflict"
        return "saved"

    with ThreadPoolExecutor(max_workers=6) as pool:
        outcomes = list(pool.map(attempt, range(6)))
    assert sorted(outcomes) == ["conflict"] * 5 + ["saved"]
    assert store.load("a1").revision == 2
    assert len(store.audit_trail("a1")) == 2


def test_the_store_answers_a_ping(store: Store) -> None:
    store.ping()
    assert store.dialect in ("sqlite", "postgresql")
