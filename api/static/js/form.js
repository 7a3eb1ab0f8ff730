// Renders a task's JSON Schema form with json-editor; server-side errors are shown at their fields.
// The UI schemas in forms/ use RJSF conventions (ui:order, ui:widget, ui:help); they are mapped
// onto json-editor's schema options here, so forms stay renderer-neutral data.
(function () {
  "use strict";
  var config = JSON.parse(document.getElementById("form-config").textContent);
  var WIDGET_FORMATS = { textarea: "textarea", radio: "radio", date: "date", checkboxes: "checkbox" };

  function constChoices(options) {
    if (!Array.isArray(options) || !options.length) { return null; }
    if (!options.every(function (o) { return o && Object.prototype.hasOwnProperty.call(o, "const"); })) { return null; }
    return { values: options.map(function (o) { return o.const; }),
             titles: options.map(function (o) { return o.title || String(o.const); }) };
  }

  // Conditions (allOf/if/then/else) are for the server's validator; json-editor would render every
  // branch as a separate form. Fields a branch defines are shown on the one form instead.
  var CONDITIONS = ["allOf", "if", "then", "else", "dependentRequired", "dependentSchemas", "not"];

  function withoutConditions(schema) {
    var branches = [];
    CONDITIONS.forEach(function (key) {
      if (schema[key]) { branches = branches.concat(schema[key]); }
      delete schema[key];
    });
    branches.forEach(function (branch) {
      if (!branch || typeof branch !== "object") { return; }
      var extra = withoutConditions(Object.assign({}, branch)).properties || {};
      Object.keys(extra).forEach(function (key) {
        if (extra[key] && extra[key].type) {
          schema.properties = Object.assign({}, schema.properties);
          schema.properties[key] = schema.properties[key] || extra[key];
        }
      });
    });
    return schema;
  }

  function adapt(schema, ui) {
    var copy = withoutConditions(Object.assign({}, schema));
    ui = ui || {};
    delete copy.$schema;
    delete copy.$id;
    delete copy.errorMessage;
    copy.options = Object.assign({}, copy.options);
    var choices = constChoices(copy.oneOf || copy.anyOf);
    if (choices) {
      delete copy.oneOf;
      delete copy.anyOf;
      copy.enum = choices.values;
      copy.options.enum_titles = choices.titles;
    }
    if (ui["ui:widget"] && WIDGET_FORMATS[ui["ui:widget"]]) { copy.format = WIDGET_FORMATS[ui["ui:widget"]]; }
    if (ui["ui:help"]) { copy.description = ui["ui:help"]; }
    if (copy.type === "boolean" && (ui["ui:widget"] === "radio" || ui["ui:widget"] === "select")) {
      copy.enum = [true, false];
      copy.options.enum_titles = ["Ja", "Nee"];
    } else if (copy.type === "boolean") {
      copy.format = "checkbox";
    }
    if (copy.enum && copy.type !== "array") {
      copy.options.keuze = copy.format === "radio" ? "radio" : "select";
      copy.options.has_placeholder_option = true;
      copy.options.placeholder_option_text = "— kies —";
    }
    if (copy.properties) {
      var order = ui["ui:order"] || [];
      copy.properties = Object.fromEntries(Object.entries(copy.properties).map(function (entry) {
        var child = adapt(entry[1], ui[entry[0]]);
        var position = order.indexOf(entry[0]);
        child.propertyOrder = position < 0 ? 1000 : position + 1;
        return [entry[0], child];
      }));
    }
    if (copy.items && typeof copy.items === "object") {
      copy.items = adapt(copy.items, ui.items);
      if (copy.items.enum) {
        delete copy.items.options.keuze;  // a multiple choice is a set of checkboxes, empty at the start anyway
        copy.uniqueItems = true;
        copy.format = copy.format || "checkbox";
      }
    }
    return copy;
  }

  function startValues() {
    if (Object.keys(config.values).length) { return config.values; }
    var known = {};
    Object.keys(config.schema.properties || {}).forEach(function (key) {
      if (Object.prototype.hasOwnProperty.call(config.known, key)) { known[key] = config.known[key]; }
    });
    return known;
  }

  function showServerErrors(root) {
    Object.keys(config.errors).forEach(function (path) {
      var holder = root.querySelector('[data-schemapath="' + (path === "_" ? "root" : "root." + path) + '"]');
      if (!holder) { return; }
      var key = path.replace(/[^a-zA-Z0-9_-]/g, "-");  // as api/web/form_errors.anchor_of, for the summary's links
      var message = document.createElement("p");
      message.className = "veldfout";
      message.id = "fout-" + key;
      message.textContent = config.errors[path];
      holder.classList.add("heeft-fout");
      holder.id = "veld-" + key;
      holder.appendChild(message);
      holder.querySelectorAll("input, select, textarea").forEach(function (input) {
        input.setAttribute("aria-invalid", "true");
        input.setAttribute("aria-describedby", message.id);
      });
    });
  }

  // Empty answers are left out, so the server reports them as missing; an empty object the schema
  // requires is kept, so the server names its missing fields ("Persoon › Naam") rather than the group.
  function pruned(value, schema) {
    schema = schema || {};
    if (Array.isArray(value)) {
      return value.map(function (item) { return pruned(item, schema.items); });
    }
    if (!value || typeof value !== "object") { return value; }
    var result = {}, required = schema.required || [], properties = schema.properties || {};
    Object.keys(value).forEach(function (key) {
      var child = pruned(value[key], properties[key]);
      var empty = child === undefined || child === null || child === "" ||
        (typeof child === "object" && !Array.isArray(child) && !Object.keys(child).length && required.indexOf(key) < 0);
      if (!empty) { result[key] = child; }
    });
    return result;
  }

  var element = document.getElementById("editor");
  var formSchema = adapt(config.schema, config.ui);
  var editor = new window.JSONEditor(element, {
    schema: formSchema,
    startval: startValues(),
    theme: "html",
    iconlib: null,
    disable_theme_rules: true,
    disable_collapse: true,
    disable_edit_json: true,
    disable_properties: true,
    disable_array_reorder: true,
    no_additional_properties: true,
    show_errors: "never",
    prompt_before_delete: false
  });
  // A group of radio buttons is named by its field label, for screen readers.
  function labelRadioGroups(root) {
    root.querySelectorAll('[data-container-for="radio"]').forEach(function (group, i) {
      var label = group.parentNode.querySelector(":scope > label");
      if (!label) { return; }
      label.id = label.id || "keuze-" + i;
      group.setAttribute("role", "radiogroup");
      group.setAttribute("aria-labelledby", label.id);
    });
  }

  editor.on("ready", function () {
    labelRadioGroups(element);
    showServerErrors(element);
    element.dataset.ready = "true";
    var summary = document.getElementById("foutoverzicht");
    if (summary) { summary.focus(); }
  });
  document.getElementById("taakformulier").addEventListener("submit", function () {
    document.getElementById("formdata").value = JSON.stringify(pruned(editor.getValue(), formSchema));
  });
})();
