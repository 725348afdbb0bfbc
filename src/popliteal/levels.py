"""The five levels of care, least to most urgent, as the vignette contract defines them."""

from __future__ import annotations

from enum import StrEnum


class Level(StrEnum):
    """A level of care. Comparisons follow urgency, so ``max`` picks the most urgent."""

    SELF_CARE = "self_care"
    CONSULTATION = "consultation"
    CONSULTATION_24 = "consultation_24"
    EMERGENCY = "emergency"
    EMERGENCY_AMBULANCE = "emergency_ambulance"

    @property
    def rank(self) -> int:
        return _ORDER.index(self)

    @property
    def is_emergency(self) -> bool:
        return self.rank >= Level.EMERGENCY.rank

    @property
    def headline(self) -> str:
        return _HEADLINES[self]

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, Level):
            return NotImplemented
        return self.rank < other.rank

    def __le__(self, other: object) -> bool:
        if not isinstance(other, Level):
            return NotImplemented
        return self.rank <= other.rank

    def __gt__(self, other: object) -> bool:
        if not isinstance(other, Level):
            return NotImplemented
        return self.rank > other.rank

    def __ge__(self, other: object) -> bool:
        if not isinstance(other, Level):
            return NotImplemented
        return self.rank >= other.rank


_ORDER = list(Level)

_HEADLINES = {
    Level.SELF_CARE: "Look after it at home, and seek help if the warning signs below appear.",
    Level.CONSULTATION: "Book an appointment with a GP or physiotherapist in the coming days.",
    Level.CONSULTATION_24: "See a doctor today or within 24 hours (same-day GP or urgent care).",
    Level.EMERGENCY: "Go to an emergency department now.",
    Level.EMERGENCY_AMBULANCE: "Call an ambulance (999 or your local emergency number) now.",
}

LEVELS: tuple[Level, ...] = tuple(_ORDER)
