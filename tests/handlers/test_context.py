"""A handler that needs a port the engine did not provide refuses, naming the port."""
import pytest

from handlers import HandlerError
from handlers.bedden import bedden_beschikbaarheid
from tests.handlers.conftest import context


def test_a_missing_port_is_a_dutch_refusal_naming_it():
    with pytest.raises(HandlerError, match="Het beddenregister is niet beschikbaar \\(port 'bedden'\\)"):
        bedden_beschikbaarheid(context())
