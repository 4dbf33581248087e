from odoo import api, fields, models
from odoo.tools import SQL


class VstbpnDocumentCounter(models.Model):
    """The last number a committee gave in one of its yearly number series.

    Decree 30/2020/NĐ-CP, Art. 15: numbers run from 01 on 1 January to 31
    December, and a committee issuing under its own name keeps its own
    series: one for every type of document, or one per type where the
    committee works that way (``vstbpn.committee.document_numbering``).
    One row per committee, year and, for per-type series, type. Only the
    numbering writes it, in SQL, with the row locked until the issuing
    transaction ends: two documents issued at once never get the same
    number, and a number once given is never given again.
    """

    _name = "vstbpn.document.counter"
    _description = "Document Number Series"
    _inherit = ["vstbpn.committee.owned.mixin"]
    _order = "year desc, committee_id, document_type_id"
    _rec_names_search = ["committee_id.name"]
    _vstbpn_tie_fields = ("committee_id",)
    _vstbpn_derived_fields = ("year", "document_type_id", "last_number")

    year = fields.Integer(required=True, readonly=True, aggregator=None)
    document_type_id = fields.Many2one(
        "vstbpn.document.type",
        string="Document Type",
        readonly=True,
        ondelete="restrict",
        help="Empty for the committee's single series of every type.",
    )
    last_number = fields.Integer(
        string="Last Number Given", readonly=True, aggregator="max"
    )

    def init(self):
        # a per-type series and the single one differ by their type; NULL is
        # not equal to NULL, hence the COALESCE
        self.env.cr.execute(
            SQL(
                "CREATE UNIQUE INDEX IF NOT EXISTS vstbpn_document_counter_series "
                "ON vstbpn_document_counter "
                "(committee_id, year, COALESCE(document_type_id, 0))"
            )
        )

    @api.depends("committee_id", "year", "document_type_id")
    def _compute_display_name(self):
        for counter in self:
            series = counter.document_type_id.name or self.env._("all types")
            counter.display_name = (
                f"{counter.committee_id.name} {counter.year} ({series})"
            )

    @api.model
    def _vstbpn_lock_series(self, committee, year, document_type):
        """The series' row, created if missing and locked until the end of the
        transaction. A concurrent issue in the same series waits here; under
        Odoo's repeatable-read isolation it then fails with a serialization
        error, and Odoo runs its request again, which sees the number given."""
        type_id = document_type.id or None
        self._vstbpn_insert_series(committee, year, type_id)
        counter = self.browse(
            self._vstbpn_select_series_for_update(committee, year, type_id)
        )
        counter.invalidate_recordset()
        return counter

    @api.model
    def _vstbpn_insert_series(self, committee, year, type_id):
        """The series' row at 0, unless it exists: in SQL, because two issues
        at once must not both create it."""
        now = SQL("(now() at time zone 'UTC')")
        self.env.cr.execute(
            SQL(
                """
                INSERT INTO vstbpn_document_counter
                       (committee_id, company_id, year, document_type_id,
                        last_number, create_uid, write_uid, create_date, write_date)
                VALUES (%(committee)s, %(company)s, %(year)s, %(type)s, 0,
                        %(uid)s, %(uid)s, %(now)s, %(now)s)
                ON CONFLICT (committee_id, year, (COALESCE(document_type_id, 0)))
                DO NOTHING
                """,
                committee=committee.id,
                company=committee.sudo().company_id.id,
                year=year,
                type=type_id,
                uid=self.env.uid,
                now=now,
            )
        )

    @api.model
    def _vstbpn_select_series_for_update(self, committee, year, type_id):
        """The id of the series' row, locked until the end of the transaction."""
        self.env.cr.execute(
            SQL(
                """
                SELECT id FROM vstbpn_document_counter
                 WHERE committee_id = %s AND year = %s
                   AND COALESCE(document_type_id, 0) = %s
                   FOR UPDATE
                """,
                committee.id,
                year,
                type_id or 0,
            )
        )
        return self.env.cr.fetchone()[0]

    def _vstbpn_give_number(self, taken):
        """The next number of this (locked) series that is not in ``taken``
        (numbers typed by hand on documents already issued)."""
        self.ensure_one()
        number = self.sudo().last_number + 1
        while number in taken:
            number += 1
        self.env.cr.execute(
            SQL(
                "UPDATE vstbpn_document_counter SET last_number = %s, write_uid = %s, "
                "write_date = (now() at time zone 'UTC') WHERE id = %s",
                number,
                self.env.uid,
                self.id,
            )
        )
        self.invalidate_recordset()
        return number
