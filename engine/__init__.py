"""Levensloop's runtime around SpiffWorkflow. Knows nothing of HTTP."""
