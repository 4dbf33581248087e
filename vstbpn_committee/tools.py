"""Small helpers shared by the VSTBPN addons."""

from odoo.tools import SQL


def count_by(records, model_name, field_name, domain=None):
    """How many ``model_name`` records point to each of ``records`` through
    ``field_name``, in one grouped query: ``{record: count}``."""
    groups = records.env[model_name]._read_group(
        [(field_name, "in", records.ids)] + (domain or []), [field_name], ["__count"]
    )
    return dict(groups)


def window_action(env, xmlid, domain, context=None):
    """The window action ``xmlid``, narrowed to ``domain``: what smart buttons
    and "open the related records" buttons return."""
    action = env["ir.actions.act_window"]._for_xml_id(xmlid)
    action["domain"] = domain
    action["context"] = context or {}
    return action


def sql_array(values, column_type):
    """A large array parameter (``= ANY(...)``, ``unnest(...)``). Numbers go as
    one '{...}' literal: psycopg2 renders a list as ARRAY[...] with one
    expression per element, which for thousands of ids costs more to build and
    to plan than the query itself."""
    if column_type in ("int4", "float8", "numeric", "bool"):
        literal = ",".join("NULL" if value is None else str(value) for value in values)
        return SQL("%s::%s[]", f"{{{literal}}}", SQL(column_type))
    return SQL("%s::%s[]", values, SQL(column_type))
