"""Referrals over the case's own row: the pseudonymisation step refers a case to the Adviestafel,
which from then on sees it (pseudonymised). The fact is the engine's, never process data."""
from engine.persistence.tables import Casus


class DatabaseReferrals:
    def __init__(self, session, now, instance):
        self.session, self.now, self.instance = session, now, instance

    def refer(self) -> None:
        """Mark the step's case (its casus, or the instance itself) as referred, once."""
        if self.instance is None:
            raise RuntimeError("referral outside a step")
        case = self.session.get(Casus, self.instance.casus_id) if self.instance.casus_id else self.instance
        if case.referred_at is None:
            case.referred_at = self.now
