"""The free-exercise-db's words for levels, equipment and muscles, in this tool's terms.

Only what the database states is mapped; a value it may add later, and these tables do
not know, is kept as the database wrote it.
"""

from __future__ import annotations

LEVELS = {"beginner": "beginner", "intermediate": "intermediate", "expert": "advanced"}

NO_EQUIPMENT = "body only"
EQUIPMENT = {
    "bands": "resistance band",
    "kettlebells": "kettlebell",
    "foam roll": "foam roller",
    "cable": "cable machine",
    "machine": "gym machine",
    "e-z curl bar": "EZ curl bar",
    "other": "other equipment",
}

# The body region of each muscle group: `region` of the entry, from its first main muscle.
REGIONS = {
    "abdominals": "trunk",
    "abductors": "hip",
    "adductors": "hip",
    "glutes": "hip",
    "biceps": "arm",
    "triceps": "arm",
    "forearms": "arm",
    "calves": "lower leg",
    "hamstrings": "thigh",
    "quadriceps": "thigh",
    "chest": "chest",
    "lats": "back",
    "lower back": "back",
    "middle back": "back",
    "traps": "back",
    "neck": "neck",
    "shoulders": "shoulder",
}


def listed(words: list[str]) -> str:
    """'glutes', 'glutes and hamstrings', 'glutes, hamstrings and calves'."""
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]
