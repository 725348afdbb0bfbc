"""The service's settings, declared once: each field's description is its help text.

`popliteal serve --help`, the settings reference in docs/ and the environment variables all
come from :class:`Settings`; a test fails when a setting is missing from the docs.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from popliteal.errors import InvalidInputError

DEFAULT_DATABASE_FILE = "popliteal.sqlite3"


def default_database_url(environ: Mapping[str, str] | None = None) -> str:
    """A SQLite file in the user's data folder ($XDG_DATA_HOME/popliteal, or ~/.local/share)."""
    environ = os.environ if environ is None else environ
    base = environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return f"sqlite:///{Path(base) / 'popliteal' / DEFAULT_DATABASE_FILE}"


class Settings(BaseModel):
    """How one popliteal service runs. Every worker of one deployment uses the same values."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    database_url: str = Field(
        default_factory=default_database_url,
        min_length=1,
        description=("Where assessments are kept, as a SQLAlchemy URL: a SQLite file "
                     "(sqlite:///path/to/file.sqlite3) or PostgreSQL "
                     "(postgresql://user:password@host/dbname). The default is a SQLite file "
                     "in the user's data folder."),
        json_schema_extra={"env": "DATABASE_URL"},
    )
    max_request_bytes: int = Field(
        default=16_384,
        ge=1_024,
        le=1_048_576,
        description=("The largest request body accepted, in bytes; larger requests get "
                     "413 Content Too Large before any handler reads them."),
        json_schema_extra={"env": "POPLITEAL_MAX_REQUEST_BYTES"},
    )


def env_name(name: str) -> str:
    """The environment variable that sets a field of :class:`Settings`."""
    extra = Settings.model_fields[name].json_schema_extra
    assert isinstance(extra, dict), name
    return str(extra["env"])


def help_text(name: str) -> str:
    return Settings.model_fields[name].description or ""


def settings_from_env(environ: Mapping[str, str] | None = None,
                      **overrides: Any) -> Settings:
    """Settings from the environment, then explicit overrides (command-line options) on top."""
    environ = os.environ if environ is None else environ
    values: dict[str, Any] = {}
    for name in Settings.model_fields:
        raw = environ.get(env_name(name))
        if raw:
            values[name] = raw
    values.update({k: v for k, v in overrides.items() if v is not None})
    if "database_url" not in values:
        values["database_url"] = default_database_url(environ)
    try:
        return Settings.model_validate(values)
    except ValidationError as exc:
        error = exc.errors()[0]
        name = str(error["loc"][0]) if error["loc"] else "settings"
        raise InvalidInputError(f"setting {name}: {error['msg']}", field=name) from exc
