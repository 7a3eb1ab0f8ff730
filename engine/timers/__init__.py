"""Durable timers: firing what is due exactly once, the scheduler that ticks, and the demo clock."""
