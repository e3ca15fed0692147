"""Pictures: pictograms drawn from pose data, and the clinic's own photos checked and
prepared for print. May import reading."""
