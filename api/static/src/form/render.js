// renderForm: a JSON Schema form (with its RJSF UI schema) rendered by RJSF in Dutch, for the task page
// and for anyone who shows a form (the modeler's preview).
import { createElement as h, createRef, useEffect } from "react";
import { createRoot } from "react-dom/client";
// Deep imports: the package index also exports a test registry that pulls in the Ajv validator.
import Form from "@rjsf/core/lib/components/Form.js";
import { templates } from "./templates.js";
import { translateString } from "./translations.js";
import { validator } from "./validator.js";
import { widgets } from "./widgets.js";

/** Server field errors ({"persoon.naam": "…", "_": "…"}) as RJSF's error schema, so each shows at its field. */
export function errorSchemaOf(fields) {
  var schema = {};
  Object.keys(fields || {}).forEach(function (path) {
    var node = schema;
    (path === "_" ? [] : path.split(".")).forEach(function (part) { node = node[part] = node[part] || {}; });
    node.__errors = (node.__errors || []).concat([fields[path]]);
  });
  return schema;
}

/** Empty answers are left out, so the server reports them as missing; an empty object the schema requires
 *  is kept, so the server names its missing fields ("Persoon › Naam") rather than the group. */
export function pruned(value, schema) {
  schema = schema || {};
  if (Array.isArray(value)) { return value.map(function (item) { return pruned(item, schema.items); }); }
  if (!value || typeof value !== "object") { return value; }
  var result = {}, requiredKeys = schema.required || [], properties = schema.properties || {};
  Object.keys(value).forEach(function (key) {
    var child = pruned(value[key], properties[key]);
    var empty = child === undefined || child === null || child === "" ||
      (typeof child === "object" && !Array.isArray(child) && !Object.keys(child).length && requiredKeys.indexOf(key) < 0);
    if (!empty) { result[key] = child; }
  });
  return result;
}

function Mounted(props) {
  useEffect(function () { if (props.onMount) { props.onMount(); } }, []);
  return props.children;
}

/**
 * Render ``schema`` into ``element``; nothing is chosen by accident (neither a ``const`` nor a required yes/no
 * question starts answered). With ``onSubmit`` the form has its own submit button and calls
 * ``onSubmit(data)`` once the data passes the client validator; without it the form is part of a page
 * form (the task page), which reads ``value()`` when it submits and leaves validation to the server.
 * ``options.errors``: server field errors by path; ``options.onReady``: called once the form is in the page.
 * Returns ``{value, validate, unmount}``.
 */
export function renderForm(element, schema, uiSchema, formData, onSubmit, options) {
  options = options || {};
  uiSchema = uiSchema || {};
  var form = createRef();
  var ui = Object.assign({}, uiSchema, {
    "ui:globalOptions": Object.assign({ orderable: false, copyable: false }, uiSchema["ui:globalOptions"]),
    "ui:submitButtonOptions": Object.assign({ submitText: "Versturen", norender: !onSubmit }, uiSchema["ui:submitButtonOptions"])
  });
  var root = createRoot(element);
  root.render(h(Mounted, { onMount: options.onReady }, h(Form, {
    ref: form, schema: schema, uiSchema: ui, formData: formData, validator: validator, templates: templates,
    widgets: widgets, translateString: translateString, tagName: onSubmit ? "form" : "div", showErrorList: false,
    noHtml5Validate: true, experimental_defaultFormStateBehavior: { constAsDefaults: "never", requiredBooleanDefault: "skip" }, omitExtraData: true, liveOmit: "onChange", extraErrors: errorSchemaOf(options.errors),
    onSubmit: function (event) { onSubmit(pruned(event.formData, schema)); }
  })));
  return {
    value: function () { return pruned(form.current ? form.current.state.formData : formData, schema); },
    validate: function () { return form.current ? form.current.validateForm() : false; },
    unmount: function () { root.unmount(); }
  };
}
