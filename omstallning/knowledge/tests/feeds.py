"""Pages in the knowledge feed format, as another platform would publish them."""

import json

from omstallning.knowledge.models import KnowledgeItemPage

SOURCE = "https://orebro.example.se"


def feed_item(key: str, **changes) -> dict:
    return {
        "id": key,
        "kind": "good_example",
        "language": "sv",
        "title": f"Spillvärme i Örebro {key}",
        "intro": "Ett verkstadsföretag värmer kontoret med spillvärme.",
        "url": f"{SOURCE}/kunskapsbank/exempel-{key}/",
        "licence": "CC-BY-4.0",
        "last_reviewed": "2026-10-01",
        "updated_at": "2026-10-01T10:00:00+00:00",
        "organisation_name": "Örebro Mekaniska AB",
        "sections": [
            {
                "heading": "Utmaningen",
                "html": '<p onclick="x()">Höga <strong>energikostnader</strong>.'
                '<script>alert(1)</script> <a href="/om">Om oss</a></p>',
            }
        ],
        "themes": [{"code": "energi-och-klimat", "name_sv": "Energi och klimat"}],
        "sdg_goals": [7, 9],
        "municipalities": [
            {"code": "1880", "name_sv": "Örebro"},
            {"code": "1980", "name_sv": "Västerås"},
        ],
        **changes,
    }


def feed(items: list[dict], next_url: str | None = None, **changes) -> bytes:
    return json.dumps(
        {
            "format": "omstallning.knowledge-feed",
            "version": 1,
            "platform": {
                "name": "Omställning Örebro",
                "region": "Region Örebro län",
                "url": SOURCE,
            },
            "generated_at": "2026-11-01T10:00:00+00:00",
            "items": items,
            "next": next_url,
            **changes,
        }
    ).encode()


def copies(subscription) -> dict[str, KnowledgeItemPage]:
    return {
        page.source_key: page
        for page in KnowledgeItemPage.objects.filter(imported_from=subscription).specific()
    }


def unreachable(url: str) -> str:
    """What the administrator reads for an address that does not answer or is refused."""
    return (
        f"Kunde inte nå flödet på {url}. Kontrollera adressen; flöden hämtas bara från allmänt "
        "nåbara adresser på port 80 eller 443."
    )


def not_a_feed(url: str) -> str:
    """What the administrator reads for whatever answers that is not a knowledge feed."""
    return f"Adressen {url} svarar inte med ett kunskapsflöde (version 1). Kontrollera adressen."
