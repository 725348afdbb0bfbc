"""The database schema as SQLAlchemy Core tables; the migrations build exactly this.

``assessments`` holds the current interview state of each assessment, one row each, with a
revision number for optimistic locking. ``audit_events`` is append-only (triggers in the first
migration refuse UPDATE and DELETE): what was answered and what result was given, when, and
with which knowledge base. Neither table holds free text.
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    BigInteger,
    Column,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
)
from sqlalchemy.dialects import postgresql, sqlite

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

metadata = MetaData(naming_convention=NAMING)

ID_LENGTH = 32
HASH_LENGTH = 64
ID_TEXT_LENGTH = 80

JSONData = JSON().with_variant(postgresql.JSONB(), "postgresql")
# SQLite only numbers INTEGER PRIMARY KEY columns automatically.
AutoId = BigInteger().with_variant(sqlite.INTEGER(), "sqlite")

assessments = Table(
    "assessments",
    metadata,
    Column("id", String(ID_LENGTH), primary_key=True),
    Column("token_hash", String(HASH_LENGTH), nullable=False),
    Column("state", JSONData, nullable=False),
    Column("revision", Integer, nullable=False),
    Column("knowledge_base_version", String(ID_TEXT_LENGTH), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
)

audit_events = Table(
    "audit_events",
    metadata,
    Column("id", AutoId, primary_key=True, autoincrement=True),
    Column("assessment_id", String(ID_LENGTH), ForeignKey("assessments.id"), nullable=False),
    Column("revision", Integer, nullable=False),
    Column("kind", String(16), nullable=False),
    Column("question_id", String(ID_TEXT_LENGTH), nullable=True),
    Column("value", String(ID_TEXT_LENGTH), nullable=True),
    Column("data", JSONData, nullable=True),
    Column("knowledge_base_version", String(ID_TEXT_LENGTH), nullable=False),
    Column("knowledge_base_hash", String(HASH_LENGTH), nullable=False),
    Column("at", DateTime(timezone=True), nullable=False),
    Index(None, "assessment_id"),
)
