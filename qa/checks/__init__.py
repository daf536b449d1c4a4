"""Checks: one module per family. Adding a family is one new module and one line here."""

CHECK_MODULES: tuple[str, ...] = (
    "qa.checks.alignment",
    "qa.checks.language",
    "qa.checks.names",
    "qa.checks.negation",
    "qa.checks.format",
    "qa.checks.untranslated",
    "qa.checks.glossary",
    "qa.checks.omission",
    "qa.checks.numbers",
)
