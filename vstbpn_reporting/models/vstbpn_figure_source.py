from collections import namedtuple

from odoo import api, models

from .vstbpn_report_value_source import AUTOMATIC_FIELDS

# An automatic source of report figures: the values of the indicators'
# ``source`` whose lines it fills, and whether its figures are checked against
# their indicators as typed ones are (figures counted from records the suite
# has validated already need not be).
FigureSource = namedtuple("FigureSource", "indicator_sources checked")
HR_SOURCES = ("hr_staff", "hr_leaders", "hr_succession", "hr_trained", "hr_appointed")


class VstbpnFigureSource(models.AbstractModel):
    """The automatic sources of report figures: a registry the fill loops over.

    Each source is a key of ``_sources()`` and a method
    ``_figures_<key>(reports, lines)``: the figures of ``lines``, the draft
    ``reports``' lines of its indicators, as ``{line id: {figure key:
    figure}}`` (keys of the value model's ``FIGURES``); the lines it leaves
    out are not written. An addon adds a source by extending ``_sources()``
    with its key and defining its method: the search of the lines, the
    access check, the one writer and the checks that follow are the same for
    every source.
    """

    _name = "vstbpn.figure.source"
    _description = "Automatic Source of Report Figures"

    def _sources(self):
        return {
            "hr": FigureSource(HR_SOURCES, checked=True),
            "committee_training": FigureSource(("committee_training",), checked=True),
        }

    # FILL

    @api.model
    def _fill(self, reports, keys=None):
        """Fill the draft ``reports``' lines of the sources ``keys`` (all by
        default) in one write, then check the figures of the sources that ask
        for it, as write() would. Returns the reports filled: the caller checks
        their validation rules once, as after a save."""
        sources = self._sources()
        if keys is not None:
            sources = {key: sources[key] for key in keys}
        # searched, not filtered: reading the state would take one query per
        # 1,000 reports (one per report once their cache is invalidated); the
        # write check on the lines below stays the user's
        drafts = (
            reports.sudo()
            .search([("id", "in", reports.ids), ("state", "=", "draft")])
            .with_env(reports.env)
        )
        lines = self._get_lines_to_fill(drafts, sources)
        figures = {}
        checked = lines.browse()
        for key, source_lines in self._split_by_source(lines, sources).items():
            source_figures = getattr(self, f"_figures_{key}")(drafts, source_lines)
            figures |= source_figures
            if sources[key].checked:
                checked |= lines.browse(list(source_figures))
        filled = lines.browse(list(figures))
        filled.check_access("write")
        changes = filled._get_figure_changes(figures)
        if changes:
            filled.browse(list(changes))._write_own_figures(changes)
        checked.filtered(lambda line: line.id in changes)._check_figures()
        return filled.report_id

    @api.model
    def _get_indicators_filled(self, reports):
        """The ids of the indicators of the new draft ``reports`` whose every
        line a source fills, even where the records hold nothing."""
        indicator_sources = {
            value
            for key, source in self._sources().items()
            if self._fills_every_line(key, reports)
            for value in source.indicator_sources
        }
        indicators = reports.template_id.line_ids.indicator_id
        return indicators.filtered(lambda i: i.source in indicator_sources).ids

    @api.model
    def _fills_every_line(self, key, reports):
        """Whether the source ``key`` gives figures to every line of its
        indicators on the new draft ``reports``: each does, but HR while no
        committee of the reports is linked to a department (``_figures_hr``)."""
        return key != "hr" or bool(reports.committee_id.sudo().hr_department_ids)

    @api.model
    def _get_lines_to_fill(self, drafts, sources):
        indicator_sources = [
            value for source in sources.values() for value in source.indicator_sources
        ]
        # order="id": the model's order (report_id) sorts by the report's own
        # order, which joins reports, periods and committees over every line.
        # What the sources group the lines by, and what the lines hold from
        # their records, come with them in the same query: read later, they
        # would take one query per 1,000 lines.
        return self.env["vstbpn.report.value"].search_fetch(
            [
                ("report_id", "in", drafts.ids),
                ("indicator_id.source", "in", indicator_sources),
            ],
            [
                "indicator_id",
                "report_id",
                "committee_id",
                "period_id",
                *AUTOMATIC_FIELDS,
            ],
            order="id",
        )

    @api.model
    def _split_by_source(self, lines, sources):
        """{source key: its lines}."""
        key_of = {
            value: key
            for key, source in sources.items()
            for value in source.indicator_sources
        }
        return lines.grouped(lambda line: key_of[line.indicator_id.source])

    @api.model
    def _figures_by_committee(self, lines, figures_of):
        """The figures of ``lines`` from ``figures_of(indicator, committees,
        period)``, ``{committee id: (female, male, total)}``, called once per
        indicator and period: a unit missing from it counts zero."""
        figures = {}
        for (indicator, period), group in lines.grouped(
            lambda line: (line.indicator_id, line.report_id.period_id)
        ).items():
            by_committee = figures_of(indicator, group.committee_id, period)
            for line in group:
                female, male, total = by_committee.get(line.committee_id.id, (0, 0, 0))
                figures[line.id] = {"female": female, "male": male, "total": total}
        return figures

    # SOURCES

    @api.model
    def _figures_hr(self, reports, lines):
        """The staff of the committees' HR departments in post at the end of
        the period, by sex; none while no committee of the reports is linked
        to a department (the units type them). The reports whose HR figures
        were frozen at submission keep them (``vstbpn_report_hr_snapshot.py``).
        """
        if not reports.committee_id.sudo().hr_department_ids:
            return {}
        readable = lines.report_id._get_hr_readable()
        readable_ids = set(readable.ids)
        lines = lines.filtered(lambda line: line.report_id.id in readable_ids)
        readable._stamp_hr_figures_date()
        return self._figures_by_committee(
            lines,
            lambda indicator, committees, period: indicator._get_hr_figures(
                committees, period
            ),
        )
