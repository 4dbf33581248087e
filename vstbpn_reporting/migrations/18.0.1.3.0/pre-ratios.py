"""Before the data files of 18.0.1.3.0 load: the six numerator and denominator
indicators of NS-01, NS-03 and NS-10 (issue 17), and their lines on every
template that asks for the ratio, right before it.

They must exist before the data files load: the shipped validation rules that
check a ratio against its counts are created then, and refuse a template that
does not ask for the counts. The templates' data records are ``noupdate``
(and a template's lines have no xml id), so the upgrade would not add the
lines. Plain SQL: the addon's models are not loaded yet. The records get the
xml ids of the data file, which then leaves them as they are; post-ratios.py
turns the three indicators into ratios of them.
"""

from psycopg2.extras import Json

from odoo.tools import SQL

# (xml id, code, English name, group, unit of measure, sequence, the ratio's
# xml id, how many places before the ratio's line it goes on a template)
OPERANDS = [
    (
        "indicator_ns_council_women_deputies",
        "NS-01a",
        "Women among People's Council deputies",
        "national",
        "deputies",
        176,
        "indicator_ns_council_women",
        2,
    ),
    (
        "indicator_ns_council_deputies",
        "NS-01b",
        "People's Council deputies",
        "national",
        "deputies",
        178,
        "indicator_ns_council_women",
        1,
    ),
    (
        "indicator_ns_births_boys",
        "NS-03a",
        "Boys born alive in the period",
        "national",
        "births",
        196,
        "indicator_ns_srb",
        2,
    ),
    (
        "indicator_ns_births_girls",
        "NS-03b",
        "Girls born alive in the period",
        "national",
        "births",
        198,
        "indicator_ns_srb",
        1,
    ),
    (
        "indicator_ns_gender_plans",
        "NS-10a",
        "The unit's plans mainstreaming gender equality",
        "strategy",
        "plans",
        266,
        "indicator_ns_gender_plan_rate",
        2,
    ),
    (
        "indicator_ns_plans",
        "NS-10b",
        "The unit's plans",
        "strategy",
        "plans",
        268,
        "indicator_ns_gender_plan_rate",
        1,
    ),
]
# what create() gives a whole-number indicator (DEFAULT_MAX_VALUE)
MAX_VALUE = 10_000_000


def migrate(cr, version):
    for xmlid, code, name, group, uom, sequence, ratio, offset in OPERANDS:
        _create_indicator(cr, xmlid, code, name, group, uom, sequence)
        _add_template_lines(cr, xmlid, ratio, offset)


def _create_indicator(cr, xmlid, code, name, group, uom, sequence):
    """The indicator under its code, with the data file's xml id; an
    indicator of the database with that code already takes the xml id."""
    values = {
        "sequence": sequence,
        "code": code,
        "name": Json({"en_US": name}),
        "group": group,
        "uom": Json({"en_US": uom}),
        "value_type": "integer",
        "by_sex": False,
        "consolidation_rule": "sum",
        "active": True,
    }
    # a column added by a later release than the database's is created and
    # computed by the upgrade itself
    if _has_column(cr, "vstbpn_indicator", "max_value"):
        values["max_value"] = MAX_VALUE
    cr.execute(
        SQL(
            """
            INSERT INTO vstbpn_indicator (%s,
                create_uid, write_uid, create_date, write_date)
            SELECT %s, 1, 1, now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC'
             WHERE NOT EXISTS (SELECT 1 FROM vstbpn_indicator WHERE code = %s)
            """,
            SQL(", ").join(SQL.identifier(column) for column in values),
            SQL(", ").join(SQL("%s", value) for value in values.values()),
            code,
        )
    )
    _name_indicator(cr, xmlid, code)


def _name_indicator(cr, xmlid, code):
    """The data file's xml id on the indicator of that code, unless taken."""
    cr.execute(
        """
        INSERT INTO ir_model_data (module, name, model, res_id, noupdate)
        SELECT 'vstbpn_reporting', %(xmlid)s, 'vstbpn.indicator', id, TRUE
          FROM vstbpn_indicator
         WHERE code = %(code)s
           AND NOT EXISTS (
                   SELECT 1 FROM ir_model_data
                    WHERE module = 'vstbpn_reporting' AND name = %(xmlid)s)
        """,
        {"xmlid": xmlid, "code": code},
    )


def _has_column(cr, table, column):
    cr.execute(
        "SELECT 1 FROM information_schema.columns"
        " WHERE table_name = %s AND column_name = %s",
        [table, column],
    )
    return bool(cr.fetchone())


def _add_template_lines(cr, xmlid, ratio, offset):
    """On every template asking for the ratio (archived ones and the
    database's own too), the operand ``offset`` places before it."""
    cr.execute(
        """
        INSERT INTO vstbpn_report_template_line (
            template_id, sequence, indicator_id,
            create_uid, write_uid, create_date, write_date)
        SELECT line.template_id, line.sequence - %(offset)s, operand.res_id,
               1, 1, now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC'
          FROM vstbpn_report_template_line line
          JOIN ir_model_data ratio
            ON ratio.module = 'vstbpn_reporting' AND ratio.name = %(ratio)s
           AND ratio.res_id = line.indicator_id
          JOIN ir_model_data operand
            ON operand.module = 'vstbpn_reporting' AND operand.name = %(xmlid)s
         WHERE NOT EXISTS (
                   SELECT 1 FROM vstbpn_report_template_line other
                    WHERE other.template_id = line.template_id
                      AND other.indicator_id = operand.res_id)
        """,
        {"xmlid": xmlid, "ratio": ratio, "offset": offset},
    )
