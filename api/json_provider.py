"""The app's JSON provider: every JSON body Flask parses goes through the nesting limit."""
from flask.json.provider import DefaultJSONProvider

from engine.input_limits import load_json


class BoundedJSONProvider(DefaultJSONProvider):
    """``request.get_json()`` refuses bodies nested too deep with a 422 (TooDeeplyNested), not a 500."""

    def loads(self, s, **kwargs):
        return load_json(s, **kwargs)
