"""The engine runtime as a Flask extension: set once by the app factory, read by views and commands."""
from flask import current_app

NAME = "levensloop"


def runtime():
    """The app's ``engine.bootstrap.Runtime``."""
    return current_app.extensions[NAME]
