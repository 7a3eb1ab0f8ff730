"""The WSGI entry point for gunicorn (``api.wsgi:create_production_app()``)."""
from api import create_app, secrets_config


def create_production_app():
    """The app for a production server: refused, like ``levensloop serve``, without its secrets."""
    reason = secrets_config.refusal()
    if reason:
        raise RuntimeError(reason)
    return create_app()
