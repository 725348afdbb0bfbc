"""The clinician's view: the full differential, likelihood ratios and the clinical scores."""

from popliteal.clinician.report import ClinicianReport, clinician_report

__all__ = ["ClinicianReport", "clinician_report"]
