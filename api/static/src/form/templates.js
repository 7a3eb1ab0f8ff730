// RJSF templates for our pages: each field in a container the error summary links to (veld-<path>),
// errors as Dutch text under the field, titles, descriptions and help always as text, buttons with words.
import { createElement as h, useEffect, useRef } from "react";
import { TranslatableString as T, errorId, getUiOptions, helpId, titleId } from "@rjsf/utils";

/** The container id for a field path, as api/web/form_errors.anchor_of gives it to the summary's links. */
export function anchorOf(path) {
  return "veld-" + (path || "_").replace(/[^a-zA-Z0-9_-]/g, "-");
}

function required(isRequired) {
  return isRequired ? h("span", { className: "verplicht" }, " (verplicht)") : null;
}

// The inputs of this field (not of fields nested in it) say whether they were refused; a group of radio
// buttons is named by the field's label, for screen readers.
function markInputs(container, failed, labelId) {
  if (!container) { return; }
  container.querySelectorAll("input, select, textarea").forEach(function (input) {
    if (input.closest(".veld") !== container) { return; }
    if (failed) { input.setAttribute("aria-invalid", "true"); } else { input.removeAttribute("aria-invalid"); }
  });
  var group = container.querySelector(".field-radio-group");
  if (group && group.closest(".veld") === container && container.querySelector("#" + CSS.escape(labelId))) {
    group.setAttribute("role", "radiogroup");
    group.setAttribute("aria-labelledby", labelId);
  }
}

function FieldTemplate(props) {
  var ref = useRef(null);
  var path = (props.fieldPathId.path || []).join(".");
  var failed = !!(props.rawErrors && props.rawErrors.length);
  var labelId = props.id + "__label";
  useEffect(function () { markInputs(ref.current, failed, labelId); });
  if (props.hidden) { return h("div", { hidden: true }, props.children); }
  var showLabel = props.displayLabel && getUiOptions(props.uiSchema).widget !== "checkbox";
  return h("div", { ref: ref, id: anchorOf(path), "data-pad": path, className: "veld " + (props.classNames || "") + (failed ? " heeft-fout" : "") },
    showLabel ? h("label", { htmlFor: props.id, id: labelId }, props.label) : null,
    showLabel ? required(props.required) : null,
    props.displayLabel && props.description ? props.description : null,
    props.children, props.errors, props.help);
}

function FieldErrorTemplate(props) {
  var errors = (props.errors || []).filter(Boolean);
  if (!errors.length) { return null; }
  return h.apply(null, ["p", { id: errorId(props.fieldPathId), className: "veldfout" }].concat(errors));
}

function TitleFieldTemplate(props) {
  return h("legend", { id: props.id }, props.title, required(props.required), props.optionalDataControl || null);
}

function DescriptionFieldTemplate(props) {
  return props.description ? h("div", { id: props.id, className: "veldtoelichting" }, props.description) : null;
}

function FieldHelpTemplate(props) {
  return props.help ? h("div", { id: helpId(props.fieldPathId), className: "veldhulp" }, props.help) : null;
}

function ArrayFieldTemplate(props) {
  var translate = props.registry.translateString;
  var items = props.schema.items && typeof props.schema.items === "object" ? props.schema.items : {};
  var description = getUiOptions(props.uiSchema).description || props.schema.description;
  return h("fieldset", { className: "lijst " + (props.className || ""), id: props.fieldPathId.$id },
    props.title ? h("legend", { id: titleId(props.fieldPathId) }, props.title, required(props.required)) : null,
    description ? h("div", { className: "veldtoelichting" }, description) : null,
    props.optionalDataControl || null,
    h("div", { className: "lijst-items" }, props.items),
    props.canAdd ? h("button", { type: "button", className: "knop-klein", disabled: props.disabled || props.readonly,
                                 onClick: props.onAddClick }, (items.title || translate(T.ArrayItemTitle)) + " toevoegen") : null);
}

function textButton(key) {
  return function TextButton(props) {
    var rest = Object.assign({}, props);
    ["iconType", "icon", "uiSchema", "registry", "title"].forEach(function (name) { delete rest[name]; });
    rest.type = "button";
    rest.className = "knop-klein " + (props.className || "");
    return h("button", rest, props.registry.translateString(key));
  };
}

export var templates = {
  FieldTemplate: FieldTemplate, FieldErrorTemplate: FieldErrorTemplate, TitleFieldTemplate: TitleFieldTemplate,
  DescriptionFieldTemplate: DescriptionFieldTemplate, FieldHelpTemplate: FieldHelpTemplate,
  ArrayFieldTemplate: ArrayFieldTemplate,
  ButtonTemplates: {
    AddButton: textButton(T.AddButton), CopyButton: textButton(T.CopyButton), RemoveButton: textButton(T.RemoveButton),
    MoveUpButton: textButton(T.MoveUpButton), MoveDownButton: textButton(T.MoveDownButton), ClearButton: textButton(T.ClearButton)
  }
};
