"""The layering a newcomer relies on: engine/ imports no Flask or api code, and has no import cycles."""
import ast
from pathlib import Path

ENGINE = Path(__file__).resolve().parents[2] / "engine"


def module_name(path: Path) -> str:
    parts = path.relative_to(ENGINE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def engine_imports() -> dict[str, set[str]]:
    """Every engine module and the engine modules it imports, at any depth of the file (also in functions)."""
    modules = {module_name(p): p for p in ENGINE.rglob("*.py")}
    graph = {}
    for name, path in modules.items():
        targets = set()
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.ImportFrom) and node.module:
                for alias in node.names:
                    full = f"{node.module}.{alias.name}"
                    targets.add(full if full in modules else node.module)
            elif isinstance(node, ast.Import):
                targets.update(alias.name for alias in node.names)
        graph[name] = targets
    return graph


def test_engine_imports_neither_flask_nor_api():
    offenders = {name: sorted(t for t in targets if t.split(".")[0] in ("flask", "werkzeug", "api"))
                 for name, targets in engine_imports().items()}
    assert {name: t for name, t in offenders.items() if t} == {}


def test_engine_has_no_import_cycles():
    graph = engine_imports()
    internal = {name: {t for t in targets if t in graph and t != name} for name, targets in graph.items()}
    cycles, state = [], {}

    def visit(node, path):
        state[node] = "open"
        for nxt in sorted(internal[node]):
            if state.get(nxt) == "open":
                cycles.append(path[path.index(nxt):] + [nxt])
            elif nxt not in state:
                visit(nxt, path + [nxt])
        state[node] = "done"

    for node in sorted(internal):
        if node not in state:
            visit(node, [node])
    assert cycles == []
