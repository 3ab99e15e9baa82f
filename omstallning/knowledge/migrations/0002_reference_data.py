from django.db import migrations

# SNI 2007, the Swedish Standard Industrial Classification (Statistics Sweden): sections A–U.
SNI_SECTIONS = [
    ("A", "Jordbruk, skogsbruk och fiske", "Agriculture, forestry and fishing"),
    ("B", "Utvinning av mineral", "Mining and quarrying"),
    ("C", "Tillverkning", "Manufacturing"),
    ("D", "Försörjning av el, gas, värme och kyla", "Electricity, gas, steam and air conditioning"),
    ("E", "Vattenförsörjning; avloppsrening, avfallshantering och sanering",
     "Water supply; sewerage, waste management and remediation"),
    ("F", "Byggverksamhet", "Construction"),
    ("G", "Handel; reparation av motorfordon och motorcyklar",
     "Wholesale and retail trade; repair of motor vehicles and motorcycles"),
    ("H", "Transport och magasinering", "Transportation and storage"),
    ("I", "Hotell- och restaurangverksamhet", "Accommodation and food service activities"),
    ("J", "Informations- och kommunikationsverksamhet", "Information and communication"),
    ("K", "Finans- och försäkringsverksamhet", "Financial and insurance activities"),
    ("L", "Fastighetsverksamhet", "Real estate activities"),
    ("M", "Verksamhet inom juridik, ekonomi, vetenskap och teknik",
     "Professional, scientific and technical activities"),
    ("N", "Uthyrning, fastighetsservice, resetjänster och andra stödtjänster",
     "Administrative and support service activities"),
    ("O", "Offentlig förvaltning och försvar; obligatorisk socialförsäkring",
     "Public administration and defence; compulsory social security"),
    ("P", "Utbildning", "Education"),
    ("Q", "Vård och omsorg; sociala tjänster", "Human health and social work activities"),
    ("R", "Kultur, nöje och fritid", "Arts, entertainment and recreation"),
    ("S", "Annan serviceverksamhet", "Other service activities"),
    ("T", "Förvärvsarbete i hushåll; hushållens produktion av diverse varor och tjänster för eget bruk",
     "Activities of households as employers"),
    ("U", "Verksamhet vid internationella organisationer, utländska ambassader o.d.",
     "Activities of extraterritorial organisations and bodies"),
]  # fmt: skip

AUDIENCES = [
    ("foretag", "Företag", "Companies"),
    ("framjaraktor", "Främjaraktör", "Business-promotion actors"),
    ("offentlig-sektor", "Offentlig sektor", "Public sector"),
]
COMPANY_SIZES = [
    ("mikro", "Mikroföretag (0–9 anställda)", "Micro (0–9 employees)"),
    ("litet", "Litet företag (10–49)", "Small (10–49)"),
    ("medelstort", "Medelstort företag (50–249)", "Medium-sized (50–249)"),
    ("stort", "Stort företag (250 eller fler)", "Large (250 or more)"),
]
THEMES = [
    ("cirkular-ekonomi", "Cirkulär ekonomi", "Circular economy"),
    ("energi-och-klimat", "Energi och klimat", "Energy and climate"),
    ("kompetensforsorjning", "Kompetensförsörjning", "Skills supply"),
    ("jamstalldhet-och-mangfald", "Jämställdhet och mångfald", "Gender equality and diversity"),
    ("digitalisering", "Digitalisering", "Digitalisation"),
    ("landsbygd-och-kommersiell-service", "Landsbygd och kommersiell service",
     "Rural areas and commercial services"),
]  # fmt: skip


def load(apps, schema_editor):
    SniSection = apps.get_model("knowledge", "SniSection")
    for code, name_sv, name_en in SNI_SECTIONS:
        SniSection.objects.update_or_create(
            code=code, defaults={"name_sv": name_sv, "name_en": name_en}
        )
    for model_name, rows in [
        ("Audience", AUDIENCES),
        ("CompanySize", COMPANY_SIZES),
        ("KnowledgeTheme", THEMES),
    ]:
        model = apps.get_model("knowledge", model_name)
        for order, (slug, name_sv, name_en) in enumerate(rows):
            model.objects.get_or_create(
                slug=slug, defaults={"name_sv": name_sv, "name_en": name_en, "sort_order": order}
            )


class Migration(migrations.Migration):
    dependencies = [("knowledge", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop, elidable=True)]
