import { registry } from "@web/core/registry";

// The tour finds its way by button names and the board's classes, not by
// labels: it runs in Vietnamese. It starts on the issued directive's form.

// The province reads the follow-up board of its directive and opens the
// overdue cell: the commune's follow-up line.
registry.category("web_tour.tours").add("vstbpn_document_task_board_tour", {
    steps: () => [
        {
            trigger: ".o_form_view button[name='action_open_task_board']",
            run: "click",
        },
        {
            // every unit addressed is a row; the district has done its task
            trigger: ".o_vstbpn_task_board_table tr:contains('Tour Board District') .o_vstbpn_board_done_on_time",
        },
        {
            trigger: ".o_vstbpn_task_board_table tr:contains('Tour Board Commune') .o_vstbpn_board_overdue",
            run: "click",
        },
        {
            // the commune's follow-up line opens
            trigger: ".o_form_view .o_field_widget[name='committee_id']:contains('Tour Board Commune')",
        },
    ],
});
