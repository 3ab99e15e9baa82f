from django.db import migrations

# The finder's questions name these slugs (actors/eligibility.py); editors may rename them.
STAGES = [
    ("ide", "Idé, inte startat än", "Idea, not started yet"),
    ("nystartat", "Nystartat, högst två år", "New, two years or less"),
    ("etablerat", "Etablerat", "Established"),
    ("vaxande", "Växande", "Growing"),
    ("agarskifte", "Inför eller i ägarskifte", "Facing or in a change of owner"),
]
# (slug, Swedish, English, is an owner group)
TARGET_GROUPS = [
    ("kvinnor", "Kvinnor", "Women", True),
    ("unga", "Unga, under 30 år", "Young people, under 30", True),
    ("utrikes-fodda", "Utrikes födda", "Born abroad", True),
    ("landsbygd", "Företag på landsbygden", "Rural companies", False),
    ("ideella", "Ideella och sociala företag", "Non-profit and social enterprises", False),
]
# ISO 639-1 codes; the names as each language is called in Swedish and English.
LANGUAGES = [
    ("sv", "Svenska", "Swedish"),
    ("en", "Engelska", "English"),
    ("fi", "Finska", "Finnish"),
    ("ar", "Arabiska", "Arabic"),
    ("so", "Somaliska", "Somali"),
    ("fa", "Persiska", "Persian"),
    ("ti", "Tigrinja", "Tigrinya"),
    ("pl", "Polska", "Polish"),
    ("uk", "Ukrainska", "Ukrainian"),
    ("es", "Spanska", "Spanish"),
]


def load(apps, schema_editor):
    for model_name, rows in [("CompanyStage", STAGES), ("OfferLanguage", LANGUAGES)]:
        model = apps.get_model("actors", model_name)
        for order, (slug, name_sv, name_en) in enumerate(rows):
            model.objects.get_or_create(
                slug=slug, defaults={"name_sv": name_sv, "name_en": name_en, "sort_order": order}
            )
    TargetGroup = apps.get_model("actors", "TargetGroup")
    for order, (slug, name_sv, name_en, owner_group) in enumerate(TARGET_GROUPS):
        TargetGroup.objects.get_or_create(
            slug=slug,
            defaults={
                "name_sv": name_sv,
                "name_en": name_en,
                "sort_order": order,
                "is_owner_group": owner_group,
            },
        )


class Migration(migrations.Migration):
    dependencies = [("actors", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop, elidable=True)]
