// The form editor page: a deployed JSON-Schema (or UI schema) as text, checked as JSON while typing, with a live
// preview rendered by the task page's own renderer, and the same validate and deploy actions as the diagram editors.
import { renderForm } from "./form/render.js";
import { boot, wireActions } from "./modeler/actions";

const INVALID = "Geen geldige JSON: controleer haakjes, komma's en aanhalingstekens.";

function parsed(text) {
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new Error(INVALID);
  }
}

async function json(url) {
  const response = await fetch(url, { credentials: "same-origin" });
  return response.json();
}

// The preview of the form as edited: a schema with its UI schema (or a UI schema with its schema).
function previewer(container, partner) {
  const target = container.querySelector("#formulier-voorbeeld");
  const status = container.querySelector(".voorbeeld-status");
  let shown = null;
  return (value) => {
    const [schema, ui] = container.dataset.kind === "uischema" ? [partner || {}, value] : [value, partner || {}];
    if (shown) { shown.unmount(); }
    const mount = document.createElement("div");
    target.replaceChildren(mount);
    try {
      shown = renderForm(mount, schema, ui, {}, null);
      status.textContent = "";
    } catch (err) {
      shown = null;
      status.textContent = "Dit schema kan (nog) niet als formulier worden getoond.";
    }
  };
}

async function start(container) {
  const text = container.querySelector("textarea");
  const status = container.querySelector(".json-status");
  text.value = JSON.stringify(await json(container.dataset.xmlUrl), null, 2);
  const preview = previewer(container, container.dataset.partnerUrl ? await json(container.dataset.partnerUrl) : null);
  preview(parsed(text.value));

  text.addEventListener("input", () => {
    try {
      const value = parsed(text.value);
      status.textContent = "Geldige JSON.";
      text.removeAttribute("aria-invalid");
      preview(value);
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
