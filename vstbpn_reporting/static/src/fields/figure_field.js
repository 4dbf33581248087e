import { registry } from "@web/core/registry";
import { FloatField, floatField } from "@web/views/fields/float/float_field";
import { formatFloat } from "@web/views/fields/formatters";

/**
 * A reported figure: "3" meetings and "12,5" percent, not "3,00" and "12,50".
 * Most indicators count whole things; the field's two digits are there for
 * decimals and percentages, not to be shown on every count.
 */
export class FigureField extends FloatField {
    get formattedValue() {
        if (!this.props.formatNumber) {
            return super.formattedValue;
        }
        return formatFloat(this.value, {
            digits: this.props.digits,
            field: this.props.record.fields[this.props.name],
            trailingZeros: false,
        });
    }
}

registry.category("fields").add("vstbpn_figure", {
    ...floatField,
    component: FigureField,
});
