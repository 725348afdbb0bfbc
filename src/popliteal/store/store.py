"""The one class that reads and writes the database, on SQLite and PostgreSQL alike.

Every change to an assessment is one transaction: the state row moves to the next revision
only if nobody else moved it first (optimistic locking), and its audit events are appended in
the same transaction. Nothing is cached in the process, so any number of workers and machines
can share one database.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event, insert, select, text, update
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import IntegrityError

from popliteal.errors import ConflictError, InvalidInputError, NotFoundError
from popliteal.store.migrate import upgrade_to_head
from popliteal.store.records import AuditEvent, StoredAssessment
from popliteal.store.tables import assessments, audit_events

SQLITE_BUSY_TIMEOUT_MS = 10_000


def normalise_url(url: str) -> URL:
    """Parse a database URL; plain postgres:// URLs use the psycopg 3 driver."""
    try:
        parsed = make_url(url)
    except Exception as exc:  # SQLAlchemy raises ArgumentError and ValueError alike
        raise InvalidInputError(f"not a database URL: {exc}", field="database_url") from exc
    if parsed.drivername in ("postgres", "postgresql"):
        parsed = parsed.set(drivername="postgresql+psycopg")
    if parsed.get_backend_name() not in ("sqlite", "postgresql"):
        raise InvalidInputError(
            f"unsupported database {parsed.get_backend_name()!r}: use sqlite or postgresql",
            field="database_url")
    return parsed


def _aware(moment: datetime) -> datetime:
    """SQLite hands back naive datetimes; every time the store writes is UTC."""
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def _on_sqlite_connect(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.close()


def make_engine(url: str) -> Engine:
    parsed = normalise_url(url)
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).expanduser().parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(parsed)
        event.listen(engine, "connect", _on_sqlite_connect)
        return engine
    return create_engine(parsed, pool_pre_ping=True)


class Store:
    """Assessments and their audit trail in one SQL database."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    @classmethod
    def from_url(cls, url: str) -> Store:
        return cls(make_engine(url))

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    def migrate(self) -> None:
        """Bring the schema up to date (Alembic, the migrations packaged with popliteal)."""
        upgrade_to_head(self.engine)

    def ping(self) -> None:
        with self.engine.connect() as conn:
            conn.execute(text("SELECT 1"))

    def dispose(self) -> None:
        self.engine.dispose()

    def create(self, assessment_id: str, token_hash: str, state: Mapping[str, Any],
               knowledge_base_version: str, events: Sequence[AuditEvent]) -> StoredAssessment:
        """Insert a new assessment at revision 1 with its first audit events."""
        if not events:
            raise ValueError("every change is audited: give at least one event")
        record = StoredAssessment(
            id=assessment_id, token_hash=token_hash, state=dict(state), revision=1,
            knowledge_base_version=knowledge_base_version, created_at=events[0].at,
            updated_at=events[-1].at)
        try:
            with self.engine.begin() as conn:
                conn.execute(insert(assessments).values(**asdict(record)))
                _append(conn, assessment_id, 1, events)
        except IntegrityError as exc:
            raise ConflictError(f"assessment {assessment_id} already exists") from exc
        return record

    def load(self, assessment_id: str) -> StoredAssessment:
        with self.engine.connect() as conn:
            row = conn.execute(
                select(assessments).where(assessments.c.id == assessment_id)).mappings().first()
        if row is None:
            raise NotFoundError(f"no assessment {assessment_id}")
        return StoredAssessment(
            id=row["id"], token_hash=row["token_hash"], state=row["state"],
            revision=row["revision"], knowledge_base_version=row["knowledge_base_version"],
            created_at=_aware(row["created_at"]), updated_at=_aware(row["updated_at"]))

    def save(self, assessment_id: str, state: Mapping[str, Any], *, revision: int,
             events: Sequence[AuditEvent]) -> int:
        """Store a new state over ``revision`` and append its events; return the new revision.

        Raises ConflictError when the row is no longer at ``revision`` (another request
        changed it first), and nothing is written.
        """
        if not events:
            raise ValueError("every change is audited: give at least one event")
        new_revision = revision + 1
        with self.engine.begin() as conn:
            result = conn.execute(
                update(assessments)
                .where(assessments.c.id == assessment_id, assessments.c.revision == revision)
                .values(state=dict(state), revision=new_revision, updated_at=events[-1].at))
            if result.rowcount != 1:
                exists = conn.execute(
                    select(assessments.c.id).where(assessments.c.id == assessment_id)).first()
                if exists is None:
                    raise NotFoundError(f"no assessment {assessment_id}")
                raise ConflictError("this assessment was changed by another request; "
                                    "load it again and retry")
            _append(conn, assessment_id, new_revision, events)
        return new_revision

    def audit_trail(self, assessment_id: str) -> tuple[AuditEvent, ...]:
        """Every audit event of one assessment, oldest first."""
        query = (select(audit_events).where(audit_events.c.assessment_id == assessment_id)
                 .order_by(audit_events.c.id))
        with self.engine.connect() as conn:
            rows = conn.execute(query).mappings().all()
        return tuple(
            AuditEvent(kind=row["kind"], knowledge_base_version=row["knowledge_base_version"],
                       knowledge_base_hash=row["knowledge_base_hash"], at=_aware(row["at"]),
                       question_id=row["question_id"], value=row["value"], data=row["data"],
                       revision=row["revision"])
            for row in rows)


def _append(conn: Connection, assessment_id: str, revision: int,
            events: Iterable[AuditEvent]) -> None:
    conn.execute(insert(audit_events), [
        {"assessment_id": assessment_id, "revision": revision, "kind": e.kind,
         "question_id": e.question_id, "value": e.value,
         "data": None if e.data is None else dict(e.data),
         "knowledge_base_version": e.knowledge_base_version,
         "knowledge_base_hash": e.knowledge_base_hash, "at": e.at}
        for e in events])
