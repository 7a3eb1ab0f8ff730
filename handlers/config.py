"""The one place for business rules that process owners tune: intervals, deadlines, capacities.

Durations for escalations are in business days (Dutch public holidays excluded); intervals that
the domain states in months (risicotaxatie, overdracht) stay in calendar months and are then moved
to the next business day.
"""
from datetime import time

#: Time of day at which a computed deadline falls (Europe/Amsterdam local time).
WERKDAG_AANVANG = time(9, 0)

#: Months until the next risicotaxatie, per outcome of the last one.
RISICOTAXATIE_INTERVAL_MAANDEN = {"laag": 12, "gemiddeld": 6, "hoog": 3}

#: Business days after the start moment at which each escalation (or due moment) falls.
ESCALATIE_WERKDAGEN = {
    "melding_persoon": 5,         # melding aan persoon still not done after the postponement date
    "partnerinformatie": 10,      # partner information for the Adviestafel is late
    "plan_procesregisseur": 20,   # integraal plan van aanpak late: first the procesregisseur
    "plan_coordinator": 30,       # ... still late: the coordinator levensloopfunctie
    "risicotaxatie_te_laat": 10,  # risicotaxatie overdue after its due date
    "geen_contact": 20,           # no contact logged for four working weeks
    "evaluatie": 130,             # periodic evaluation of a cycle (about six months)
}

#: Maximum number of active casussen per case manager (seed 000: 5 to 6).
MAX_CASELOAD = 6

#: Months elsewhere after which a handover is considered (seed 000: "langer dan 3 maanden").
OVERDRACHT_MAANDEN = 3

#: Secured beds per organisation (seed 002).
BEDDEN = {
    "ggnet": {"naam": "GGNet", "capaciteit": 6},
    "pro_persona_pompe": {"naam": "Pro Persona / Pompe Stichting", "capaciteit": 16},
}

#: Regions and their Zorg- en Veiligheidshuis (seed 000: NOG, Gelderland-Midden, Gelderland-Zuid).
REGIO_ZVH = {
    "noord_oost_gelderland": "Zorg- en Veiligheidshuis Noord- en Oost-Gelderland",
    "gelderland_midden": "Zorg- en Veiligheidshuis Gelderland-Midden",
    "gelderland_zuid": "Zorg- en Veiligheidshuis Gelderland-Zuid",
}
REGIO_NAAM = {
    "noord_oost_gelderland": "Noord- en Oost-Gelderland",
    "gelderland_midden": "Gelderland-Midden",
    "gelderland_zuid": "Gelderland-Zuid",
}

#: Casusregie gezin (seed 003): below this age the JGZ (consultatiebureau) is always involved, from it the school.
JGZ_TOT_LEEFTIJD = 4
