import { registry } from "@web/core/registry";
import {
    FORM,
    clickHeaderButton,
    editFigure,
    figureShows,
    saved,
    stateIs,
} from "@vstbpn_reporting/../tests/tours/vstbpn_report_entry_tour";

// The main report flow on the demo data, at a desk: the ward Quy Nhơn fills
// and submits this year's annual report to Gia Lai, the province returns it
// with a reason, the ward corrects and resubmits, the province accepts it and
// consolidates its own report. Python checks the database after each tour.

// The reason wizard: adjust these if the wizard changes.
export const RETURN_BUTTON = "action_open_return_wizard";
export const REASON_INPUT = ".modal .o_field_widget[name='reason'] textarea";
export const REASON_CONFIRM = ".modal-footer button[name='action_confirm']";

export const REASON = "Training participants: add the second course";

/** Submit the open report, confirming in the dialog that asks. */
function submitted() {
    return [
        ...clickHeaderButton("action_submit"),
        { trigger: ".modal-footer .btn-primary", run: "click" },
        ...stateIs("submitted"),
    ];
}

registry.category("web_tour.tours").add("vstbpn_report_flow_submit_tour", {
    steps: () => [
        ...editFigure("ACT-04", "female", "20"),
        ...editFigure("ACT-04", "male", "10"),
        ...editFigure("ACT-01", "value_number", "5"),
        ...saved(),
        figureShows("ACT-04", "total", "30"),
        ...submitted(),
    ],
});

registry.category("web_tour.tours").add("vstbpn_report_flow_return_tour", {
    steps: () => [
        figureShows("ACT-04", "total", "30"),
        ...clickHeaderButton(RETURN_BUTTON, ["action_accept"]),
        { trigger: REASON_INPUT, run: `edit ${REASON}` },
        { trigger: REASON_CONFIRM, run: "click" },
        ...stateIs("draft"),
    ],
});

registry.category("web_tour.tours").add("vstbpn_report_flow_correct_tour", {
    steps: () => [
        // the reason, on top of the report
        { trigger: `${FORM} .alert:contains('${REASON}')` },
        ...editFigure("ACT-04", "female", "22"),
        ...saved(),
        figureShows("ACT-04", "total", "32"),
        ...submitted(),
    ],
});

registry.category("web_tour.tours").add("vstbpn_report_flow_accept_tour", {
    steps: () => [
        figureShows("ACT-04", "total", "32"),
        ...clickHeaderButton("action_accept", [RETURN_BUTTON]),
        ...stateIs("accepted"),
    ],
});

registry.category("web_tour.tours").add("vstbpn_report_flow_consolidate_tour", {
    steps: () => [
        ...clickHeaderButton("action_consolidate"),
        // the consolidated figures appear beside the province's own
        { trigger: `${FORM} button[name='action_download_consolidation']` },
    ],
});
