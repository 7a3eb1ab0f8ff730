"""Dutch wall-clock time: the one zone for date-times written without a UTC offset."""
from datetime import datetime
from zoneinfo import ZoneInfo

LOCAL_ZONE = ZoneInfo("Europe/Amsterdam")


def as_local(moment: datetime) -> datetime:
    """An aware moment as it is; a naive one read as Amsterdam wall-clock time (CET or CEST from the tz
    database), so its meaning does not depend on the host's ``TZ``."""
    return moment if moment.utcoffset() is not None else moment.replace(tzinfo=LOCAL_ZONE)
