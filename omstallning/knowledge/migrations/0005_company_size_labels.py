from django.db import migrations

# The same words as the funding statistics use; only names still as first shipped are changed,
# so that an editor's own wording stays.
COMPANY_SIZES = [
    ("mikro", ("Mikroföretag (0–9 anställda)", "Micro (0–9 employees)"),
     ("Mikroföretag (färre än 10 anställda)", "Micro-enterprise (fewer than 10 employees)")),
    ("litet", ("Litet företag (10–49)", "Small (10–49)"),
     ("Litet företag (10–49 anställda)", "Small enterprise (10–49 employees)")),
    ("medelstort", ("Medelstort företag (50–249)", "Medium-sized (50–249)"),
     ("Medelstort företag (50–249 anställda)", "Medium-sized enterprise (50–249 employees)")),
    ("stort", ("Stort företag (250 eller fler)", "Large (250 or more)"),
     ("Stort företag (250 anställda eller fler)", "Large enterprise (250 employees or more)")),
]  # fmt: skip


def _rename(apps, old_index, new_index):
    CompanySize = apps.get_model("knowledge", "CompanySize")
    for slug, *names in COMPANY_SIZES:
        old, new = names[old_index], names[new_index]
        CompanySize.objects.filter(slug=slug, name_sv=old[0]).update(name_sv=new[0])
        CompanySize.objects.filter(slug=slug, name_en=old[1]).update(name_en=new[1])


def forwards(apps, schema_editor):
    _rename(apps, 0, 1)


def backwards(apps, schema_editor):
    _rename(apps, 1, 0)


class Migration(migrations.Migration):
    dependencies = [("knowledge", "0004_federation")]

    operations = [migrations.RunPython(forwards, backwards)]
