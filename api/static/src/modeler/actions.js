// The editor pages' buttons: validate (problems and differences) and deploy (with the comment) the edited file;
// validation also runs by itself shortly after each edit.
import { deploy, validate } from "./server";
import { createResults } from "./results";

/** `editor`: { file(): name, save(): Promise<text>, select(id), mark(marked) } */
export function wireActions(form, editor) {
  const results = createResults(document.getElementById("editor-uitkomst"), editor.select);
  const buttons = form.querySelectorAll("button[data-actie]");

  async function run(action, show) {
    buttons.forEach((b) => { b.disabled = true; });
    try {
      show(await action(form, editor.file(), await editor.save()));
    } catch (err) {
      results.say("Het bestand kon niet worden opgeslagen: " + err.message, "fout");
    } finally {
      buttons.forEach((b) => { b.disabled = false; });
    }
  }

  const check = () => run(validate, (result) => editor.mark(results.validated(result)));
  form.querySelector("[data-actie=valideren]").addEventListener("click", check);
  form.querySelector("[data-actie=deployen]").addEventListener("click",
    () => run(deploy, (result) => { results.deployed(result); editor.mark(null); }));
  form.addEventListener("submit", (event) => event.preventDefault());
  return { validate: check };
}

/** Validate on the server (our own rules) a moment after the last edit, as bpmnlint does in the browser. */
export function validateWhileEditing(actions, subscribe, delay = 1200) {
  let timer = null;
  subscribe(() => {
    clearTimeout(timer);
    timer = setTimeout(actions.validate, delay);
  });
}

/** Run an editor page's `start(container)` when the page has `id`; a failure is shown in Dutch on the page. */
export function boot(id, start, what, explain = (err) => err.message) {
  const container = document.getElementById(id);
  if (!container) { return; }
  start(container).catch((err) => {
    const message = container.querySelector(".diagram-fout");
    message.textContent = what + " kon niet worden geladen: " + explain(err);
    message.hidden = false;
  });
}
