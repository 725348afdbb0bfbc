"""Shared fixtures. Tests that need ../shared skip with a reason when it is missing."""

from __future__ import annotations

from pathlib import Path

import pytest

from popliteal.knowledge import KnowledgeBase, load_knowledge_base

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
DEV_VIGNETTES = ROOT / "vignettes" / "dev"


@pytest.fixture(scope="session")
def kb() -> KnowledgeBase:
    return load_knowledge_base()


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not SHARED.is_dir():
        pytest.skip("../shared is not beside this checkout (it holds the spec and the evidence)")
    return SHARED
