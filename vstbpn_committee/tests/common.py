from contextlib import contextmanager

from odoo import Command
from odoo.tests import TransactionCase

from odoo.addons.mail.tests.common import mail_new_test_user
from odoo.addons.vstbpn_committee.tools import VN_TZ, vn_today


class VstbpnCommitteeCase(TransactionCase):
    """The test tree of the whole suite, and one user per role.

    Province P above two sibling districts A and B, and commune A1 below A.
    The roles are named once, here, for every addon's tests:

    - ``officer_p``, ``officer_a``, ``officer_b``: an officer of P, A, B;
    - ``manager_p``, ``manager_a``: a manager of P, A;
    - ``member_a``: reads district A, because their employee
      (``employee_member_a``) is a current member of it.

    Reporting's and the Action Month's bases extend this class with their
    own fixtures; the switches below leave out what their tests were written
    without.
    """

    # the commune A1 below district A
    WITH_COMMUNE = True
    # the managers of P and A
    WITH_MANAGERS = True

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cls.Committee = cls.env["vstbpn.committee"]
        cls.Member = cls.env["vstbpn.committee.member"]
        cls.Decision = cls.env["vstbpn.committee.decision"]
        cls.level_province = cls.env.ref("vstbpn_committee.level_province")
        cls.level_district = cls.env.ref("vstbpn_committee.level_district")
        cls.level_commune = cls.env.ref("vstbpn_committee.level_commune")
        cls._create_tree()
        cls._create_officers_and_managers()
        cls._create_member()
        cls.alice, cls.bob, cls.carol = cls.env["res.partner"].create(
            [{"name": "Alice"}, {"name": "Bob"}, {"name": "Carol"}]
        )

    @classmethod
    def _create_tree(cls):
        cls.province = cls.Committee.create(
            {"name": "Province P", "code": "T-P", "level_id": cls.level_province.id}
        )
        cls.district_a, cls.district_b = cls.Committee.create(
            [
                {
                    "name": f"District {letter}",
                    "code": f"T-P-{letter}",
                    "level_id": cls.level_district.id,
                    "parent_id": cls.province.id,
                }
                for letter in "AB"
            ]
        )
        cls.commune_a1 = cls.Committee
        if cls.WITH_COMMUNE:
            cls.commune_a1 = cls.Committee.create(
                {
                    "name": "Commune A1",
                    "code": "T-P-A1",
                    "level_id": cls.level_commune.id,
                    "parent_id": cls.district_a.id,
                }
            )

    @classmethod
    def _create_officers_and_managers(cls):
        cls.officer_p = cls._new_user("t_officer_p", "officer", cls.province)
        cls.officer_a = cls._new_user("t_officer_a", "officer", cls.district_a)
        cls.officer_b = cls._new_user("t_officer_b", "officer", cls.district_b)
        cls.manager_p = cls.manager_a = cls.env["res.users"]
        if cls.WITH_MANAGERS:
            cls.manager_p = cls._new_user("t_manager_p", "manager", cls.province)
            cls.manager_a = cls._new_user("t_manager_a", "manager", cls.district_a)

    @classmethod
    def _create_member(cls):
        cls.member_a = cls._new_user("t_member_a", "member")
        cls.employee_member_a = cls.env["hr.employee"].create(
            {"name": "Member of A", "user_id": cls.member_a.id}
        )
        cls.Member.create(
            {
                "committee_id": cls.district_a.id,
                "employee_id": cls.employee_member_a.id,
                "role": "member",
                "date_start": "2020-01-01",
            }
        )
        # the committees a user works for are cached on the user
        cls.member_a.invalidate_recordset()

    @classmethod
    def _new_member_user(cls, login, name, committee):
        """A plain member of ``committee``: a user, an employee, a membership."""
        user = cls._new_user(login, "member")
        cls.Member.create(
            {
                "committee_id": committee.id,
                "employee_id": cls.env["hr.employee"]
                .create({"name": name, "user_id": user.id})
                .id,
                "date_start": "2020-01-01",
            }
        )
        return user

    @classmethod
    def _signatory(cls, committee, user, name, role):
        """A signer of ``committee`` (``vstbpn.signatory``): a member of
        ``role`` named ``name``, whose approval ``user`` gives."""
        member = cls.Member.create(
            {
                "committee_id": committee.id,
                "partner_id": cls.env["res.partner"].create({"name": name}).id,
                "role": role,
                "date_start": "2020-01-01",
            }
        )
        return cls.env["vstbpn.signatory"].create(
            {"committee_id": committee.id, "member_id": member.id, "user_id": user.id}
        )

    @classmethod
    def _new_user(cls, login, role, committee=None):
        """A user of the group ``vstbpn_committee.group_<role>``, working for
        ``committee`` if given, in Viet Nam's time zone. English whatever the
        database's languages, so that what users are sent reads the same
        everywhere; tests of Vietnamese say so."""
        values = {"lang": "en_US", "tz": VN_TZ}
        if committee:
            values["vstbpn_committee_ids"] = [Command.set(committee.ids)]
        return mail_new_test_user(
            cls.env,
            login=login,
            groups=f"base.group_user,vstbpn_committee.group_{role}",
            **values,
        )

    def _issue_directive_2017(self, subject, body, task):
        """The province's letter of 18 April 2017 to districts A and B, as
        56/BVSTBPN is, with one ``task`` (its values), issued by its officer:
        what the records of another addon fulfil."""
        self.province.document_symbol = "BVSTBPN"
        document = (
            self.env["vstbpn.document"]
            .with_user(self.officer_p)
            .create(
                {
                    "committee_id": self.province.id,
                    "document_type_id": self.env.ref(
                        "vstbpn_committee.document_type_letter"
                    ).id,
                    "date": "2017-04-18",
                    "subject": subject,
                    "addressee_committee_ids": [
                        Command.set((self.district_a | self.district_b).ids)
                    ],
                    "body": body,
                    "signer_title": "Trưởng ban",
                    "signer_name": "Nguyễn Văn A",
                    "task_ids": [Command.create(task)],
                }
            )
        )
        document.action_issue()
        return document

    def today(self):
        """Today in Viet Nam, the day the suite stamps on what the users do
        (``vn_today``): from 17:00 UTC it is not the server's date."""
        return vn_today(self.env)

    def vi(self, records):
        """The records in a Vietnamese environment, to check translated messages."""
        return records.with_context(lang="vi_VN")

    @contextmanager
    def assertRaisesText(self, exception, text):
        """assertRaises (which rolls back what was written) plus the message."""
        with self.assertRaises(exception) as catcher:
            yield catcher
        self.assertIn(text, str(catcher.exception))

    @contextmanager
    def refused(self, exception, pattern):
        """Like assertRaisesRegex, in a savepoint as assertRaises is: what
        the refused call left in the cache is dropped with it."""
        with self.assertRaises(exception) as caught:
            yield caught
        self.assertRegex(str(caught.exception), pattern)
