// Posting the edited file to the server's validate and deploy endpoints, with the page's CSRF token.
const FAILED = {
  403: "U mag procesmodellen niet beheren.",
  413: "Het bestand is te groot.",
};

async function post(url, form, file, text) {
  const body = new FormData(form);
  body.append("files", new Blob([text], { type: "application/octet-stream" }), file);
  let response;
  try {
    response = await fetch(url, { method: "POST", body, credentials: "same-origin",
                                  headers: { Accept: "application/json" } });
  } catch (err) {
    return { ok: false, body: { message: "De server is niet bereikbaar. Probeer het opnieuw.", errors: [] } };
  }
  const json = (response.headers.get("Content-Type") || "").startsWith("application/json")
    ? await response.json() : {};
  if (!json.message && !response.ok) {
    json.message = FAILED[response.status] || "Er ging iets mis (HTTP " + response.status + ").";
  }
  return { ok: response.ok, status: response.status, body: json };
}

export const validate = (form, file, text) => post(form.dataset.validateUrl, form, file, text);
export const deploy = (form, file, text) => post(form.dataset.deployUrl, form, file, text);
