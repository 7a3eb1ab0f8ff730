// Our properties panel groups for the spiffworkflow extensions the engine reads: forms and due dates of user
// tasks, handlers of service tasks, roles of lanes, casus endings, decisions, message variables and correlations.
import { h } from "@bpmn-io/properties-panel/preact";
import { SelectEntry, TextFieldEntry, isSelectEntryEdited, isTextFieldEntryEdited } from "@bpmn-io/properties-panel";
import { useService } from "bpmn-js-properties-panel";
import { getBusinessObject, is } from "bpmn-js/lib/util/ModelUtil";
import {
  bodyValue, operator, parameterValues, property, setBodyValue, setOperator, setParameter, setProperties,
  setResultVariable,
} from "./extensions";

const FORM = "formJsonSchemaFilename", UI_FORM = "formUiSchemaFilename";

function ChoiceEntry(props) {
  const { element, id, label, description, get, set, options } = props;
  const injector = useService("injector"), translate = useService("translate");
  const choices = useService("levensloopChoices");
  return h(SelectEntry, {
    element, id, label: translate(label), description: description && translate(description),
    getValue: () => get(element), setValue: (value) => set(injector, value),
    getOptions: () => [{ value: "", label: translate("(geen)") }].concat(options(choices)),
  });
}

function TextEntry(props) {
  const { element, id, label, description, get, set } = props;
  const injector = useService("injector"), translate = useService("translate");
  return h(TextFieldEntry, {
    element, id, label: translate(label), description: description && translate(description),
    debounce: useService("debounceInput"), getValue: () => get(element), setValue: (value) => set(injector, value),
  });
}

const choice = (spec) => ({ component: ChoiceEntry, isEdited: isSelectEntryEdited, ...spec });
const text = (spec) => ({ component: TextEntry, isEdited: isTextFieldEntryEdited, ...spec });
const named = (values) => values.map((value) => ({ value, label: value }));

function formGroup(element) {
  return [
    choice({
      id: "ll-form", label: "Formulier",
      description: "Het JSON-Schema-formulier dat de medewerker invult (uit de modelset en forms/).",
      options: (choices) => choices.forms.map((form) => ({ value: form.schema, label: form.name })),
      get: (el) => property(el, FORM),
      set: (injector, value) => {
        const form = injector.get("levensloopChoices").forms.find((f) => f.schema === value);
        setProperties(injector, element, { [FORM]: value, [UI_FORM]: form ? form.uischema : "" });
      },
    }),
    text({
      id: "ll-due-date", label: "Uiterste datum (expressie)",
      description: "Python-expressie met een ISO 8601-datum, bijv. cyclus_termijnen[\"evaluatie\"].",
      get: (el) => property(el, "due_date"),
      set: (injector, value) => setProperties(injector, element, { due_date: value }),
    }),
  ];
}

function handlerOf(injector, element) {
  const op = operator(element);
  return op && injector.get("levensloopChoices").handlers.find((handler) => handler.name === op.id);
}

function serviceGroup(element, injector) {
  const handler = handlerOf(injector, element);
  const values = parameterValues(element);
  const params = handler ? handler.parameters : Object.keys(values).map((name) => ({ name, type: "waarde" }));
  return [
    choice({
      id: "ll-handler", label: "Handler",
      description: handler ? handler.description : "Kies wat deze servicetaak uitvoert.",
      options: (choices) => choices.handlers.map((item) => ({ value: item.name, label: item.name })),
      get: (el) => (operator(el) && operator(el).id) || "",
      set: (inj, value) => setOperator(inj, element, inj.get("levensloopChoices").handlers.find((item) => item.name === value)),
    }),
    text({
      id: "ll-result", label: "Resultaatvariabele", description: "De variabele die het resultaat van de handler krijgt.",
      get: (el) => (operator(el) && operator(el).resultVariable) || "",
      set: (inj, value) => setResultVariable(inj, element, value),
    }),
  ].concat(params.map((param) => text({
    id: "ll-param-" + param.name, label: param.name + " (" + param.type + (param.required ? ", verplicht" : "") + ")",
    description: "Python-expressie voor deze parameter.",
    get: (el) => parameterValues(el)[param.name] || "",
    set: (inj, value) => setParameter(inj, element, param.name, value),
  })));
}

function laneGroup(element) {
  return [choice({
    id: "ll-role", label: "Rol", description: "Alleen medewerkers met deze rol voeren de taken in deze baan uit.",
    options: (choices) => named(choices.roles),
    get: (el) => getBusinessObject(el).name || "",
    set: (injector, value) => injector.get("modeling").updateProperties(element, { name: value }),
  })];
}

function endGroup(element) {
  return [
    choice({
      id: "ll-chain-to", label: "Vervolgproces (chain_to)",
      description: "De casus gaat verder in een nieuwe zaak van dit proces.",
      options: (choices) => named(choices.processes),
      get: (el) => property(el, "chain_to"),
      set: (injector, value) => setProperties(injector, element, { chain_to: value }),
    }),
    text({
      id: "ll-carry-over", label: "Mee te nemen gegevens (carry_over)",
      description: "Variabelenamen, gescheiden door komma's.",
      get: (el) => property(el, "carry_over"),
      set: (injector, value) => setProperties(injector, element, { carry_over: value }),
    }),
    choice({
      id: "ll-casus-status", label: "Casusstatus (casus_status)", options: (choices) => named(choices.casus_statuses),
      get: (el) => property(el, "casus_status"),
      set: (injector, value) => setProperties(injector, element, { casus_status: value }),
    }),
  ];
}

function decisionGroup(element) {
  return [choice({
    id: "ll-decision", label: "Beslissing", description: "De DMN-beslissing die deze taak uitvoert.",
    options: (choices) => named(choices.decisions),
    get: (el) => bodyValue(getBusinessObject(el), "spiffworkflow:CalledDecisionId"),
    set: (injector, value) => setBodyValue(injector, element, getBusinessObject(element),
      "spiffworkflow:CalledDecisionId", value),
  })];
}

function messageDefinition(element) {
  const definitions = getBusinessObject(element).get("eventDefinitions") || [];
  return definitions.find((d) => is(d, "bpmn:MessageEventDefinition"));
}

/** The correlation properties' retrieval expressions for the event's message. */
function correlations(element) {
  const definition = messageDefinition(element), message = definition && definition.messageRef;
  if (!message) { return []; }
  const root = message.$parent.get("rootElements").filter((e) => is(e, "bpmn:CorrelationProperty"));
  return root.flatMap((prop) => prop.get("correlationPropertyRetrievalExpression")
    .filter((expr) => expr.messageRef === message).map((expr) => ({ prop, expr })));
}

function messageGroup(element) {
  const definition = messageDefinition(element);
  return [text({
    id: "ll-message-variable", label: "Berichtvariabele",
    description: "De variabele die de inhoud van het ontvangen bericht krijgt.",
    get: () => bodyValue(definition, "spiffworkflow:MessageVariable"),
    set: (injector, value) => setBodyValue(injector, element, definition, "spiffworkflow:MessageVariable", value),
  })].concat(correlations(element).map(({ prop, expr }) => text({
    id: "ll-correlation-" + prop.id, label: "Correlatie " + (prop.name || prop.id),
    description: "Expressie die bij dit bericht de waarde van de correlatiesleutel geeft.",
    get: () => (expr.messageRef && expr.messagePath && expr.messagePath.body) || "",
    set: (injector, value) => injector.get("modeling").updateModdleProperties(element, expr.messagePath, { body: value }),
  })));
}

function groupsFor(element, injector) {
  const groups = [];
  const add = (id, label, entries) => groups.push({ id, label: injector.get("translate")(label), entries });
  if (is(element, "bpmn:UserTask")) { add("ll-user-task", "Formulier en termijn", formGroup(element)); }
  if (is(element, "bpmn:ServiceTask")) { add("ll-service-task", "Servicetaak", serviceGroup(element, injector)); }
  if (is(element, "bpmn:BusinessRuleTask")) { add("ll-decision", "Beslissing", decisionGroup(element)); }
  if (is(element, "bpmn:Lane")) { add("ll-lane", "Rol", laneGroup(element)); }
  if (is(element, "bpmn:EndEvent")) { add("ll-casus", "Casus", endGroup(element)); }
  if (is(element, "bpmn:CatchEvent") && messageDefinition(element)) {
    add("ll-message", "Bericht en correlatie", messageGroup(element));
  }
  return groups;
}

class LevensloopPropertiesProvider {
  constructor(propertiesPanel, injector) {
    this._injector = injector;
    propertiesPanel.registerProvider(500, this);
  }

  /** Our groups right after "General". */
  getGroups(element) {
    return (groups) => {
      const general = groups.findIndex((group) => group.id === "general");
      groups.splice(general + 1, 0, ...groupsFor(element, this._injector));
      return groups;
    };
  }
}
LevensloopPropertiesProvider.$inject = ["propertiesPanel", "injector"];

export default function propertiesModule(choices) {
  return {
    __init__: ["levensloopPropertiesProvider"],
    levensloopPropertiesProvider: ["type", LevensloopPropertiesProvider],
    levensloopChoices: ["value", choices],
  };
}
