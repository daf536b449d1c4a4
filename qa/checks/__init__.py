"""Checks: one module per family. Adding a family is one new module and one line here."""

CHECK_MODULES: tuple[str, ...] = (
    "qa.checks.alignment",
    "qa.checks.language",
)
