"""What `handouts import` says: a line or three per entry, then the summary.

Each entry: its file, its reading level, what was defaulted, what was changed and why
it is flagged. The summary: how many were imported, kept or not imported, how many are
flagged and for which reasons, and why photos come only with --with-photos.
"""

from __future__ import annotations

from collections import Counter

from ..importing.free_exercise_db import DATABASE
from .importing import Report

PHOTOS_WHY = (f"{DATABASE} puts its data in the public domain, but does not state the rights to its photos "
              "(its own issue tracker asks)")


def report_lines(report: Report) -> list[str]:
    lines: list[str] = []
    for outcome in report.outcomes:
        imported = outcome.imported
        if outcome.kept:
            lines.append(f"Kept {outcome.file} as it is (already there; delete it to import {outcome.upstream} again)")
            continue
        lines.append(f"Imported {outcome.file} ({outcome.upstream}): steps at {outcome.grade}; "
                     f"defaulted: {', '.join(imported.defaulted)}")
        lines += [f"  {change}" for change in imported.changes]
        lines += [f"  flagged: {flag}" for flag in imported.flags]
    return lines + summary(report)


def summary(report: Report) -> list[str]:
    written = [o for o in report.outcomes if not o.kept]
    kept = len(report.outcomes) - len(written)
    flagged = [o for o in written if o.imported.flags]
    total = len(report.outcomes) + len({p.file for p in report.problems})
    failed = len({p.file for p in report.problems})
    lines = ["", f"{total} entries in {report.source}: {len(written)} imported into {report.out}, {kept} kept as they were "
                 f"(already there), {failed} not imported" + (" (the errors below say why)." if failed else ".")]
    if flagged:
        lines.append(f"{len(flagged)} of the {len(written)} imported are flagged for review before use:")
        reasons = Counter(reason for o in flagged for reason in {flag.reason for flag in o.imported.flags})
        lines += [f"  {count}: {reason}" for reason, count in sorted(reasons.items(), key=lambda item: (-item[1], item[0]))]
    elif written:
        lines.append(f"None of the {len(written)} imported is flagged.")
    every = set.intersection(*(set(o.imported.defaulted) for o in written)) if written else set()
    if every:
        order = [name for name in written[0].imported.defaulted if name in every]
        lines.append(f"Defaulted in every imported entry: {', '.join(order)} (the database has none of these: "
                     "review them, or set your own once in a clinic file's import_defaults:, with --clinic).")
    if report.with_photos:
        photos = sum(len(o.imported.photos) for o in written)
        lines.append(f"Photos: {photos} imported, after the checks the clinic's own pass. {PHOTOS_WHY}: make sure you "
                     "may print them before you hand them out.")
    else:
        lines.append(f"Photos: none imported. {PHOTOS_WHY}; add --with-photos to import them once you have checked.")
    if written:
        lines.append(f"Use them with --library {report.out}, for example: handouts list --library {report.out} --tag {DATABASE}")
    return lines
