"""The record rules of the suite, named: which policy each model follows.

A policy is the set of rules a model has, one per group and operation, with
``PATH`` standing for the model's path to its committee. The rules themselves
stay in ``security/*.xml`` (their xml ids are what databases know them by);
``tests/test_rule_policies.py`` parses every rule of the registry and compares
it with its model's policy here, so that a rule copied by hand cannot drift.
``docs/architecture.md`` (Record rules: the policies) says each policy in words.
"""

from collections import namedtuple

# One rule of a policy: the group it applies to (the suffix of
# ``vstbpn_committee.group_*``), the operations it grants, its domain.
PolicyRule = namedtuple("PolicyRule", "group perms domain")

READ = frozenset({"read"})
WRITE = frozenset({"write", "create", "unlink"})
ALL = READ | WRITE

EVERYTHING = "[(1, '=', 1)]"
OWN = "[(PATH, 'in', user.vstbpn_allowed_committee_ids.ids)]"
SUBTREE = "[(PATH, 'child_of', user.vstbpn_allowed_committee_ids.ids)]"
SUBTREE_AND_ABOVE = (
    "['|', (PATH, 'child_of', user.vstbpn_allowed_committee_ids.ids),"
    " (PATH, 'parent_of', user.vstbpn_allowed_committee_ids.ids)]"
)
OWN_AND_ABOVE = (
    "['|', (PATH, 'in', user.vstbpn_allowed_committee_ids.ids),"
    " (PATH, 'parent_of', user.vstbpn_allowed_committee_ids.ids)]"
)
# National entries (no committee) and those of the user's committees and the
# committees above: the reference data that applies to the user's units.
NATIONAL_OWN_AND_ABOVE = (
    "['|', (PATH, '=', False), '|',"
    " (PATH, 'in', user.vstbpn_allowed_committee_ids.ids),"
    " (PATH, 'parent_of', user.vstbpn_allowed_committee_ids.ids)]"
)
INSPECTING = (
    "[('inspecting_committee_id', 'in', user.vstbpn_allowed_committee_ids.ids)]"
)

ADMIN_ALL = PolicyRule("admin", ALL, EVERYTHING)
MEMBER_READS_OWN = PolicyRule("member", READ, OWN)
OFFICER_READS_SUBTREE = PolicyRule("officer", READ, SUBTREE)

POLICIES = {
    # "Officers edit the subtree": a unit's records are read by its members
    # and kept by the officers of the unit and of every committee above.
    "EDIT_SUBTREE": (
        MEMBER_READS_OWN,
        PolicyRule("officer", ALL, SUBTREE),
        ADMIN_ALL,
    ),
    # "A unit edits its own": officers read their subtree (to approve, return
    # or consolidate through the workflow) but edit only their own units'.
    "EDIT_OWN": (
        MEMBER_READS_OWN,
        OFFICER_READS_SUBTREE,
        PolicyRule("officer", WRITE, OWN),
        ADMIN_ALL,
    ),
    # What a committee asks of the units below (periods, campaigns): also
    # read from below, so that a unit knows what is asked of it.
    "ASKED_BELOW": (
        PolicyRule("member", READ, SUBTREE_AND_ABOVE),
        PolicyRule("officer", ALL, SUBTREE),
        ADMIN_ALL,
    ),
    # What an inspection says about a unit: the unit and those above read
    # it, the officers of the inspecting committee record it.
    "INSPECTED": (
        MEMBER_READS_OWN,
        OFFICER_READS_SUBTREE,
        PolicyRule("officer", WRITE, INSPECTING),
        ADMIN_ALL,
    ),
    # Views computed from the records (read-only by their access rights).
    "READ_SUBTREE": (MEMBER_READS_OWN, OFFICER_READS_SUBTREE, ADMIN_ALL),
    # The committee tree itself: a member also reads the committees above,
    # to know where their unit reports.
    "TREE": (
        PolicyRule("member", READ, OWN_AND_ABOVE),
        PolicyRule("officer", ALL, SUBTREE),
        ADMIN_ALL,
    ),
    # Reference data every unit reads alike, kept by administrators.
    "SHARED": (PolicyRule("member", READ, EVERYTHING), ADMIN_ALL),
    # Secrets of the suite (signing keys): administrators alone.
    "ADMINISTERED": (ADMIN_ALL,),
    # Reference data with local entries, kept by the officers of the
    # committee that adopted them.
    "SHARED_EDIT_OWN": (
        PolicyRule("member", READ, EVERYTHING),
        PolicyRule("officer", WRITE, OWN),
        ADMIN_ALL,
    ),
    # Reference data with national and local entries that apply down the
    # tree (indicator targets): a unit reads the national entries and those
    # of its committees and the committees above; officers also read their
    # subtree's and keep their own committees'. Siblings stay hidden.
    "APPLIES_FROM_ABOVE": (
        PolicyRule("member", READ, NATIONAL_OWN_AND_ABOVE),
        OFFICER_READS_SUBTREE,
        PolicyRule("officer", WRITE, OWN),
        ADMIN_ALL,
    ),
}

# model: (policy, the path from the model to its committee). Every model
# with a committee names it ``committee_id``; a line stores it, related to
# its parent's, so that its rules read as its parent's.
MODEL_POLICIES = {
    # vstbpn_committee
    "vstbpn.committee": ("TREE", "id"),
    "vstbpn.committee.member": ("EDIT_SUBTREE", "committee_id"),
    "vstbpn.committee.decision": ("EDIT_SUBTREE", "committee_id"),
    "vstbpn.committee.decision.line": ("EDIT_SUBTREE", "committee_id"),
    "vstbpn.document": ("EDIT_SUBTREE", "committee_id"),
    "vstbpn.document.recipient": ("EDIT_SUBTREE", "committee_id"),
    # the issuer's tasks; each addressee reads its own follow-up lines
    "vstbpn.document.task": ("EDIT_SUBTREE", "committee_id"),
    "vstbpn.document.task.line": ("EDIT_SUBTREE", "committee_id"),
    "vstbpn.document.task.extension": ("EDIT_SUBTREE", "committee_id"),
    # a database view of the follow-up lines, read as they are
    "vstbpn.document.task.board": ("READ_SUBTREE", "unit_id"),
    "vstbpn.document.counter": ("EDIT_SUBTREE", "committee_id"),
    "vstbpn.document.incoming": ("EDIT_SUBTREE", "committee_id"),
    "vstbpn.document.type": ("SHARED", None),
    # a committee's signing key, named ``signing_committee_id`` so that it is
    # not taken for a record its members read and its officers keep
    "vstbpn.signing.certificate": ("ADMINISTERED", None),
    "vstbpn.signature.trust": ("SHARED", None),
    # who signs for a committee (named by administrators) and what was
    # submitted to them (written by the sign-off actions alone)
    "vstbpn.signatory": ("READ_SUBTREE", "committee_id"),
    "vstbpn.signoff": ("READ_SUBTREE", "committee_id"),
    "vstbpn.programme": ("SHARED_EDIT_OWN", "issuing_committee_id"),
    "vstbpn.budget.category": ("SHARED", None),
    "vstbpn.inspection.area": ("SHARED", None),
    "vstbpn.work.plan": ("EDIT_OWN", "committee_id"),
    "vstbpn.work.plan.task": ("EDIT_OWN", "committee_id"),
    "vstbpn.work.plan.budget.line": ("EDIT_OWN", "committee_id"),
    # an SQL view of the units' plans, named after the unit it describes
    "vstbpn.work.plan.overview": ("READ_SUBTREE", "unit_id"),
    "vstbpn.work.plan.expense": ("EDIT_OWN", "committee_id"),
    # an SQL view of the plans' estimate and spending, as the overview
    "vstbpn.work.plan.spending": ("READ_SUBTREE", "unit_id"),
    "vstbpn.inspection.plan": ("EDIT_OWN", "committee_id"),
    "vstbpn.inspection.team.member": ("EDIT_OWN", "committee_id"),
    "vstbpn.inspection": ("INSPECTED", "committee_id"),
    "vstbpn.inspection.finding": ("INSPECTED", "committee_id"),
    "vstbpn.inspection.recommendation": ("INSPECTED", "committee_id"),
    # a line of Odoo's calendar.event, whose committee field is prefixed
    "vstbpn.training.participation": (
        "EDIT_SUBTREE",
        "event_id.vstbpn_committee_id",
    ),
    # vstbpn_reporting
    "vstbpn.report.period": ("ASKED_BELOW", "committee_id"),
    "vstbpn.report": ("EDIT_OWN", "committee_id"),
    "vstbpn.report.value": ("EDIT_OWN", "committee_id"),
    "vstbpn.report.answer": ("EDIT_OWN", "committee_id"),
    "vstbpn.report.violation": ("EDIT_OWN", "committee_id"),
    "vstbpn.report.quality": ("READ_SUBTREE", "committee_id"),
    "vstbpn.validation.rule": ("SHARED", None),
    "vstbpn.indicator.target": ("APPLIES_FROM_ABOVE", "adopting_committee_id"),
    # vstbpn_campaign
    "vstbpn.campaign": ("ASKED_BELOW", "committee_id"),
    "vstbpn.campaign.plan": ("EDIT_OWN", "committee_id"),
    "vstbpn.campaign.plan.budget": ("EDIT_OWN", "committee_id"),
    "vstbpn.campaign.activity": ("EDIT_OWN", "committee_id"),
    "vstbpn.campaign.activity.partner": ("EDIT_OWN", "committee_id"),
    "vstbpn.campaign.format": ("SHARED", None),
    "vstbpn.campaign.topic": ("SHARED", None),
    "vstbpn.campaign.target.group": ("SHARED", None),
}

# Rules that no policy describes, each with the reason it exists:
# (model, xml id of the rule, reason).
SPECIAL_RULES = (
    (
        "vstbpn.document",
        "vstbpn_committee.vstbpn_document_rule_addressee_member",
        (
            "incoming documents: a unit reads what was sent to it or to every unit "
            "below a committee above it, never a draft"
        ),
    ),
    (
        "vstbpn.document",
        "vstbpn_committee.vstbpn_document_rule_addressee_officer",
        (
            "incoming documents: officers read what was sent to their subtree, "
            "acting for the units below that have no officer"
        ),
    ),
    (
        "vstbpn.inspection.plan",
        "vstbpn_committee.vstbpn_inspection_plan_rule_team",
        "the inspection team, who may be plain members, reads its plans",
    ),
    (
        "vstbpn.inspection.team.member",
        "vstbpn_committee.vstbpn_inspection_team_member_rule_team",
        "the inspection team reads who is on it",
    ),
    (
        "vstbpn.inspection",
        "vstbpn_committee.vstbpn_inspection_rule_team",
        "the inspection team records the inspections of its plans",
    ),
    (
        "vstbpn.inspection.finding",
        "vstbpn_committee.vstbpn_inspection_finding_rule_team",
        "the inspection team records the findings of its inspections",
    ),
    (
        "vstbpn.inspection.recommendation",
        "vstbpn_committee.vstbpn_inspection_recommendation_rule_team",
        "the inspection team records the recommendations of its inspections",
    ),
    (
        "vstbpn.report.quality.export",
        "vstbpn_reporting.vstbpn_report_quality_export_rule_own",
        "an export is a file for the user who asked for it",
    ),
    (
        "calendar.event",
        "vstbpn_committee.calendar_event_rule_vstbpn_read",
        (
            "Odoo's own model: a global rule that leaves events without a committee "
            "to the calendar's rules and lets the invited read a meeting"
        ),
    ),
    (
        "calendar.event",
        "vstbpn_committee.calendar_event_rule_vstbpn_write",
        (
            "Odoo's own model: a global rule that leaves events without a committee "
            "to the calendar's rules"
        ),
    ),
    (
        "calendar.attendee",
        "vstbpn_committee.calendar_attendee_rule_vstbpn_read",
        "Odoo's own model: attendees are read as their meeting is",
    ),
)

# Lines that reach their committee through their parent without storing it,
# with the reason: (model, reason).
UNSTORED_LINE_COMMITTEES = (
    (
        "vstbpn.report.violation",
        (
            "checking a national period writes thousands of violations in one "
            "statement; a stored committee would be one more foreign key per row"
        ),
    ),
)


def expected_rules(model_name):
    """The rules ``model_name``'s policy asks for, as (group, perms,
    domain text) with its committee path in place of ``PATH``."""
    policy, path = MODEL_POLICIES[model_name]
    return [
        (rule.group, rule.perms, rule.domain.replace("PATH", repr(path)))
        for rule in POLICIES[policy]
    ]
