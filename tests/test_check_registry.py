"""Every registered check is documented, and its documented examples behave as documented."""

from __future__ import annotations

import pytest

from qa.checks.registry import CHECK_CODE, CHECK_NAME, all_checks, select_checks
from qa.errors import UsageError
from qa.model import AlignedPair

CHECKS = all_checks()
EXAMPLES = [
    pytest.param(spec, flags, en, ar, id=f"{spec.code}-{'flags' if flags else 'passes'}-{i}")
    for spec in CHECKS
    if spec.scope == "pair"
    for i, (flags, en, ar) in enumerate(spec.examples())
]


@pytest.mark.parametrize("spec", CHECKS, ids=lambda s: s.code)
def test_every_check_has_a_code_a_kebab_name_and_a_title(spec):
    assert CHECK_CODE.match(spec.code)
    assert CHECK_NAME.match(spec.name)
    assert spec.title and not spec.title.endswith(":")


@pytest.mark.parametrize("spec", [s for s in CHECKS if s.scope == "pair"], ids=lambda s: s.code)
def test_every_pair_check_documents_an_example_it_flags_and_one_it_passes(spec):
    kinds = {flags for flags, _, _ in spec.examples()}
    assert kinds == {True, False}, f"{spec.code} needs Flags: and Passes: lines in its docstring"


@pytest.mark.parametrize("spec,flags,english,arabic", EXAMPLES)
def test_documented_example_behaves_as_documented(spec, flags, english, arabic, context):
    context.glossary = spec.example_glossary()
    findings = spec.run(AlignedPair("doc", english, arabic), context)
    assert bool(findings) == flags, [f.message for f in findings]


def test_codes_and_names_are_unique():
    assert len({c.code for c in CHECKS}) == len({c.name for c in CHECKS}) == len(CHECKS)


def test_select_and_ignore_filter_by_code_prefix_name_and_category():
    assert {c.code for c in select_checks(["ALN001"])} == {"ALN001"}
    assert {c.category.value for c in select_checks(["untranslated"])} == {"untranslated"}
    assert all(c.code != "LNG002" for c in select_checks(ignore=["source-copied"]))


def test_an_unknown_selector_is_a_usage_error_naming_it():
    with pytest.raises(UsageError, match="'XYZ999'"):
        select_checks(["XYZ999"])
