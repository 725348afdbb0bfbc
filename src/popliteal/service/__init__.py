"""The use cases the web app and the REST API share; the core stays free of storage."""

from popliteal.service.assessments import AssessmentService, Clock, Opened, Step, utc_now
from popliteal.service.story import MAX_STORY_CHARS, StoryReading, Understood, Unsure

__all__ = ["MAX_STORY_CHARS", "AssessmentService", "Clock", "Opened", "Step", "StoryReading",
           "Understood", "Unsure", "utc_now"]
