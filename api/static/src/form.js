// The task page's form: the task's JSON Schema rendered by RJSF (form/render.js) inside the page's own
// POST form, which carries the data as JSON. The server validates (it alone knows the engine's clock for the
// plausibility bounds) and answers with errors per field, shown at the fields and in one summary above.
import { renderForm } from "./form/render.js";

var config = JSON.parse(document.getElementById("form-config").textContent);
var element = document.getElementById("editor");

// A new form starts from what the case already knows about its fields; a refused one from what was sent.
function startValues() {
  if (Object.keys(config.values).length) { return config.values; }
  var known = {};
  Object.keys(config.schema.properties || {}).forEach(function (key) {
    if (Object.prototype.hasOwnProperty.call(config.known, key)) { known[key] = config.known[key]; }
  });
  return known;
}

var form = renderForm(element, config.schema, config.ui, startValues(), null, {
  errors: config.errors,
  onReady: function () {
    element.dataset.ready = "true";
    var summary = document.getElementById("foutoverzicht");
    if (summary) { summary.focus(); }
  }
});
document.getElementById("taakformulier").addEventListener("submit", function () {
  document.getElementById("formdata").value = JSON.stringify(form.value());
});
