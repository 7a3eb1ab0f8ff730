// RJSF's ValidatorType on @cfworker/json-schema.
//
// Why not @rjsf/validator-ajv8: Ajv compiles every schema to code with `new Function`, which the page's
// Content-Security-Policy (no 'unsafe-eval') forbids. @cfworker/json-schema interprets schemas instead
// (drafts 4 to 2020-12), so RJSF can decide conditionals (if/then/else, dependencies, oneOf) in the page.
// The server stays the validator of record: it alone checks the plausibility keywords that depend on
// the engine's clock (x-niet-in-de-toekomst, x-uiterlijk) and the Dutch formats (telefoon, postcode,
// bsn), which this validator leaves to it. Messages come from the server's own table (messages.js).
import { Validator } from "@cfworker/json-schema";
import { createErrorHandler, toErrorSchema, unwrapErrorHandler, validationDataMerge } from "@rjsf/utils";
import { dutchMessage } from "./messages.js";

var COMBINATORS = ["anyOf", "oneOf"];
var compiled = new WeakMap();

function validatorFor(schema, rootSchema) {
  if (!compiled.has(schema)) {
    var copy = JSON.parse(JSON.stringify(schema));  // cfworker annotates what it dereferences
    if (rootSchema && rootSchema !== schema) {
      ["$defs", "definitions"].forEach(function (key) { if (rootSchema[key] && !copy[key]) { copy[key] = rootSchema[key]; } });
    }
    compiled.set(schema, new Validator(copy, "2020-12", false));
  }
  return compiled.get(schema);
}

// Form data as JSON has it: RJSF keeps emptied fields as undefined, which a JSON Schema validator cannot read.
function plain(data) {
  return data === undefined ? null : JSON.parse(JSON.stringify(data));
}

function pathOf(error) {
  var parts = error.instanceLocation.replace(/^#\/?/, "").split("/").filter(Boolean).map(function (part) {
    return decodeURIComponent(part).replace(/~1/g, "/").replace(/~0/g, "~");
  });
  if (error.keyword === "required" || error.keyword === "dependentRequired") {
    var missing = /"([^"]*)"\.$/.exec(error.error);
    if (missing) { parts.push(missing[1]); }
  }
  return parts;
}

// The errors a person can act on: not the wrappers ("property x does not match", "does not match the then
// schema") around a failing keyword, nor the failures inside each alternative of a oneOf/anyOf (the oneOf
// itself is reported).
function leaves(errors) {
  var inside = function (error, outer) { return error.keywordLocation.indexOf(outer.keywordLocation + "/") === 0; };
  var combinators = errors.filter(function (e) { return COMBINATORS.indexOf(e.keyword) >= 0; });
  var kept = errors.filter(function (e) {
    return e.keyword !== "if" && !combinators.some(function (c) { return inside(e, c); });
  });
  return kept.filter(function (e) { return !kept.some(function (other) { return other !== e && inside(other, e); }); });
}

function rjsfErrors(schema, data) {
  var seen = {};
  return leaves(validatorFor(schema).validate(plain(data)).errors).map(function (error) {
    var path = pathOf(error);
    return { name: error.keyword, property: "." + path.join("."), message: dutchMessage(schema, error),
             params: {}, schemaPath: error.keywordLocation, stack: path.join(".") + " " + error.error };
  }).filter(function (error) {  // one message per field, as the server gives
    var fresh = !seen[error.property];
    seen[error.property] = true;
    return fresh;
  });
}

export var validator = {
  validateFormData: function (formData, schema, customValidate, transformErrors, uiSchema) {
    var errors = rjsfErrors(schema, formData);
    if (transformErrors) { errors = transformErrors(errors, uiSchema); }
    var result = { errors: errors, errorSchema: toErrorSchema(errors) };
    if (customValidate) {
      var custom = customValidate(formData, createErrorHandler(formData), uiSchema);
      result = validationDataMerge(result, unwrapErrorHandler(custom));
    }
    return result;
  },
  isValid: function (schema, formData, rootSchema) {
    try {
      return validatorFor(schema, rootSchema).validate(plain(formData)).valid;
    } catch (err) {
      return false;
    }
  },
  rawValidation: function (schema, formData) {
    try {
      return { errors: validatorFor(schema).validate(plain(formData)).errors };
    } catch (err) {
      return { validationError: err };
    }
  }
};
