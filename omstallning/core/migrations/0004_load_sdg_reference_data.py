from django.db import migrations


def load(apps, schema_editor):
    from omstallning.core.reference_data import load_reference_data

    load_reference_data(
        apps.get_model("core", "SustainabilityDimension"),
        apps.get_model("core", "SdgGoal"),
        apps.get_model("core", "SdgTarget"),
        apps.get_model("core", "SdgIndicator"),
    )


class Migration(migrations.Migration):
    dependencies = [("core", "0003_sdg_reference_data")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop, elidable=True)]
