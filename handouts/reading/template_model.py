"""The layout template's model: paper, margins, type sizes, colours, the card's arrangement and sections."""

# No `from __future__ import annotations` here: msgspec compiles each string annotation of
# a Struct it decodes, once per process (issue 16); written as objects, they are not.
from typing import Annotated, Literal

from msgspec import Meta, field

from .fields import Colour, ShortText, Strict, about, count, size


class Margins(Strict):
    top: size(12.7, 50)
    bottom: size(12.7, 50)
    left: size(12.7, 50)
    right: size(12.7, 50)


class TypeSizes(Strict):
    body: size(12, 24)
    title: size(14, 40)
    heading: size(12, 32)
    small: size(8, 24)
    footer: Annotated[size(8, 24), about("the footer on every page: who, when and whom to call")] = 10
    reference: Annotated[size(8, 24), about("the references, which are for the clinician")] = 10
    line_spacing: size(1.2, 2.0) = 1.5


class Colours(Strict):
    text: Colour = "#000000"
    accent: Colour = "#b35900"
    rule: Colour = "#777777"
    shade: Colour = "#eeeeee"


# "changes": what changed since the last visit, printed only by `build --since OLD.yaml`
Section = Literal["summary", "changes", "note", "exercises", "log", "references"]


class Template(Strict, kw_only=True):
    """Page layout: paper, margins, type sizes, colours and which sections appear."""

    name: ShortText
    paper: Literal["a4", "letter"] = "a4"
    margins_mm: Margins
    type_pt: TypeSizes
    colours: Colours = field(default_factory=Colours)
    picture_width_mm: Annotated[size(30, 100), about(
        "not used since a card's pictures are two frames (a single photo is as wide as both): kept so older templates load")] = 60.0
    frame_width_mm: Annotated[size(15, 100), about(
        "the width of each of a card's two pictures (Start, Finish); at 40 mm or more the figure in one is at least 30 mm long")] = 40.0
    wide_frames: Annotated[float, Meta(ge=1.0, le=2.0), about(
        "how many times wider a figure lying down has its frames: its frames are low, so at frame_width_mm it prints "
        "small (compact: 1.5, one-page: 1.3)")] = 1.0
    card_layout: Annotated[Literal["columns", "stacked", "compact", "line"], about(
        "columns: the pictures beside the dose, the steps below (two cards a page); stacked: the pictures, then the "
        "dose, then the steps (large print); compact: small pictures beside the dose in a line (three a page); line: "
        "each exercise as its pictures, name and dose on one row (everything on one page)")] = "columns"
    max_exercises: Annotated[count(1, 40) | None, about(
        "the most exercises this layout holds (one page: 6); more is an error that names a layout that holds them")] = None
    max_pages: Annotated[count(1, 40) | None, about(
        "the most pages this layout prints (one page: 1); a handout that needs more is an error that says what to do")] = None
    reference_list: Annotated[Literal["numbered", "run-in"], about(
        "numbered: each reference on lines of its own; run-in: one after another in one paragraph (compact: a "
        "third less room)")] = "numbered"
    hyphenate: Annotated[bool, about(
        "break long words at a line's end, by the language's rules (Spanish; English words stay whole): a narrow column is "
        "less ragged; false in large print, where a word broken over two lines is harder to read")] = True
    greyscale_pictures: Annotated[bool, about("print the clinic's photos in grey: smaller files, and what a mono laser shows anyway")] = False
    sections: Annotated[list[Section], Meta(min_length=1)] = field(
        default_factory=lambda: ["summary", "changes", "note", "log", "exercises", "references"])
