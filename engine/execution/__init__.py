"""One step of an instance: run it, then write state, worklist rows and message subscriptions in the step's transaction."""
