"""The words a pose file may label its frames with (its `labels:` field).

Each is a message in the handout's catalogue (page/illustrations.py FrameLabels): a fixed
few, so that every one is translated. Kept apart from pose_file.py so that the page and
the picture cache can name them without importing the pose format (a warm build reads no
pose file).
"""

from __future__ import annotations

from typing import Literal

# start, finish: the default; hold: the held position (a `hold:` mark makes it the default
# second label); down, up: a movement that goes down and back up past where it began (a
# hip drop), whose first frame is not the position it starts from.
FrameLabel = Literal["start", "finish", "hold", "down", "up"]
