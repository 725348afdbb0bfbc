"""Free-text intake: read a person's own account of their knee into findings.

``read_narrative(text)`` returns a :class:`NarrativeReading`: findings (id -> present or
absent) with the evidence for each, the words read, the rule that read them and the context
words that changed them, so that a person can confirm or correct what was understood.
"""

from popliteal.text.model import Evidence, NarrativeReading, Status
from popliteal.text.reading import prepare_reader, read_narrative

__all__ = ["Evidence", "NarrativeReading", "Status", "prepare_reader", "read_narrative"]
