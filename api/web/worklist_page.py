"""The worklist page's query string: its filters, order and page number."""
from api.web import pager
from engine.instances.worklist_query import HOLDERS, SORTS, WorklistFilter

SORT_LABELS = {"created": "Aangemaakt, oudste eerst", "-created": "Aangemaakt, nieuwste eerst",
               "due": "Uiterlijk, eerst wat het eerst moet", "process": "Proces"}


def filters_from(args) -> tuple[WorklistFilter, int]:
    """The filters a page's query asks for; a value the page cannot have offered is simply ignored."""
    sort = args.get("sortering", "created")
    holder = args.get("toewijzing")
    number = pager.page_number(args)
    return WorklistFilter(
        process_instance=args.get("zaak") or None, casus=args.get("casus") or None, lane=args.get("rol") or None,
        process=args.get("proces") or None, overdue=args.get("te_laat") == "1",
        holder=holder if holder in HOLDERS else None, sort=sort if sort in SORTS else "created"), number
