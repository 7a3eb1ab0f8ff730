"""The name → function table the engine resolves service tasks against."""
from handlers import (bedden, brief, duo, echo, escalatie, gezin, klinisch, overdracht, pseudonimisering, risicotaxatie,
                      wmo)

HANDLERS = {
    "echo": echo.echo,
    "escalatie_termijnen": escalatie.escalatie_termijnen,
    "risicotaxatie_volgende_datum": risicotaxatie.risicotaxatie_volgende_datum,
    "pseudonimiseren": pseudonimisering.pseudonimiseren,
    "duo_voorstellen": duo.duo_voorstellen,
    "duo_vaststellen": duo.duo_vaststellen,
    "toewijzingsbrief": brief.toewijzingsbrief,
    "klinische_opschaling_toetsen": klinisch.klinische_opschaling_toetsen,
    "bedden_beschikbaarheid": bedden.bedden_beschikbaarheid,
    "bed_reserveren": bedden.bed_reserveren,
    "bed_vrijgeven": bedden.bed_vrijgeven,
    "overdracht_beoordelen_per": overdracht.overdracht_beoordelen_per,
    "gezin_professionals": gezin.gezin_professionals,
    "wmo_termijnen": wmo.wmo_termijnen,
    "wmo_volgend_moment": wmo.wmo_volgend_moment,
}
