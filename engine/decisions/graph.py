"""Decision requirement graphs: which decisions a decision needs, and the order to evaluate them in."""
from engine.decisions.errors import DecisionRefused
from engine.decisions.model import Decision


def evaluation_order(decisions: dict[str, Decision], decision_id: str) -> list[str]:
    """``decision_id`` and everything it requires, required ones first; refuses cycles and missing ones."""
    order, state = [], {}

    def visit(current: str, path: list[str]) -> None:  # path: the decisions that led here
        if state.get(current) == "done":
            return
        if state.get(current) == "open":
            cycle = " → ".join(path[path.index(current):] + [current])
            raise DecisionRefused(f"beslissingen vereisen elkaar in een kring: {cycle}", current)
        if current not in decisions:
            raise DecisionRefused(f"beslissing '{path[-1]}' vereist beslissing '{current}', die niet bestaat", path[-1])
        state[current] = "open"
        for required in decisions[current].required:
            visit(required, path + [current])
        state[current] = "done"
        order.append(current)

    visit(decision_id, [])
    return order


def closure(decisions: dict[str, Decision], decision_id: str) -> dict[str, Decision]:
    """The decisions one decision needs to be evaluated, itself included."""
    return {d: decisions[d] for d in evaluation_order(decisions, decision_id)}


def check_graph(decisions: dict[str, Decision]) -> None:
    """Refuse a graph with a missing required decision or a cycle (at deploy)."""
    for decision_id in decisions:
        evaluation_order(decisions, decision_id)
