"""A handout as a list of ReportLab flowables, in the order they fill the pages. Nothing is
written here.

The template names the sections in their reading order. Most stay in that order: the
header, the key points, the note, the log, the exercise cards. Some can be read anywhere
(the references, and a clinician's evidence notes after their card): they
flow into the free space a page would otherwise leave blank, instead of sitting alone on
a nearly empty last page. Every block is kept whole, so the plan below measures each
once and lays them out as the frame will.
"""

from __future__ import annotations


import msgspec
from reportlab.platypus import Flowable, KeepTogether, Spacer

from ..handout.assemble import Handout
from .card_blocks import card_blocks, log_blocks, summary_blocks
from .cards import card_share
from .drawn import DrawnBlock
from .sections import changes, header, note, references
from .styles import styles


FOOT_SLACK = 2.0  # points left under a chain sent to a page's foot: a frame's sums may differ in the last bit


class Block(msgspec.Struct):
    """One piece of the page that is never split, with the position it may not come before."""

    flowables: list[Flowable]
    floating: bool = False
    after: int = 0  # a floating block goes after this many fixed blocks, or later
    chain: str | None = None  # floating blocks of one chain (the references) keep their order


def handout_flowables(handout: Handout, frame_width: float, frame_height: float) -> list[Flowable]:
    s = styles(handout.template, handout.words.language)
    blocks = [Block(header(handout, s, frame_width))]
    for section in handout.template.sections:  # in the template's order
        if section == "summary":
            blocks.append(Block(summary_blocks(handout, s, frame_width, frame_height)))
        elif section == "changes" and handout.changes is not None:
            blocks.append(Block(changes(handout, s, frame_width)))
        elif section == "note":
            blocks.append(Block(note(handout, s)))
        elif section == "log" and handout.cards:
            blocks.append(Block(log_blocks(handout, s, frame_width, frame_height)))
        elif section == "exercises":
            for card, (card_block, *notes) in zip(handout.cards, _cards(handout, s, frame_width, frame_height)):
                blocks.append(Block([card_block]))
                if notes:  # the clinician's notes may come after their card, wherever there is room;
                    # a caution for this patient's condition comes right after it, before the next card
                    blocks.append(Block(notes, floating=not card.cautions, after=sum(not b.floating for b in blocks)))
        elif section == "references" and handout.references:
            # a reference at a time (the first with the heading), so that the list can fill the gaps it fits
            blocks += [Block([part], floating=True, chain="references") for part in references(handout, s)]
    return [f for block in arrange(blocks, frame_width, frame_height) for f in block.flowables]


def _cards(handout: Handout, s, width: float, frame_height: float) -> list[list[Flowable]]:
    """Each card's blocks: plain cards when every one takes no more than its share of a
    page (its layout's number of cards then fit each page), else dense ones, which fill
    the room a shorter column leaves: one look for every card of a handout."""
    plain = [card_blocks(card, handout, s, width, frame_height) for card in handout.cards]
    share = card_share(handout, frame_height)
    within = [height(Block([blocks[0]]), width, frame_height) <= share for blocks in plain]
    if all(within):
        return plain
    # a card over its share is already its shortest, as dense: only the others are made again
    return [card_blocks(card, handout, s, width, frame_height, dense=True) if fits else blocks
            for card, blocks, fits in zip(handout.cards, plain, within)]


def arrange(blocks: list[Block], width: float, frame_height: float) -> list[Block]:
    """The blocks in page order: the fixed ones as given, each floating one in the first
    gap after its place that holds it (a gap being what a page leaves when the next fixed
    block does not fit), else at the end in the order given.

    A chain (the references) is read last, after the exercises (between two cards, or above the
    first, PEMAT reviewers found them in the way): they fill a gap before the end only
    where it would leave more than a quarter of a page blank, or where the last page has
    no room for them; there they sit at the page's foot, as footnotes do."""
    measure = _Measure(width, frame_height)
    early = _arranged(blocks, measure, small_gaps=True)
    late = _arranged(blocks, measure, small_gaps=False)
    return late if measure.pages(late) <= measure.pages(early) else early


class _Measure:
    """Each block's height and top space, measured once for the arrangements tried."""

    def __init__(self, width: float, frame_height: float) -> None:
        self.width, self.frame_height = width, frame_height
        self._known: dict[int, tuple[float, float]] = {}

    def __call__(self, block: Block) -> tuple[float, float]:
        if id(block) not in self._known:
            self._known[id(block)] = (height(block, self.width, self.frame_height),
                                      top_space(block, self.width, self.frame_height))
        return self._known[id(block)]

    def place(self, block: Block, room: float) -> tuple[float, int]:
        """The room left on the page after the block, and how many pages it began: a page
        where it does not fit, and one for each page it runs over (as the frame does, which
        drops the space before a page's first block)."""
        need, top = self(block)
        begun = 0
        if need > room and room < self.frame_height:
            room, begun = self.frame_height, 1
        if room == self.frame_height:
            need -= top
        if need <= room:
            return room - need, begun
        return self.frame_height - need % self.frame_height, begun + int(need // self.frame_height)

    def pages(self, blocks: list[Block]) -> int:
        count, room = 1, self.frame_height
        for block in blocks:
            room, begun = self.place(block, room)
            count += begun
        return count


def _arranged(blocks: list[Block], measure: _Measure, *, small_gaps: bool) -> list[Block]:
    frame_height = measure.frame_height
    fixed = [b for b in blocks if not b.floating]
    waiting = [b for b in blocks if b.floating]
    out: list[Block] = []
    room = frame_height
    for index, block in enumerate(fixed):
        if measure(block)[0] > room and room < frame_height:  # a page ends here: fill its gap first
            held_back: set[str] = set()  # a chain stops at its first block that does not fit
            late = not small_gaps and room <= frame_height / 4  # a chain waits for the end
            first_of_chain = None
            for other in [w for w in waiting if w.after <= index]:
                other_need = measure(other)[0]
                if other_need <= room and other.chain not in held_back and not (late and other.chain):
                    if other.chain and first_of_chain is None:
                        first_of_chain = len(out)
                    out.append(other)
                    waiting.remove(other)
                    room -= other_need
                elif other.chain:
                    held_back.add(other.chain)
            if first_of_chain is not None and room > FOOT_SLACK:
                # a chain in a gap goes to the page's foot, as a footnote: read between the log and
                # the first card, reviewers took the references for part of what to do
                out.insert(first_of_chain, Block([Spacer(1, room - FOOT_SLACK)]))
            room = frame_height
        out.append(block)
        room = measure.place(block, room)[0]
    return out + waiting


def height(block: Block, width: float, frame_height: float) -> float:
    """How much of a frame the block takes, as the frame will measure it."""
    total = 0.0
    for flowable in block.flowables:
        parts = flowable._content if isinstance(flowable, KeepTogether) else [flowable]
        total += sum(term for p in parts for term in _terms(p, width, frame_height))
    return total


def _terms(part: Flowable, width: float, frame_height: float) -> tuple[float, ...]:
    """A flowable's height and spaces; a drawn block's, each of the flowables it was made of
    (added up one by one, to the same sum to the last bit)."""
    if isinstance(part, DrawnBlock):
        return part.made.terms
    return (part.wrap(width, frame_height)[1] + part.getSpaceBefore() + part.getSpaceAfter(),)


def top_space(block: Block, width: float, frame_height: float) -> float:
    """The space before the block's first visible flowable: a frame drops it at a page's top
    (an invisible one, such as a bookmark, leaves the frame at its top)."""
    for flowable in block.flowables:
        for part in flowable._content if isinstance(flowable, KeepTogether) else [flowable]:
            if part.wrap(width, frame_height)[1] > 0:
                return part.getSpaceBefore()
    return 0.0
