// Showing the server's answer: Dutch problems per element (a click selects the element), what differs from
// the deployed version, and the versions a deploy made.
const STATUS = { new: "nieuw", changed: "gewijzigd", unchanged: "ongewijzigd" };

function clear(list) {
  while (list.firstChild) { list.removeChild(list.firstChild); }
}

function item(list, text, onClick) {
  const li = document.createElement("li");
  if (onClick) {
    const button = document.createElement("button");
    button.type = "button";
    button.className = "link";
    button.textContent = text;
    button.addEventListener("click", onClick);
    li.appendChild(button);
  } else {
    li.textContent = text;
  }
  list.appendChild(li);
  return li;
}

function describe(problem) {
  const where = [problem.element_name || problem.element_id, problem.line ? "regel " + problem.line : ""]
    .filter(Boolean).join(", ");
  return (where ? where + ": " : "") + problem.message;
}

export function createResults(root, select) {
  const part = (name) => root.querySelector("[data-deel=" + name + "]");
  const lists = { errors: part("fouten"), warnings: part("waarschuwingen"), diff: part("verschil") };
  const message = part("melding");

  function say(text, kind) {
    message.textContent = text;
    message.className = "bericht bericht-" + kind;
    message.setAttribute("role", kind === "fout" ? "alert" : "status");
    message.hidden = false;
  }

  function problems(body) {
    ["errors", "warnings"].forEach((kind) => {
      clear(lists[kind]);
      (body[kind] || []).forEach((p) => item(lists[kind], describe(p), p.element_id ? () => select(p.element_id) : null));
      lists[kind].closest("section").hidden = !(body[kind] || []).length;
    });
  }

  /** The flow nodes added or changed against the newest deployed version; returns them for markers. */
  function differences(processes) {
    clear(lists.diff);
    const marked = { added: [], changed: [] };
    (processes || []).forEach((proc) => {
      const elements = proc.elements || { added: [], changed: [], removed: [] };
      item(lists.diff, proc.name + ": " + STATUS[proc.status] +
        (proc.previous_version ? " ten opzichte van versie " + proc.previous_version : ""));
      elements.added.forEach((e) => { marked.added.push(e.id); item(lists.diff, "nieuw: " + (e.name || e.id), () => select(e.id)); });
      elements.changed.forEach((e) => {
        marked.changed.push(e.id);
        item(lists.diff, "gewijzigd: " + (e.name || e.id) + " (" + e.aspects.join(", ") + ")", () => select(e.id));
      });
      elements.removed.forEach((e) => item(lists.diff, "verwijderd: " + (e.name || e.id)));
    });
    lists.diff.closest("section").hidden = !(processes || []).length;
    return marked;
  }

  function validated(result) {
    problems(result.body);
    if (!result.ok) { say(result.body.message, "fout"); return null; }
    const errors = result.body.errors.length;
    say(errors ? errors + (errors === 1 ? " fout" : " fouten") + " gevonden; deployen kan pas als ze zijn opgelost."
      : "Geen fouten gevonden." + (result.body.warnings.length ? " Bekijk de waarschuwingen." : ""),
    errors ? "fout" : "melding");
    return differences(result.body.processes);
  }

  function deployed(result) {
    problems(result.body);
    if (!result.ok) { say(result.body.message, "fout"); return; }
    clear(lists.diff);
    lists.diff.closest("section").hidden = false;
    result.body.processes.forEach((p) => {
      const li = item(lists.diff, "");
      const link = document.createElement("a");
      link.href = p.url;
      link.textContent = p.name + " versie " + p.version;
      li.appendChild(link);
      li.appendChild(document.createTextNode(" (" + STATUS[p.status] + ")"));
    });
    say(result.body.created ? "Gedeployed." : "Niets gewijzigd: deze inhoud was al gedeployed.", "melding");
  }

  return { validated, deployed, say };
}
