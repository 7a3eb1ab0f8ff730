// Widgets in Dutch: a date typed as dd-mm-jjjj (stored as an ISO date), choices that start empty, a checkbox
// that must be ticked says "(verplicht)".
import { createElement as h } from "react";
import getDefaultRegistry from "@rjsf/core/lib/getDefaultRegistry.js";
import { ariaDescribedByIds, schemaRequiresTrueValue } from "@rjsf/utils";

var ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
var DUTCH = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/;

/** '2027-04-21' → '21-04-2027'; anything else as it is. */
export function toDutchDate(value) {
  var match = ISO.exec(value || "");
  return match ? match[3] + "-" + match[2] + "-" + match[1] : (value || "");
}

/** '21-4-2027' → '2027-04-21'; text that is no date stays as typed, so the server can say what is wrong. */
export function toIsoDate(text) {
  var match = DUTCH.exec(text.trim());
  if (!match) { return text.trim() || undefined; }
  var pad = function (part) { return ("0" + part).slice(-2); };
  return match[3] + "-" + pad(match[2]) + "-" + pad(match[1]);
}

function DutchDateWidget(props) {
  return h("input", {
    type: "text", id: props.id, name: props.htmlName || props.id, className: "form-control datum",
    value: toDutchDate(props.value), placeholder: "dd-mm-jjjj", inputMode: "numeric", autoComplete: "off",
    required: props.required, disabled: props.disabled || props.readonly, autoFocus: props.autofocus,
    "aria-describedby": ariaDescribedByIds(props.id),
    onChange: function (event) { props.onChange(toIsoDate(event.target.value)); },
    onBlur: function (event) { props.onBlur(props.id, toIsoDate(event.target.value)); },
    onFocus: function (event) { props.onFocus(props.id, toIsoDate(event.target.value)); }
  });
}

function DutchCheckboxWidget(props) {
  var mustTick = props.required && schemaRequiresTrueValue(props.schema);
  return h("div", { className: "checkbox" },
    h("label", null,
      h("input", { type: "checkbox", id: props.id, name: props.htmlName || props.id, checked: props.value === true,
                   required: mustTick, disabled: props.disabled || props.readonly, autoFocus: props.autofocus,
                   "aria-describedby": ariaDescribedByIds(props.id),
                   onChange: function (event) { props.onChange(event.target.checked); },
                   onBlur: function (event) { props.onBlur(props.id, event.target.checked); },
                   onFocus: function (event) { props.onFocus(props.id, event.target.checked); } }),
      props.label),
    mustTick ? h("span", { className: "verplicht" }, " (verplicht)") : null);
}

var Select = getDefaultRegistry().widgets.SelectWidget;

// Nothing is chosen by accident: a choice starts at "— kies —".
function SelectWithPrompt(props) {
  return h(Select, Object.assign({}, props, { placeholder: props.placeholder || "— kies —" }));
}

export var widgets = { CheckboxWidget: DutchCheckboxWidget, DateWidget: DutchDateWidget, SelectWidget: SelectWithPrompt };
