import { registry } from "@web/core/registry";
import { utils as uiUtils } from "@web/core/ui/ui_service";

// A commune files its report, the province returns it with a reason, the
// commune corrects and resubmits, the province accepts. The same tours run at
// phone width, where each indicator is a card that opens its figures, and at
// desk width, where the figures are typed in the list.

// the report's form, not the dialog of an indicator
export const FORM = ".o_action_manager .o_form_view";

/** Type `value` into `fieldName` of the indicator `code`. */
export function editFigure(code, fieldName, value) {
    if (uiUtils.isSmall()) {
        return [
            {
                trigger: `.o_field_widget[name='value_ids'] .o_kanban_record:contains('${code}')`,
                run: "click",
            },
            {
                // the numeric keyboard of a phone
                trigger: `.modal .o_field_widget[name='${fieldName}'] input[inputmode='decimal']`,
                run: `edit ${value}`,
            },
            {
                trigger: ".modal .o_form_button_save",
                run: "click",
            },
            {
                trigger: "body:not(:has(.modal))",
            },
        ];
    }
    return [
        {
            trigger: `.o_field_widget[name='value_ids'] .o_data_row:contains('${code}') td[name='${fieldName}']`,
            run: "click",
        },
        {
            trigger: `.o_field_widget[name='value_ids'] .o_selected_row td[name='${fieldName}'] input[inputmode='decimal']`,
            run: `edit ${value}`,
        },
    ];
}

/** The figure of `fieldName` shown for the indicator `code`. */
export function figureShows(code, fieldName, text) {
    const line = uiUtils.isSmall() ? ".o_kanban_record" : ".o_data_row";
    return {
        trigger: `.o_field_widget[name='value_ids'] ${line}:contains('${code}') [name='${fieldName}']:contains('${text}')`,
    };
}

/**
 * Click the header button `name`: in the actions menu on a phone. The buttons
 * `offered` are checked to be there beside it.
 */
export function clickHeaderButton(name, offered = []) {
    const place = uiUtils.isSmall() ? ".o-dropdown--menu" : `${FORM} .o_form_statusbar`;
    const opening = uiUtils.isSmall()
        ? [
              {
                  trigger: ".o_control_panel .o_cp_action_menus button:has(.fa-cog)",
                  run: "click",
              },
          ]
        : [];
    return [
        ...opening,
        ...offered.map((other) => ({ trigger: `${place} button[name='${other}']` })),
        { trigger: `${place} button[name='${name}']`, run: "click" },
    ];
}

export function saved() {
    return [
        { trigger: `${FORM} .o_form_button_save`, run: "click" },
        { trigger: `${FORM} .o_form_status_indicator_buttons.invisible:not(:visible)` },
    ];
}

/** The workflow reached `state` (shown on a desk, folded in a menu on a phone). */
export function stateIs(state) {
    const current = `${FORM} .o_statusbar_status button[data-value='${state}'][aria-checked='true']`;
    return [
        { trigger: "body:not(:has(.modal))" },
        { trigger: `${current}:visible, ${current}:not(:visible)` },
    ];
}

registry.category("web_tour.tours").add("vstbpn_report_fill_submit_tour", {
    steps: () => [
        ...(uiUtils.isSmall()
            ? [
                  // the report opens on its indicators: the deadline in a line
                  {
                      trigger: `${FORM} .o_vstbpn_report_phone_summary [name='submission_status']`,
                  },
                  {
                      trigger: `${FORM} .o_field_widget[name='document_number']:not(:visible)`,
                  },
                  // a card per indicator, under the name of its section
                  {
                      trigger: ".o_field_widget[name='value_ids'] .o_kanban_record:contains('ACT-04') .o_vstbpn_section",
                  },
                  // the figure of the previous period beside today's
                  {
                      trigger: ".o_kanban_record:contains('ACT-04') .o_vstbpn_previous:contains('20')",
                  },
                  // a figure the system fills is marked so
                  {
                      trigger: ".o_kanban_record:contains('FC-01') .o_vstbpn_automatic",
                  },
              ]
            : []),
        ...editFigure("ACT-04", "female", "3"),
        ...editFigure("ACT-04", "male", "2"),
        ...editFigure("ACT-01", "value_number", "4"),
        ...saved(),
        figureShows("ACT-04", "total", "5"),
        // the filled XLSX form may be uploaded instead
        ...clickHeaderButton("action_submit", ["action_open_import_wizard"]),
        { trigger: ".modal-footer .btn-primary", run: "click" },
        ...stateIs("submitted"),
    ],
});

registry.category("web_tour.tours").add("vstbpn_report_return_tour", {
    steps: () => [
        figureShows("ACT-04", "total", "5"),
        ...clickHeaderButton("action_open_return_wizard"),
        {
            trigger: ".modal .o_field_widget[name='reason'] textarea",
            run: "edit Training participants: count the women of the second course too",
        },
        { trigger: ".modal-footer button[name='action_confirm']", run: "click" },
        ...stateIs("draft"),
    ],
});

registry.category("web_tour.tours").add("vstbpn_report_correct_tour", {
    steps: () => [
        // the reason, on top of the report
        {
            trigger: `${FORM} .alert:contains('count the women of the second course too')`,
        },
        ...editFigure("ACT-04", "female", "4"),
        ...saved(),
        figureShows("ACT-04", "total", "6"),
        ...clickHeaderButton("action_submit"),
        { trigger: ".modal-footer .btn-primary", run: "click" },
        ...stateIs("submitted"),
    ],
});

registry.category("web_tour.tours").add("vstbpn_report_accept_tour", {
    steps: () => [
        figureShows("ACT-04", "total", "6"),
        ...clickHeaderButton("action_accept"),
        ...stateIs("accepted"),
    ],
});
