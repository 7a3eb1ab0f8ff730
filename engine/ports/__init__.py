"""The handler ports as the engine provides them, bound to one step's transaction."""
