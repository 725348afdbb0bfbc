"""Assessment ids and secret tokens.

A token is 256 random bits (``secrets.token_urlsafe(32)``). Only its SHA-256 is stored: a
token this long cannot be guessed, so a slow password hash would add nothing, and a stolen
database still opens no assessment. Tokens are compared in constant time.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets

TOKEN_BYTES = 32
ID_BYTES = 12
TOKEN_PATTERN = re.compile(r"^[A-Za-z0-9_-]{43}$")
ID_PATTERN = r"^[A-Za-z0-9_-]{16}$"


def new_assessment_id() -> str:
    """A random, URL-safe id of 96 bits: not a secret, but not guessable either."""
    return secrets.token_urlsafe(ID_BYTES)


def new_token() -> str:
    return secrets.token_urlsafe(TOKEN_BYTES)


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode("ascii")).hexdigest()


def token_matches(token: str, token_hash: str) -> bool:
    """True when ``token`` is well formed and hashes to ``token_hash`` (constant-time compare)."""
    if not TOKEN_PATTERN.match(token):
        return False
    return hmac.compare_digest(hash_token(token), token_hash)
