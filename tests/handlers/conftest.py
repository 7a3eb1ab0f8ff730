"""Shared context for handler tests: a fixed clock and in-memory ports."""
from datetime import datetime, timezone

import pytest

from handlers import HandlerContext
from handlers.memory_ports import MemoryBeds, MemoryCaseManagers, MemoryReferrals, StaticKey


def context(now=datetime(2027, 4, 20, 8, 0, tzinfo=timezone.utc), **ports) -> HandlerContext:
    return HandlerContext(now=now, ports=ports)


@pytest.fixture
def ctx():
    return context(pseudoniem_sleutel=StaticKey(b"geheim"), bedden=MemoryBeds(), casemanagers=MemoryCaseManagers(),
                   verwijzing=MemoryReferrals())
