"""The real-case corpus: facts the knowledge base cannot yet say, coverage, and the test part.

Vignette files themselves load through :mod:`popliteal.evaluation.vignettes`; this package
keeps what lies beside them.
"""

from popliteal.corpus.coverage import Coverage, corpus_coverage, render_coverage
from popliteal.corpus.facts import UncoveredFact, facts_path, load_facts
from popliteal.corpus.identity import source_identifiers
from popliteal.corpus.testpart import content_hash, logged_hashes

__all__ = [
    "Coverage",
    "UncoveredFact",
    "content_hash",
    "corpus_coverage",
    "facts_path",
    "load_facts",
    "logged_hashes",
    "render_coverage",
    "source_identifiers",
]
