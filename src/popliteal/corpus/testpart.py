"""The test part of the real-case corpus is frozen by its content hash.

Every change to it (a case corrected, facts absorbed into findings) is recorded in a log
beside it, with the new hash; a test fails while the files and the log disagree. The log also
records each time the test part was measured, so how often it was consulted is plain.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

HASH_IN_LOG = re.compile(r"^\|\s*\d{4}-\d{2}-\d{2}\s*\|\s*([0-9a-f]{64})\s*\|", re.MULTILINE)


def content_hash(folder: Path) -> str:
    """SHA-256 over every file below ``folder``: relative path and bytes, in sorted order."""
    digest = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        digest.update(path.relative_to(folder).as_posix().encode())
        digest.update(b"\0")
        digest.update(path.read_bytes())
    return digest.hexdigest()


def logged_hashes(log: Path) -> list[str]:
    """The hashes recorded in the log's change table, oldest first."""
    return HASH_IN_LOG.findall(log.read_text(encoding="utf-8"))
