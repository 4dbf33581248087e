from odoo import api, fields, models
from odoo.exceptions import ValidationError

from odoo.addons.vstbpn_committee.core.models.vstbpn_numbered_document_mixin import (
    BLANK_NUMBER,
)
from odoo.addons.vstbpn_committee.tools import vn_today


class VstbpnReportDocumentMixin(models.AbstractModel):
    """A report of a committee to the committee above, printed in the layout of
    Decree 30/2020/NĐ-CP: issued by the committee, addressed to the committee
    above (through its standing body), signed by the head.

    Hook: ``_vstbpn_document_addressed_committee()``, the committee above.
    The model has a ``document_number`` field: the number as the clerical
    office gives it, printed as is."""

    _name = "vstbpn.report.document.mixin"
    _inherit = ["vstbpn.official.document.mixin"]
    _description = "Report to the Committee Above"

    def _vstbpn_document_addressed_committee(self):
        return self.committee_id.parent_id

    def _vstbpn_document_parent_body(self):
        return self.committee_id.organization_partner_id.name

    def _vstbpn_document_issuer(self):
        return self.committee_id.name

    def _vstbpn_document_place(self):
        return self.committee_id._vstbpn_document_place_name()

    def _vstbpn_document_title(self):
        return self.env._("Report")

    def _vstbpn_document_number(self):
        if self.document_number:
            return self.document_number
        # room for the number the clerical office writes in by hand
        report_type = self.env.ref("vstbpn_committee.document_type_report")
        return f"{BLANK_NUMBER}/{report_type._vstbpn_symbol(self.committee_id)}"

    def _vstbpn_document_addressees(self):
        above = self._vstbpn_document_addressed_committee()
        if not above:
            return []
        if above.standing_body_partner_id:
            return [
                self.env._(
                    "%(committee)s (through %(standing_body)s)",
                    committee=above.name,
                    standing_body=above.standing_body_partner_id.name,
                )
            ]
        return [above.name]

    def _vstbpn_document_recipients(self):
        return [self.env._("As above"), self.env._("Members of the committee")]

    def _vstbpn_document_signature(self):
        return {
            "title": self.env._("Head").upper(),
            "name": self.committee_id.head_partner_id.name or "",
        }


class VstbpnReport(models.Model):
    """The printed report, in the official layout of Decree 30/2020/NĐ-CP."""

    _name = "vstbpn.report"
    _inherit = ["vstbpn.report", "vstbpn.report.document.mixin"]

    document_number = fields.Char(
        string="Document Number",
        tracking=True,
        help="As the clerical office numbers it, e.g. '25/BC-BVSTBPN'. Left empty, "
        "the printed report leaves the number blank after the committee's symbol.",
    )

    send_to_committee_above = fields.Boolean(
        string="To the Committee Above",
        default=True,
        tracking=True,
        help="Addressed to the committee above, through its standing body.",
    )
    send_to_people_committee = fields.Boolean(
        string="To the People's Committee",
        tracking=True,
        help="Also addressed to the People's Committee (or the agency) the "
        "committee belongs to, as recorded on the committee: the report advises "
        "it, as §1 of a directive such as 56/BVSTBPN asks.",
    )
    send_to_standing_body = fields.Boolean(
        string="To the Standing Body",
        tracking=True,
        help="Also addressed to the committee's own standing body.",
    )

    @api.constrains(
        "send_to_committee_above", "send_to_people_committee", "send_to_standing_body"
    )
    def _check_addressees(self):
        for report in self:
            committee = report.committee_id.sudo()
            if not (
                report.send_to_committee_above or report._vstbpn_addressee_partners()
            ):
                raise ValidationError(
                    self.env._(
                        "The report of %(committee)s is addressed to no one: choose "
                        "the committee above, the People's Committee or the "
                        "standing body.",
                        committee=committee.name,
                    )
                )
            for chosen, partner, what in (
                (
                    report.send_to_people_committee,
                    committee.organization_partner_id,
                    self.env._("the People's Committee (Organisation)"),
                ),
                (
                    report.send_to_standing_body,
                    committee.standing_body_partner_id,
                    self.env._("the standing body"),
                ),
            ):
                if chosen and not partner:
                    raise ValidationError(
                        self.env._(
                            "%(committee)s has no record of %(what)s: record it on "
                            "the committee before addressing the report to it.",
                            committee=committee.name,
                            what=what,
                        )
                    )

    def _vstbpn_addressee_partners(self):
        """The addressees outside the committee tree, as chosen."""
        committee = self.committee_id.sudo()
        partners = self.env["res.partner"]
        if self.send_to_people_committee:
            partners |= committee.organization_partner_id
        if self.send_to_standing_body:
            partners |= committee.standing_body_partner_id
        return partners

    def _vstbpn_document_addressees(self):
        above = (
            super()._vstbpn_document_addressees()
            if self.send_to_committee_above
            else []
        )
        return self._vstbpn_addressee_partners().mapped("name") + above

    def _vstbpn_document_date(self):
        return self.date_submitted or vn_today(self.env)

    def _vstbpn_document_title_subject(self):
        return self.period_id.name

    def _vstbpn_print_values(self):
        """The rows of the printed indicator table, figures formatted in Vietnamese.

        Text indicators are printed as paragraphs after it (``_vstbpn_print_texts``):
        gathered texts are too long for a table cell.
        """
        Rows = self.env["vstbpn.report.rows"]
        return [
            {"value": row.value, **Rows._get_printed_cells(row)}
            for row in Rows._get_rows(self)
            if row.layout != "text"
        ]

    def _vstbpn_print_texts(self):
        return [
            row.value
            for row in self.env["vstbpn.report.rows"]._get_rows(self)
            if row.layout == "text" and row.value.result_text
        ]
