"""handouts: printable exercise handouts for patients, from YAML exercise entries."""

from .page import rlimports, rlsettings

# Before any part of the package imports ReportLab: keep it from reading settings files,
# and leave what it would do at import but a build seldom needs until it is needed.
rlsettings.guard()
rlimports.lighten()

__version__ = "0.1.0"
