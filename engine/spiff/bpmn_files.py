"""Parse deployed BPMN/DMN files with SpiffWorkflow's spiff parser, refusing unsafe XML first."""
from defusedxml import DTDForbidden, EntitiesForbidden, ExternalReferenceForbidden
from defusedxml.ElementTree import fromstring as safe_fromstring
from lxml import etree
from SpiffWorkflow.bpmn.parser.ValidationException import ValidationException

from engine.decisions.errors import DecisionRefused
from engine.errors import DeployRefused
from engine.input_limits import MAX_NESTING, TOO_DEEP, xml_depth
from engine.spiff.decision_tasks import DecisionParser

MODEL_SUFFIXES = (".bpmn", ".dmn")
SAFE_LXML = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)


def check_safe_xml(filename: str, text: str) -> etree._Element:
    """Refuse DTDs, entities, external references and too deep nesting before lxml ever sees the document."""
    try:
        root = safe_fromstring(text.encode("utf-8"), forbid_dtd=True)
    except (DTDForbidden, EntitiesForbidden, ExternalReferenceForbidden) as err:
        raise DeployRefused(
            f"{filename}: onveilige XML geweigerd (DTD of entiteiten zijn niet toegestaan)",
            [{"file": filename, "element": None, "message": f"onveilige XML: {type(err).__name__}"}],
        ) from err
    except Exception as err:  # defusedxml raises the stdlib ParseError for malformed XML
        raise DeployRefused(
            f"{filename}: geen geldige XML ({err})",
            [{"file": filename, "element": None, "message": f"geen geldige XML: {err}"}],
        ) from err
    if xml_depth(root) > MAX_NESTING:
        raise DeployRefused(f"{filename}: {TOO_DEEP}", [{"file": filename, "element": None, "message": TOO_DEEP}])
    return etree.fromstring(text.encode("utf-8"), parser=SAFE_LXML)


def parse_models(files: dict[str, str]) -> DecisionParser:
    """Load every .bpmn/.dmn file of a deployment into one parser; errors name file and element."""
    parser = DecisionParser()
    for filename, text in sorted(files.items()):
        if not filename.endswith(MODEL_SUFFIXES):
            continue
        tree = check_safe_xml(filename, text)
        try:
            if filename.endswith(".dmn"):
                parser.add_dmn_xml(tree, filename=filename)
            else:
                parser.add_bpmn_xml(tree, filename=filename)
        except ValidationException as err:
            raise DeployRefused(f"{filename}: {err}", [_validation_error(filename, err)]) from err
        except DecisionRefused as err:
            raise _decision_refused(filename, err) from err
        except Exception as err:  # e.g. a .dmn file that is XML but not DMN: lxml's XPathEvalError
            message = f"geen leesbaar {filename.rsplit('.', 1)[1].upper()}-bestand ({type(err).__name__}: {err})"
            raise DeployRefused(f"{filename}: {message}", [{"file": filename, "element": None, "message": message}]) from err
    try:
        parser.check_decisions()
    except DecisionRefused as err:
        raise _decision_refused(parser.decisions[err.decision].file, err) from err
    return parser


def _decision_refused(filename: str, err: DecisionRefused) -> DeployRefused:
    return DeployRefused(f"{filename}: {err.message}",
                         [{"file": filename, "element": err.rule or err.decision, "message": err.message}])


def _validation_error(filename: str, err: ValidationException) -> dict:
    return {
        "file": getattr(err, "file_name", None) or filename,
        "element": getattr(err, "id", None) or None,
        "message": str(err),
    }


def executable_process_ids(parser: DecisionParser) -> list[str]:
    """Process ids marked executable (what a process owner means by a process model)."""
    return parser.get_process_ids()


def load_specs(parser: DecisionParser, process_id: str):
    """Return (spec, subprocess_specs) for starting a workflow; spiff errors become DeployRefused."""
    try:
        return parser.get_spec(process_id), parser.get_subprocess_specs(process_id)
    except ValidationException as err:
        raise DeployRefused(str(err), [_validation_error(getattr(err, "file_name", "") or "", err)]) from err
