"""The page: a handout laid out as flowables (cards, sections, pictures, paragraphs,
styles, fonts, safe markup) and rendered to PDF bytes. May import handout, pictures, reading."""
