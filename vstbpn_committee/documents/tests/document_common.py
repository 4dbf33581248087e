from lxml import html as lxml_html

from ...tests.common import VstbpnCommitteeCase

# Elements whose text is one printed line, unless they hold such elements.
BLOCK_TAGS = {"p", "div", "li", "td", "tr", "table", "ol", "ul", "h1", "h2", "h3"}


def printed_lines(html):
    """The text lines of a printed document, in reading order: one per
    paragraph or block that holds no other block, whitespace collapsed;
    styles and scripts left out."""
    root = lxml_html.fromstring(html)
    lines = []
    for article in root.xpath('//div[contains(concat(" ", @class, " "), " article ")]'):
        for element in article.xpath(".//style|.//script"):
            element.drop_tree()
        _collect_lines(article, lines)
    return lines


def _collect_lines(element, lines):
    blocks = [child for child in element if child.tag in BLOCK_TAGS]
    if blocks:
        for child in blocks:
            _collect_lines(child, lines)
        return
    text = " ".join(element.text_content().split())
    if text:
        lines.append(text)


class VstbpnDocumentCase(VstbpnCommitteeCase):
    """The committees of ``VstbpnCommitteeCase`` with their document symbols,
    and a draft letter of the province to district A, ready to be issued."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Document = cls.env["vstbpn.document"]
        cls.Recipient = cls.env["vstbpn.document.recipient"]
        cls.Counter = cls.env["vstbpn.document.counter"]
        (cls.province | cls.district_a | cls.district_b).write(
            {"document_symbol": "BVSTBPN"}
        )
        cls.province.document_place = "Tỉnh P"
        cls.type_letter = cls.env.ref("vstbpn_committee.document_type_letter")
        cls.type_plan = cls.env.ref("vstbpn_committee.document_type_plan")
        cls.type_report = cls.env.ref("vstbpn_committee.document_type_report")
        cls.report = cls.env["ir.actions.report"]

    def _document(self, user=None, **values):
        vals = {
            "committee_id": self.province.id,
            "document_type_id": self.type_letter.id,
            "date": "2026-03-02",
            "subject": "triển khai công tác năm 2026",
            "addressee_committee_ids": [(6, 0, self.district_a.ids)],
            "body": "<p><strong>1. Nhiệm vụ</strong></p><p>- Thực hiện.</p>",
            "signer_title": "Trưởng ban",
            "signer_name": "Nguyễn Văn A",
        }
        vals.update(values)
        # None leaves the field to its default
        vals = {name: value for name, value in vals.items() if value is not None}
        Document = self.Document.with_user(user) if user else self.Document
        return Document.create(vals)

    def _issued(self, user=None, **values):
        document = self._document(user=user, **values)
        document.action_issue()
        return document

    def _render(self, document, user=None):
        report = self.report.with_user(user) if user else self.report
        html, _kind = report._render_qweb_html(
            "vstbpn_committee.vstbpn_document_report", document.ids
        )
        return html.decode()
