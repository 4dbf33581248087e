"""Since 18.0.1.3.0 NS-01 (women among People's Council deputies), NS-03 (sex
ratio at birth) and NS-10 (plans mainstreaming gender equality) consolidate
as ratios, Σ numerators / Σ denominators, no longer as the average of the
units' ratios (issue 17). Their data records are ``noupdate``: the upgrade
creates the six new numerator and denominator indicators, this script turns
the three into ratios of them.

What was reported stays as it was:

- every figure already stored is kept: the reports' own and consolidated
  NS-01/03/10 values, their ``result_*``, submitted and accepted reports, and
  every report of a closed period are left untouched (a rule is read only when
  a report is consolidated, never to recompute a stored figure);
- templates that ask for one of the three get its numerator and denominator
  lines right before it (pre-ratios.py), so that the next period opens with
  them;
- draft reports of open periods get the two new lines, empty, so that the unit
  fills the counts before it submits (submitting refuses a ratio without its
  denominator). A consolidated draft keeps its figures until it is
  consolidated again; from then on its ratio is Σ numerators / Σ denominators
  of the units below that reported the counts.

An indicator of the database's own that is still a share consolidated by
average or sum is logged, not changed: only its owner knows its numerator and
denominator; the next change of its rule must choose the ratio.
"""

import logging

from odoo import SUPERUSER_ID, api

_logger = logging.getLogger(__name__)

# ratio: (numerator, denominator, ratio factor), by xml id
RATIOS = {
    "indicator_ns_council_women": (
        "indicator_ns_council_women_deputies",
        "indicator_ns_council_deputies",
        100.0,
    ),
    "indicator_ns_srb": (
        "indicator_ns_births_boys",
        "indicator_ns_births_girls",
        100.0,
    ),
    "indicator_ns_gender_plan_rate": (
        "indicator_ns_gender_plans",
        "indicator_ns_plans",
        100.0,
    ),
}
# rules that averaged or added up the units' shares before this version
SHARE_RULES_BEFORE = ("avg", "sum")


def migrate(cr, version):
    env = api.Environment(cr, SUPERUSER_ID, {})
    ratios = _ratios_to_convert(env)
    if ratios:
        _add_operand_lines_to_open_drafts(env, _templates_asking_for(env, ratios))
        _make_ratios(ratios)
    _log_shares_left_averaged(env)


def _ratios_to_convert(env):
    """{ratio indicator: (numerator, denominator, factor)} of the shipped
    shares still averaged; an administrator's own choice of rule is kept."""
    ratios = {}
    for ratio_xmlid, (numerator, denominator, factor) in RATIOS.items():
        ratio = _ref(env, ratio_xmlid)
        operands = _ref(env, numerator) | _ref(env, denominator)
        if (
            ratio
            and len(operands) == 2
            and (ratio.consolidation_rule in SHARE_RULES_BEFORE)
        ):
            ratios[ratio] = (_ref(env, numerator), _ref(env, denominator), factor)
    return ratios


def _ref(env, xmlid):
    return (
        env.ref(f"vstbpn_reporting.{xmlid}", raise_if_not_found=False)
        or env["vstbpn.indicator"].browse()
    )


def _templates_asking_for(env, ratios):
    """The templates (archived ones too) that ask for one of the ratios:
    pre-ratios.py gave them the numerator and denominator lines."""
    return (
        env["vstbpn.report.template.line"]
        .with_context(active_test=False)
        .search([("indicator_id", "in", [ratio.id for ratio in ratios])])
        .template_id
    )


def _add_operand_lines_to_open_drafts(env, templates):
    """The new lines on the drafts of open periods only: a submitted or
    accepted report, or one of a closed period, keeps the lines it was sent
    with."""
    drafts = env["vstbpn.report"].search(
        [
            ("template_id", "in", templates.ids),
            ("period_id.state", "=", "open"),
            ("state", "=", "draft"),
        ]
    )
    env["vstbpn.report.value"]._create_for_reports(drafts)
    _logger.info(
        "Ratios: numerator and denominator lines added to %s draft reports",
        len(drafts),
    )


def _make_ratios(ratios):
    for ratio, (numerator, denominator, factor) in ratios.items():
        ratio.write(
            {
                "numerator_id": numerator.id,
                "denominator_id": denominator.id,
                "ratio_factor": factor,
                "consolidation_rule": "ratio",
            }
        )
        _logger.info("Ratios: %s consolidates as a ratio", ratio.code)


def _log_shares_left_averaged(env):
    shares = (
        env["vstbpn.indicator"]
        .with_context(active_test=False)
        .search([("consolidation_rule", "in", list(SHARE_RULES_BEFORE))])
        .filtered(lambda indicator: indicator._is_share())
    )
    if shares:
        _logger.warning(
            "Ratios: these shares are still averaged or added up; choose the "
            "ratio rule with their numerator and denominator: %s",
            ", ".join(shares.mapped("code")),
        )
