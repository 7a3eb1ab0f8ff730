"""Everything that touches SpiffWorkflow: running a step, scripts and their sandbox, serialization, the canonical state hash, BPMN parsing, diagrams, and the library patches (compat)."""
