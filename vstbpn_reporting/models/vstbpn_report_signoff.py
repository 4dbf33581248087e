from markupsafe import Markup

from odoo import api, fields, models

from odoo.addons.vstbpn_committee.tools import vn_today

REPORT_TYPE = "vstbpn_committee.document_type_report"
PRINTED_REPORT = "vstbpn_reporting.vstbpn_report_document_report"


class VstbpnReport(models.Model):
    """Reports submitted only once signed, where the committee asks for it
    (``vstbpn.signoff.mixin``). The signed report is registered as an
    outgoing document of the committee (BÁO CÁO): numbered in its series,
    listed with its documents sent, its printed copy issued (and digitally
    signed where the committee has a certificate) to the addressees outside
    the tree; the committee above receives it through the review cycle."""

    _name = "vstbpn.report"
    _inherit = ["vstbpn.signoff.mixin", "vstbpn.report"]

    register_document_id = fields.Many2one(
        "vstbpn.document",
        string="Registered As",
        readonly=True,
        copy=False,
        index="btree_not_null",
        help="The outgoing document the signed report was registered and issued as.",
    )

    @api.model
    def _vstbpn_protected_fields(self):
        return super()._vstbpn_protected_fields() | {"register_document_id"}

    def _vstbpn_signoff_document_type(self):
        return self.env.ref(REPORT_TYPE)

    def _vstbpn_check_signable(self):
        self._check_quality()
        self._vstbpn_check_submittable()

    def _vstbpn_take_signed_step(self):
        self.action_submit()
        self._vstbpn_register_as_document()

    def _vstbpn_register_as_document(self):
        """The signed report as an outgoing document, numbered and issued."""
        self.ensure_one()
        printed = self.with_context(lang=self._vstbpn_document_lang())
        signature = self._vstbpn_signed_signature()
        document = (
            self.env["vstbpn.document"]
            .with_context(mail_create_nolog=True)
            .create(
                {
                    "committee_id": self.committee_id.id,
                    "document_type_id": self.env.ref(REPORT_TYPE).id,
                    "date": vn_today(self.env),
                    "subject": printed._vstbpn_document_title_subject(),
                    "body": Markup("<p>%s</p>")
                    % printed.env._(
                        "The report of %(unit)s for %(period)s, as signed: its "
                        "full text is the issued copy.",
                        unit=self.committee_id.name,
                        period=self.period_id.name,
                    ),
                    "addressee_partner_ids": [
                        fields.Command.set(self._vstbpn_addressee_partners().ids)
                    ],
                    "addressee_text": "\n".join(printed._vstbpn_document_addressees()),
                    "distribution": "\n".join(printed._vstbpn_document_recipients()),
                    "signer_authority": signature["authority"] or False,
                    "signer_authority_body": signature["body"] or False,
                    "signer_title": signature["title"] or False,
                    "signer_position": signature["position"] or False,
                    "signer_name": signature["name"],
                }
            )
        )
        # what ties the document to the report and to this approval is the
        # system's: the document's own step, as the signer
        document._vstbpn_trusted_write(
            {"report_id": self.id, "signoff_id": self.signoff_id.id}
        )
        self._vstbpn_trusted_write(
            {"register_document_id": document.id, "document_number": False}
        )
        document._vstbpn_issue()
        self._vstbpn_trusted_write({"document_number": document.document_reference})
        return document


class VstbpnDocument(models.Model):
    """A report registered as an outgoing document prints as the report."""

    _inherit = "vstbpn.document"

    report_id = fields.Many2one(
        "vstbpn.report", string="Report", readonly=True, index="btree_not_null"
    )

    @api.model
    def _vstbpn_protected_fields(self):
        return super()._vstbpn_protected_fields() | {"report_id"}

    def _vstbpn_issued_copy_source(self):
        if self.report_id:
            return PRINTED_REPORT, self.report_id
        return super()._vstbpn_issued_copy_source()
