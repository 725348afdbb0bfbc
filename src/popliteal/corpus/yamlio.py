"""Write corpus YAML the way people read it: keys in order, long strings folded, header kept."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

FOLD_AT = 80


class _Dumper(yaml.SafeDumper):
    """Readable YAML: long strings folded, keys in their written order."""


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = ">" if len(value) > FOLD_AT else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _represent_str)


def header_of(path: Path) -> str:
    """The comment lines a file starts with, to be kept when it is rewritten."""
    if not path.exists():
        return ""
    lines = []
    for line in path.read_text(encoding="utf-8").splitlines(keepends=True):
        if not line.startswith("#") and line.strip():
            break
        lines.append(line)
    return "".join(lines)


def write_yaml(path: Path, document: Any) -> None:
    """Write ``document``, keeping the comment header the file already has."""
    header = header_of(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    body = yaml.dump(document, Dumper=_Dumper, sort_keys=False, width=96, allow_unicode=True)
    path.write_text(header + body, encoding="utf-8")
