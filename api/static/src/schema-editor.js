// The form editor page: a deployed JSON-Schema (or UI schema) as text, checked as JSON while typing, with the
// same validate and deploy actions as the diagram editors.
import { boot, wireActions } from "./modeler/actions";

async function start(container) {
  const text = container.querySelector("textarea");
  const status = container.querySelector(".json-status");
  const response = await fetch(container.dataset.xmlUrl, { credentials: "same-origin" });
  text.value = JSON.stringify(await response.json(), null, 2);

  text.addEventListener("input", () => {
    try {
      JSON.parse(text.value);
      status.textContent = "Geldige JSON.";
      text.removeAttribute("aria-invalid");
    } catch (err) {
      status.textContent = "Geen geldige JSON: " + err.message;
      text.setAttribute("aria-invalid", "true");
    }
  });

  wireActions(document.getElementById("editor-acties"), {
    file: () => container.dataset.file,
    save: async () => JSON.stringify(JSON.parse(text.value), null, 2) + "\n",
    select() {},
    mark() {},
  });
  container.dataset.ready = "true";
}

boot("schema-editor", start, "Het formulier");
