"""The assignment letter to the duo (seed 001, "Voorbeeldbrief aan gemeentelijk regisseur en casemanager zorg").

Sections are (heading, blocks); a block is a paragraph string or a list of bullet strings.
Placeholders: regio, zvh, casemanager, casusregisseur, pseudoniem, casus_id, datum.
"""

AANHEF = "Beste {casusregisseur} en {casemanager},"

SECTIES = [
    (None, [
        "Tijdens de Adviestafel Ketenveldnorm van het {zvh} is een persoon geïncludeerd in de "
        "levensloopfunctie (casus {casus_id}, pseudoniem {pseudoniem}). Jullie zijn als gemeentelijk "
        "regisseur en casemanager zorg in regio {regio} toegewezen aan deze persoon. Deze brief biedt een "
        "leidraad voor de te nemen stappen.",
    ]),
    ("Wat is de Ketenveldnorm levensloopfunctie en beveiligde intensieve zorg?", [
        "De Ketenveldnorm is ontwikkeld om een sterke verbetering te realiseren in de ondersteuning, begeleiding "
        "en zorg voor mensen met gevaarlijk gedrag als gevolg van een psychische stoornis en/of een verstandelijke "
        "beperking. De Ketenveldnorm richt zich op mensen die géén strafrechtelijke titel (meer) hebben, onder "
        "'reguliere' financieringsstromen vallen, maar wél een forensisch behandel- en begeleidingsklimaat met "
        "forensische expertise nodig hebben. Uitgangspunt is 'ambulant, tenzij...'. Professionals blijven zo lang "
        "als nodig betrokken, signaleren tijdig een mogelijke terugval en schalen begeleiding en zorg snel op en "
        "af. Beveiligde zorg is aanwezig, mocht dat nodig zijn.",
        "Met de uitvoering van de Ketenveldnorm bieden de betrokken ketenpartners:",
        ["Langdurige ambulante betrokkenheid en, zeker op overgangsmomenten, continuïteit van ondersteuning, "
         "zorg én gezichten; we laten niet los en beginnen dus niet steeds opnieuw.",
         "Forensische expertise voor mensen die géén strafrechtelijke titel hebben, waarmee we risicogericht "
         "behandelen en risico's tijdiger kunnen inschatten.",
         "Een vangnet voor ambulante zorg door snel op en af te kunnen schalen naar en van klinische beveiligde "
         "intensieve zorg.",
         "Intensieve samenwerking tussen ketenpartners zorg en veiligheid: we nemen samen verantwoordelijkheid "
         "om te doen wat nodig is."],
    ]),
    ("Wat is jullie rol?", [
        "De gemeentelijk regisseur ({casusregisseur}) is nauw betrokken bij de casus en heeft een groot aandeel "
        "in het gezamenlijk te maken plan van aanpak. De regisseur coördineert en volgt de gemeentelijke "
        "(maatwerk)ondersteuning, legt verbinding met Openbare Orde en Veiligheid binnen de gemeente en bewaakt "
        "de voortgang van de gehele casus en de acties van de andere partners.",
        "De casemanager zorg ({casemanager}) coördineert de (multidisciplinaire) zorg en schaalt zorg op en af, "
        "bijvoorbeeld naar en van klinische beveiligde intensieve zorg. De casemanager is eerste contactpersoon "
        "voor de geïncludeerde persoon, voert risicotaxaties uit, signaleert risico's en handelt daarnaar, ook "
        "als de persoon in detentie zit, klinische zorg krijgt of niet op afspraken verschijnt.",
    ]),
    ("Wat mogen jullie verwachten van de procesregisseur van het Zorg- en Veiligheidshuis?", [
        "De procesregisseur is onafhankelijk voorzitter van de Adviestafel en koppelt de uitkomst en adviezen "
        "terug aan de aanmelder. In het eerste Casus Op Maat overleg na inclusie maken jullie met de partners "
        "afspraken over het plan van aanpak en over de vraag of procesregie bij het Zorg- en Veiligheidshuis "
        "blijft.",
    ]),
    ("Samenspel en informeren van de persoon", [
        "Jullie hebben periodiek contact over de casus en de te ondernemen stappen. Na inclusie bespreken "
        "partners hoe de persoon in zorg komt en hoe het uitwisselen van informatie geregeld wordt: vrijwillig "
        "(met toestemmingsformulier), met bemoeizorg of met een gedwongen zorgkader.",
    ]),
    ("Contact", [
        "Voor vragen en suggesties kunnen jullie terecht bij het {zvh}.",
    ]),
]
