import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_service/tour_utils";

// Both tours find their way by menu ids, field names and button names, not by
// labels: they run in Vietnamese.

function openDocumentMenu(menu) {
    return [
        stepUtils.showAppsMenuItem(),
        {
            trigger: '.o_app[data-menu-xmlid="vstbpn_committee.vstbpn_root_menu"]',
            run: "click",
        },
        {
            trigger: '.o_main_navbar [data-menu-xmlid="vstbpn_committee.vstbpn_document_main_menu"]',
            run: "click",
        },
        {
            trigger: `.dropdown-item[data-menu-xmlid="vstbpn_committee.${menu}"]`,
            run: "click",
        },
    ];
}

// The provincial officer writes an official letter to a district and issues it.
registry.category("web_tour.tours").add("vstbpn_document_issue_tour", {
    url: "/odoo",
    steps: () => [
        ...openDocumentMenu("vstbpn_document_sent_menu"),
        {
            trigger: ".o_control_panel .o_list_button_add",
            run: "click",
        },
        {
            trigger: ".o_form_view .o_field_widget[name='subject'] input",
            run: "edit triển khai Tháng hành động của tour",
        },
        {
            trigger: ".o_form_view .o_field_widget[name='addressee_committee_ids'] input",
            run: "edit Tour Doc District A",
        },
        {
            trigger: ".o-autocomplete--dropdown-item:contains('Tour Doc District A')",
            run: "click",
        },
        {
            trigger: ".o_form_view .o_field_widget[name='addressee_committee_ids'] .o_tag:contains('Tour Doc District A')",
        },
        {
            trigger: ".o_form_view .o_notebook .nav-link[name='signature']",
            run: "click",
        },
        {
            trigger: ".o_form_view .o_field_widget[name='signer_name'] input",
            run: "edit Tour Signer",
        },
        {
            // the text last: a page left in the notebook keeps no pending edit
            trigger: ".o_form_view .o_notebook .nav-link[name='text']",
            run: "click",
        },
        {
            trigger: ".o_form_view .o_field_html[name='body'] .odoo-editor-editable p",
            run: "editor 1. Các Ban cấp dưới xây dựng kế hoạch hưởng ứng.",
        },
        {
            trigger: ".o_form_view .o_form_button_save",
            run: "click",
        },
        {
            trigger: ".o_form_view .o_form_status_indicator_buttons.invisible:not(:visible)",
        },
        {
            trigger: ".o_form_view .o_form_statusbar button[name='action_issue']",
            run: "click",
        },
        {
            trigger: ".modal-footer .btn-primary",
            run: "click",
        },
        {
            trigger: ".o_form_view .o_field_widget[name='document_reference']:contains('01/TOUR')",
        },
        {
            trigger: ".o_form_view .o_form_statusbar:not(:has(button[name='action_issue']))",
        },
    ],
});

// The district's officer finds it among the documents received and acknowledges it.
registry.category("web_tour.tours").add("vstbpn_document_acknowledge_tour", {
    url: "/odoo",
    steps: () => [
        ...openDocumentMenu("vstbpn_document_received_menu"),
        {
            trigger: ".o_list_view .o_data_row:contains('01/TOUR') td[name='subject']",
            run: "click",
        },
        {
            trigger: ".o_form_view .o_form_statusbar button[name='action_acknowledge']",
            run: "click",
        },
        {
            trigger: ".o_form_view .o_form_statusbar:not(:has(button[name='action_acknowledge']))",
        },
        {
            trigger: ".o_form_view .oe_stat_button .o_stat_value:contains('1 / 1')",
        },
    ],
});
