"""Every handler the processes name is registered and follows the handler contract."""
import inspect

from handlers import HANDLERS


def test_every_handler_takes_the_context_first():
    for name, fn in HANDLERS.items():
        params = list(inspect.signature(fn).parameters)
        assert params[0] == "ctx", name
        assert fn.__doc__, f"{name} has no docstring"
