"""A small FEEL: unary tests and simple expressions, tokenized and parsed by hand (no regular expressions)."""
