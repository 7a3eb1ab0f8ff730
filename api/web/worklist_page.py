"""The worklist page's query string: its filters, order and page number, and the pager's links."""
from urllib.parse import urlencode

from engine.instances.worklist_query import HOLDERS, SORTS, WorklistFilter
from engine.persistence.pages import Page, PageRequest

PAGE_SIZE = 50
SORT_LABELS = {"created": "Aangemaakt, oudste eerst", "-created": "Aangemaakt, nieuwste eerst",
               "due": "Uiterlijk, eerst wat het eerst moet", "process": "Proces"}


def filters_from(args) -> tuple[WorklistFilter, int]:
    """The filters a page's query asks for; a value the page cannot have offered is simply ignored."""
    sort = args.get("sortering", "created")
    holder = args.get("toewijzing")
    try:
        page_number = max(1, int(args.get("pagina", 1)))
    except ValueError:
        page_number = 1
    return WorklistFilter(
        process_instance=args.get("zaak") or None, casus=args.get("casus") or None, lane=args.get("rol") or None,
        process=args.get("proces") or None, overdue=args.get("te_laat") == "1",
        holder=holder if holder in HOLDERS else None, sort=sort if sort in SORTS else "created"), page_number


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
