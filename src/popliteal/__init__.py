"""popliteal: evidence-based assessment and triage of pain behind the knee.

The result of an assessment is information to help decide what to do next. It is not a
diagnosis and does not replace an examination by a clinician.
"""

from popliteal.api import assess
from popliteal.disclaimer import DISCLAIMER

__all__ = ["DISCLAIMER", "assess"]
__version__ = "0.1.0"
