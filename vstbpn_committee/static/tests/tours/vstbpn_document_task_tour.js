import { registry } from "@web/core/registry";

// A commune officer closes a task of the district's directive from a phone:
// the card's button, the note, confirmed. By names and classes, not labels:
// the tour runs in Vietnamese.
registry.category("web_tour.tours").add("vstbpn_task_closed_on_phone_tour", {
    steps: () => [
        {
            trigger: ".o_kanban_record:contains('Tổng kết phong trào') .o_vstbpn_task_done",
            run: "click",
        },
        {
            trigger: ".modal .o_field_widget[name='reason'] textarea",
            run: "edit Đã tổ chức tổng kết tại hội trường xã.",
        },
        {
            trigger: ".modal button[name='action_confirm']",
            run: "click",
        },
        {
            trigger: "body:not(:has(.modal))",
        },
        // done: it leaves the open tasks the list shows by default
        {
            trigger: ".o_kanban_view:not(:has(.o_vstbpn_task_done))",
        },
    ],
});
