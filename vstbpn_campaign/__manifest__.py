{
    "name": "VSTBPN: Action Month",
    "summary": "The yearly Action Month for gender equality and prevention of "
    "gender-based violence: plans, activities, results, reporting",
    "version": "18.0.1.1.0",
    "category": "Human Resources/Advancement of Women",
    "author": "VSTBPN for Odoo",
    "license": "LGPL-3",
    "depends": ["vstbpn_committee", "vstbpn_reporting", "calendar"],
    "data": [
        "security/ir.model.access.csv",
        "security/vstbpn_campaign_security.xml",
        "data/mail_activity_type_data.xml",
        "data/vstbpn_campaign_format_data.xml",
        "data/vstbpn_indicator_data.xml",
        "views/vstbpn_campaign_config_views.xml",
        "views/vstbpn_campaign_views.xml",
        "views/vstbpn_campaign_plan_views.xml",
        "views/vstbpn_campaign_activity_views.xml",
        "views/vstbpn_work_plan_expense_views.xml",
        "views/vstbpn_reporting_views.xml",
        "views/vstbpn_campaign_menus.xml",
        "report/vstbpn_campaign_results_report.xml",
        "report/vstbpn_campaign_plan_report.xml",
    ],
    "assets": {
        "web.assets_tests": ["vstbpn_campaign/static/tests/tours/*.js"],
    },
    "demo": [
        "demo/vstbpn_campaign_2017_demo.xml",
        "demo/vstbpn_campaign_current_demo.xml",
        "demo/vstbpn_work_plan_expense_demo.xml",
    ],
}
