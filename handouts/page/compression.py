"""Compressing each distinct PDF stream once per process.

In a batch (one programme for many patients) most streams are the same bytes from one
handout to the next: every page but the patient's first one, and the embedded font
subsets. ReportLab writes plain ASCII text with the same codes in every document, so
with names in plain letters the later pages do not change at all (a name with other
letters moves the codes of the other letters first used after it, such as the bullet
and the footer's dot, and then fewer streams repeat). zlib gives the
same output for the same input, so each compressed stream is kept in a small bounded
cache, found by a SHA-256 digest of its bytes, and reused: the same PDF, for about a
tenth less time per handout.
"""

from __future__ import annotations

import hashlib
import zlib
from collections import OrderedDict

# A handout writes a stream per page and two per font subset (the font and its ToUnicode
# map). Streams are found by a digest of their bytes, so only the compressed ones are
# kept, about 10 KB each: 32 hold two or three handouts' worth, in a third of a MB.
STREAMS_MAX = 32

_streams: OrderedDict[bytes, bytes] = OrderedDict()  # sha-256 of the stream -> compressed, least recently used first


def install() -> None:
    """Make ReportLab's Flate filter use the cache; harmless to call again."""
    from reportlab.pdfbase import pdfdoc

    # ReportLab compresses every stream (pages, fonts) through this one filter object
    # and offers no other hook; its `encode` is replaced on the instance, with the same
    # result for every input.
    pdfdoc.PDFZCompress.encode = _encode


def _encode(data: str | bytes) -> bytes:
    if isinstance(data, str):
        data = data.encode("utf8")  # as ReportLab's own filter does
    key = hashlib.sha256(data).digest()
    compressed = _streams.pop(key, None)
    if compressed is None:
        compressed = zlib.compress(data)
        if len(_streams) >= STREAMS_MAX:
            _streams.popitem(last=False)
    _streams[key] = compressed
    return compressed


def clear() -> None:
    """Forget every compressed stream (for tests)."""
    _streams.clear()
