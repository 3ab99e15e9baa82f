"""The demo region: Region Västmanland, its county and municipalities (SCB codes)."""

REGION = {
    "name": "Region Västmanland",
    "county_name": "Västmanlands län",
    "county_code": "19",
    "website": "https://www.regionvastmanland.se",
}

MUNICIPALITIES = [
    ("1904", "Skinnskatteberg"),
    ("1907", "Surahammar"),
    ("1960", "Kungsör"),
    ("1961", "Hallstahammar"),
    ("1962", "Norberg"),
    ("1980", "Västerås"),
    ("1981", "Sala"),
    ("1982", "Fagersta"),
    ("1983", "Köping"),
    ("1984", "Arboga"),
]

PLATFORM = {
    "platform_name": "Omställning Västmanland",
    "tagline": "Hållbar utveckling av näringslivet",
}
# Plausible contact details for the footer, marked on the site as example data
# (PlatformSettings.is_example_data). The addresses are under .example, a domain that never
# receives mail, so that no demo installation sends a visitor's message to a real inbox.
PLATFORM_CONTACT = {
    "postal_address": "721 89 Västerås",
    "contact_phone": "021-17 30 00",
    "contact_email": "omstallning@regionvastmanland.example",
    "dpo_email": "dataskyddsombud@regionvastmanland.example",
    "is_example_data": True,
}

# As the region's page lists them: name, role (sv, en), phone.
CONTACT_PEOPLE = {
    "lidberg": ("Maria Lidberg", "Projektledare", "Project manager", ""),
    "conley": (
        "Pernilla Conley",
        "Näringslivsutvecklare",
        "Business development officer",
        "021 - 4818274",
    ),
    "hennerdal": (
        "Erik Hennerdal",
        "Näringslivsutvecklare",
        "Business development officer",
        "021 - 4818033",
    ),
    "folkesson": ("Maria Folkesson", "Näringslivsutvecklare", "Business development officer", ""),
}

LONG_TERM_GOALS = [
    (
        "Ökad kännedom och användning av stöd för arbetet med integrering av miljömässig, social "
        "och ekonomisk hållbarhet i det ordinarie tillväxtfrämjande arbetet.",
        "Greater awareness and use of support for integrating environmental, social and economic "
        "sustainability into ordinary growth-promoting work.",
    ),
    (
        "Ökad hållbar tillväxt i länet med stöd utifrån en hållbarhetssäkrad näringslivsstrategi "
        "och användningen av 1:1 medel.",
        "Increased sustainable growth in the county, supported by a sustainability-assured "
        "business strategy and the use of 1:1 funds.",
    ),
    (
        "Ökad andel underrepresenterade grupper tar del av 1:1 medel.",
        "A larger share of under-represented groups receive 1:1 funds.",
    ),
    (
        "En förstärkt samlad kompetens och förmåga att arbeta med hållbar utveckling som helhet i "
        "det regionala tillväxtarbetet.",
        "Stronger joint competence and capacity to work with sustainable development as a whole "
        "in regional growth work.",
    ),
]
