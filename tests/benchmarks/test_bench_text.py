"""Reading a narrative: the pipeline is built once, each reading should take milliseconds."""

from __future__ import annotations

from typing import Any

from popliteal.text import read_narrative

NARRATIVE = (
    "I'm 54 and for two days the back of my right knee has been swollen and sore, no fever. "
    "I flew back from Sydney on Sunday and my calf feels tight. I had a clot years ago and I'm "
    "on the pill. It hurts when I walk and I don't think it's hot."
)


def test_reading_a_typical_narrative(benchmark: Any) -> None:
    read_narrative(NARRATIVE)  # build the pipeline outside the timing
    reading = benchmark(read_narrative, NARRATIVE)
    assert reading.findings["swelling_behind_knee"] is True
    assert reading.findings["fever"] is False
