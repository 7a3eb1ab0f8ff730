"""Casussen: lifelong cases that outlive their process instances — registration, cycles, endings, person data, views, need-to-know."""
