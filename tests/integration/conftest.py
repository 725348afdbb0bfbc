"""Database fixtures: every store test runs on SQLite and on PostgreSQL.

PostgreSQL needs POPLITEAL_TEST_POSTGRES_URL, a superuser URL of a throwaway server (`.ci/run`
starts one with `.ci/services.sh`); each test gets a database of its own, dropped afterwards.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from integration.web_helpers import TestClient, make_client
from popliteal.store import Store, normalise_url

POSTGRES_ENV = "POPLITEAL_TEST_POSTGRES_URL"


def postgres_admin_url() -> str | None:
    return os.environ.get(POSTGRES_ENV) or None


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'popliteal.sqlite3'}"


@pytest.fixture
def postgres_url() -> Iterator[str]:
    admin = postgres_admin_url()
    if admin is None:
        pytest.skip(f"PostgreSQL not configured: set {POSTGRES_ENV} (.ci/services.sh start does)")
    name = f"popliteal_test_{secrets.token_hex(6)}"
    admin_engine = create_engine(normalise_url(admin), isolation_level="AUTOCOMMIT")
    with admin_engine.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(admin).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin_engine.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin_engine.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def database_url(request: pytest.FixtureRequest) -> str:
    """The URL of an empty database, once per kind of database."""
    fixture = "sqlite_url" if request.param == "sqlite" else "postgres_url"
    return str(request.getfixturevalue(fixture))


@pytest.fixture
def store(database_url: str) -> Iterator[Store]:
    """A migrated store on an empty database."""
    store = Store.from_url(database_url)
    store.migrate()
    yield store
    store.dispose()


# --- the web app, in process -----------------------------------------------------------------

@pytest.fixture
def client(sqlite_url: str) -> Iterator[TestClient]:
    """The app over a fresh SQLite file."""
    with make_client(sqlite_url) as test_client:
        yield test_client


@pytest.fixture
def any_client(database_url: str) -> Iterator[TestClient]:
    """The app over a fresh database, once on SQLite and once on PostgreSQL."""
    with make_client(database_url) as test_client:
        yield test_client
