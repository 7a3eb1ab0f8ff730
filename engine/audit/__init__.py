"""The hash-chained audit trail: appending, verifying, replaying, exporting, the access log and retention."""
