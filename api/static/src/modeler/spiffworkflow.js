// The moddle descriptor of the spiffworkflow extension namespace (SpiffArena's and ours), so the properties
// panel reads and writes typed extension elements; unknown ones still round-trip as generic elements.
export default {
  "name": "SpiffWorkflow",
  "prefix": "spiffworkflow",
  "uri": "http://spiffworkflow.org/bpmn/schema/1.0/core",
  "xml": { "tagAlias": "lowerCase" },
  "associations": [],
  "types": [
    { "name": "Properties", "superClass": ["Element"],
      "properties": [{ "name": "properties", "type": "Property", "isMany": true }] },
    { "name": "Property", "superClass": ["Element"],
      "properties": [{ "name": "name", "type": "String", "isAttr": true },
                     { "name": "value", "type": "String", "isAttr": true }] },
    { "name": "ServiceTaskOperator", "superClass": ["Element"],
      "properties": [{ "name": "id", "type": "String", "isAttr": true },
                     { "name": "resultVariable", "type": "String", "isAttr": true },
                     { "name": "parameterList", "type": "Parameters" }] },
    { "name": "Parameters", "superClass": ["Element"],
      "properties": [{ "name": "parameters", "type": "Parameter", "isMany": true }] },
    { "name": "Parameter", "superClass": ["Element"],
      "properties": [{ "name": "id", "type": "String", "isAttr": true },
                     { "name": "type", "type": "String", "isAttr": true },
                     { "name": "value", "type": "String", "isAttr": true }] },
    { "name": "CalledDecisionId", "superClass": ["Element"],
      "properties": [{ "name": "value", "type": "String", "isBody": true }] },
    { "name": "MessageVariable", "superClass": ["Element"],
      "properties": [{ "name": "value", "type": "String", "isBody": true }] },
    { "name": "PreScript", "superClass": ["Element"],
      "properties": [{ "name": "value", "type": "String", "isBody": true }] },
    { "name": "PostScript", "superClass": ["Element"],
      "properties": [{ "name": "value", "type": "String", "isBody": true }] },
    { "name": "InstructionsForEndUser", "superClass": ["Element"],
      "properties": [{ "name": "value", "type": "String", "isBody": true }] }
  ]
};
