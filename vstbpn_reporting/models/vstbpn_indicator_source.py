from collections import defaultdict

from odoo import models
from odoo.exceptions import UserError
from odoo.osv import expression
from odoo.tools import SQL

from odoo.addons.vstbpn_committee.tools import sql_array

# The own figures a source fills, and the reported figure each one stands
# for while the line is not consolidated.
SOURCE_COLUMNS = {
    "female": "result_female",
    "male": "result_male",
    "total": "result_total",
    "reported": "result_value",
}


class VstbpnIndicator(models.Model):
    """Indicators whose figures come on their own: from the staff of the
    committee's HR departments, counted by sex, or from the participants in
    the trainings it records in its calendar."""

    _inherit = "vstbpn.indicator"

    def _get_source_figures(self, committees, period):
        """{committee id: (female, male, total)} for this indicator's source.

        The employees of all the committees' departments (and sub-departments)
        are counted by department and sex in one grouped read, then each
        department's counts go to the committees whose departments contain it:
        those linked to the department or to one of its ancestors, read from
        its parent path (a walk up the tree, not a scan of every committee).
        """
        self.ensure_one()
        if self.source == "committee_training":
            return self.env["calendar.event"]._vstbpn_training_figures(
                committees, period.date_from, period.date_to
            )
        committees = committees.sudo()
        departments = committees.hr_department_ids
        if not self.source or not departments:
            return {}
        domain = [("department_id", "child_of", departments.ids)]
        domain += getattr(self, f"_source_domain_{self.source}")(period)
        counts = (
            self.env["hr.employee"]
            .sudo()
            ._read_group(domain, ["department_id", "gender"], ["__count"])
        )
        owners = defaultdict(set)  # {department id: ids of the committees linked}
        for committee in committees:
            for department_id in committee.hr_department_ids.ids:
                owners[department_id].add(committee.id)
        female = dict.fromkeys(committees.ids, 0)
        male = dict.fromkeys(committees.ids, 0)
        for department, gender, count in counts:
            if gender not in ("female", "male"):
                continue
            by_sex = female if gender == "female" else male
            path = department.parent_path.rstrip("/").split("/")
            for committee_id in set().union(*(owners[int(id_)] for id_ in path)):
                by_sex[committee_id] += count
        # Staff without a recorded sex cannot be split, so the total stays
        # female + male as every sex-disaggregated figure must.
        return {
            id_: (female[id_], male[id_], female[id_] + male[id_]) for id_ in female
        }

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

    def _fill_automatic_values(self):
        """Fill the draft reports' lines whose source is HR statistics or the
        committee's own trainings: one grouped read per indicator and period,
        one UPDATE for all the lines. Other families of sources (the Action
        Month's) fill their own lines by extending this method and add the
        reports they fill to those returned: the rules are checked on them
        after all the families (``_fill_and_check_automatic_values``)."""
        values = self._get_source_values()
        figures = {}
        for (indicator, period), group in values.grouped(
            lambda v: (v.indicator_id, v.report_id.period_id)
        ).items():
            by_committee = indicator._get_source_figures(group.committee_id, period)
            for value in group:
                figures[value.id] = by_committee.get(value.committee_id.id, (0, 0, 0))
        values._write_source_figures(figures)
        return values.report_id

    def _get_source_values(self):
        drafts = self.filtered(lambda r: r.state == "draft")
        sources = [("indicator_id.source", "=", "committee_training")]
        if drafts.committee_id.sudo().hr_department_ids:
            sources.append(("indicator_id.source", "=like", "hr_%"))
        # order="id": the model's order (report_id) sorts by the report's own
        # order, which joins reports, periods and committees over every line
        return self.env["vstbpn.report.value"].search(
            [("report_id", "in", drafts.ids)] + expression.OR([[s] for s in sources]),
            order="id",
        )


class VstbpnReportValue(models.Model):
    _inherit = "vstbpn.report.value"

    def _write_source_figures(self, figures):
        """Write ``{value id: (female, male, total)}`` on these lines in one
        UPDATE ... FROM unnest(arrays), as the Action Month fills its own.

        The user's right to write the lines is checked first, and the figures
        against their indicators after, as write() would; the reported figures
        of lines that are not consolidated follow the own ones.
        """
        if not self:
            return
        self.check_access("write")
        rows = []
        for value in self:
            female, male, total = figures[value.id]
            reported = value.indicator_id._reported_value(
                total, value.value_number, int(value.value_bool)
            )
            rows.append((female, male, total, reported))
        self.flush_recordset()
        self.env.cr.execute(
            SQL(
                """
                UPDATE vstbpn_report_value AS v
                   SET %(own)s, %(results)s,
                       write_uid = %(uid)s, write_date = %(now)s
                  FROM unnest(%(ids)s, %(arrays)s) AS x(id, %(columns)s)
                 WHERE v.id = x.id
                """,
                own=SQL(", ").join(
                    SQL("%s = x.%s", SQL.identifier(column), SQL.identifier(column))
                    for column in ("female", "male", "total")
                ),
                results=SQL(", ").join(
                    SQL(
                        "%s = CASE WHEN v.is_consolidated THEN v.%s ELSE x.%s END",
                        SQL.identifier(result),
                        SQL.identifier(result),
                        SQL.identifier(column),
                    )
                    for column, result in SOURCE_COLUMNS.items()
                ),
                uid=self.env.uid,
                now=self.env.cr.now(),
                ids=sql_array(self.ids, "int4"),
                arrays=SQL(", ").join(
                    sql_array([row[index] for row in rows], "float8")
                    for index in range(len(SOURCE_COLUMNS))
                ),
                columns=SQL(", ").join(
                    SQL.identifier(column) for column in SOURCE_COLUMNS
                ),
            )
        )
        results = list(SOURCE_COLUMNS.values())
        self.invalidate_recordset(
            ["female", "male", "total", *results, "write_uid", "write_date"]
        )
        # what depends on the reported figures must know, as after a write
        self.modified(results)
        self._check_figures()
