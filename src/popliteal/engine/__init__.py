"""The pure assessment engine: posterior, scores, triage and explanation. No I/O."""
