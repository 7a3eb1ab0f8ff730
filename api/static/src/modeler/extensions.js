// Reading and changing spiffworkflow extension elements as undoable commands, one undo step per change.
import { getBusinessObject, is } from "bpmn-js/lib/util/ModelUtil";

const MULTI = "properties-panel.multi-command-executor";

function update(element, moddleElement, properties) {
  return { cmd: "element.updateModdleProperties", context: { element, moddleElement, properties } };
}

export function extension(bo, type) {
  const ext = bo && bo.get("extensionElements");
  return ext ? ext.get("values").find((value) => is(value, type)) : undefined;
}

/** The extension element of `type` on `target` (a moddle element of `element`), created when missing. */
function ensureExtension(moddle, element, target, type, attrs, commands) {
  let ext = target.get("extensionElements");
  if (!ext) {
    ext = moddle.create("bpmn:ExtensionElements", { values: [] });
    ext.$parent = target;
    commands.push(update(element, target, { extensionElements: ext }));
  }
  let found = ext.get("values").find((value) => is(value, type));
  if (!found) {
    found = moddle.create(type, attrs);
    found.$parent = ext;
    commands.push(update(element, ext, { values: ext.get("values").concat(found) }));
  }
  return found;
}

export function property(element, name) {
  const props = extension(getBusinessObject(element), "spiffworkflow:Properties");
  const found = props && props.get("properties").find((p) => p.name === name);
  return found ? found.value : "";
}

/** Set spiffworkflow:property values by name; an empty value removes the property. */
export function setProperties(injector, element, changes) {
  const moddle = injector.get("moddle"), commands = [];
  const props = ensureExtension(moddle, element, getBusinessObject(element), "spiffworkflow:Properties",
    { properties: [] }, commands);
  let list = props.get("properties").slice();
  Object.entries(changes).forEach(([name, value]) => {
    const found = list.find((p) => p.name === name);
    if (!value) {
      list = list.filter((p) => p !== found);
    } else if (found) {
      commands.push(update(element, found, { value }));
    } else {
      const created = moddle.create("spiffworkflow:Property", { name, value });
      created.$parent = props;
      list.push(created);
    }
  });
  commands.push(update(element, props, { properties: list }));
  injector.get("commandStack").execute(MULTI, commands);
}

/** The body text of a single-valued extension element (calledDecisionId, messageVariable) on `target`. */
export function bodyValue(target, type) {
  const found = extension(target, type);
  return found ? found.value || "" : "";
}

export function setBodyValue(injector, element, target, type, value) {
  const commands = [];
  const found = ensureExtension(injector.get("moddle"), element, target, type, {}, commands);
  commands.push(update(element, found, { value }));
  injector.get("commandStack").execute(MULTI, commands);
}

export function operator(element) {
  return extension(getBusinessObject(element), "spiffworkflow:ServiceTaskOperator");
}

/** Choose a handler: keeps the values of parameters the new handler also takes (all of them if it is open). */
export function setOperator(injector, element, handler) {
  const moddle = injector.get("moddle"), commands = [];
  const op = ensureExtension(moddle, element, getBusinessObject(element), "spiffworkflow:ServiceTaskOperator",
    {}, commands);
  const old = parameterValues(element);
  let list = op.get("parameterList");
  if (!list) {
    list = moddle.create("spiffworkflow:Parameters", { parameters: [] });
    list.$parent = op;
  }
  const names = (handler ? handler.parameters : []).map((p) => p.name);
  const kept = handler && handler.open ? Object.keys(old).filter((name) => !names.includes(name)) : [];
  const params = names.concat(kept).map((name) => {
    const created = moddle.create("spiffworkflow:Parameter", { id: name, type: "any", value: old[name] || "" });
    created.$parent = list;
    return created;
  });
  commands.push(update(element, list, { parameters: params }));
  commands.push(update(element, op, { id: handler ? handler.name : undefined, parameterList: list }));
  injector.get("commandStack").execute(MULTI, commands);
}

export function parameterValues(element) {
  const op = operator(element), list = op && op.get("parameterList");
  const values = {};
  (list ? list.get("parameters") : []).forEach((p) => { values[p.id] = p.value || ""; });
  return values;
}

export function setParameter(injector, element, name, value) {
  const op = operator(element), moddle = injector.get("moddle"), commands = [];
  let list = op.get("parameterList");
  if (!list) {
    list = moddle.create("spiffworkflow:Parameters", { parameters: [] });
    list.$parent = op;
    commands.push(update(element, op, { parameterList: list }));
  }
  const found = list.get("parameters").find((p) => p.id === name);
  if (found) {
    commands.push(update(element, found, { value }));
  } else {
    const created = moddle.create("spiffworkflow:Parameter", { id: name, type: "any", value });
    created.$parent = list;
    commands.push(update(element, list, { parameters: list.get("parameters").concat(created) }));
  }
  injector.get("commandStack").execute(MULTI, commands);
}

export function setResultVariable(injector, element, value) {
  const commands = [];
  const op = ensureExtension(injector.get("moddle"), element, getBusinessObject(element),
    "spiffworkflow:ServiceTaskOperator", {}, commands);
  commands.push(update(element, op, { resultVariable: value || undefined }));
  injector.get("commandStack").execute(MULTI, commands);
}
