"""popliteal in FHIR R4B: the Questionnaire, answers, results and popliteal's CodeSystems.

Builders are pure: they take the knowledge base or an Assessment (and a time, where a
resource records one) and return fhir.resources models. Every resource carries the
knowledge base's version and content hash in ``meta.tag``.
"""

from popliteal.fhir.assessment import assessment_bundle, risk_assessment
from popliteal.fhir.questionnaire import questionnaire
from popliteal.fhir.reading import parse_resource, read_bundle, read_response, to_json
from popliteal.fhir.response import interview_response, questionnaire_response
from popliteal.fhir.terminology import code_systems, knowledge_base_of
from popliteal.fhir.validation import validate

__all__ = [
    "assessment_bundle",
    "code_systems",
    "interview_response",
    "knowledge_base_of",
    "parse_resource",
    "questionnaire",
    "questionnaire_response",
    "read_bundle",
    "read_response",
    "risk_assessment",
    "to_json",
    "validate",
]
