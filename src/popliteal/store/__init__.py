"""Persistence: one Store class over SQLAlchemy, with migrations packaged beside it."""

from popliteal.store.records import AuditEvent, AuditKind, StoredAssessment
from popliteal.store.store import Store, make_engine, normalise_url

__all__ = ["AuditEvent", "AuditKind", "Store", "StoredAssessment", "make_engine", "normalise_url"]
