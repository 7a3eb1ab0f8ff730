"""The data names a task's own code reads: service-task parameters, scripts, gateway conditions.

An incident is resolved by correcting data the failing step reads, so the names come from the model,
never from the data itself."""
import ast


def _expressions(spec) -> list[str]:
    found = [param.get("value") for param in (getattr(spec, "operation_params", None) or {}).values()]
    found += [getattr(spec, name, None) for name in ("script", "prescript", "postscript")]
    found += [condition for condition, _ in getattr(spec, "cond_task_specs", None) or []]
    return [text for text in found if isinstance(text, str) and text.strip()]


def names_read(spec) -> set[str]:
    """Top-level variables loaded by the task spec's expressions and scripts."""
    names = set()
    for text in _expressions(spec):
        try:
            tree = ast.parse(text)
        except SyntaxError:
            continue
        names.update(node.id for node in ast.walk(tree) if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Load))
    return names
