"""`popliteal serve`: the web app and the REST API, on one database.

The database is migrated once here, before any worker starts; the workers then read their
settings from the environment this command sets, so every worker serves the same database.
"""

from __future__ import annotations

import os

import typer
import uvicorn
from rich.console import Console
from sqlalchemy.engine import make_url

from popliteal.cli.errors import friendly_errors
from popliteal.settings import env_name, help_text, settings_from_env
from popliteal.store import Store


@friendly_errors
def serve(
    host: str = typer.Option("127.0.0.1", "--host",
                             help="Address to listen on; 0.0.0.0 for every interface."),
    port: int = typer.Option(8000, "--port", min=1, max=65535, help="Port to listen on."),
    workers: int = typer.Option(1, "--workers", min=1, max=64,
                                help="Worker processes; they share the database and nothing else."),
    database: str | None = typer.Option(
        None, "--database", help=f"{help_text('database_url')} Overrides ${env_name('database_url')}."),
    max_request_bytes: int | None = typer.Option(
        None, "--max-request-bytes",
        help=f"{help_text('max_request_bytes')} Overrides ${env_name('max_request_bytes')}."),
) -> None:
    """Serve the web app and the REST API (docs at /api/v1/openapi.json)."""
    settings = settings_from_env(database_url=database, max_request_bytes=max_request_bytes)
    store = Store.from_url(settings.database_url)
    store.migrate()
    store.dispose()
    for name, value in settings.model_dump().items():
        os.environ[env_name(name)] = str(value)
    shown = make_url(settings.database_url).render_as_string(hide_password=True)
    Console(stderr=True, highlight=False).print(
        f"popliteal on http://{host}:{port}/ with {workers} worker(s), database {shown}",
        soft_wrap=True)
    # No access log: it would record every client's address with the pages they opened.
    uvicorn.run("popliteal.web.app:app_from_env", factory=True, host=host, port=port,
                workers=workers, access_log=False, server_header=False, log_level="info")
