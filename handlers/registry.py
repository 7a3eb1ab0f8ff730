"""The name → function table the engine resolves service tasks against."""
from handlers import echo

HANDLERS = {
    "echo": echo.echo,
}
