"""A server-rendered list's pages: ``?pagina=`` in, the page asked for and the pager's links out."""
from urllib.parse import urlencode

from engine.persistence.pages import Page, PageRequest

PAGE_SIZE = 50


def page_number(args) -> int:
    """The page a query asks for (1 for anything that is not a positive number)."""
    try:
        return max(1, int(args.get("pagina", 1)))
    except ValueError:
        return 1


def page_of(page_number: int) -> PageRequest:
    return PageRequest(limit=PAGE_SIZE, offset=min((page_number - 1) * PAGE_SIZE, 10**9))


def pager(page: Page, args) -> dict:
    """Where this page is among all, with the query strings of the previous and the next page."""
    number = page.offset // page.limit + 1
    pages = max(1, -(-page.total // page.limit))

    def link(to: int) -> str:
        return "?" + urlencode({**{k: v for k, v in args.items() if k != "pagina"}, "pagina": to})

    return {"number": number, "pages": pages, "previous": link(number - 1) if number > 1 else None,
            "next": link(number + 1) if page.next_offset is not None else None}
