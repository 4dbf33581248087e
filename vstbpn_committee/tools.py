"""Small helpers shared by the VSTBPN addons."""

from lxml import etree

from odoo import fields
from odoo.tools import SQL, file_path
from odoo.tools.convert import xml_import

# The committees' days are Viet Nam's, whatever the server's time zone or the
# user running a job (OdooBot's is Brussels): from 17:00 UTC it is tomorrow.
VN_TZ = "Asia/Ho_Chi_Minh"


def vn_today(env, timestamp=None):
    """Today in Viet Nam, whatever the server's or the user's time zone (or
    the day of ``timestamp``, a UTC datetime, in Viet Nam): what the suite
    stamps on what its users do and what "current" and "overdue" count from,
    so that a record made by one user reads the same day to another."""
    return fields.Date.context_today(
        env["res.users"].with_context(tz=VN_TZ), timestamp=timestamp
    )


def count_by(records, model_name, field_name, domain=None):
    """How many ``model_name`` records point to each of ``records`` through
    ``field_name``, in one grouped query: ``{record: count}``."""
    groups = records.env[model_name]._read_group(
        [(field_name, "in", records.ids)] + (domain or []), [field_name], ["__count"]
    )
    return dict(groups)


def figures_by_committee(model, domain, committee_field, female=None, male=None):
    """``{committee id: (female, male, total)}`` of the records of ``domain``,
    in one grouped read whatever the number of committees: sums of the fields
    ``female`` and ``male`` where the records have them, otherwise a count
    (women and men unknown, 0). The shape of the reporting indicators'
    automatic sources; read as superuser, the caller decides who sees it."""
    records = model.sudo()
    if female and male:
        groups = records._read_group(
            domain, [committee_field], [f"{female}:sum", f"{male}:sum"]
        )
        return {c.id: (f or 0, m or 0, (f or 0) + (m or 0)) for c, f, m in groups}
    groups = records._read_group(domain, [committee_field], ["__count"])
    return {committee.id: (0, 0, count) for committee, count in groups}


def period_domain(field_name, date_from, date_to):
    """The records whose date ``field_name`` falls between the two days,
    both included."""
    return [(field_name, ">=", date_from), (field_name, "<=", date_to)]


def window_action(env, xmlid, domain, context=None):
    """The window action ``xmlid``, narrowed to ``domain``: what smart buttons
    and "open the related records" buttons return."""
    action = env["ir.actions.act_window"]._for_xml_id(xmlid)
    action["domain"] = domain
    action["context"] = context or {}
    return action


# The suite's workbooks are written like its printed documents (Decree 30:
# Times New Roman); Excel's number formats are locale-neutral, so a
# Vietnamese Excel shows 1.234.567,89.
XLSX_FONT = {"font_name": "Times New Roman", "font_size": 12, "valign": "vcenter"}
XLSX_HEADINGS = {
    "title": {"bold": True, "font_size": 14},
    "label": {"bold": True},
    "italic": {"italic": True},
    "header": {
        "bold": True,
        "border": 1,
        "align": "center",
        "text_wrap": True,
        "bg_color": "#D9E1F2",
    },
}


def form_action(record):
    """The window action that opens RECORD in its form view."""
    return {
        "type": "ir.actions.act_window",
        "res_model": record._name,
        "res_id": record.id,
        "view_mode": "form",
        "views": [(False, "form")],
    }


def xlsx_formats(workbook, cells, plain=None):
    """The formats of a workbook of the suite: the shared headings (title,
    label, italic, column header), the table ``cells`` ({name: options},
    bordered) and ``plain`` ones ({name: options}, no border)."""
    specs = {
        **XLSX_HEADINGS,
        **{name: {"border": 1, **options} for name, options in cells.items()},
        **(plain or {}),
    }
    return {
        name: workbook.add_format({**XLSX_FONT, **options})
        for name, options in specs.items()
    }


def sql_array(values, column_type):
    """A large array parameter (``= ANY(...)``, ``unnest(...)``). Numbers go as
    one '{...}' literal: psycopg2 renders a list as ARRAY[...] with one
    expression per element, which for thousands of ids costs more to build and
    to plan than the query itself."""
    if column_type in ("int4", "float8", "numeric", "bool"):
        literal = ",".join("NULL" if value is None else str(value) for value in values)
        return SQL("%s::%s[]", f"{{{literal}}}", SQL(column_type))
    return SQL("%s::%s[]", values, SQL(column_type))


def replay_demo_functions(env, module, filename, names=None):
    """Run the top-level ``<function>`` elements of a demo file of ``module``
    (those named in ``names``, or all), where the module has its demo data.

    Odoo loads demo files as ``noupdate``: an upgrade creates the demo records
    a newer version adds but skips every ``<function>`` of them, so the
    workflow steps of the demo story (issuing a document, opening a period)
    never run and an upgraded demo database would tell a story other than a
    fresh one. A migration of the version that added them calls this."""
    module_record = env["ir.module.module"].search([("name", "=", module)])
    if not module_record.demo:
        return
    path = file_path(f"{module}/{filename}")
    importer = xml_import(env, module, {}, "init", xml_filename=path)
    root = etree.parse(path).getroot()
    for element in root.iterchildren("function"):
        if names is None or element.get("name") in names:
            importer._tag_function(element)
