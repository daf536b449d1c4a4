"""mtqa: quality checks for English-to-Arabic machine-translated news."""

__version__ = "0.1.0"
