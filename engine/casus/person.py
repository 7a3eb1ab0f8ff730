"""The casus's personal data, behind one pair of functions: how it is stored (issue 7 encrypts
it) changes here and nowhere else."""
from engine.errors import Invalid
from engine.persistence.tables import Casus

PERSON_FIELDS = ("naam", "bsn", "geboortedatum", "adres", "telefoon")


def read(casus: Casus) -> dict:
    return dict(casus.person or {})


def write(casus: Casus, person: dict) -> None:
    """Store the person; only the known fields, as text, and a name is required."""
    if not isinstance(person, dict):
        raise Invalid("Persoonsgegevens ontbreken.", {"person": "Verwacht een object."})
    errors = {f"person.{k}": "Onbekend veld." for k in person if k not in PERSON_FIELDS}
    errors.update({f"person.{k}": "Verwacht tekst." for k in PERSON_FIELDS
                   if person.get(k) is not None and not isinstance(person[k], str)})
    if not str(person.get("naam") or "").strip():
        errors["person.naam"] = "Verplicht."
    if errors:
        raise Invalid("Ongeldige persoonsgegevens.", errors)
    casus.person = {k: person[k] for k in PERSON_FIELDS if person.get(k) is not None}
