// The form editor page: a deployed JSON-Schema (or UI schema) as text, checked as JSON while typing, with the
// same validate and deploy actions as the diagram editors.
import { boot, wireActions } from "./modeler/actions";

const INVALID = "Geen geldige JSON: controleer haakjes, komma's en aanhalingstekens.";

function parsed(text) {
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new Error(INVALID);
  }
}

async function start(container) {
  const text = container.querySelector("textarea");
  const status = container.querySelector(".json-status");
  const response = await fetch(container.dataset.xmlUrl, { credentials: "same-origin" });
  text.value = JSON.stringify(await response.json(), null, 2);

  text.addEventListener("input", () => {
    try {
      parsed(text.value);
      status.textContent = "Geldige JSON.";
      text.removeAttribute("aria-invalid");
    } catch (err) {
      status.textContent = err.message;
      text.setAttribute("aria-invalid", "true");
    }
  });

  wireActions(document.getElementById("editor-acties"), {
    file: () => container.dataset.file,
    save: async () => JSON.stringify(parsed(text.value), null, 2) + "\n",
    select() {},
    mark() {},
  });
  container.dataset.ready = "true";
}

boot("schema-editor", start, "Het formulier");
