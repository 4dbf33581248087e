{
    "name": "VSTBPN: Periodic Reports",
    "summary": "Periodic and ad-hoc reports from lower committees: deadlines, "
    "reminders, submission, consolidation upward, HR statistics",
    "version": "18.0.1.1.0",
    "category": "Human Resources/Advancement of Women",
    "author": "VSTBPN for Odoo",
    "license": "LGPL-3",
    "depends": ["vstbpn_committee", "hr", "mail"],
    "data": [
        "security/ir.model.access.csv",
        "security/vstbpn_reporting_security.xml",
        "data/mail_activity_type_data.xml",
        "data/vstbpn_indicator_data.xml",
        "data/vstbpn_report_template_data.xml",
        "views/vstbpn_indicator_views.xml",
        "views/vstbpn_report_template_views.xml",
        "views/vstbpn_report_value_views.xml",
        "views/vstbpn_report_views.xml",
        "views/vstbpn_report_period_views.xml",
        "views/vstbpn_committee_views.xml",
        "views/hr_views.xml",
        "views/vstbpn_reporting_menus.xml",
        "report/vstbpn_report_document.xml",
    ],
    "assets": {
        "web.assets_backend": ["vstbpn_reporting/static/src/**/*"],
    },
    "demo": [
        "demo/hr_demo.xml",
        "demo/vstbpn_report_period_demo.xml",
        "demo/res_users_demo.xml",
    ],
}
