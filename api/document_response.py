"""A case document as an HTTP response (API and web alike). HTML comes with its own policy — no
scripts, no requests, a sandbox without same-origin — so stored markup never runs as part of our site;
only the inline view may be framed, and only by our own pages."""
from flask import Response

HTML_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'self'; sandbox"
MIMETYPES = {"pdf": "application/pdf", "html": "text/html"}


def document_response(document: dict, kind: str, inline: bool = False) -> Response:
    """``document`` as engine.instances.documents.read returns it; downloads are attachments."""
    disposition = "inline" if inline else "attachment"
    response = Response(document["content"], mimetype=MIMETYPES[kind],
                        headers={"Content-Disposition": f'{disposition}; filename="{document["filename"]}"'})
    if kind == "html":
        response.headers["Content-Security-Policy"] = HTML_CSP
        response.headers["X-Frame-Options"] = "SAMEORIGIN" if inline else "DENY"
    return response
