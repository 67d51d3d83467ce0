"""mtcheck: a linter for machine translations of Indonesian news articles."""

__version__ = "0.1.0"
