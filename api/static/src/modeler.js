// The BPMN modeler page: bpmn-js with the properties panel, our spiffworkflow groups, Dutch labels and
// bpmnlint live; validate, show the differences with the deployed version, and deploy the edited file.
import "@bpmn-io/properties-panel/assets/properties-panel.css";
import "bpmn-js-bpmnlint/dist/assets/css/bpmn-js-bpmnlint.css";
import Modeler from "bpmn-js/lib/Modeler";
import { BpmnPropertiesPanelModule, BpmnPropertiesProviderModule } from "bpmn-js-properties-panel";
import lintModule from "bpmn-js-bpmnlint";
import { boot, validateWhileEditing, wireActions } from "./modeler/actions";
import { EMPTY_DIAGRAM } from "./modeler/empty";
import lintConfig from "./modeler/lint-config";
import propertiesModule from "./modeler/properties";
import spiffworkflow from "./modeler/spiffworkflow";
import translations from "./modeler/translations";

const MARKERS = { added: "ll-nieuw", changed: "ll-gewijzigd" };

async function start(container) {
  const choices = JSON.parse(document.getElementById("modeler-keuzes").textContent);
  const modeler = new Modeler({
    container: container.querySelector(".modeler-canvas"),
    propertiesPanel: { parent: container.querySelector(".modeler-eigenschappen") },
    additionalModules: [BpmnPropertiesPanelModule, BpmnPropertiesProviderModule, propertiesModule(choices),
                        translations, lintModule],
    moddleExtensions: { spiffworkflow },
    linting: { bpmnlint: lintConfig, active: true },
  });
  const url = container.dataset.xmlUrl;
  const xml = url ? await (await fetch(url, { credentials: "same-origin" })).text() : EMPTY_DIAGRAM;
  await modeler.importXML(xml);
  const canvas = modeler.get("canvas"), registry = modeler.get("elementRegistry");
  canvas.zoom("fit-viewport", "auto");
  let marked = [];

  const actions = wireActions(document.getElementById("editor-acties"), {
    file: () => container.dataset.file || modeler.getDefinitions().rootElements
      .find((e) => e.$type === "bpmn:Process").id + ".bpmn",
    save: async () => (await modeler.saveXML({ format: true })).xml,
    select(id) {
      const element = registry.get(id);
      if (!element) { return; }
      modeler.get("selection").select(element);
      canvas.scrollToElement(element);
    },
    mark(found) {
      marked.forEach(([id, cls]) => canvas.removeMarker(id, cls));
      marked = [];
      Object.entries(found || {}).forEach(([kind, ids]) => ids.filter((id) => registry.get(id)).forEach((id) => {
        canvas.addMarker(id, MARKERS[kind]);
        marked.push([id, MARKERS[kind]]);
      }));
    },
  });
  validateWhileEditing(actions, (changed) => modeler.on("commandStack.changed", changed));
  container.dataset.ready = "true";
}

boot("modeler", start, "Het diagram", (err) => (err.message === "no diagram to display"
  ? "het bestand bevat geen diagramgegevens (BPMN DI)." : err.message));
