"""Parse deployed BPMN/DMN files with SpiffWorkflow's spiff parser, refusing unsafe XML first.

Every refusal is Dutch and names file, element and line; SpiffWorkflow's own texts are translated
(``engine.spiff.parse_messages``), never shown raw.
"""
import logging

from defusedxml import DTDForbidden, EntitiesForbidden, ExternalReferenceForbidden
from defusedxml.ElementTree import fromstring as safe_fromstring
from lxml import etree
from SpiffWorkflow.bpmn.parser.ValidationException import ValidationException

from engine.decisions.errors import DecisionRefused
from engine.errors import DeployRefused
from engine.input_limits import MAX_NESTING, TOO_DEEP, xml_depth
from engine.process_models.problems import locate, problem
from engine.spiff.decision_tasks import DecisionParser
from engine.spiff.parse_messages import dutch

log = logging.getLogger(__name__)

MODEL_SUFFIXES = (".bpmn", ".dmn")
BPMN_NS = "http://www.omg.org/spec/BPMN/20100524/MODEL"
SAFE_LXML = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)


def _refuse(filename: str, message: str, line: int | None = None):
    return DeployRefused(f"{filename}: {message}", [problem(filename, message, line=line)])


def check_safe_xml(filename: str, text: str) -> etree._Element:
    """Refuse DTDs, entities, external references and too deep nesting before lxml ever sees the document."""
    if not text.strip():
        raise _refuse(filename, "het bestand is leeg")
    try:
        root = safe_fromstring(text.encode("utf-8"), forbid_dtd=True)
    except (DTDForbidden, EntitiesForbidden, ExternalReferenceForbidden) as err:
        raise _refuse(filename, "onveilige XML geweigerd (DTD of entiteiten zijn niet toegestaan)") from err
    except Exception as err:  # defusedxml raises the stdlib ParseError for malformed XML
        line, column = getattr(err, "position", (None, None))
        where = f" (regel {line}, kolom {column + 1})" if line else ""
        raise _refuse(filename, f"geen geldige XML{where}", line) from err
    if xml_depth(root) > MAX_NESTING:
        raise _refuse(filename, TOO_DEEP)
    try:
        return etree.fromstring(text.encode("utf-8"), parser=SAFE_LXML)
    except (etree.XMLSyntaxError, ValueError) as err:  # e.g. an encoding declaration lxml refuses
        raise _refuse(filename, "geen geldige XML", getattr(err, "lineno", None)) from err


def model_tree(filename: str, text: str) -> etree._Element:
    """A safe lxml tree of a .bpmn or .dmn file whose root is the right kind of ``definitions``."""
    tree = check_safe_xml(filename, text)
    qname = etree.QName(tree) if isinstance(tree.tag, str) else None
    if filename.endswith(".dmn"):
        fits = qname is not None and qname.localname == "definitions" and "/DMN/" in (qname.namespace or "")
        expected = "dmn:definitions (een DMN-namespace van OMG)"
    else:
        fits = qname is not None and qname.localname == "definitions" and qname.namespace == BPMN_NS
        expected = f"bpmn:definitions in namespace {BPMN_NS}"
    if not fits:
        found = f"{qname.localname} in namespace {qname.namespace or '(geen)'}" if qname else "geen element"
        kind = filename.rsplit(".", 1)[-1].upper()
        raise _refuse(filename, f"geen {kind}-bestand: het hoofdelement is {found}; verwacht {expected}", tree.sourceline)
    return tree


def parse_models(files: dict[str, str], trees: dict[str, etree._Element] | None = None) -> DecisionParser:
    """Load every .bpmn/.dmn file of a deployment into one parser; errors name file and element."""
    trees = trees if trees is not None else {n: model_tree(n, t) for n, t in files.items() if n.endswith(MODEL_SUFFIXES)}
    parser = DecisionParser()
    for filename in sorted(trees):
        try:
            if filename.endswith(".dmn"):
                parser.add_dmn_xml(trees[filename], filename=filename)
            else:
                parser.add_bpmn_xml(trees[filename], filename=filename)
        except DecisionRefused as err:
            raise _decision_refused(filename, err, trees) from err
        except Exception as err:  # SpiffWorkflow raises ValidationException, and on odd input anything
            raise refusal(err, trees, filename) from err
    try:
        parser.check_decisions()
    except DecisionRefused as err:
        raise _decision_refused(parser.decisions[err.decision].file, err, trees) from err
    return parser


def _decision_refused(filename: str, err: DecisionRefused, trees: dict) -> DeployRefused:
    """Our DMN engine's refusal (already Dutch), naming the decision or rule."""
    file, node = locate(trees, err.rule or err.decision, filename)
    found = problem(file, err.message, node, element_id=err.rule or err.decision)
    return DeployRefused(f"{file}: {err.message}", [found])


def refusal(err: Exception, trees: dict, filename: str | None = None) -> DeployRefused:
    """A SpiffWorkflow parser failure as a Dutch DeployRefused naming file, element and line."""
    element_id = getattr(err, "id", None) or None
    file = getattr(err, "file_name", None) or filename
    file, node = locate(trees, element_id, file)
    if isinstance(err, ValidationException):
        message = dutch(str(err), element_id, file)
    else:
        log.warning("SpiffWorkflow parser failed on %s: %r", file, err)
        message = dutch("", element_id, file)
    found = problem(file, message, node, element_id=element_id, line=getattr(err, "line_number", None) or None)
    return DeployRefused(f"{file or 'model'}: {message}", [found])


def executable_process_ids(parser: DecisionParser) -> list[str]:
    """Process ids marked executable (what a process owner means by a process model)."""
    return parser.get_process_ids()


def load_specs(parser: DecisionParser, process_id: str, trees: dict | None = None):
    """Return (spec, subprocess_specs) for starting a workflow; spiff errors become DeployRefused."""
    try:
        return parser.get_spec(process_id), parser.get_subprocess_specs(process_id)
    except Exception as err:
        raise refusal(err, trees or {}) from err
