import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_service/tour_utils";

// A district officer working in Vietnamese opens the app, finds their
// committee, sees its sub-committee but not the sibling district, and
// reaches the members through the smart button.
registry.category("web_tour.tours").add("vstbpn_committee_tour", {
    url: "/odoo",
    steps: () => [
        stepUtils.showAppsMenuItem(),
        {
            trigger: '.o_app[data-menu-xmlid="vstbpn_committee.vstbpn_root_menu"]',
            run: "click",
        },
        {
            // The app may open on another module's screen: go to the committees.
            trigger: '.o_main_navbar [data-menu-xmlid="vstbpn_committee.vstbpn_committee_main_menu"]',
            run: "click",
        },
        {
            trigger: '.dropdown-item[data-menu-xmlid="vstbpn_committee.vstbpn_committee_menu"]',
            run: "click",
        },
        {
            trigger: ".o_breadcrumb:contains('Các Ban')",
        },
        {
            trigger: ".o_list_view .o_data_row:contains('Tour Commune A1'):contains('Tour District A')",
        },
        {
            trigger: ".o_list_view:not(:has(.o_data_row:contains('Tour District B')))",
        },
        {
            trigger: ".o_list_view .o_data_row td[name='name']:contains('Tour District A')",
            run: "click",
        },
        {
            trigger: ".o_form_view .oe_stat_button:contains('Thành viên')",
            run: "click",
        },
        {
            trigger: ".o_kanban_record:contains('Tour Person')",
        },
    ],
});
