"""Settings come from the environment, then from options; bad values name the setting."""

from __future__ import annotations

import pytest

from popliteal.errors import InvalidInputError
from popliteal.settings import Settings, env_name, help_text, settings_from_env


def test_without_a_database_url_the_default_is_a_sqlite_file_in_the_data_folder() -> None:
    settings = settings_from_env({"XDG_DATA_HOME": "/data/home"})
    assert settings.database_url == "sqlite:////data/home/popliteal/popliteal.sqlite3"


def test_the_environment_sets_each_setting() -> None:
    settings = settings_from_env({"DATABASE_URL": "postgresql://db/p",
                                  "POPLITEAL_MAX_REQUEST_BYTES": "4096"})
    assert (settings.database_url, settings.max_request_bytes) == ("postgresql://db/p", 4096)


def test_an_option_wins_over_the_environment() -> None:
    settings = settings_from_env({"DATABASE_URL": "sqlite:///a.sqlite3"},
                                 database_url="sqlite:///b.sqlite3", max_request_bytes=None)
    assert settings.database_url == "sqlite:///b.sqlite3"


def test_a_bad_value_names_the_setting() -> None:
    with pytest.raises(InvalidInputError) as caught:
        settings_from_env({"POPLITEAL_MAX_REQUEST_BYTES": "ten"})
    assert caught.value.field == "max_request_bytes"


@pytest.mark.parametrize("name", list(Settings.model_fields))
def test_every_setting_has_an_environment_variable_and_help(name: str) -> None:
    assert env_name(name).isupper()
    assert len(help_text(name)) > 30
