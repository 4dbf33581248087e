import { registry } from "@web/core/registry";

// A ward officer opens the activities, records the results of one (women,
// men, a short note) in the compact form and marks it done. The same steps
// run at desk and at phone width.
registry.category("web_tour.tours").add("vstbpn_campaign_record_results_tour", {
    steps: () => [
        {
            trigger: ".o_kanban_record:contains('Tour Talk') .o_vstbpn_record_results",
            run: "click",
        },
        {
            trigger: ".o_vstbpn_results_form .o_field_widget[name='actual_female'] input",
            run: "edit 12",
        },
        {
            trigger: ".o_vstbpn_results_form .o_field_widget[name='actual_male'] input",
            run: "edit 8",
        },
        {
            trigger: ".o_vstbpn_results_form .o_field_widget[name='result_note'] textarea",
            run: "edit Went well",
        },
        {
            trigger: ".o_vstbpn_results_form .o_field_widget[name='actual_total'] input:value(20)",
        },
        {
            // the file input, which on a phone offers the camera
            trigger: ".o_vstbpn_results_form .o_field_many2many_binary input[type='file'][accept*='image']:not(:visible)",
        },
        {
            trigger: ".o_vstbpn_results_form button.o_vstbpn_mark_done",
            run: "click",
        },
        {
            trigger: ".o_vstbpn_results_form:not(:has(button.o_vstbpn_mark_done))",
        },
    ],
});

// The organiser opens the campaign from its card and reads the dashboard.
registry.category("web_tour.tours").add("vstbpn_campaign_dashboard_tour", {
    steps: () => [
        {
            trigger: ".o_kanban_record:contains('Tour Province')",
            run: "click",
        },
        {
            // the format's name, in whichever language the session reads
            trigger:
                ".o_vstbpn_campaign_dashboard .o_vstbpn_dashboard_formats:contains('Talk'), " +
                ".o_vstbpn_campaign_dashboard .o_vstbpn_dashboard_formats:contains('Tọa đàm')",
        },
        {
            trigger: ".o_vstbpn_campaign_dashboard .o_vstbpn_tile [name='participant_total']:contains('5')",
        },
    ],
});
