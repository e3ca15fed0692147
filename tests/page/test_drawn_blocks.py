"""Cards drawn once as forms and put into later documents (page/drawn.py, page/form_recording.py,
page/card_blocks.py): every PDF is byte for byte the one a build alone makes, in a batch or not,
with the cache or without; replays do happen; the cache keeps nothing about a patient; and each
ReportLab internal the replay relies on behaves as it expects (a test per reliance)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from handouts.commands.build import Builder, Request
from handouts.page import drawn, form_recording
from tests.helpers import write_file

ROOT = Path(__file__).resolve().parents[2]

ALONE = """
import sys
from pathlib import Path
from handouts.commands.build import Builder, Request
program, out = sys.argv[1:]
Path(out).write_bytes(Builder(()).pdf(Request(program=program)))
"""

PROGRAM = """\
title: Hips
patient: {patient}
date: {date}
language: {language}
template: {template}
exercises:
  - side-lying-abduction-hold
  - id: clamshell-flexed
    dosage: {{sets: {sets}, reps: 8}}
  - side-lying-hip-abduction
  - id: hip-listing-wall
{extra}"""

# patients whose names bring letters (codes) into a document before its cards: a replay
# must be refused where the codes differ, and the PDF still be the one made alone
PATIENTS = [
    ("Ann Lee", "en", "standard", 3, ""),
    ("Zoë Núñez", "es", "standard", 3, ""),
    ("Łukasz Żółć", "en", "standard", 2, "    note: Only your left side for now.\n"),
    ("Ann Lee", "en", "compact", 3, ""),
    ("José Ibáñez", "es", "standard", 2, ""),
    ("Bob Ray", "en", "standard", 3, ""),
    ("Bob Ray", "en", "standard", 3, "date"),  # another day: another week in the log
]


def programs(folder: Path) -> list[Path]:
    return [write_file(folder, f"p{i}.yaml", PROGRAM.format(patient=p, language=lang, template=t, sets=s,
                                                           date="2026-11-24" if x == "date" else "2026-11-21",
                                                           extra="" if x == "date" else x))
            for i, (p, lang, t, s, x) in enumerate(PATIENTS)]


def alone(program: Path, cache: Path, out: Path) -> bytes:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "HANDOUTS_CACHE_DIR": str(cache)}
    subprocess.run([sys.executable, "-c", ALONE, str(program), str(out)], env=env, check=True, capture_output=True)
    return out.read_bytes()


@pytest.fixture
def counted(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> dict[str, int]:
    """How often a card's form was recorded (drawn) and replayed, from an empty cache."""
    monkeypatch.setenv("HANDOUTS_CACHE_DIR", str(tmp_path / "counted-cache"))
    counts = {"record": 0, "replay": 0}

    def counting(name, real):
        def call(*args, **kwargs):
            counts[name] += 1
            return real(*args, **kwargs)
        return call

    monkeypatch.setattr(drawn, "record", counting("record", drawn.record))
    monkeypatch.setattr(drawn, "replay", counting("replay", drawn.replay))
    drawn.clear()
    yield counts
    drawn.clear()


def test_every_pdf_of_a_batch_is_the_one_built_alone_with_or_without_the_cache(tmp_path: Path, monkeypatch, counted) -> None:
    files = programs(tmp_path)
    cold = [alone(f, tmp_path / f"empty-{i}", tmp_path / f"cold-{i}.pdf") for i, f in enumerate(files)]
    warm_cache = tmp_path / "warm"
    for i, f in enumerate(files):
        alone(f, warm_cache, tmp_path / "fill.pdf")
    warm = [alone(f, warm_cache, tmp_path / f"warm-{i}.pdf") for i, f in enumerate(files)]
    monkeypatch.setenv("HANDOUTS_CACHE_DIR", str(tmp_path / "batch"))
    builder = Builder(())
    batch = [builder.pdf(Request(program=str(f))) for f in files + files[::-1]]
    assert [len(b) for b in cold] == [len(b) for b in warm]
    assert cold == warm
    for i, data in enumerate(batch):
        assert data == cold[i if i < len(files) else 2 * len(files) - 1 - i], f"document {i} of the batch"
    assert counted["replay"] >= 2 * len(files)  # the same cards came again: their forms were put back, not drawn


def test_a_card_whose_dose_changes_is_drawn_again(tmp_path: Path, counted) -> None:
    builder = Builder(())
    one, other = (write_file(tmp_path, f"{n}.yaml", PROGRAM.format(patient="Ann", language="en", template="standard", sets=n, date="2026-11-21", extra=""))
                  for n in (2, 4))
    builder.pdf(Request(program=str(one)))
    drawn_first = counted["record"]
    builder.pdf(Request(program=str(other)))
    # drawn again: the card with another dose, and the key points, whose session is longer
    # now; put back: the other three cards and the log
    assert counted["record"] - drawn_first == 2
    assert counted["replay"] == 4


def test_the_cache_keeps_no_note_video_or_dose_of_a_patient(tmp_path: Path, monkeypatch) -> None:
    program = write_file(tmp_path, "p.yaml", """\
        title: Hips
        patient: Zebulon Quagmire
        date: 2026-11-21
        exercises:
          - id: clamshell-flexed
            dosage: {sets: 7, reps: 13}
          - id: side-lying-abduction-hold
            note: Quietly private remark
          - id: side-lying-hip-abduction
            video: https://example.org/zebulons-own-video
          - hip-listing-wall
        """)
    cache = tmp_path / "cache"
    monkeypatch.setenv("HANDOUTS_CACHE_DIR", str(cache))
    drawn.clear()
    Builder(()).pdf(Request(program=str(program)))
    drawn.clear()
    kept = b"".join(p.read_bytes() for p in (cache / "drawn-block-1").glob("*.json"))
    assert kept  # the card that says nothing about the patient is kept
    everything = b"".join(p.read_bytes() for p in cache.rglob("*") if p.is_file())
    for secret in (b"Zebulon", b"Quagmire", b"Quietly", b"zebulons-own-video", b"13 times"):
        assert secret not in everything
    assert len(list((cache / "drawn-block-1").glob("*.json"))) == 1  # hip-listing-wall alone


def test_only_a_card_of_the_entrys_own_words_dose_and_picture_is_kept_between_runs(library_dir) -> None:
    from msgspec.structs import replace as changed

    from handouts.page.card_blocks import says_nothing_of_the_patient

    from ..helpers import DAY

    card = Builder((library_dir,)).handout(Request(exercises=("test-clam",), date=DAY)).cards[0]
    assert says_nothing_of_the_patient(card)
    for change in ({"note": "Only your left side."}, {"video": "https://example.org/yours"},
                   {"illustration_field": ("exercises", 0, "illustration")}, {"dosage": changed(card.dosage, sets=9)},
                   {"dosage": changed(card.dosage, side="left")}):
        assert not says_nothing_of_the_patient(changed(card, **change)), change


# ---- ReportLab's internals, one test per reliance --------------------------------------


def _canvas():
    import io

    from reportlab.pdfgen.canvas import Canvas

    from handouts.page.fonts import BODY, fonts

    fonts()
    return Canvas(io.BytesIO()), BODY


def test_reportlab_a_form_is_its_canvas_code_and_forms_in_use_between_begin_and_end() -> None:
    canvas, body = _canvas()
    canvas.beginForm("Inner")
    canvas.rect(0, 0, 1, 1)
    canvas.endForm()
    canvas.beginForm("Outer")
    assert canvas._code == [] and canvas._formsinuse == []
    canvas.setFont(body, 10)
    canvas.drawString(0, 0, "Hi")
    canvas.doForm("Inner")
    assert canvas._formsinuse == ["Inner"] and any("Tj" in op for op in canvas._code)
    assert not (canvas._annotationrefs or canvas._colorsUsed or canvas._shadingUsed)
    code = list(canvas._code)
    canvas.endForm()
    assert canvas.hasForm("Outer") and canvas._code == []
    # a replay's form is the same stream: put the operators back into another form
    canvas.beginForm("Again")
    canvas._code.extend(code)
    canvas._formsinuse.append("Inner")
    canvas.endForm()
    forms = canvas._doc.idToObject
    assert forms["FormXob.Outer"].stream == forms["FormXob.Again"].stream


def test_reportlab_truetype_letters_get_codes_and_subsets_names_in_the_order_first_asked() -> None:
    from reportlab.pdfbase import pdfmetrics

    canvas, body = _canvas()
    font = pdfmetrics.getFont(body)
    assert font._dynamicFont
    doc = canvas._doc
    first = font.splitString("ñé", doc)
    assert font.splitString("é", doc) == [(first[0][0], first[0][1][1:])]  # a letter keeps its code in a document
    other = _canvas()[0]._doc
    assert font.splitString("éñ", other)[0][1] == first[0][1]  # codes go by order of first use, not by letter
    assert body not in doc.fontMapping
    name = font.getSubsetInternalName(first[0][0], doc)
    assert doc.fontMapping[body] == name.split("+")[0] and name.endswith(f"+{first[0][0]}")
    assert font.splitString("Ab", doc) == [(0, b"Ab")]  # ASCII letters keep their own codes


def test_reportlab_text_is_split_through_the_fonts_split_string_looked_up_on_the_instance() -> None:
    canvas, body = _canvas()
    with form_recording._watching(canvas) as seen:
        canvas.beginForm("F")
        canvas.setFont(body, 10)
        canvas.drawString(0, 0, "Zoë")
        canvas.endForm()
    assert seen == {body: ["Zoë"]}
    from reportlab.pdfbase import pdfmetrics

    assert "splitString" not in pdfmetrics.getFont(body).__dict__  # put back


def test_reportlab_a_frame_drops_the_first_space_before_and_moves_down_as_measured() -> None:
    from reportlab.platypus import Frame, Paragraph, Spacer
    from reportlab.platypus.flowables import _listWrapOn

    from reportlab.lib.styles import ParagraphStyle

    canvas, _ = _canvas()
    style = ParagraphStyle("p", spaceBefore=6, spaceAfter=4)
    flowables = [Paragraph("One line", style), Spacer(1, 10), Paragraph("Two", style)]
    frame = Frame(0, 0, 200, 300, leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    for f in flowables:
        assert frame.add(f, canvas)

    class Spaces:
        _spaceBefore = _spaceAfter = 0.0

    spaces = Spaces()
    _, height = _listWrapOn(flowables, 200, None, obj=spaces)
    assert spaces._spaceBefore == flowables[0].getSpaceBefore()
    assert abs((300 - frame._y) - (height + flowables[-1].getSpaceAfter())) < 1e-6


def test_reportlab_graphics_states_used_by_a_canvas_are_in_every_later_form() -> None:
    canvas, _ = _canvas()
    assert form_recording.replayable(canvas)
    canvas.setFillAlpha(0.5)
    assert not form_recording.replayable(canvas)  # so a replay is refused: the form would get other resources
