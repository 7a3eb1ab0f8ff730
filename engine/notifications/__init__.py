"""The notification outbox, written with the step that caused it, and the sender that mails it."""
