"""The use cases the web app and the REST API share; the core stays free of storage."""

from popliteal.service.assessments import AssessmentService, Clock, Opened, Step, utc_now

__all__ = ["AssessmentService", "Clock", "Opened", "Step", "utc_now"]
