"""What a process owner sees of each handler when choosing one in the modeler: a Dutch description and
the kind of value each parameter expects. The parameter names themselves come from the signatures."""
from handlers.registry import parameters

TEXT, DATE, NUMBER, YESNO, LIST, OBJECT = "tekst", "datum (ISO 8601)", "getal", "ja/nee", "lijst", "object"

DESCRIPTIONS: dict[str, tuple[str, dict[str, str]]] = {
    "echo": ("Geeft de parameters ongewijzigd terug (voor tests en eenvoudige toewijzingen).", {}),
    "escalatie_termijnen": ("Berekent per soort termijn de uiterste datum, geteld vanaf een datum of vandaag.",
                            {"soorten": LIST, "vanaf": DATE}),
    "risicotaxatie_volgende_datum": ("Bepaalt wanneer de volgende risicotaxatie moet plaatsvinden.",
                                     {"laatste_datum": DATE, "uitkomst": TEXT}),
    "pseudonimiseren": ("Stelt het gepseudonimiseerde dossier voor de Adviestafel samen en weigert teksten die de "
                        "persoon nog herkenbaar maken.",
                        {"casus_id": TEXT, "persoon": OBJECT, "casusbeschrijving": TEXT, "regio": TEXT,
                         "problematiek": TEXT, "hulpvraag": TEXT, "partnerbijdragen": LIST}),
    "duo_voorstellen": ("Stelt per rol de medewerker in de regio voor met de laagste caseload.", {"regio": TEXT}),
    "duo_vaststellen": ("Legt het duo vast: het voorstel bij akkoord, anders de gekozen medewerkers.",
                        {"voorstel": OBJECT, "akkoord": YESNO, "wijziging": OBJECT}),
    "toewijzingsbrief": ("Maakt de toewijzingsbrief aan het duo (HTML en PDF).",
                         {"casus_id": TEXT, "duo": OBJECT, "regio": TEXT, "pseudoniem": TEXT}),
    "klinische_opschaling_toetsen": ("Keurt klinische opschaling goed als de indicatie er is en beide rollen door "
                                     "twee verschillende personen hebben getekend.",
                                     {"indicatie": TEXT, "ondertekeningen": LIST}),
    "bedden_beschikbaarheid": ("Toont per organisatie de capaciteit, gereserveerde en vrije bedden.", {}),
    "bed_reserveren": ("Reserveert één bed; geweigerd als de organisatie onbekend of vol is.",
                       {"organisatie": TEXT, "casus_id": TEXT, "datum": DATE}),
    "bed_vrijgeven": ("Geeft een eerder gereserveerd bed weer vrij.", {"reservering": OBJECT}),
    "overdracht_beoordelen_per": ("Bepaalt op welke werkdag een overdracht beoordeeld moet worden.",
                                  {"startdatum": DATE}),
    "gezin_professionals": ("Bepaalt welke professionals bij dit gezin betrokken moeten zijn en wie nog ontbreekt.",
                            {"kinderen": LIST, "huisarts_regelmatig_contact": YESNO, "professionals": LIST,
                             "eerder": LIST}),
    "wmo_termijnen": ("Berekent het einde van de beschikking en de maanden tussen contactmomenten.",
                      {"ingangsdatum": DATE, "duur_maanden": NUMBER, "contact_maanden": NUMBER}),
    "wmo_volgend_moment": ("Bepaalt het volgende contactmoment, tenzij de beschikking eerder eindigt.",
                           {"termijnen": OBJECT}),
}
ANY = "waarde"


def describe(handlers: dict) -> list[dict]:
    """Name, Dutch description and typed parameters of every handler in ``handlers``, by name."""
    out = []
    for name in sorted(handlers):
        text, types = DESCRIPTIONS.get(name, ("Geen beschrijving beschikbaar.", {}))
        params = parameters(handlers[name])
        out.append({"name": name, "description": text, "open": params["open"],
                    "parameters": [{"name": p, "type": types.get(p, ANY), "required": p in params["required"]}
                                   for p in params["required"] + params["optional"]]})
    return out
