"""The week a patient ticks off: its dates, and which days each exercise rests.

An exercise done on fewer than 7 days a week has its days spread out over the week, so
that "3 days a week" reads as a day on, a day off: days 1, 3 and 5. The log shades the
other days, and a programme whose exercises all rest on a day shows it as a rest day.
"""

from __future__ import annotations

import datetime as dt

DAYS = 7


def exercise_days(days_per_week: int | None) -> frozenset[int]:
    """The days of the week (0 to 6, from the handout's date) an exercise is done on."""
    if not days_per_week or days_per_week >= DAYS:
        return frozenset(range(DAYS))
    return frozenset(i * DAYS // days_per_week for i in range(days_per_week))


def week(start: dt.date) -> list[dt.date]:
    """The seven dates of the log, from the handout's date."""
    return [start + dt.timedelta(days=i) for i in range(DAYS)]
