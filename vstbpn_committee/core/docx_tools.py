"""Text out to Word and back (issue 19 §4), shared by every record that offices
edit in Word before signature (documents, reports, work plans).

``html_to_docx`` writes a DOCX of paragraphs, lists and tables in Times New
Roman 14 as Decree 30 sets; ``printed_to_docx`` writes the page of a printed
official document (the suite's QWeb layout) the same way, its header and
footer tables without borders. ``docx_to_html`` reads a DOCX back: paragraphs,
bold, italic, underline and tables, for the field's sanitizer to clean.
``split_by_headings`` cuts that HTML into the parts that sit under given
headings, so that a record takes back only its free text."""

import io
import re
import zipfile
from xml.sax.saxutils import escape

from lxml import etree
from lxml import html as lxml_html
from markupsafe import Markup

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
DOCX_MIMETYPE = (
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
)
BLOCKS = ("p", "div", "h1", "h2", "h3", "h4", "li", "blockquote")
MARKS = {"b": "b", "strong": "b", "i": "i", "em": "i", "u": "u"}
# the width of the text on A4 within Decree 30's margins, in twips
TEXT_WIDTH = 11906 - 1701 - 1134
# a Word file of a few pages; a larger one is not a draft's text
MAX_DOCX_BYTES = 10 * 1024 * 1024

# The official layout's classes (core/report/vstbpn_official_document_layout.xml)
# as Word formats: what its style sheet makes bold, italic or centred.
CLASS_MARKS = {
    "o_vstbpn_issuer": {"b"},
    "o_vstbpn_nation": {"b"},
    "o_vstbpn_motto": {"b"},
    "o_vstbpn_title": {"b"},
    "o_vstbpn_title_subject": {"b"},
    "o_vstbpn_signature": {"b"},
    "o_vstbpn_place_date": {"i"},
    "o_vstbpn_recipients_title": {"b", "i"},
}
CENTRED_CLASSES = {
    "o_vstbpn_issuer_col",
    "o_vstbpn_motto_col",
    "o_vstbpn_title",
    "o_vstbpn_title_subject",
    "o_vstbpn_signature",
}
# tables that lay the page out rather than hold figures: no borders
LAYOUT_CLASSES = {"o_vstbpn_header", "o_vstbpn_footer", "o_vstbpn_addressees"}
# the footer of the official layout ("Nơi nhận:", the law's words)
FOOTER_TEXT = "Nơi nhận"
# "1.", "I.", "a)" before a heading: the officer may renumber in Word
NUMBERING = re.compile(r"^\s*(?:\d+|[IVXLC]+|[a-zđ])?\s*[.)]\s*")

CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" '
    'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/'
    'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    '<Override PartName="/word/styles.xml" ContentType="application/'
    'vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>'
    "</Types>"
)
PACKAGE_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
    'relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.'
    'org/officeDocument/2006/relationships/officeDocument" '
    'Target="word/document.xml"/></Relationships>'
)
DOCUMENT_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
    'relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.'
    'org/officeDocument/2006/relationships/styles" Target="styles.xml"/>'
    "</Relationships>"
)
# Times New Roman 14, justified, first line indented 1.27 cm (720 twips)
STYLES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    f'<w:styles xmlns:w="{W}"><w:docDefaults><w:rPrDefault><w:rPr>'
    '<w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" '
    'w:cs="Times New Roman" w:eastAsia="Times New Roman"/>'
    '<w:sz w:val="28"/><w:szCs w:val="28"/><w:lang w:val="vi-VN"/></w:rPr>'
    "</w:rPrDefault><w:pPrDefault><w:pPr>"
    '<w:spacing w:after="120"/><w:jc w:val="both"/><w:ind w:firstLine="720"/>'
    "</w:pPr></w:pPrDefault></w:docDefaults></w:styles>"
)


class MissingHeadings(ValueError):
    """The DOCX lacks some of the headings asked for (``args[0]``)."""


def html_to_docx(title, html):
    """A DOCX of ``title`` (bold, centred) and the HTML ``html``."""
    body = [_paragraph([(title, {"b"})], centred=True)] if title else []
    root = lxml_html.fragment_fromstring(html or "<p></p>", create_parent="div")
    return _package(body + _blocks(root))


def printed_to_docx(html):
    """A DOCX of the page of a printed official document (the HTML of its
    QWeb report): header, title, body and footer as the PDF shows them."""
    root = lxml_html.document_fromstring(html)
    for element in root.xpath("//style|//script"):
        element.drop_tree()
    pages = root.xpath("//div[contains(concat(' ', @class, ' '), ' page ')]")
    return _package([part for page in pages for part in _blocks(page)])


def _package(body):
    document = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f'<w:document xmlns:w="{W}"><w:body>{"".join(body)}'
        '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" '
        'w:right="1134" w:bottom="1134" w:left="1701" w:header="0" w:footer="0" '
        'w:gutter="0"/></w:sectPr></w:body></w:document>'
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("[Content_Types].xml", CONTENT_TYPES)
        package.writestr("_rels/.rels", PACKAGE_RELS)
        package.writestr("word/_rels/document.xml.rels", DOCUMENT_RELS)
        package.writestr("word/styles.xml", STYLES)
        package.writestr("word/document.xml", document)
    return out.getvalue()


def _classes(element):
    return set((element.get("class") or "").split())


def _blocks(element, centred=False):
    """The Word paragraphs and tables of an HTML element's blocks."""
    centred = centred or bool(_classes(element) & CENTRED_CLASSES)
    parts = []
    loose = _runs_of_text(element.text)
    for child in element:
        tag = child.tag if isinstance(child.tag, str) else ""
        if tag == "table":
            parts += _flush(loose, centred) + [_table(child)]
            loose = []
        elif tag in ("ul", "ol"):
            parts += _flush(loose, centred)
            loose = []
            for number, item in enumerate(child.findall("li"), start=1):
                mark = f"{number}. " if tag == "ol" else "- "
                parts.append(_paragraph([(mark, set())] + _runs(item)))
        elif tag in BLOCKS and child.xpath(".//p|.//div|.//table|.//ul|.//ol"):
            parts += _flush(loose, centred) + _blocks(child, centred)
            loose = []
        elif tag in BLOCKS:
            parts += _flush(loose, centred)
            loose = []
            parts.append(
                _paragraph(
                    _runs(child),
                    centred=centred or bool(_classes(child) & CENTRED_CLASSES),
                    heading=tag.startswith("h"),
                )
            )
        elif tag == "br":
            parts += _flush(loose, centred)
            loose = []
        else:
            loose += _runs(child)
        loose += _runs_of_text(child.tail)
    return parts + _flush(loose, centred)


def _flush(runs, centred=False):
    if any(text.strip() for text, _marks in runs):
        return [_paragraph(runs, centred=centred)]
    return []


def _runs_of_text(text, marks=frozenset()):
    return [(text, set(marks))] if text else []


def _runs(element, marks=frozenset()):
    """(text, marks) of an inline element and what it holds."""
    tag = element.tag if isinstance(element.tag, str) else ""
    marks = set(marks) | ({MARKS[tag]} if tag in MARKS else set())
    for name in _classes(element) & CLASS_MARKS.keys():
        marks |= CLASS_MARKS[name]
    runs = _runs_of_text(element.text, marks)
    for child in element:
        runs += _runs(child, marks)
        runs += _runs_of_text(child.tail, marks)
    return runs


def _paragraph(runs, centred=False, heading=False):
    properties = '<w:jc w:val="center"/><w:ind w:firstLine="0"/>' if centred else ""
    if heading:
        runs = [(text, marks | {"b"}) for text, marks in runs]
    # an indented template's line breaks are no spaces of the text's edges
    texts = [re.sub(r"\s+", " ", text) for text, _marks in runs]
    if texts:
        texts[0] = texts[0].lstrip()
        texts[-1] = texts[-1].rstrip()
    return (
        f"<w:p><w:pPr>{properties}</w:pPr>"
        + "".join(
            _run(text, marks)
            for text, (_text, marks) in zip(texts, runs, strict=True)
            if text
        )
        + "</w:p>"
    )


def _run(text, marks):
    properties = "".join(
        f"<w:{mark}/>" if mark != "u" else '<w:u w:val="single"/>'
        for mark in sorted(marks)
    )
    return (
        f'<w:r><w:rPr>{properties}</w:rPr><w:t xml:space="preserve">'
        f"{escape(text)}</w:t></w:r>"
    )


def _table(table):
    layout = bool(_classes(table) & LAYOUT_CLASSES) or bool(
        table.xpath(
            "ancestor::*[contains(concat(' ', @class, ' '), ' o_vstbpn_addressees ')]"
        )
    )
    borders = (
        ""
        if layout
        else "<w:tcBorders>"
        + "".join(
            f'<w:{side} w:val="single" w:sz="4"/>'
            for side in ("top", "left", "bottom", "right")
        )
        + "</w:tcBorders>"
    )
    rows = []
    for row in table.iter("tr"):
        cells = [
            f"<w:tc><w:tcPr>{borders}</w:tcPr>"
            # a Word cell holds at least one paragraph
            + ("".join(_blocks(cell)) or _paragraph([]))
            + "</w:tc>"
            for cell in row
            if isinstance(cell.tag, str) and cell.tag in ("td", "th")
        ]
        rows.append("<w:tr>" + "".join(cells) + "</w:tr>")
    # Word needs the grid of columns; they share the text's width
    columns = max((row.count("<w:tc>") for row in rows), default=1) or 1
    grid = "".join(
        f'<w:gridCol w:w="{TEXT_WIDTH // columns}"/>' for _column in range(columns)
    )
    return (
        '<w:tbl><w:tblPr><w:tblW w:w="5000" w:type="pct"/></w:tblPr>'
        f"<w:tblGrid>{grid}</w:tblGrid>" + "".join(rows) + "</w:tbl>"
    )


def docx_to_html(content):
    """The HTML of a DOCX's paragraphs and tables; raises ValueError when the
    content is not a Word document."""
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as package:
            # a small file may unpack to gigabytes: read no more than a text
            if package.getinfo("word/document.xml").file_size > 5 * MAX_DOCX_BYTES:
                raise ValueError("too large once unpacked")
            xml = package.read("word/document.xml")
    except (zipfile.BadZipFile, KeyError) as error:
        raise ValueError("not a DOCX") from error
    root = etree.fromstring(xml, parser=etree.XMLParser(resolve_entities=False))
    body = root.find(f"{{{W}}}body")
    if body is None:
        raise ValueError("no body")
    parts = []
    for element in body:
        if element.tag == f"{{{W}}}p":
            parts.append(_html_paragraph(element))
        elif element.tag == f"{{{W}}}tbl":
            parts.append(_html_table(element))
    return Markup("").join(part for part in parts if part)


def _html_paragraph(paragraph):
    runs = []
    for run in paragraph.iter(f"{{{W}}}r"):
        text = "".join(node.text or "" for node in run.iter(f"{{{W}}}t"))
        if not text:
            continue
        piece = Markup("%s") % text
        properties = run.find(f"{{{W}}}rPr")
        for mark, tag in (("u", "u"), ("i", "em"), ("b", "strong")):
            on = (
                properties is not None and properties.find(f"{{{W}}}{mark}") is not None
            )
            if on and properties.find(f"{{{W}}}{mark}").get(f"{{{W}}}val") not in (
                "0",
                "false",
                "none",
            ):
                piece = Markup(f"<{tag}>%s</{tag}>") % piece
        runs.append(piece)
    return Markup("<p>%s</p>") % Markup("").join(runs) if runs else ""


def _html_table(table):
    rows = []
    for row in table.iter(f"{{{W}}}tr"):
        cells = [
            Markup("<td>%s</td>")
            % Markup("").join(_html_paragraph(p) for p in cell.iter(f"{{{W}}}p"))
            for cell in row.iter(f"{{{W}}}tc")
        ]
        rows.append(Markup("<tr>%s</tr>") % Markup("").join(cells))
    return Markup("<table><tbody>%s</tbody></table>") % Markup("").join(rows)


def heading_key(text):
    """A heading as compared: without its numbering, spaces or case."""
    return " ".join(NUMBERING.sub("", text or "").split()).rstrip(":").casefold()


def split_by_headings(html, headings, is_stop):
    """``{key: html}``: what ``html`` (as ``docx_to_html`` reads it) holds
    under each heading of ``headings`` (``{key: heading text}``), up to the
    next of them or to the first block whose text ``is_stop(text)`` accepts
    (the headings of the parts that are not read back). What comes before
    the first heading (the document's header) is left out. Raises
    ``MissingHeadings`` with the heading texts the HTML lacks."""
    root = lxml_html.fragment_fromstring(html or "<p></p>", create_parent="div")
    keys = {heading_key(text): key for key, text in headings.items()}
    parts, current = {}, None
    for element in root:
        text = " ".join(element.text_content().split())
        if heading_key(text) in keys:
            current = keys[heading_key(text)]
            parts.setdefault(current, [])
        elif is_stop(text):
            current = None
        elif current is not None:
            parts[current].append(element)
    missing = [text for key, text in headings.items() if key not in parts]
    if missing:
        raise MissingHeadings(missing)
    return {
        key: Markup("").join(
            Markup(etree.tostring(element, encoding="unicode", method="html"))
            for element in elements
        )
        for key, elements in parts.items()
    }
