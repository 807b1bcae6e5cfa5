"""The newsroom fact desk: numeric claims in station stories, checked against official figures."""

__version__ = "0.1.0"
