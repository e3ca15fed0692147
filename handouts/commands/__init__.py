"""The commands: the CLI that only adapts, and the build, batch, check, list and preview it
calls; the one place a user's file is written. May import everything below it."""
