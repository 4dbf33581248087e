import { Component, markup } from "@odoo/owl";
import { registry } from "@web/core/registry";
import { useService } from "@web/core/utils/hooks";
import { standardFieldProps } from "@web/views/fields/standard_field_props";

/**
 * The follow-up board, rendered by the server: a click on a cell opens its
 * follow-up line in the web client, where the html field's viewer would open
 * a new tab (a ctrl-click still does, through the cell's address).
 */
export class TaskBoardField extends Component {
    static template = "vstbpn_committee.TaskBoardField";
    static props = { ...standardFieldProps };

    setup() {
        this.action = useService("action");
    }

    get board() {
        return markup(this.props.record.data[this.props.name] || "");
    }

    onClick(ev) {
        const cell = ev.target.closest("a[data-line-id]");
        if (!cell || ev.ctrlKey || ev.metaKey) {
            return;
        }
        ev.preventDefault();
        this.action.doAction({
            type: "ir.actions.act_window",
            res_model: "vstbpn.document.task.line",
            res_id: parseInt(cell.dataset.lineId),
            views: [[false, "form"]],
        });
    }
}

registry.category("fields").add("vstbpn_task_board", {
    component: TaskBoardField,
    supportedTypes: ["html"],
});
