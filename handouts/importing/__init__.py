"""Importing: another database's entries turned into this tool's exercise entries, as data (the command writes the files)."""
