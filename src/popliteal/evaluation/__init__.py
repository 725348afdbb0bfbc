"""The vignette harness: load vignette sets, run them in a mode, and report the metrics."""
