import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_service/tour_utils";

// Both tours find their way by menu ids, field names and button names, not by
// labels: they run in Vietnamese.

// A district officer plans a meeting of the committee, records who came and
// issues the minutes.
registry.category("web_tour.tours").add("vstbpn_meeting_tour", {
    url: "/odoo",
    steps: () => [
        stepUtils.showAppsMenuItem(),
        {
            trigger: '.o_app[data-menu-xmlid="vstbpn_committee.vstbpn_root_menu"]',
            run: "click",
        },
        {
            trigger: '.o_main_navbar [data-menu-xmlid="vstbpn_committee.calendar_event_vstbpn_menu"]',
            run: "click",
        },
        {
            trigger: ".o_control_panel .o_list_button_add",
            run: "click",
        },
        {
            trigger: ".o_form_view .o_field_widget[name='name'] input",
            run: "edit Họp quý của tour",
        },
        {
            trigger: ".o_form_view .o_field_widget[name='vstbpn_committee_id'] input",
            run: "edit Tour Meeting District A",
        },
        {
            trigger: ".o-autocomplete--dropdown-item:contains('Tour Meeting District A')",
            run: "click",
        },
        {
            // the current members are invited
            trigger: ".o_form_view .o_field_widget[name='partner_ids']:contains('Tour Member')",
        },
        {
            trigger: ".o_form_view .o_form_button_save",
            run: "click",
        },
        {
            trigger: ".o_form_view .o_form_status_indicator_buttons.invisible:not(:visible)",
        },
        {
            trigger: ".o_form_view .o_notebook .nav-link[name='vstbpn_attendance']",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name='vstbpn_attendance_ids'] .o_data_row:contains('Tour Member') td[name='vstbpn_attended'] input",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name='vstbpn_attendance_ids'] .o_data_row:contains('Tour Member') td[name='vstbpn_attended'] input:checked",
        },
        {
            trigger: ".o_form_view .o_notebook .nav-link[name='vstbpn_minutes']",
            run: "click",
        },
        {
            trigger: ".o_form_view .o_field_html[name='vstbpn_minutes'] .odoo-editor-editable p",
            run: "editor Ban thống nhất kế hoạch Tháng hành động.",
        },
        {
            trigger: ".o_form_view .o_form_button_save",
            run: "click",
        },
        {
            trigger: ".o_form_view .o_form_status_indicator_buttons.invisible:not(:visible)",
        },
        {
            trigger: ".o_form_view .o_form_statusbar button[name='action_vstbpn_issue_minutes']",
            run: "click",
        },
        {
            trigger: ".modal-footer .btn-primary",
            run: "click",
        },
        {
            trigger: ".o_form_view .o_form_statusbar:not(:has(button[name='action_vstbpn_issue_minutes']))",
        },
        {
            trigger: ".o_form_view .o_field_widget[name='vstbpn_minutes_state'] button.o_arrow_button_current[data-value='issued']",
        },
    ],
});

// The leader of an inspection team records the findings of a visit on a phone.
registry.category("web_tour.tours").add("vstbpn_inspection_findings_tour", {
    steps: () => [
        {
            trigger: ".o_form_view .o_notebook .nav-link[name='findings']",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name='finding_ids'] .o_kanban_record:contains('Tour Area One')",
            run: "click",
        },
        {
            trigger: ".modal .o_field_widget[name='assessment'] input[data-value='weak']",
            run: "click",
        },
        {
            trigger: ".modal .o_field_html[name='notes'] .odoo-editor-editable p",
            run: "editor Chưa họp định kỳ sáu tháng.",
        },
        {
            trigger: ".modal .o_form_button_save",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name='finding_ids'] .o_kanban_record:contains('Tour Area One') .badge",
        },
        {
            trigger: ".o_field_widget[name='finding_ids'] .o_kanban_record:contains('Tour Area Two')",
            run: "click",
        },
        {
            trigger: ".modal .o_field_widget[name='assessment'] input[data-value='good']",
            run: "click",
        },
        {
            trigger: ".modal .o_form_button_save",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name='finding_ids'] .o_kanban_record:contains('Tour Area Two') .badge",
        },
        {
            trigger: ".o_form_view .o_form_button_save",
            run: "click",
        },
        {
            trigger: ".o_form_view .o_form_status_indicator_buttons.invisible:not(:visible)",
        },
    ],
});
