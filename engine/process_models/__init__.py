"""Process models for process owners: deploy, check, diff, forms and which cases run which version."""
