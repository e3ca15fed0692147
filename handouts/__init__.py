"""handouts: printable exercise handouts for patients, from YAML exercise entries."""

from .page import rlsettings

# Before any part of the package imports ReportLab, keep it from reading settings files.
rlsettings.guard()

__version__ = "0.1.0"
