"""The knowledge base as a document: one entry per id, and the generated reference."""

from popliteal.docs.entries import Entry, all_entries, entries_for
from popliteal.docs.markdown import REFERENCE_PATH, knowledge_base_reference, render_entry

__all__ = [
    "REFERENCE_PATH",
    "Entry",
    "all_entries",
    "entries_for",
    "knowledge_base_reference",
    "render_entry",
]
