"""Paginated lists over HTTP: ``?limit=&offset=`` in, the page as the JSON array out, with the total in
``X-Total-Count`` and the next page in a ``Link: <…>; rel="next"`` header (RFC 8288), so clients that
read the array keep working and clients that page can follow the link."""
from flask import jsonify, request, url_for
from marshmallow import EXCLUDE, Schema, fields, validate

from engine.persistence.pages import DEFAULT_LIMIT, MAX_LIMIT, MAX_OFFSET, Page, PageRequest

class PageArgs(Schema):
    class Meta:
        unknown = EXCLUDE

    limit = fields.Integer(load_default=DEFAULT_LIMIT, strict=False,
                           validate=validate.Range(1, MAX_LIMIT, error=f"Kies een aantal van 1 tot en met {MAX_LIMIT}."),
                           error_messages={"invalid": "Verwacht een geheel getal."})
    offset = fields.Integer(load_default=0, validate=validate.Range(0, MAX_OFFSET, error=f"Kies 0 tot en met {MAX_OFFSET}."),
                            error_messages={"invalid": "Verwacht een geheel getal."})


def page_request() -> PageRequest:
    """The page the request asks for; 422 with Dutch field errors for a bad limit or offset."""
    return PageRequest(**PageArgs().load(request.args.to_dict()))


def paged(page: Page):
    """The response for one page of a list endpoint."""
    response = jsonify(page.items)
    response.headers["X-Total-Count"] = str(page.total)
    if page.next_offset is not None:
        args = {**request.args.to_dict(), **(request.view_args or {}), "limit": page.limit,
                "offset": page.next_offset}
        response.headers["Link"] = f'<{url_for(request.endpoint, **args)}>; rel="next"'
    return response


def filters() -> dict:
    """The request's query arguments other than the page's, for a list's own strict filter schema."""
    return {key: value for key, value in request.args.items() if key not in PageArgs().fields}
