// The decision editor page: dmn-js (diagram, decision tables, literal expressions) on a deployed DMN file,
// with the same validate and deploy actions as the BPMN modeler.
import "dmn-js/dist/assets/diagram-js.css";
import "dmn-js/dist/assets/dmn-js-shared.css";
import "dmn-js/dist/assets/dmn-js-drd.css";
import "dmn-js/dist/assets/dmn-js-decision-table.css";
import "dmn-js/dist/assets/dmn-js-decision-table-controls.css";
import "dmn-js/dist/assets/dmn-js-literal-expression.css";
import "dmn-js/dist/assets/dmn-js-boxed-expression.css";
import "dmn-js/dist/assets/dmn-js-boxed-expression-controls.css";
import DmnModeler from "dmn-js/lib/Modeler";
import { boot, wireActions } from "./modeler/actions";
import translations from "./modeler/translations";

const KINDS = { drd: "Diagram", decisionTable: "Beslistabel", literalExpression: "Expressie" };

function viewButtons(nav, modeler) {
  const show = () => {
    while (nav.firstChild) { nav.removeChild(nav.firstChild); }
    const active = modeler.getActiveView();
    modeler.getViews().forEach((view) => {
      const button = document.createElement("button");
      button.type = "button";
      button.textContent = (KINDS[view.type] || view.type) + ": " + (view.element.name || view.element.id);
      button.setAttribute("aria-pressed", String(view === active));
      button.addEventListener("click", () => modeler.open(view));
      nav.appendChild(button);
    });
  };
  modeler.on("views.changed", show);
  show();
}

async function start(container) {
  const modeler = new DmnModeler({
    container: container.querySelector(".dmn-editor"),
    common: { additionalModules: [translations] },
  });
  const response = await fetch(container.dataset.xmlUrl, { credentials: "same-origin" });
  await modeler.importXML(await response.text());
  const table = modeler.getViews().find((view) => view.type === "decisionTable");
  if (table) { await modeler.open(table); }
  viewButtons(container.querySelector(".dmn-weergaven"), modeler);

  wireActions(document.getElementById("editor-acties"), {
    file: () => container.dataset.file,
    save: async () => (await modeler.saveXML({ format: true })).xml,
    select(id) {
      const view = modeler.getViews().find((v) => v.element.id === id);
      if (view) { modeler.open(view); }
    },
    mark() {},
  });
  container.dataset.ready = "true";
}

boot("dmn-modeler", start, "De beslissing");
