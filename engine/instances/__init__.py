"""The instance service (start, complete, message, retry, cancel) and the read-only views the API lists."""
