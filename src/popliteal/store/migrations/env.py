"""Alembic environment: migrations run on a connection popliteal hands over.

`popliteal.store.migrate.upgrade_to_head` passes its connection in ``config.attributes``; run
from the alembic command line (alembic -c src/popliteal/store/alembic.ini ...), the URL comes
from DATABASE_URL instead.
"""

from __future__ import annotations

import os

from alembic import context
from sqlalchemy import Connection

from popliteal.settings import default_database_url
from popliteal.store.store import make_engine
from popliteal.store.tables import metadata


def run_on(connection: Connection) -> None:
    context.configure(connection=connection, target_metadata=metadata, compare_type=True)
    with context.begin_transaction():
        context.run_migrations()


def run() -> None:
    connection = context.config.attributes.get("connection")
    if connection is not None:
        run_on(connection)
        return
    engine = make_engine(os.environ.get("DATABASE_URL") or default_database_url())
    with engine.begin() as conn:
        run_on(conn)
    engine.dispose()


run()
