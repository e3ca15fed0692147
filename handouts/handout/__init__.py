"""One resolved handout and its words: a program matched against the library, dose and
date wording, citations, reading level. May import reading."""
