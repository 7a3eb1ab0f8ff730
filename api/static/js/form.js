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

  function adapt(schema, ui) {
    var copy = Object.assign({}, schema);
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
    if (copy.type === "boolean") {
      var choice = ui["ui:widget"] === "radio" || ui["ui:widget"] === "select";
      copy.format = choice ? "select" : "checkbox";
      copy.options.enum_titles = ["Ja", "Nee"];
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
      if (copy.items.enum) { copy.uniqueItems = true; copy.format = copy.format || "checkbox"; }
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
      var message = document.createElement("p");
      message.className = "veldfout";
      message.id = "fout-" + path.replace(/[^a-zA-Z0-9_-]/g, "-");
      message.textContent = config.errors[path];
      holder.classList.add("heeft-fout");
      holder.appendChild(message);
      holder.querySelectorAll("input, select, textarea").forEach(function (input) {
        input.setAttribute("aria-invalid", "true");
        input.setAttribute("aria-describedby", message.id);
      });
    });
  }

  window.JSONEditor.defaults.languages.nl = {
    button_add: "Toevoegen", button_add_row_title: "{{0}} toevoegen", button_cancel: "Annuleren",
    button_copy: "Kopiëren", button_copy_row_title: "{{0}} kopiëren", button_delete_all: "Alles",
    button_delete_all_title: "Alles verwijderen", button_delete_last: "Laatste {{0}}",
    button_delete_last_title: "Laatste {{0}} verwijderen", button_delete_row_title: "{{0}} verwijderen",
    button_move_down_title: "Omlaag", button_move_up_title: "Omhoog", button_save: "Opslaan"
  };
  window.JSONEditor.defaults.language = "nl";

  // json-editor hides screen-reader labels with style attributes, which our CSP blocks; use a class.
  var theme = window.JSONEditor.defaults.themes.html.prototype;
  function hidden(tag, text) {
    var el = document.createElement(tag);
    el.textContent = text;
    el.className = "visueel-verborgen";
    return el;
  }
  theme.visuallyHidden = function (el) { if (el) { el.classList.add("visueel-verborgen"); } };
  theme.getHiddenLabel = function (text) { return hidden("label", text); };
  theme.getHiddenText = function (text) { return hidden("span", text); };
  // The server is the one validator and speaks Dutch; json-editor's own (English) messages stay hidden.
  theme.getErrorMessage = function () { var el = document.createElement("p"); el.hidden = true; return el; };
  theme.addInputError = function () {};
  theme.removeInputError = function () {};
  theme.getOptInCheckbox = function (formname) {
    var container = document.createElement("span");
    var label = hidden("label", formname + "-opt-in");
    var checkbox = document.createElement("input");
    checkbox.type = "checkbox";
    checkbox.id = formname + "-opt-in";
    checkbox.className = "json-editor-opt-in";
    label.htmlFor = checkbox.id;
    container.appendChild(checkbox);
    container.appendChild(label);
    return { label: label, checkbox: checkbox, container: container };
  };

  var element = document.getElementById("editor");
  var editor = new window.JSONEditor(element, {
    schema: adapt(config.schema, config.ui),
    startval: startValues(),
    theme: "html",
    iconlib: null,
    disable_theme_rules: true,
    disable_collapse: true,
    disable_edit_json: true,
    disable_properties: true,
    disable_array_reorder: true,
    no_additional_properties: true,
    remove_empty_properties: true,
    show_errors: "never",
    prompt_before_delete: false
  });
  editor.on("ready", function () {
    showServerErrors(element);
    element.dataset.ready = "true";
  });
  document.getElementById("taakformulier").addEventListener("submit", function () {
    document.getElementById("formdata").value = JSON.stringify(editor.getValue());
  });
})();
