"""The knowledge base: conditions, findings, likelihoods, red flags and sources, as data."""

from popliteal.knowledge.loader import (
    KnowledgeBase,
    check_knowledge_base,
    default_data_dir,
    load_knowledge_base,
    load_knowledge_base_from,
)

__all__ = [
    "KnowledgeBase",
    "check_knowledge_base",
    "default_data_dir",
    "load_knowledge_base",
    "load_knowledge_base_from",
]
