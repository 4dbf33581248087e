from odoo import models

from ...tools import vn_today


class VstbpnTaskFulfilmentMixin(models.AbstractModel):
    """A record that fulfils a task a document assigned: a report submitted,
    an Action Month plan approved, a guidance issued, a decision applied, a
    training held, an inspection concluded, a work plan approved.

    When the record reaches its state, the model calls
    ``_vstbpn_fulfil_tasks()``: the open follow-up lines of its kind
    (``_vstbpn_task_kind``) for its unit, of documents dated on or before it,
    and matching ``_vstbpn_task_line_domain()`` (the period named, the
    campaign named), are done, linked to the record.
    """

    _name = "vstbpn.task.fulfilment.mixin"
    _description = "Fulfils Assigned Tasks"

    _vstbpn_task_kind = ""

    def _vstbpn_task_committee(self):
        """The unit whose line the record fulfils."""
        return self.committee_id

    def _vstbpn_task_date(self):
        """The day the record fulfilled its task: its own date of that step
        (approved, submitted, concluded...), today while it has none."""
        return vn_today(self.env)

    def _vstbpn_task_line_domain(self):
        """More conditions on the lines the record fulfils."""
        return []

    def _vstbpn_fulfils_tasks(self):
        """Whether the record, as it stands, fulfils tasks of its kind."""
        return bool(self._vstbpn_task_kind)

    def _vstbpn_fulfilled_lines(self):
        self.ensure_one()
        committee = self._vstbpn_task_committee()
        if not committee or not self._vstbpn_fulfils_tasks():
            return self.env["vstbpn.document.task.line"]
        return (
            self.env["vstbpn.document.task.line"]
            .sudo()
            .search(
                [
                    ("state", "=", "open"),
                    ("kind", "=", self._vstbpn_task_kind),
                    ("committee_id", "=", committee.id),
                    ("document_id.date", "<=", self._vstbpn_task_date()),
                    *self._vstbpn_task_line_domain(),
                ]
            )
        )

    def _vstbpn_fulfil_tasks(self):
        """Close the open lines these records fulfil; the record's workflow
        has checked the user. Returns the lines closed.

        Called again once a record's date is entered after the fact (a plan
        approved on paper in 2017), the lines it closed follow that date."""
        closed = self.env["vstbpn.document.task.line"].sudo()
        for record in self:
            record._vstbpn_fulfilment_lines()._vstbpn_follow_record_date(record)
            lines = record._vstbpn_fulfilled_lines()
            lines._vstbpn_close_by_record(record)
            closed |= lines
        return closed

    def _vstbpn_fulfilment_lines(self):
        """The lines this record has closed."""
        self.ensure_one()
        return (
            self.env["vstbpn.document.task.line"]
            .sudo()
            .search([("fulfilment_ref", "=", f"{self._name},{self.id}")])
        )
