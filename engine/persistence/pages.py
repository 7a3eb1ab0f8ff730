"""Paginated lists: every list endpoint returns one page of rows filtered in SQL, and the total."""
from dataclasses import dataclass

from sqlalchemy import func, select

DEFAULT_LIMIT = 50
MAX_LIMIT = 500
MAX_OFFSET = 10**9  # beyond any list; keeps the value a database integer


@dataclass(frozen=True)
class PageRequest:
    limit: int = DEFAULT_LIMIT
    offset: int = 0


#: The largest page: what the server-rendered pages show (they say so when there is more).
WHOLE_LIST = PageRequest(limit=MAX_LIMIT)


@dataclass(frozen=True)
class Page:
    items: list
    total: int
    limit: int
    offset: int

    @property
    def next_offset(self) -> int | None:
        following = self.offset + self.limit
        return following if following < self.total else None


def rows(session, query, page: PageRequest) -> tuple[list, int]:
    """One page of ``query``'s rows (as ``session.execute`` gives them) and the count of all of them."""
    total = session.scalar(select(func.count()).select_from(query.order_by(None).subquery()))
    return session.execute(query.limit(page.limit).offset(page.offset)).all(), total
