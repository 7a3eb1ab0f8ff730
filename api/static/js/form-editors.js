// json-editor adjusted to our forms, before any form is rendered: choices that start empty, optional
// fields that stay on the form, Dutch button texts, and a theme that works under our CSP.
(function () {
  "use strict";
  // A choice starts empty ("— kies —", or no radio button chosen), so nobody submits an option by accident;
  // json-editor itself would pre-select the first one. An unchosen field is left out of the data (pruned).
  var UNCHOSEN = [undefined, null, "", "undefined", "_placeholder_"];
  function startsEmpty(Base) {
    return class extends Base {
      getDefault() { return undefined; }
      typecast(value) {
        if (UNCHOSEN.indexOf(value) >= 0) { return undefined; }
        if (this.schema.type === "boolean" && typeof value === "string") { return value === "true"; }
        return super.typecast(value);
      }
    };
  }
  var editors = window.JSONEditor.defaults.editors;
  editors.keuze_select = startsEmpty(editors.select);
  // json-editor ticks the radio whose value string equals the field's value, which a boolean never does.
  editors.keuze_radio = class extends startsEmpty(editors.radio) {
    build() {
      super.build();
      var group = this.radioGroup, self = this;
      group.forEach(function (radio) {
        radio.addEventListener("change", function () {
          group.forEach(function (other) { other.checked = other.value === String(self.getValue()); });
        });
      });
    }
  };
  // json-editor applies a start value as a user edit, which drops every optional field the value
  // lacks (a BSN could not be entered); applied as the initial value, all fields stay on the form.
  editors.object = class extends editors.object {
    setValue(value) { super.setValue(value, true); }
  };
  window.JSONEditor.defaults.resolvers.unshift(function (schema) {
    var kind = schema.options && schema.options.keuze;
    return kind ? "keuze_" + kind : undefined;
  });

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
})();
