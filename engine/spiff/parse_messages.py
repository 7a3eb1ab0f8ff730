"""SpiffWorkflow's parser messages in Dutch: a process owner never sees an English sentence or a Python repr.

Known ``ValidationException`` texts are translated; anything else becomes a generic Dutch message naming
the element, and the raw text goes to the server log only.
"""
import logging
import re

log = logging.getLogger(__name__)

TRANSLATIONS = [
    (r"Duplicate process ID: (?P<id>\S+)", "proces-id '{id}' komt meer dan eens voor"),
    (r"The process '(?P<id>[^']*)' was not found", "aangeroepen proces '{id}' bestaat niet in de upload en is niet gedeployed"),
    (r"A Service Task must have an operator", "servicetaak zonder handler (spiffworkflow:serviceTaskOperator ontbreekt)"),
    (r"No start event found", "het proces heeft geen startgebeurtenis"),
    (r"Process (?P<id>\S+) is not executable", "proces '{id}' is niet uitvoerbaar (isExecutable=\"true\" ontbreekt)"),
    (r"Non-default exclusive outgoing sequence flow without condition",
     "uitgaande stroom van een exclusieve gateway zonder voorwaarde en niet de standaardstroom"),
    (r"Cannot resolve dataInputAssociation", "de gegevensinvoer van dit element verwijst naar een onbekend gegevensobject"),
    (r"Cannot resolve dataOutputAssociation", "de gegevensuitvoer van dit element verwijst naar een onbekend gegevensobject"),
    (r"Multiple outgoing flows are not supported", "meerdere uitgaande stromen zonder gateway; gebruik een gateway"),
    (r"Invalid Script Task", "scripttaak zonder script"),
    (r"No \"calledElement\" attribute", "aanroepactiviteit zonder calledElement (welk proces wordt aangeroepen?)"),
    (r"Exactly one start event is required in a SubWorkflow", "een deelproces moet precies één startgebeurtenis hebben"),
    (r"A SubWorkflow Must contain an End event", "een deelproces moet een eindgebeurtenis hebben"),
    (r"Ad hoc subprocesses may not contain start or end events", "een ad-hocdeelproces mag geen start- of eindgebeurtenis bevatten"),
    (r"Sequential ordering for ad hoc subprocesses not supported", "sequentiële volgorde in een ad-hocdeelproces wordt niet ondersteund"),
    (r"Conditional event definition with missing condition", "voorwaardelijke gebeurtenis zonder voorwaarde"),
    (r"Unknown Time Specification", "onbekende timerdefinitie (gebruik timeDate, timeDuration of timeCycle)"),
    (r"Time Specification Error", "de timerexpressie is ongeldig"),
    (r"There is no support implemented for this task type", "dit soort element wordt niet ondersteund"),
    (r"Could not find messageRef from message event definition: (?P<id>\S+)", "bericht '{id}' is niet gedefinieerd"),
    (r"(Message|Signal|Error|Escalation|Correlation|Data Store) identifier is missing", "een definitie zonder id"),
    (r"Correlation is missing correlation property retrieval expressions: (?P<id>\S+)",
     "correlatie '{id}' zegt niet waar de waarde in het bericht staat"),
    (r"Message identifier is missing from correlation property: (?P<id>\S+)", "correlatie '{id}' noemt geen bericht"),
    (r"Data Store with name (?P<id>\S+) has no implementation", "gegevensopslag '{id}' wordt niet ondersteund"),
    (r"No decisions found", "het DMN-bestand bevat geen beslissing"),
    (r"Multiple decision tables are not current supported", "één beslistabel per beslissing wordt ondersteund"),
    (r"Unknown type in decision table", "onbekend type in de beslistabel"),
    (r"No DMN Diagram available with id \"?(?P<id>[^\",]+)", "beslissing '{id}' bestaat niet in de upload en is niet gedeployed"),
]
_COMPILED = [(re.compile(pattern), dutch) for pattern, dutch in TRANSLATIONS]


def dutch(raw: str, element_id: str | None = None, file: str | None = None) -> str:
    """The Dutch message for a SpiffWorkflow parser text; unknown texts are logged and get a generic one."""
    for pattern, text in _COMPILED:
        match = pattern.search(raw)
        if match:
            return text.format(**{k: v for k, v in match.groupdict().items() if v is not None})
    log.warning("untranslated SpiffWorkflow message (file %s, element %s): %s", file, element_id, raw)
    where = f" bij element '{element_id}'" if element_id else ""
    return f"het model kan niet worden gelezen{where}; controleer dit element in de modeler"
