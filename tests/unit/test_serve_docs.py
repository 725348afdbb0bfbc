"""Every setting of the service is documented, with its environment variable and option."""

from __future__ import annotations

from pathlib import Path

import pytest

from popliteal.settings import Settings, env_name

SERVE_DOC = Path(__file__).resolve().parents[2] / "docs" / "how-to" / "serve.md"


@pytest.mark.parametrize("name", list(Settings.model_fields))
def test_each_setting_has_a_row_in_the_serve_guide(name: str) -> None:
    option = "--database" if name == "database_url" else "--" + name.replace("_", "-")
    row = next((line for line in SERVE_DOC.read_text(encoding="utf-8").splitlines()
                if line.startswith(f"| `{name}` |")), None)
    assert row is not None, f"docs/how-to/serve.md has no row for {name}"
    assert f"`{env_name(name)}`" in row and f"`{option}`" in row
