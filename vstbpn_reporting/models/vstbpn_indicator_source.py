from collections import defaultdict

from odoo import api, models
from odoo.exceptions import UserError


class VstbpnIndicator(models.Model):
    """Indicators whose figures come on their own: from the staff of the
    committee's HR departments, counted by sex, or from the participants in
    the trainings it records in its calendar (the sources of
    ``vstbpn.figure.source``)."""

    _inherit = "vstbpn.indicator"

    def _get_hr_figures(self, committees, period):
        """{committee id: (female, male, total)} of the staff this HR indicator
        counts in the committees' departments and their sub-departments.

        Staff without a recorded sex cannot be split, so the total stays
        female + male as every sex-disaggregated figure must.
        """
        self.ensure_one()
        committees = committees.sudo()
        if not committees.hr_department_ids:
            return {}
        female, male = self._sum_staff_by_committee(
            committees, self._count_staff(committees, period)
        )
        return {
            id_: (female[id_], male[id_], female[id_] + male[id_]) for id_ in female
        }

    def _count_staff(self, committees, period):
        """[(department, gender, count)] of the staff this indicator counts in
        the committees' departments, in post at the end of the period: one
        grouped read."""
        domain = [("department_id", "child_of", committees.hr_department_ids.ids)]
        domain += self._in_post_domain(period.date_to)
        domain += getattr(self, f"_source_domain_{self.source}")(period)
        return (
            self.env["hr.employee"]
            .sudo()
            ._read_group(domain, ["department_id", "gender"], ["__count"])
        )

    @api.model
    def _in_post_domain(self, day):
        """The employees in post on ``day``, as far as Odoo's HR tells: those
        who leave after it, archived or not, and those still active with no
        departure date. Whoever left on or before it is not counted, nor an
        archived employee without a departure date (gone, no one knows
        when). HR keeps no date of joining nor any history of department,
        job or sex: those are today's (the report keeps a snapshot of them,
        ``vstbpn_report_hr_snapshot.py``)."""
        return [
            "|",
            ("departure_date", ">", day),
            "&",
            ("active", "=", True),
            ("departure_date", "=", False),
        ]

    @api.model
    def _sum_staff_by_committee(self, committees, counts):
        """({committee id: women}, {committee id: men}) of the ``counts`` by
        department: each department's go to the committees whose departments
        contain it, those linked to the department or to one of its
        ancestors, read from its parent path (a walk up the tree, not a scan
        of every committee)."""
        owners = self._get_department_owners(committees)
        female = dict.fromkeys(committees.ids, 0)
        male = dict.fromkeys(committees.ids, 0)
        for department, gender, count in counts:
            if gender not in ("female", "male"):
                continue
            by_sex = female if gender == "female" else male
            path = department.parent_path.rstrip("/").split("/")
            for committee_id in set().union(*(owners[int(id_)] for id_ in path)):
                by_sex[committee_id] += count
        return female, male

    @api.model
    def _get_department_owners(self, committees):
        """{department id: ids of the committees linked to it}."""
        owners = defaultdict(set)
        for committee in committees:
            for department_id in committee.hr_department_ids.ids:
                owners[department_id].add(committee.id)
        return owners

    def _source_domain_hr_staff(self, period):
        return []

    def _source_domain_hr_leaders(self, period):
        return [("job_id.vstbpn_leadership_level", "!=", False)]

    def _source_domain_hr_succession(self, period):
        return [("vstbpn_succession_pool", "=", True)]

    def _source_domain_hr_trained(self, period):
        return [
            ("vstbpn_date_trained", ">=", period.date_from),
            ("vstbpn_date_trained", "<=", period.date_to),
        ]

    def _source_domain_hr_appointed(self, period):
        return [
            ("vstbpn_date_appointed", ">=", period.date_from),
            ("vstbpn_date_appointed", "<=", period.date_to),
        ]


class VstbpnReport(models.Model):
    """Reports fill the lines of indicators with a source when their period
    opens, and again on request while they are drafts."""

    _inherit = "vstbpn.report"

    def action_fill_automatic_values(self):
        self.check_access("write")
        self._vstbpn_check_editable()
        self._check_hr_departments_linked()
        self._fill_and_check_automatic_values()
        return True

    def _fill_and_check_automatic_values(self):
        """Fill the automatic figures of every family of sources, then check
        the validation rules on the reports filled, as after a save: once,
        after all the families have written."""
        self._fill_automatic_values()._check_rules()

    def _check_hr_departments_linked(self):
        unlinked = self.filtered(
            lambda r: (
                not r.committee_id.sudo().hr_department_ids
                and any(
                    (source or "").startswith("hr_")
                    for source in r.template_id.line_ids.indicator_id.mapped("source")
                )
            )
        )
        if unlinked:
            raise UserError(
                self.env._(
                    "%(committee)s is not linked to any HR department: add its "
                    "departments in the committee's HR Statistics tab, then fill "
                    "again.",
                    committee=unlinked[0].committee_id.name,
                )
            )

    def _fill_automatic_values(self, keys=None):
        """Fill the draft reports' lines from their automatic sources (those
        of ``keys``, all by default: ``vstbpn.figure.source``). Returns the
        reports filled: the caller checks their validation rules, once after
        every source has written (``_fill_and_check_automatic_values``)."""
        return self.env["vstbpn.figure.source"]._fill(self, keys)
