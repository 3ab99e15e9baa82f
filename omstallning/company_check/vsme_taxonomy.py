"""The Basic module of EFRAG's VSME taxonomy (2026-05-01): its disclosures B1–B11, each with
the reportable concepts in the order of EFRAG's presentation, their data types and periods.
The reports the companies fill in are keyed by these concept names, the same names the
Digital Template's named ranges carry (digital_template.py). Read from the flattened taxonomy in
`data/vsme/` (see SOURCE.md there); English labels only, Swedish ones are this app's own.
"""

import json
import re
from dataclasses import dataclass
from functools import cache

from .digital_template import DATA

TAXONOMY = DATA / "vsme-taxonomy-2026-05-01.json"
PREFIX = "vsme:"
LABEL = "http://www.xbrl.org/2003/role/label"
# "[1100] B3 - Environment - Estimated Greenhouse Gas Emissions"
BASIC_ROLE = re.compile(r"^\[\d+\] (B\d+) - (.+)$")
# Structure of a table, not facts: axes, domains, members, tables, line items, abstracts.
STRUCTURE = re.compile(r"(Abstract|Axis|Domain|Member|Table|LineItems)$")


@dataclass(frozen=True)
class Concept:
    name: str  # local name, as in the Digital Template's named ranges
    label: str
    data_type: str
    period_type: str
    numeric: bool


@dataclass(frozen=True)
class Disclosure:
    code: str  # B1 … B11
    title: str
    concepts: tuple[Concept, ...]


@cache
def _taxonomy() -> dict:
    return json.loads(TAXONOMY.read_text(encoding="utf-8"))


def _concept(qualified: str) -> Concept | None:
    facts = _taxonomy()["concepts"].get(qualified)
    local = qualified.removeprefix(PREFIX)
    if facts is None or facts.get("abstract") or STRUCTURE.search(local):
        return None
    return Concept(
        name=local,
        label=facts.get("labels", {}).get("en", {}).get(LABEL, local),
        data_type=facts.get("dataType", ""),
        period_type=facts.get("periodType", ""),
        numeric=bool(facts.get("numeric")),
    )


@cache
def basic_module() -> tuple[Disclosure, ...]:
    """B1 … B11 in order, each gathering the concepts of all its presentation roles."""
    gathered: dict[str, tuple[list[str], list[Concept]]] = {}
    for role in _taxonomy()["presentation"].values():
        match = BASIC_ROLE.match(role["definition"])
        if match is None:
            continue
        code, title = match.groups()
        titles, concepts = gathered.setdefault(code, ([], []))
        titles.append(title)
        seen = {concept.name for concept in concepts}
        for row in role["rows"]:
            # [depth, concept] or [depth, concept, the label role the presentation prefers]
            concept = _concept(row[1])
            if concept is not None and concept.name not in seen:
                concepts.append(concept)
                seen.add(concept.name)
    ordered = sorted(gathered.items(), key=lambda item: int(item[0][1:]))
    return tuple(
        Disclosure(code, " · ".join(dict.fromkeys(titles)), tuple(concepts))
        for code, (titles, concepts) in ordered
    )
