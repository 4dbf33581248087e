"""Small helpers shared by the VSTBPN addons."""


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
