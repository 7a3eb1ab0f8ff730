// Dutch messages for failed JSON Schema keywords, from the same table the server uses
// (engine/process_models/form_messages.json), so a field error reads the same on both sides.
import table from "../../../../engine/process_models/form_messages.json";

function at(schema, pointer) {
  // The schema node at a JSON pointer such as "#/properties/naam/maxLength", or undefined.
  return pointer.replace(/^#\/?/, "").split("/").filter(Boolean).reduce(function (node, part) {
    var key = decodeURIComponent(part).replace(/~1/g, "/").replace(/~0/g, "~");
    return node && typeof node === "object" ? node[key] : undefined;
  }, schema);
}

/** The Dutch text for one validator error ({keyword, keywordLocation}) against ``schema``. */
export function dutchMessage(schema, error) {
  var parent = at(schema, error.keywordLocation.replace(/\/[^/]*$/, ""));
  if (parent && typeof parent.errorMessage === "string") { return parent.errorMessage; }
  var value = at(schema, error.keywordLocation);
  if (error.keyword === "format") { return table.formats[value] || table.format; }
  var template = table.keywords[error.keyword] || table.fallback;
  var types = (Array.isArray(value) ? value : [value]).map(function (t) { return table.types[t] || String(t); });
  return template.replace("{limit}", String(value)).replace("{type}", types.join(" of "));
}
