"""The statement every result carries: popliteal informs, it does not diagnose."""

DISCLAIMER = (
    "popliteal gives information, not a diagnosis. It cannot examine you and it can be wrong. "
    "If you are worried, or things get worse, contact a doctor, NHS 111 or your local urgent "
    "care service. In an emergency call 999 (or your local emergency number)."
)
