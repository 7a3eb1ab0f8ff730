"""A diagnostic handler: returns its parameters, so a process owner can test a service task."""


def echo(ctx, **params):
    """Return the evaluated parameters unchanged."""
    return params
