import logging
import re

from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.osv import expression
from odoo.tools import format_date, is_html_empty

from ...core.models.vstbpn_request_mixin import REQUEST_MODES
from ...tools import vn_today, window_action

_logger = logging.getLogger(__name__)

DOCUMENT_STATES = [
    ("draft", "Draft"),
    ("issued", "Issued"),
    ("cancelled", "Cancelled"),
]
REPORT = "vstbpn_committee.vstbpn_document_report"
# Markup has no place in a one-line text: scripts and styles go with their
# content, other tags alone.
MARKUP = re.compile(r"<(script|style)\b.*?</\1\s*>|<[^>]*>", re.IGNORECASE | re.DOTALL)
PLAIN_TEXT_FIELDS = ("subject",)


class VstbpnDocument(models.Model):
    """An outgoing official document of a committee: a plan, a guidance, an
    official letter (công văn)...

    Drafted, then issued: issuing gives it the next number of the committee's
    series, freezes it, and sends it to the addressed committees (those chosen
    and, where asked, every unit below), whose officers are asked to read and
    carry it out (``vstbpn.document.recipient``) and acknowledge it. An issued
    document can only be cancelled, with a reason; it keeps its number.
    Printed in the layout of Decree 30/2020/NĐ-CP.
    """

    _name = "vstbpn.document"
    _description = "Official Document"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "vstbpn.committee.owned.mixin",
        "vstbpn.locked.workflow.mixin",
        "vstbpn.numbered.document.mixin",
        "vstbpn.request.mixin",
        "vstbpn.reason.mixin",
    ]
    _order = "date desc, id desc"
    _vstbpn_reason_actions = {"action_cancel": {"access": "write"}}
    _rec_names_search = ["document_reference", "subject"]
    _vstbpn_derived_fields = (
        "state",
        "document_symbol",
        "issued_user_id",
        "issued_file_id",
        "cancel_reason",
        "cancelled_user_id",
    )
    _vstbpn_max_lengths = {"subject": 500, "archive_note": 100}
    # a committee sends its documents to the committees below it
    _vstbpn_link_scopes = {"addressee_committee_ids": "below"}
    _vstbpn_request_mode_field = "addressee_mode"
    _vstbpn_request_level_field = "units_below_level_id"
    _vstbpn_request_target_field = "addressee_committee_ids"
    _vstbpn_request_child_model = "vstbpn.document.recipient"
    _vstbpn_request_child_field = "document_id"
    _vstbpn_request_child_context = {
        "tracking_disable": True,
        "mail_create_nolog": True,
        "mail_create_nosubscribe": True,
        "mail_notrack": True,
    }

    committee_id = fields.Many2one(default=lambda self: self._default_committee())
    document_type_id = fields.Many2one(
        required=True, default=lambda self: self._default_document_type()
    )
    date = fields.Date(
        required=True,
        default=lambda self: vn_today(self.env),
        tracking=True,
        help="The date printed on the document, the day it is signed; its number "
        "belongs to the series of that year.",
    )
    subject = fields.Char(
        required=True,
        tracking=True,
        help="What the document is about: the 'V/v ...' line of an official letter "
        "(without 'V/v'), or the summary under the title of a plan, a report...",
    )
    is_titled = fields.Boolean(related="document_type_id.is_titled")
    addressee_committee_ids = fields.Many2many(
        "vstbpn.committee",
        "vstbpn_document_addressee_committee_rel",
        "document_id",
        "committee_id",
        string="Addressed Committees",
        help="Committees below the issuer that receive the document and are asked "
        "to read and carry it out: those chosen by hand, besides the units below "
        "the choice above names.",
    )
    addressee_mode = fields.Selection(
        REQUEST_MODES,
        string="Sent To",
        compute="_compute_addressee_mode",
        store=True,
        readonly=False,
        precompute=True,
        tracking=True,
        help="The units below that receive it, as they are when it is issued; "
        "the committees chosen by hand receive it too.",
    )
    to_all_units_below = fields.Boolean(
        string="To All Units Below",
        tracking=True,
        help="Sent to every committee below the issuer (of the level chosen "
        "beside, if any): kept from the choice of 'Sent To', which record "
        "rules read.",
    )
    units_below_level_id = fields.Many2one(
        "vstbpn.committee.level",
        string="Only Units of Level",
        help="Only the units below of this level, e.g. the districts but not the "
        "sector committees.",
    )
    addressee_partner_ids = fields.Many2many(
        "res.partner",
        "vstbpn_document_addressee_partner_rel",
        "document_id",
        "partner_id",
        string="Other Addressees",
        help="Agencies outside the committee tree (the standing body, the Women's "
        "Union...): printed after 'Kính gửi', not sent through the system.",
    )
    addressee_text = fields.Text(
        string="Addressees as Printed",
        compute="_compute_addressee_text",
        store=True,
        readonly=False,
        help="The lines after 'Kính gửi:', one addressee per line, built from the "
        "choices above for an official letter; edit their wording and order as "
        "they must be printed.",
    )
    body = fields.Html(
        sanitize_style=True,
        help="The text of the document. Number its sections (1., 2., a), b)...) "
        "as they must be printed.",
    )
    distribution = fields.Text(
        help="The lines of 'Nơi nhận', one recipient per line, e.g. 'Như trên'; "
        "the archive line closes the list.",
    )
    archive_note = fields.Char(
        string="Archive Line",
        default="VT",
        help="What follows 'Lưu:' at the end of 'Nơi nhận': the clerical office "
        "(VT), then the drafting unit and the number of copies, e.g. 'VT, K20'.",
    )
    deadline = fields.Date(
        string="Carry Out By",
        tracking=True,
        help="Optional: the date by which the addressed committees must have read "
        "and carried it out. They are reminded before it; the issuer is told "
        "when it passes.",
    )
    attachment_ids = fields.Many2many(
        "ir.attachment",
        "vstbpn_document_attachment_rel",
        "document_id",
        "attachment_id",
        string="Attachments",
        help="Annexes sent with the document.",
    )
    state = fields.Selection(
        DOCUMENT_STATES,
        string="Status",
        default="draft",
        required=True,
        readonly=True,
        tracking=True,
        copy=False,
        index=True,
        group_expand="_expand_states",
    )
    issued_user_id = fields.Many2one(
        "res.users", string="Issued By", readonly=True, copy=False
    )
    issued_file_id = fields.Many2one(
        "ir.attachment", string="Issued Copy", readonly=True, copy=False
    )
    cancel_reason = fields.Text(
        string="Reason for Cancellation", readonly=True, copy=False, tracking=True
    )
    cancelled_user_id = fields.Many2one(
        "res.users", string="Cancelled By", readonly=True, copy=False
    )
    recipient_ids = fields.One2many(
        "vstbpn.document.recipient", "document_id", string="Acknowledgements"
    )
    recipient_count = fields.Integer(
        string="Addressed", compute="_compute_acknowledgement_counts"
    )
    acknowledged_count = fields.Integer(
        string="Acknowledged", compute="_compute_acknowledgement_counts"
    )
    can_acknowledge = fields.Boolean(
        string="To Acknowledge",
        compute="_compute_can_acknowledge",
        search="_search_can_acknowledge",
    )
    is_received = fields.Boolean(
        string="Received",
        compute="_compute_is_received",
        search="_search_is_received",
        help="Sent to a committee the user works for, or to every unit below a "
        "committee above it.",
    )

    # DEFAULTS AND COMPUTES

    @api.model
    def _default_committee(self):
        """The committee the user works for, where there is just one."""
        assigned = self.env.user.vstbpn_committee_ids
        return assigned if len(assigned) == 1 else assigned.browse()

    @api.model
    def _default_document_type(self):
        return self.env.ref(
            "vstbpn_committee.document_type_letter", raise_if_not_found=False
        )

    @api.model
    def _expand_states(self, states, domain):
        return [key for key, _label in DOCUMENT_STATES]

    @api.depends("document_reference", "subject", "state")
    def _compute_display_name(self):
        for document in self:
            reference = document.document_reference or self.env._("Draft")
            document.display_name = f"{reference}: {document.subject or ''}"

    @api.depends("to_all_units_below", "units_below_level_id")
    def _compute_addressee_mode(self):
        # documents written before the choice existed say it with the flag
        for document in self:
            if document.to_all_units_below:
                level = document.units_below_level_id
                document.addressee_mode = "level" if level else "all"
            elif document.addressee_mode not in ("next", "manual"):
                document.addressee_mode = "manual"

    @api.depends(
        "document_type_id",
        "addressee_partner_ids",
        "addressee_committee_ids",
        "addressee_mode",
    )
    def _compute_addressee_text(self):
        for document in self:
            # titled documents (plans, reports) usually go by their distribution
            # list alone: their "Kính gửi" lines are typed where wanted
            if document.state != "draft" or document.document_type_id.is_titled:
                document.addressee_text = document.addressee_text
                continue
            printed = document.with_context(lang=document._vstbpn_document_lang())
            lines = document.addressee_partner_ids.mapped("name")
            lines += document.addressee_committee_ids.sudo().mapped("name")
            if document.addressee_mode != "manual":
                lines.append(
                    printed.env._(
                        "Committees for the Advancement of Women of the units below"
                    )
                )
            document.addressee_text = "\n".join(lines)

    def _compute_acknowledgement_counts(self):
        groups = self.env["vstbpn.document.recipient"]._read_group(
            [("document_id", "in", self.ids)],
            ["document_id", "is_acknowledged"],
            ["__count"],
        )
        counts = {}
        for document, acknowledged, count in groups:
            total, done = counts.get(document, (0, 0))
            counts[document] = (total + count, done + (count if acknowledged else 0))
        for document in self:
            document.recipient_count, document.acknowledged_count = counts.get(
                document, (0, 0)
            )

    @api.depends_context("uid")
    @api.depends("recipient_ids.date_acknowledged")
    def _compute_can_acknowledge(self):
        for document in self:
            document.can_acknowledge = bool(document._vstbpn_my_pending_recipients())

    def _search_can_acknowledge(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(
                self.env._("Unsupported search on documents to acknowledge.")
            )
        own = self.env.user.vstbpn_allowed_committee_ids
        domain = [
            ("state", "=", "issued"),
            (
                "recipient_ids",
                "any",
                [("is_acknowledged", "=", False), ("committee_id", "in", own.ids)],
            ),
        ]
        if (operator == "=") == value:
            return domain
        return ["!", *expression.normalize_domain(domain)]

    @api.depends_context("uid")
    def _compute_is_received(self):
        received = self.search(
            [("id", "in", self.ids), *self._search_is_received("=", True)]
        )
        for document in self:
            document.is_received = document in received

    def _search_is_received(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(self.env._("Unsupported search on the received flag."))
        own = self.env.user.vstbpn_allowed_committee_ids
        domain = [
            ("state", "!=", "draft"),
            "|",
            ("recipient_ids.committee_id", "in", own.ids),
            "&",
            "&",
            "&",
            ("to_all_units_below", "=", True),
            ("committee_id", "parent_of", own.ids),
            ("committee_id", "not in", own.ids),
            "|",
            ("units_below_level_id", "=", False),
            ("units_below_level_id", "in", own.level_id.ids),
        ]
        if (operator == "=") == value:
            return domain
        return ["!", *expression.normalize_domain(domain)]

    # CONSTRAINTS

    @api.constrains("date", "deadline")
    def _check_deadline_after_date(self):
        for document in self:
            if document.deadline and document.deadline < document.date:
                raise ValidationError(
                    self.env._(
                        "%(document)s: the date to carry it out by (%(deadline)s) "
                        "is before the document's own date (%(date)s).",
                        document=document.display_name,
                        deadline=format_date(self.env, document.deadline),
                        date=format_date(self.env, document.date),
                    )
                )

    # CRUD

    @api.model_create_multi
    def create(self, vals_list):
        return super().create(
            [
                self._vstbpn_with_flag(self._vstbpn_plain_text(vals))
                for vals in vals_list
            ]
        )

    def write(self, vals):
        return super().write(self._vstbpn_with_flag(self._vstbpn_plain_text(vals)))

    @api.model
    def _vstbpn_with_flag(self, vals):
        """The flag "to all units below" follows the choice of the units sent
        to: the record rules of the units below read it."""
        mode = vals.get("addressee_mode")
        if not mode or "to_all_units_below" in vals:
            return vals
        vals = dict(vals, to_all_units_below=mode in ("all", "level"))
        if mode != "level":
            vals["units_below_level_id"] = False
        return vals

    @api.model
    def _vstbpn_plain_text(self, vals):
        """One-line texts lose any markup: they are printed as they are read."""
        cleaned = dict(vals)
        for name in PLAIN_TEXT_FIELDS:
            if isinstance(cleaned.get(name), str):
                cleaned[name] = " ".join(MARKUP.sub(" ", cleaned[name]).split())
        return cleaned

    def _vstbpn_locked_advice(self):
        return self.env._(
            "It keeps its number: to correct it, replace it with a new document "
            "(Replace), which cancels it once issued."
        )

    # ACTIONS

    def action_issue(self):
        """Number the documents and send them to the addressed committees."""
        return self._vstbpn_issue()

    def _vstbpn_issue(self):
        """Issue, as ``action_issue``; the records of the committees' work
        that are issued as documents (``vstbpn.document.source.mixin``) call
        it under their own workflow, which has checked who signs them."""
        self._vstbpn_check_officer_rights()
        for document in self:
            document._vstbpn_check_issuable()
        # numbers last, once nothing else can refuse: a number given is never
        # given back; each document is issued before the next one is numbered,
        # so that a number typed twice in the same batch is refused too
        for document in self.sorted(lambda d: (d.date, d.id)):
            document._vstbpn_assign_numbers()
            document._vstbpn_trusted_write(
                {"state": "issued", "issued_user_id": self.env.uid}
            )
        recipients = self._vstbpn_request_fan_out()
        recipients._vstbpn_schedule_todo()
        recipients_of = recipients.grouped("document_id")
        for document in self:
            document._vstbpn_send_to_addressees(
                recipients_of.get(document, recipients.browse())
            )
        return True

    def action_cancel(self, reason):
        """Cancel issued documents; they keep their number, which is not given
        again, and the addressed committees are told why."""
        self._vstbpn_required_reason(
            reason,
            self.env._(
                "Say why the document is cancelled: the committees it was sent "
                "to are told."
            ),
        )
        self._vstbpn_check_officer_rights()
        for document in self:
            if document.state != "issued":
                raise UserError(
                    self.env._(
                        "%(document)s is not issued: only an issued document can be "
                        "cancelled. A draft can simply be deleted.",
                        document=document.display_name,
                    )
                )
        self._vstbpn_trusted_write(
            {
                "state": "cancelled",
                "cancel_reason": reason.strip(),
                "cancelled_user_id": self.env.uid,
            }
        )
        pending = self.sudo().recipient_ids.filtered(lambda r: not r.date_acknowledged)
        pending.activity_ids.unlink()
        for document in self:
            document._vstbpn_notify_addressees(
                self.env._(
                    "%(document)s has been cancelled: %(reason)s",
                    document=document.display_name,
                    reason=reason.strip(),
                ),
                document.sudo().recipient_ids,
            )
        return True

    @api.model
    def _vstbpn_reason_explanation(self, action_name):
        if action_name == "action_cancel":
            return self.env._(
                "The document keeps its number, which is not given again. The "
                "committees it was sent to are told why it is cancelled."
            )
        return super()._vstbpn_reason_explanation(action_name)

    def action_open_cancel_wizard(self):
        self.ensure_one()
        return self._vstbpn_open_reason_wizard(
            "action_cancel", self.env._("Cancel the Document")
        )

    def action_acknowledge(self):
        """Acknowledge the documents for the user's own addressed committees."""
        recipients = self.env["vstbpn.document.recipient"]
        for document in self:
            recipients |= document._vstbpn_my_pending_recipients()
        if not recipients:
            raise UserError(
                self.env._(
                    "None of your committees has anything to acknowledge in "
                    "%(document)s: it was not sent to them, or they have already "
                    "acknowledged it.",
                    document=self[:1].display_name,
                )
            )
        return recipients.action_acknowledge()

    def action_open_recipients(self):
        self.ensure_one()
        return window_action(
            self.env,
            "vstbpn_committee.vstbpn_document_recipient_action",
            [("document_id", "=", self.id)],
        )

    # ISSUING

    def _vstbpn_check_officer_rights(self):
        if not self.env.user.has_group("vstbpn_committee.group_officer"):
            raise AccessError(
                self.env._(
                    "Only officers issue and cancel documents. Ask an officer of the "
                    "committee."
                )
            )
        self.check_access("write")
        self.committee_id.check_access("write")

    def _vstbpn_check_issuable(self, signed_off=False):
        """Raise, listing what to fix, unless the draft can be issued;
        ``signed_off``: it is being submitted for signature, whose approval
        will write the signer."""
        self.ensure_one()
        problems = []
        if self.state != "draft":
            problems.append(self.env._("it has already been issued"))
        # where the committee signs off, the signer comes from the approval
        signer_from_approval = signed_off or self.signoff_required
        if not (self.signer_name or "").strip() and not signer_from_approval:
            problems.append(
                self.env._("it has no signer: fill in who signs it (name and title)")
            )
        if not self._vstbpn_has_addressees():
            problems.append(
                self.env._(
                    "it has no addressee: choose the committees it is sent to, "
                    "every unit below, or other addressees"
                )
            )
        if is_html_empty(self.body):
            problems.append(self.env._("its text is empty"))
        if self.addressee_mode != "manual" and not self._vstbpn_request_units_below():
            problems.append(
                self.env._(
                    "it is sent to the units below, but %(committee)s has none "
                    "of that choice",
                    committee=self.committee_id.name,
                )
            )
        if problems:
            listed = "\n".join("- " + problem for problem in problems)
            raise UserError(
                self.env._(
                    "%(document)s cannot be issued, and nothing was changed:"
                    "\n%(problems)s",
                    document=self.display_name,
                    problems=listed,
                )
            )
        self._check_vstbpn_request_targets()
        self._vstbpn_check_numberable()

    def _vstbpn_has_addressees(self):
        return bool(
            self.addressee_committee_ids
            or self.addressee_mode != "manual"
            or self.addressee_partner_ids
            or self._vstbpn_document_addressees()
        )

    def _vstbpn_request_targets(self):
        """The units below of the choice, as they are now, and those chosen
        by hand."""
        return self._vstbpn_request_units_below() | self.addressee_committee_ids.sudo()

    def _vstbpn_send_to_addressees(self, recipients):
        """The issued copy in the chatter, sent to the addressees' officers."""
        self.ensure_one()
        copy = self._vstbpn_keep_issued_copy()
        if self.deadline:
            text = self.env._(
                "%(document)s has been issued to %(count)s committees, to read and "
                "carry out by %(deadline)s.",
                document=self.display_name,
                count=len(recipients),
                deadline=format_date(self.env, self.deadline),
            )
        else:
            text = self.env._(
                "%(document)s has been issued to %(count)s committees, to read and "
                "carry out.",
                document=self.display_name,
                count=len(recipients),
            )
        self._vstbpn_notify_addressees(
            text, recipients, attachments=copy | self.attachment_ids
        )

    def _vstbpn_notify_addressees(self, text, recipients, attachments=None):
        """A message on the document to the officers of ``recipients``."""
        users = self.env["res.users"].union(
            *recipients._vstbpn_responsible_users().values()
        )
        author = self.env.user.partner_id
        if not author.email:
            author = self.env.ref("base.partner_root")
        self.sudo().message_post(
            body=Markup("<p>%s</p>") % text,
            author_id=author.id,
            partner_ids=users.partner_id.ids,
            attachment_ids=(attachments or self.env["ir.attachment"]).ids,
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
        )

    def _vstbpn_keep_issued_copy(self):
        """Print the issued copy and keep it as the document's file."""
        copy = self._vstbpn_render_issued_copy()
        self._vstbpn_trusted_write({"issued_file_id": copy.id})
        return copy

    def _vstbpn_render_issued_copy(self):
        """The printed document as issued, kept as an attachment: a PDF, or its
        HTML where no PDF can be made (tests; no wkhtmltopdf installed)."""
        self.ensure_one()
        Report = self.env["ir.actions.report"]
        report, printed = self._vstbpn_issued_copy_source()
        if Report.get_wkhtmltopdf_state() == "install":
            _logger.info("No wkhtmltopdf: %s is kept as HTML", self.display_name)
            content, kind = Report._render_qweb_html(report, printed.ids)
        else:
            content, kind = Report._render_qweb_pdf(report, printed.ids)
        name = (self.document_reference or "").replace("/", "-")
        return (
            self.env["ir.attachment"]
            .sudo()
            .create(
                {
                    "name": f"{name}.{kind}",
                    "raw": content,
                    "mimetype": "application/pdf" if kind == "pdf" else "text/html",
                    "res_model": self._name,
                    "res_id": self.id,
                }
            )
        )

    def _vstbpn_issued_copy_source(self):
        """The printed report that is the issued copy, and what it prints:
        the document itself, unless it registers another record (a report)."""
        return REPORT, self

    def _vstbpn_my_pending_recipients(self):
        """The addressed committees of this document that the user acknowledges
        for and that have not yet acknowledged it."""
        self.ensure_one()
        if self.state != "issued":
            return self.env["vstbpn.document.recipient"]
        pending = self.recipient_ids.filtered(lambda r: not r.date_acknowledged)
        if self.env.user in self.committee_id.sudo()._get_officers():
            # the issuer's officers only acknowledge for their own committees;
            # no need to look for the officers of every unit below
            own = self.env.user.vstbpn_allowed_committee_ids
            pending = pending.filtered(lambda r: r.committee_id in own)
        return pending._vstbpn_acknowledgeable()

    # PRINTING (Decree 30/2020/NĐ-CP)

    def _vstbpn_document_parent_body(self):
        return self.committee_id.sudo().organization_partner_id.name

    def _vstbpn_document_issuer(self):
        return self.committee_id.sudo().name

    def _vstbpn_document_place(self):
        return self.committee_id.sudo()._vstbpn_document_place_name()

    def _vstbpn_document_date(self):
        return self.date

    def _vstbpn_document_subject_line(self):
        return "" if self.is_titled else self.subject

    def _vstbpn_document_title(self):
        return self.document_type_id.name if self.is_titled else ""

    def _vstbpn_document_title_subject(self):
        return self.subject if self.is_titled else ""

    def _vstbpn_document_addressees(self):
        return self._vstbpn_lines(self.addressee_text, " -;.")

    def _vstbpn_document_recipients(self):
        return self._vstbpn_lines(self.distribution, " -;")

    def _vstbpn_document_archive(self):
        return (self.archive_note or "VT").strip(" .")

    @staticmethod
    def _vstbpn_lines(text, strip):
        lines = (text or "").splitlines()
        return [line.strip(strip) for line in lines if line.strip(strip)]
