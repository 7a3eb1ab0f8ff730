"""State hash version 1 (older trails), task positions, and the digests every hash uses.

Version 1 hashes a canonical form of SpiffWorkflow's whole serialization, spec included; new events
use version 2 (``engine.spiff.hash_versions``), and this stays so recorded trails verify and replay.

SpiffWorkflow names tasks with random UUIDs and stamps them with wall-clock times. We decided to
hash a canonical form instead of patching UUID generation: timestamps are dropped and every task
id is replaced by its position in a depth-first walk of the task tree (top workflow first, then
subprocesses in the order of the tasks that started them). Recorded events point at a task the
same way (``task_position``), so replay finds the same task although its UUID differs.
"""
import hashlib
import hmac
import json

VOLATILE_KEYS = {"last_state_change"}


def task_positions(state: dict) -> dict[str, int]:
    """Map every task UUID in a serialized workflow to its canonical position."""
    positions: dict[str, int] = {}

    def walk(tasks: dict, root: str) -> None:
        stack = [root]
        while stack:
            task_id = stack.pop()
            positions[task_id] = len(positions)
            stack.extend(reversed(tasks[task_id]["children"]))

    walk(state["tasks"], state["root"])
    pending = dict(state.get("subprocesses", {}))
    while pending:
        ready = sorted((positions[k], k) for k in pending if k in positions)
        if not ready:
            break  # orphaned subprocess: left with its own ids, the hash still covers it
        _, parent_id = ready[0]
        sub = pending.pop(parent_id)
        walk(sub["tasks"], sub["root"])
    return positions


def canonical_state(state: dict) -> dict:
    """The state with task ids replaced by positions and volatile fields removed."""
    positions = task_positions(state)

    def convert(value):
        if isinstance(value, dict):
            return {
                (f"#{positions[k]}" if k in positions else k): convert(v)
                for k, v in value.items()
                if k not in VOLATILE_KEYS
            }
        if isinstance(value, list):
            return [convert(v) for v in value]
        if isinstance(value, str) and value in positions:
            return f"#{positions[value]}"
        return value

    return convert(state)


def state_hash(state: dict) -> str:
    """SHA-256 over the canonical state in a stable JSON encoding."""
    return digest(canonical_state(state))


def _encoded(value) -> bytes:
    return json.dumps(value, sort_keys=True, separators=(",", ":"), default=str).encode("utf-8")


def digest(value) -> str:
    """SHA-256 of any JSON-able value, keys sorted."""
    return hashlib.sha256(_encoded(value)).hexdigest()


def keyed_digest(key: bytes, value) -> str:
    """HMAC-SHA-256 under ``key`` of the same encoding as ``digest``."""
    return hmac.new(key, _encoded(value), hashlib.sha256).hexdigest()
