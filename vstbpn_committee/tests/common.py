from odoo.tests import TransactionCase

from odoo.addons.mail.tests.common import mail_new_test_user


class VstbpnCommitteeCase(TransactionCase):
    """A province with two sibling districts and a commune, and one user per role.

    ``officer_a`` works for district A, ``officer_b`` for its sibling B,
    ``officer_p`` and ``manager_p`` for the province; ``member_a`` reads
    district A because their employee is a current member of it.
    """

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
        cls.province = cls.Committee.create(
            {"name": "Province P", "code": "T-P", "level_id": cls.level_province.id}
        )
        cls.district_a, cls.district_b = cls.Committee.create(
            [
                {
                    "name": "District A",
                    "code": "T-A",
                    "level_id": cls.level_district.id,
                    "parent_id": cls.province.id,
                },
                {
                    "name": "District B",
                    "code": "T-B",
                    "level_id": cls.level_district.id,
                    "parent_id": cls.province.id,
                },
            ]
        )
        cls.commune_a1 = cls.Committee.create(
            {
                "name": "Commune A1",
                "code": "T-A1",
                "level_id": cls.level_commune.id,
                "parent_id": cls.district_a.id,
            }
        )
        cls.officer_p = cls._new_user("t_officer_p", "officer", cls.province)
        cls.manager_p = cls._new_user("t_manager_p", "manager", cls.province)
        cls.officer_a = cls._new_user("t_officer_a", "officer", cls.district_a)
        cls.manager_a = cls._new_user("t_manager_a", "manager", cls.district_a)
        cls.officer_b = cls._new_user("t_officer_b", "officer", cls.district_b)
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
        cls.alice, cls.bob, cls.carol = cls.env["res.partner"].create(
            [{"name": "Alice"}, {"name": "Bob"}, {"name": "Carol"}]
        )

    @classmethod
    def _new_user(cls, login, role, committee=None):
        user = mail_new_test_user(
            cls.env,
            login=login,
            groups=f"base.group_user,vstbpn_committee.group_{role}",
        )
        if committee:
            user.vstbpn_committee_ids = committee
        return user

    def vi(self, records):
        """The records in a Vietnamese environment, to check translated messages."""
        return records.with_context(lang="vi_VN")
