"""The commented YAML that `handouts new` writes: every field in place, every decision a placeholder.

Each text is valid in shape: once its placeholders are replaced, it passes `check`. A
field a clinician may leave out is a comment showing how it is written.
"""

from __future__ import annotations

from ..reading.placeholders import placeholder as fill


def _quoted(hint: str) -> str:
    return f'"{fill(hint)}"'


EXERCISE = f"""\
# A new exercise entry. Replace every <<FILL IN: ...>>: `handouts check` and `handouts
# build` refuse this file until none is left. Lines starting with # are optional fields;
# remove the # to use one. Every field: `handouts schema exercise`, and the README.
id: {{id}}                             # how programs and -e name it
name: {_quoted("a plain name, e.g. Clamshell with a band")}
purpose: {_quoted("one line on what it is for, e.g. Makes the side of your hip stronger.")}
region: {_quoted("the body region, e.g. hip")}
muscles: [{_quoted("a muscle it works, e.g. gluteus medius")}]
position: {_quoted("the starting position, e.g. side-lying or standing")}
equipment: []                          # e.g. [mat, band]; [] for none
level: {_quoted("beginner, intermediate or advanced")}
# works: top-leg                       # the leg that works: top-leg, standing-leg, moving-leg, both-legs, legs-in-turn
tags: []                               # e.g. [early stage, lying down]
steps:                                 # 3 to 6 short steps, the starting position first
  - {_quoted("step 1: how to start, e.g. Lie on your side. Bend your knees.")}
  - {_quoted("step 2: the movement, e.g. Lift your top knee.")}
  - {_quoted("step 3: how to finish, e.g. Lower the knee slowly.")}
dosage:
  sets: {_quoted("how many sets, a number such as 2")}
  reps: {_quoted("how many times in a row, a number such as 10")}
  # hold_seconds: 2
  # rest_seconds: 60
  # times_per_day: 1
  # days_per_week: 5
  # side: each                         # left, right, both or each
  # load: no weight                    # the weight or band
  # basis: default                     # default: your own dose, not one from the cited sources
feel_it: {_quoted("where it should be felt, e.g. In the side of your hip.")}
mistakes:                              # 1 to 4; two or three is best
  - {_quoted("a common mistake, e.g. Rolling your hips back.")}
stop_if: {_quoted("when to stop and call, e.g. Stop and call us if you feel sharp pain.")}
# progression: [clamshell-band]        # ids of harder entries
# regression: [clamshell-flexed]       # ids of easier entries
# illustration:
#   pose: clamshell                    # a bundled pose, or a pose file here (handouts new pose)
#   pictures: [photos/start.jpg, photos/end.jpg]   # or your own pictures, relative to this file
#   caption: Keep your feet together.
# citations:
#   - id: selkowitz2013                # the id of a reference in a references file
"""

PROGRAM = f"""\
# A new program: the exercises chosen for one patient. Replace every <<FILL IN: ...>>:
# `handouts check` and `handouts build` refuse this file until none is left. Lines
# starting with # are optional; remove the # to use one. Every field: `handouts schema
# program`, and the README. Build it with: handouts build {{name}}.yaml -o {{name}}.pdf
title: {_quoted("the handout's title, e.g. Hip strength, early stage")}
# patient: Ana María Núñez             # or give --patient when you build
# clinician: Sam Rivera, PT
# date: 2026-11-21                     # or --date; today when left out
# template: large-print                # standard (the default), large-print, or a template file
# paper: letter                        # a4 or letter; the template's when left out
# language: en                         # the handout's language: en (the default) or es
# clinic:                              # or give --clinic FILE when you build
#   name: Riverside Physiotherapy
#   phone: 555-0142
exercises:                             # ids from `handouts list`; four or fewer is best
  - {_quoted("an exercise id, e.g. clamshell")}
  # - id: clamshell-flexed             # an id with changes for this patient
  #   side: left
  #   dosage: {{sets: 2, reps: 8}}
  #   note: Work only your left side for now.
# note: |                              # for the patient; line breaks are kept
#   Do these on most days.
"""

FROM_EXERCISE = """\
# Made from the entry '{source}': {command}
# Change what your variant does differently; with its own id, both entries can be used.
"""

OWN_POSE = """\
# To draw a pose of your own: handouts new pose {id} --from {pose}, then write
# `pose: {id}.pose.yaml` under illustration: below.
"""

POSE = """\
# A copy of the bundled pose '{source}', for an exercise entry in this folder: write
# `pose: {file}` under the entry's illustration:. Every field is described
# in images/poses/README.md (in the handouts source). Preview it with:
# handouts illustrate ID --library FOLDER -o pose.png
"""
