"""The one registry of checks, and the context a check runs in.

A check is a function decorated with `@check(code, name, category)`. It takes an AlignedPair and
a CheckContext and yields `Flag`s; the registry stamps each flag with the check's code, name and
category to make a `Finding`. Its docstring's first line is its title; lines starting with
`Flags:` or `Passes:` hold examples (`English => Arabic`) that tests/test_check_registry.py runs,
so the documentation cannot go stale.

A check that wants sentence embeddings of texts it derives (a contrastive probe such as the MT
with its negation removed) names them in a `probes` function: the pipeline embeds every probe
of a batch of pairs in one call before any check runs, so `ctx.embed` is then a cache lookup.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from qa.model import AlignedPair, Category, Finding, Severity, Span

CHECK_CODE = re.compile(r"^[A-Z]{3}\d{3}$")
CHECK_NAME = re.compile(r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")


@dataclass(frozen=True)
class Flag:
    """What a check yields: a Finding without the check's identity."""

    severity: Severity
    message: str
    src_span: Span | None = None
    mt_span: Span | None = None
    suggestion: str | None = None
    category: Category | None = None  # overrides the check's category when set


Embed = Callable[[Sequence[str]], np.ndarray]


@dataclass
class CheckContext:
    """What a check may use besides the pair: settings, the run's encoder, a per-pair memo.

    `embed(texts)` returns unit-norm rows, from the run's cache when the texts were embedded
    already (the pair's src/mt/ref and every declared probe are). `settings` are the run's
    thresholds by dotted name (`negation.margin`), `glossary` the user's term list.
    """

    embed: Embed | None = None
    settings: dict[str, Any] = field(default_factory=dict)
    glossary: tuple[tuple[str, str, str], ...] = ()
    _memo: dict[Any, Any] = field(default_factory=dict, repr=False)

    def setting(self, name: str, default: Any) -> Any:
        return self.settings.get(name, default)

    def similarity(self, a: str, b: str) -> float | None:
        """Cosine of two texts with the run's encoder (None when there is no encoder)."""
        if self.embed is None or not a.strip() or not b.strip():
            return None
        vectors = self.embed([a, b])
        return float(np.dot(vectors[0], vectors[1]))

    def memo(self, fn: Callable[[AlignedPair, CheckContext], Any], pair: AlignedPair) -> Any:
        """fn(pair, ctx), computed once per pair: for analyses several checks share."""
        key = (fn, pair)
        if key not in self._memo:
            self._memo[key] = fn(pair, self)
        return self._memo[key]

    def clear_memo(self) -> None:
        self._memo.clear()


CheckFn = Callable[[AlignedPair, CheckContext], Iterable[Flag]]
DocumentCheckFn = Callable[[Sequence[AlignedPair], CheckContext], Iterable[tuple[int, Flag]]]
ProbeFn = Callable[[AlignedPair, CheckContext], Iterable[str]]


@dataclass(frozen=True)
class CheckSpec:
    """A registered check. `scope` is "pair" (fn(pair, ctx)) or "document" (fn(pairs, ctx)
    yielding (index of the pair, flag)), for checks that compare pairs of one document."""

    code: str
    name: str
    category: Category
    fn: Callable[..., Iterable[Any]]
    scope: str = "pair"
    probes: ProbeFn | None = None
    # A document check's analyses of each pair, read through ctx.memo: the pipeline computes them
    # where the pair was checked (maybe another process) and hands them to the document check.
    pair_memos: tuple[Callable[[AlignedPair, CheckContext], Any], ...] = ()

    @property
    def doc(self) -> str:
        return (self.fn.__doc__ or "").strip()

    @property
    def title(self) -> str:
        return self.doc.splitlines()[0].strip() if self.doc else ""

    def examples(self) -> list[tuple[bool, str, str]]:
        """(should_flag, english, arabic) for each `Flags:`/`Passes:` line of the docstring."""
        out = []
        for line in self.doc.splitlines():
            m = re.match(r"\s*(Flags|Passes):\s*(.*?)\s*=>\s*(.*?)\s*$", line)
            if m:
                out.append((m.group(1) == "Flags", m.group(2), m.group(3)))
        return out

    def example_glossary(self) -> tuple[tuple[str, str, str], ...]:
        """The glossary rows (`Glossary: english => arabic` docstring lines) its examples assume."""
        rows = []
        for line in self.doc.splitlines():
            m = re.match(r"\s*Glossary:\s*(.*?)\s*=>\s*(.*?)\s*$", line)
            if m:
                rows.append((m.group(1), m.group(2), ""))
        return tuple(rows)

    def to_finding(self, flag: Flag) -> Finding:
        return Finding(
            code=self.code,
            check=self.name,
            category=flag.category or self.category,
            severity=flag.severity,
            message=flag.message,
            src_span=flag.src_span,
            mt_span=flag.mt_span,
            suggestion=flag.suggestion,
        )

    def run(self, pair: AlignedPair, ctx: CheckContext) -> list[Finding]:
        return [self.to_finding(flag) for flag in self.fn(pair, ctx)]


_REGISTRY: dict[str, CheckSpec] = {}


def check(
    code: str,
    name: str,
    category: Category,
    *,
    scope: str = "pair",
    probes: ProbeFn | None = None,
    pair_memos: tuple[Callable[[AlignedPair, CheckContext], Any], ...] = (),
) -> Callable[[Callable[..., Iterable[Any]]], Callable[..., Iterable[Any]]]:
    """Register a check under a stable code (`NAM001`) and a kebab-case name."""
    if not CHECK_CODE.match(code):
        raise ValueError(f"check code {code!r} is not three capitals and three digits")
    if not CHECK_NAME.match(name):
        raise ValueError(f"check name {name!r} is not kebab-case")
    if scope not in ("pair", "document"):
        raise ValueError(f"scope {scope!r} is not 'pair' or 'document'")

    def register(fn: Callable[..., Iterable[Any]]) -> Callable[..., Iterable[Any]]:
        for other in _REGISTRY.values():
            if (other.code == code or other.name == name) and other.fn.__qualname__ != fn.__qualname__:
                raise ValueError(f"check {code} {name} collides with {other.code} {other.name}")
        _REGISTRY[code] = CheckSpec(code, name, category, fn, scope, probes, pair_memos)
        return fn

    return register


def all_checks() -> list[CheckSpec]:
    """Every registered check, in code order (importing the check modules once)."""
    from qa.checks import CHECK_MODULES

    for module in CHECK_MODULES:
        importlib.import_module(module)
    return [_REGISTRY[code] for code in sorted(_REGISTRY)]


def select_checks(select: Iterable[str] = (), ignore: Iterable[str] = ()) -> list[CheckSpec]:
    """Checks filtered by code, code prefix (`NAM`), name or category; unknown selectors raise."""
    from qa.errors import UsageError

    checks = all_checks()
    select, ignore = [s.strip() for s in select if s.strip()], [s.strip() for s in ignore if s.strip()]

    def matches(spec: CheckSpec, selector: str) -> bool:
        s = selector.lower()
        return spec.code.lower().startswith(s) or spec.name == s or spec.category.value == s

    for selector in [*select, *ignore]:
        if not any(matches(spec, selector) for spec in checks):
            raise UsageError(f"no check matches {selector!r}: run 'mtqa checks' to list codes, names and categories")
    chosen = [c for c in checks if not select or any(matches(c, s) for s in select)]
    return [c for c in chosen if not any(matches(c, s) for s in ignore)]

