"""Where the signature block is printed on the last page of a PDF, and where
the signer's signature and the organisation's seal go in it (Decree
30/2020/NĐ-CP, Appendix I, Part II): pure functions, in points from the
bottom left corner of the page."""

import io
import re
import unicodedata
from collections import namedtuple

# one printed line: its text, its horizontal extent, its baseline, its size
TextLine = namedtuple("TextLine", "text x0 x1 y size")
# the room between the title lines and the name, and the column's centre
SignatureBlock = namedtuple("SignatureBlock", "top bottom centre page_width")
# where an image is drawn
Box = namedtuple("Box", "x y width height")

# glyphs above and below the baseline, as a share of the font size
ASCENT = 0.8
DESCENT = 0.25
# an average glyph's width, where only a line's start is known
GLYPH_WIDTH = 0.5
# lines whose baselines are this close (points) are one line
SAME_LINE = 1.5
# the signature at most 6 cm wide; the seal about 3.6 cm (Decree 30, Appendix
# I: a seal overlaps a third of the signature, on its left)
SIGNATURE_MAX_WIDTH = 170
SIGNATURE_SHARE = 0.85
SEAL_MAX_SIZE = 102
SEAL_SHARE = 1.3
SEAL_OVERLAP = 1 / 3


def normalised(text):
    """``text`` as compared: composed Unicode, upper case, single spaces."""
    text = unicodedata.normalize("NFC", text or "")
    return re.sub(r"\s+", " ", text).strip().upper()


def _page_point(cm, tm):
    """The origin of the text matrix ``tm`` on the page, through ``cm``."""
    x, y = tm[4], tm[5]
    return (cm[0] * x + cm[2] * y + cm[4], cm[1] * x + cm[3] * y + cm[5])


def _continues(line, text, x, y, size):
    """Whether a fragment of ``text`` reported at (x, y) is more of ``line``:
    on its baseline, not in another column further right or left."""
    if abs(line["y"] - y) > SAME_LINE:
        return False
    reach = max(2 * size, len(text) * size * 2 * GLYPH_WIDTH)
    return line["x0"] - size <= x <= line["end"] + reach


def page_lines(content, page_index=-1):
    """(page width, [TextLine]) of a page of the PDF ``content`` (the last
    by default), the lines from the top of the page down."""
    from odoo.tools.pdf import PdfFileReader

    page = PdfFileReader(io.BytesIO(content), strict=False).pages[page_index]
    fragments = []

    def visit(text, cm, tm, _font, size):
        # PyPDF2 2.x reports a line's start with its "\n", and its text
        # with the position after it; later versions with its start
        text = (text or "").split("\n")[-1]
        x, y = _page_point(cm, tm)
        scale = abs(cm[3] * tm[3]) or abs(cm[0] * tm[0]) or 1
        fragments.append((text, x, y, (size or 0) * scale))

    page.extract_text(visitor_text=visit)
    lines = []
    for text, x, y, size in fragments:
        line = next(
            (line for line in reversed(lines) if _continues(line, text, x, y, size)),
            None,
        )
        if line is None:
            line = {"y": y, "texts": [], "x0": x, "x1": x, "end": x, "size": size}
            lines.append(line)
        if text.strip():
            line["texts"].append(text)
        line["x0"], line["x1"] = min(line["x0"], x), max(line["x1"], x)
        line["end"] = max(line["end"], x + len(text) * size * GLYPH_WIDTH)
        line["size"] = max(line["size"], size)
    result = []
    for line in lines:
        text = " ".join(" ".join(line["texts"]).split())
        if not text:
            continue
        x0, x1, size = line["x0"], line["x1"], line["size"]
        if x1 - x0 < size:
            x1 = x0 + len(text) * size * GLYPH_WIDTH
        result.append(TextLine(text, x0, x1, line["y"], size))
    result.sort(key=lambda line: -line.y)
    return float(page.mediabox.width), result


def find_signature_block(lines, page_width, titles, name, position=None):
    """The SignatureBlock between the last of the ``titles`` lines (the
    authority and the title, as printed) and the ``name`` below it (or the
    ``position`` above the name), on ``lines`` (from ``page_lines``); None
    where they are not found one above the other."""
    wanted = [normalised(title) for title in titles if normalised(title)]
    name = normalised(name)
    if not wanted or not name:
        return None
    for index in range(len(lines) - 1, -1, -1):
        title = lines[index]
        if normalised(title.text) != wanted[-1]:
            continue
        below = lines[index + 1 :]
        signer = next((line for line in below if normalised(line.text) == name), None)
        if signer is None:
            continue
        lowest = signer
        if normalised(position):
            lowest = next(
                (
                    line
                    for line in below
                    if normalised(line.text) == normalised(position)
                    and line.y > signer.y
                ),
                signer,
            )
        top = title.y - DESCENT * title.size
        bottom = lowest.y + ASCENT * lowest.size
        if bottom >= top:
            return None
        centre = (title.x0 + title.x1 + signer.x0 + signer.x1) / 4
        return SignatureBlock(top, bottom, centre, page_width)
    return None


def image_boxes(block, signature_size, seal_size=None):
    """(signature Box, seal Box or None) in ``block`` for images of
    ``signature_size`` and ``seal_size`` (width, height in pixels): the
    signature centred in the room, the seal on its left over a third of it."""
    room = block.top - block.bottom
    width, height = signature_size
    sig_height = room * SIGNATURE_SHARE
    sig_width = sig_height * width / height
    if sig_width > SIGNATURE_MAX_WIDTH:
        sig_width = SIGNATURE_MAX_WIDTH
        sig_height = sig_width * height / width
    middle = (block.top + block.bottom) / 2
    signature = Box(
        block.centre - sig_width / 2, middle - sig_height / 2, sig_width, sig_height
    )
    if not seal_size:
        return signature, None
    width, height = seal_size
    seal_height = min(room * SEAL_SHARE, SEAL_MAX_SIZE)
    seal_width = seal_height * width / height
    if seal_width > SEAL_MAX_SIZE:
        seal_width = SEAL_MAX_SIZE
        seal_height = seal_width * height / width
    right = signature.x + signature.width * SEAL_OVERLAP
    seal = Box(
        max(right - seal_width, 0), middle - seal_height / 2, seal_width, seal_height
    )
    return signature, seal
