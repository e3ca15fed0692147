"""Exercise pictograms drawn from pose data (ISO 7001 style): pose files, the body, props,
the scene, and its PDF operators or exported file. May import reading."""
