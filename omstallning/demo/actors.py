"""Demo content for Hitta stöd: Västmanland's kinds of business-promotion actors and what they
offer, all marked as example data. The names are the kinds of actors a county has; the
offers, contacts and figures are made up and link to no real page."""

import datetime

from django.utils import timezone
from django.utils.text import slugify

from omstallning.actors.models import Actor, CompanyStage, Offer, OfferLanguage, TargetGroup
from omstallning.core.models import Municipality, SdgGoal
from omstallning.knowledge.models import CompanySize, KnowledgeTheme, SniSection

K = Actor.Kind
# (slug, name, kind, municipality codes served (none: the whole county), description)
ACTORS = [
    ("region-vastmanland", "Region Västmanland", K.REGIONAL, [],
     "Regionen äger länets affärsplan, samordnar det näringslivsfrämjande systemet och "
     "fördelar medel till företag och projekt."),
    ("almi-malardalen", "Almi Mälardalen", K.FINANCE, [],
     "Lån, riskkapital och affärsutveckling för företag som vill växa och ställa om."),
    ("vasteras-science-park", "Västerås Science Park", K.INCUBATOR, ["1980"],
     "Inkubator, testbäddar och mötesplats för innovation inom energi, industri och "
     "digitalisering."),
    ("malardalens-universitet", "Mälardalens universitet", K.ACADEMIA, ["1980"],
     "Forskning, studenter och uppdragsutbildning som företag kan samarbeta med."),
    ("coompanion-vastmanland", "Coompanion Västmanland", K.COOPERATIVE, [],
     "Rådgivning för dig som vill starta och driva företag tillsammans med andra, och för "
     "sociala företag."),
    ("nyforetagarcentrum", "Nyföretagarcentrum Västmanland", K.OTHER, [],
     "Kostnadsfri och konfidentiell rådgivning för dig som vill starta eget."),
    ("energikontoret-malardalen", "Energikontoret i Mälardalen", K.REGIONAL, [],
     "Oberoende råd om energieffektivisering, förnybar energi och hållbara transporter."),
    ("handelskammaren-malardalen", "Handelskammaren Mälardalen", K.INDUSTRY, [],
     "Näringslivets egen organisation: nätverk, export och påverkan."),
    ("rise", "RISE Research Institutes of Sweden", K.ACADEMIA, [],
     "Statligt forskningsinstitut med testmiljöer och expertis för industrin."),
    ("lansstyrelsen-vastmanland", "Länsstyrelsen Västmanland", K.STATE_AGENCY, [],
     "Landsbygdsstöd, miljötillsyn och stöd till klimatinvesteringar."),
    ("ung-foretagsamhet", "Ung Företagsamhet Västmanland", K.OTHER, [],
     "Unga prövar att driva företag under ett läsår, med rådgivare från näringslivet."),
    ("iuc-vastmanland", "IUC Västmanland", K.INDUSTRY, [],
     "Industriellt utvecklingscentrum: produktionsutveckling och kompetens för tillverkande "
     "små och medelstora företag."),
]  # fmt: skip
ASCII = str.maketrans("åäöÅÄÖ", "aaoAAO")
MUNICIPAL_OFFICES = {
    "1904": "Skinnskatteberg", "1907": "Surahammar", "1960": "Kungsör",
    "1961": "Hallstahammar", "1962": "Norberg", "1980": "Västerås", "1981": "Sala",
    "1982": "Fagersta", "1983": "Köping", "1984": "Arboga",
}  # fmt: skip

# (actor, slug, Swedish name, English name, Swedish summary, English summary, support type,
#  stages, sizes, sectors, municipalities, target groups, only for them, de minimis,
#  themes, goals, cost)
OFFERS = [
    ("almi-malardalen", "mikrolan", "Mikrolån", "Micro loan",
     "Lån upp till 300 000 kronor för dig som startar eller driver ett litet företag.",
     "A loan of up to SEK 300,000 for starting or running a small business.",
     "lan", ["nystartat", "etablerat"], ["mikro"], [], [], [], False, False,
     [], [8], "paid"),
    ("almi-malardalen", "innovationslan", "Innovationslån", "Innovation loan",
     "Lån för att utveckla och testa en ny produkt eller tjänst innan den når marknaden.",
     "A loan to develop and test a new product or service before it reaches the market.",
     "lan", ["ide", "nystartat", "vaxande"], [], [], [], [], False, False,
     ["digitalisering"], [9], "paid"),
    ("almi-malardalen", "gront-lan", "Lån för grön omställning", "Green transition loan",
     "Lån till investeringar som minskar företagets klimatpåverkan.",
     "A loan for investments that reduce the company’s climate impact.",
     "lan", ["etablerat", "vaxande"], ["mikro", "litet", "medelstort"], [], [], [], False,
     False, ["energi-och-klimat", "cirkular-ekonomi"], [7, 13], "paid"),
    ("almi-malardalen", "almi-invest", "Riskkapital för växande företag", "Venture capital",
     "Ägarkapital till innovativa företag med stor tillväxtpotential.",
     "Equity for innovative companies with high growth potential.",
     "riskkapital", ["nystartat", "vaxande"], ["mikro", "litet"], [], [], [], False, False,
     ["digitalisering"], [8, 9], "paid"),
    ("almi-malardalen", "affarsutveckling-almi", "Affärsutveckling med rådgivare",
     "Business development with an adviser",
     "En rådgivare hjälper dig att ta nästa steg: tillväxt, export eller ny marknad.",
     "An adviser helps you take the next step: growth, export or a new market.",
     "radgivning", ["etablerat", "vaxande"], ["mikro", "litet", "medelstort"], [], [], [],
     False, False, [], [8], "subsidised"),
    ("almi-malardalen", "kvinnors-foretagande", "Affärsutveckling för kvinnor som driver företag",
     "Business development for women entrepreneurs",
     "Program med rådgivning och nätverk för kvinnor som vill utveckla sitt företag.",
     "A programme of advice and networks for women who want to develop their business.",
     "radgivning", [], ["mikro", "litet"], [], [], ["kvinnor"], True, False,
     ["jamstalldhet-och-mangfald"], [5, 8], "free"),
    ("region-vastmanland", "affarsutvecklingscheck", "Affärsutvecklingscheck",
     "Business development voucher",
     "Bidrag för att köpa extern kompetens, till exempel för hållbarhet eller digitalisering.",
     "A grant to buy outside expertise, for example in sustainability or digitalisation.",
     "check", ["etablerat", "vaxande"], ["mikro", "litet", "medelstort"], [], [], [], False,
     True, ["digitalisering", "cirkular-ekonomi"], [8, 9, 12], "free"),
    ("region-vastmanland", "kommersiell-service", "Stöd till kommersiell service",
     "Support for rural commercial services",
     "Bidrag till butiker och drivmedelsstationer på landsbygden som ger service till orten.",
     "Grants for rural shops and fuel stations that serve their village.",
     "bidrag", [], ["mikro", "litet"], ["G"], ["1904", "1962", "1981", "1984"],
     ["landsbygd"], False, True, ["landsbygd-och-kommersiell-service"], [11], "free"),
    ("region-vastmanland", "traffpunkt-hallbarhet", "Träffpunkt hållbarhet",
     "Sustainability meeting point",
     "Träffar där företag och aktörer lär av varandra om hållbar omställning.",
     "Meetings where companies and actors learn from each other about the transition.",
     "natverk", [], [], [], [], [], False, False,
     ["energi-och-klimat", "cirkular-ekonomi", "kompetensforsorjning"], [12, 17], "free"),
    ("vasteras-science-park", "inkubatorn", "Inkubatorprogrammet", "The incubator programme",
     "Två år med affärscoach, kontor och nätverk för dig med en innovativ affärsidé.",
     "Two years with a business coach, office and network for an innovative business idea.",
     "radgivning", ["ide", "nystartat"], ["mikro"], [], [], [], False, False,
     ["digitalisering", "energi-och-klimat"], [9], "subsidised"),
    ("vasteras-science-park", "testbadd-elektrifiering", "Testbädd för elektrifiering",
     "Electrification test bed",
     "Testa laddning, batterier och styrsystem i en riktig industrimiljö.",
     "Test charging, batteries and control systems in a real industrial setting.",
     "testmiljo", ["nystartat", "etablerat", "vaxande"], [], ["C", "D", "J"], [], [], False,
     False, ["energi-och-klimat"], [7, 9], "paid"),
    ("vasteras-science-park", "matchning-industri", "Matchning med storföretagen",
     "Matchmaking with large companies",
     "Vi kopplar ihop små företag med storföretagens utvecklingsbehov.",
     "We connect small companies with large companies’ development needs.",
     "matchning", ["nystartat", "etablerat", "vaxande"], ["mikro", "litet"], [], [], [],
     False, False, ["digitalisering"], [9, 17], "free"),
    ("malardalens-universitet", "forskarkontakt", "Hitta en forskare", "Find a researcher",
     "Vi hjälper dig att hitta forskare som kan lösa ett problem i ditt företag.",
     "We help you find researchers who can solve a problem in your business.",
     "matchning", ["etablerat", "vaxande"], [], [], [], [], False, False,
     [], [9, 17], "free"),
    ("malardalens-universitet", "examensarbete", "Studenter gör examensarbete hos er",
     "Students write their thesis with you",
     "Få ett utvecklingsprojekt gjort av studenter och hitta framtida medarbetare.",
     "Have students do a development project and meet future employees.",
     "matchning", [], [], [], [], [], False, False, ["kompetensforsorjning"], [4, 8], "free"),
    ("malardalens-universitet", "uppdragsutbildning", "Uppdragsutbildning i hållbar produktion",
     "Commissioned education in sustainable production",
     "Kurser på högskolenivå för era medarbetare, anpassade efter era behov.",
     "University courses for your staff, fitted to your needs.",
     "utbildning", ["etablerat", "vaxande"], ["litet", "medelstort", "stort"], ["C"], [], [],
     False, False, ["kompetensforsorjning", "cirkular-ekonomi"], [4, 12], "paid"),
    ("coompanion-vastmanland", "starta-tillsammans", "Starta företag tillsammans",
     "Start a business together",
     "Rådgivning om att starta kooperativ och andra företag som ägs gemensamt.",
     "Advice on starting cooperatives and other jointly owned businesses.",
     "radgivning", ["ide", "nystartat"], ["mikro"], [], [], ["ideella"], False, False,
     [], [8, 10], "free"),
    ("coompanion-vastmanland", "sociala-foretag", "Stöd till sociala företag",
     "Support for social enterprises",
     "Rådgivning och nätverk för företag som vill lösa ett samhällsproblem.",
     "Advice and networks for businesses that want to solve a social problem.",
     "radgivning", [], ["mikro", "litet"], [], [], ["ideella"], True, False,
     ["jamstalldhet-och-mangfald"], [1, 10], "free"),
    ("nyforetagarcentrum", "starta-eget-radgivning", "Rådgivning när du startar eget",
     "Advice when you start a business",
     "Kostnadsfri och konfidentiell rådgivning om affärsplan, budget och första tiden.",
     "Free and confidential advice on the business plan, budget and the first months.",
     "radgivning", ["ide", "nystartat"], ["mikro"], [], [], [], False, False, [], [8], "free"),
    ("nyforetagarcentrum", "mentor", "Mentor för nya företagare", "A mentor for new owners",
     "Ett år med en erfaren företagare som mentor.",
     "A year with an experienced business owner as your mentor.",
     "radgivning", ["nystartat"], ["mikro"], [], [], [], False, False, [], [8], "free"),
    ("nyforetagarcentrum", "starta-eget-pa-ditt-sprak", "Starta eget på ditt språk",
     "Start a business in your language",
     "Rådgivning på arabiska, somaliska och tigrinja för dig som är ny i Sverige.",
     "Advice in Arabic, Somali and Tigrinya for people new to Sweden.",
     "radgivning", ["ide", "nystartat"], ["mikro"], [], [], ["utrikes-fodda"], False, False,
     ["jamstalldhet-och-mangfald"], [8, 10], "free"),
    ("energikontoret-malardalen", "energikartlaggningscheck", "Energikartläggningscheck",
     "Energy audit voucher",
     "Halva kostnaden för en energikartläggning, för företag som använder mycket energi.",
     "Half the cost of an energy audit, for companies that use a lot of energy.",
     "check", ["etablerat", "vaxande"], ["litet", "medelstort"], ["A", "C", "G", "I"], [], [],
     False, True, ["energi-och-klimat"], [7, 13], "free"),
    ("energikontoret-malardalen", "energinatverk", "Energinätverk för små och medelstora företag",
     "Energy network for SMEs",
     "Fyra träffar om året där företag sänker sin energianvändning tillsammans.",
     "Four meetings a year where companies cut their energy use together.",
     "natverk", ["etablerat", "vaxande"], ["mikro", "litet", "medelstort"], [], [], [], False,
     False, ["energi-och-klimat"], [7, 13], "free"),
    ("energikontoret-malardalen", "solcellsradgivning", "Råd om solceller", "Solar power advice",
     "Oberoende råd om solceller, batterier och avtal för ditt företag.",
     "Independent advice on solar panels, batteries and contracts for your business.",
     "radgivning", [], [], [], [], [], False, False, ["energi-och-klimat"], [7], "free"),
    ("handelskammaren-malardalen", "exportradgivning", "Exportrådgivning", "Export advice",
     "Hjälp med dokument, tull och kontakter när du vill sälja utomlands.",
     "Help with documents, customs and contacts when you want to sell abroad.",
     "radgivning", ["etablerat", "vaxande"], ["litet", "medelstort", "stort"], [], [], [],
     False, False, [], [8, 17], "paid"),
    ("handelskammaren-malardalen", "hallbarhetsnatverk", "Nätverk för hållbarhetsansvariga",
     "Network for sustainability managers",
     "Dela erfarenheter om hållbarhetsrapportering och krav från kunder.",
     "Share experience of sustainability reporting and customer demands.",
     "natverk", ["etablerat", "vaxande"], ["litet", "medelstort", "stort"], [], [], [], False,
     False, ["cirkular-ekonomi", "energi-och-klimat"], [12, 13], "paid"),
    ("handelskammaren-malardalen", "hallbarhetspriset", "Årets hållbara företag",
     "Sustainable company of the year",
     "Utmärkelse till ett företag i länet som visar vägen i omställningen.",
     "An award to a company in the county that leads the way in the transition.",
     "utmarkelse", ["etablerat", "vaxande"], [], [], [], [], False, False,
     ["cirkular-ekonomi"], [12], "free"),
    ("rise", "testbadd-cirkulara-material", "Testmiljö för cirkulära material",
     "Test facility for circular materials",
     "Testa återvunna material i era produkter med RISE:s experter.",
     "Test recycled materials in your products with RISE’s experts.",
     "testmiljo", ["etablerat", "vaxande"], ["litet", "medelstort", "stort"], ["C", "F"], [],
     [], False, False, ["cirkular-ekonomi"], [9, 12], "paid"),
    ("rise", "industriell-digitalisering", "Digitaliseringslyft för industrin",
     "Digitalisation boost for industry",
     "Ett program där små industriföretag tar första steget mot smart produktion.",
     "A programme where small manufacturers take the first step towards smart production.",
     "utbildning", ["etablerat"], ["mikro", "litet", "medelstort"], ["C"], [], [], False, True,
     ["digitalisering"], [9], "subsidised"),
    ("lansstyrelsen-vastmanland", "investeringsstod-landsbygd", "Investeringsstöd på landsbygden",
     "Rural investment support",
     "Bidrag till investeringar i jordbruk, trädgård och rennäring.",
     "Grants for investments in farming, horticulture and reindeer husbandry.",
     "bidrag", ["etablerat", "vaxande", "agarskifte"], [], ["A"], [], ["landsbygd"], False,
     False, ["landsbygd-och-kommersiell-service"], [2, 8], "free"),
    ("lansstyrelsen-vastmanland", "klimatklivet", "Klimatklivet", "The Climate Leap",
     "Bidrag till investeringar som minskar utsläppen av växthusgaser.",
     "Grants for investments that reduce greenhouse gas emissions.",
     "bidrag", ["etablerat", "vaxande"], [], [], [], [], False, False,
     ["energi-och-klimat"], [7, 13], "free"),
    ("lansstyrelsen-vastmanland", "startstod-unga-lantbrukare", "Startstöd för unga lantbrukare",
     "Start-up aid for young farmers",
     "Bidrag till dig under 40 år som tar över eller startar ett lantbruk.",
     "A grant for farmers under 40 who take over or start a farm.",
     "bidrag", ["nystartat", "agarskifte"], ["mikro"], ["A"], [], ["unga"], True, False,
     ["landsbygd-och-kommersiell-service"], [2], "free"),
    ("ung-foretagsamhet", "uf-foretag", "Driv UF-företag", "Run a UF company",
     "Gymnasieelever startar och driver ett eget företag under ett läsår.",
     "Upper secondary students start and run a company for a school year.",
     "utbildning", ["ide"], ["mikro"], [], [], ["unga"], True, False,
     ["kompetensforsorjning"], [4, 8], "free"),
    ("ung-foretagsamhet", "radgivare-uf", "Bli rådgivare åt unga företagare",
     "Advise young entrepreneurs",
     "Företagare delar med sig av sin erfarenhet och hittar framtida medarbetare.",
     "Business owners share their experience and meet future employees.",
     "natverk", ["etablerat", "vaxande"], [], [], [], [], False, False,
     ["kompetensforsorjning"], [4], "free"),
    ("iuc-vastmanland", "produktionslyft", "Produktionslyftet", "The production boost",
     "Arton månader med coacher som hjälper er att arbeta smartare i produktionen.",
     "Eighteen months with coaches who help you work smarter in production.",
     "radgivning", ["etablerat", "vaxande"], ["litet", "medelstort"], ["C"], [], [], False,
     True, ["kompetensforsorjning", "digitalisering"], [8, 9], "subsidised"),
    ("iuc-vastmanland", "agarskifte-industri", "Ägarskifte i industriföretag",
     "Change of owner in manufacturing",
     "Stöd för dig som ska lämna över eller ta över ett tillverkande företag.",
     "Support for handing over or taking over a manufacturing company.",
     "radgivning", ["agarskifte"], ["mikro", "litet", "medelstort"], ["C"], [], [], False,
     False, [], [8], "subsidised"),
]  # fmt: skip


# Example visiting addresses, for the actors' pages and the open data's locations.
EXAMPLE_ADDRESSES = {
    "almi-malardalen": ("Exempelgatan 1", "722 12", "Västerås"),
    "vasteras-science-park": ("Exempelgatan 2", "722 13", "Västerås"),
    "region-vastmanland": ("Exempelgatan 3", "721 89", "Västerås"),
}

# When each kind of offer is given (HSDS: schedule).
SCHEDULES = {
    "utbildning": "Kurstillfällen varje vår och höst.",
    "natverk": "Träffar en gång i månaden, utom på sommaren.",
    "utmarkelse": "Ansökan varje höst, utdelning i december.",
}

# The largest amount of each offer that is de minimis aid, in euro.
DE_MINIMIS_MOST = {
    "affarsutvecklingscheck": 25_000,
    "kommersiell-service": 100_000,
    "energikartlaggningscheck": 5_000,
    "produktionslyft": 40_000,
}


def load_demo_actors() -> None:
    """The actors, their offers, and a business office with its own offer per municipality."""
    today = timezone.localdate()
    actors = {}
    for slug, name, kind, codes, description in ACTORS:
        actors[slug] = _actor(slug, name, kind, codes, description)
    for code, municipality in MUNICIPAL_OFFICES.items():
        slug = f"naringsliv-{slugify(municipality.translate(ASCII))}"
        office = _actor(
            slug,
            f"Näringslivskontoret i {municipality}",
            K.MUNICIPAL,
            [code],
            f"{municipality} kommuns väg in för företag: tillstånd, lokaler, upphandling och "
            "kontakter med andra aktörer.",
        )
        _offer(
            office,
            (
                f"{slug}-lots",
                f"Företagslots i {municipality}",
                f"Business pilot in {municipality}",
                "En väg in till kommunen: hjälp med tillstånd, lokaler och rätt kontakter.",
                "One way into the municipality: help with permits, premises and contacts.",
                "radgivning",
                [],
                [],
                [],
                [code],
                [],
                False,
                False,
                [],
                [8, 11],
                "free",
            ),
            today,
        )
    for row in OFFERS:
        _offer(actors[row[0]], row[1:], today)


def _actor(slug: str, name: str, kind: str, codes: list[str], description: str) -> Actor:
    actor = Actor.objects.create(
        slug=slug,
        name=name,
        kind=kind,
        description_sv=description,
        website=f"https://{slug}.example",
        email=f"info@{slug}.example",
        status=Actor.Status.APPROVED,
        approved_at=timezone.now(),
        is_example_data=True,
    )
    actor.street_address, actor.postal_code, actor.city = EXAMPLE_ADDRESSES.get(slug, ("", "", ""))
    if actor.street_address:
        actor.accessibility_description = "Entré utan trappsteg och hiss till alla våningar."
        actor.save(
            update_fields=["street_address", "postal_code", "city", "accessibility_description"]
        )
    actor.municipalities.set(Municipality.objects.filter(code__in=codes))
    actor.contacts.create(name="Kim Exempelsson", role="Rådgivare", email=f"kim@{slug}.example")
    return actor


def _offer(actor: Actor, row: tuple, today: datetime.date) -> Offer:
    (slug, name_sv, name_en, summary_sv, summary_en, support_type, stages, sizes, sectors,
     codes, groups, only_for, de_minimis, themes, goals, cost) = row  # fmt: skip
    offer = Offer.objects.create(
        actor=actor,
        slug=slug,
        name_sv=name_sv,
        name_en=name_en,
        summary_sv=summary_sv,
        summary_en=summary_en,
        support_type=support_type,
        only_for_target_groups=only_for,
        is_de_minimis=de_minimis,
        max_amount_eur=DE_MINIMIS_MOST.get(slug) if de_minimis else None,
        schedule_description=SCHEDULES.get(support_type, "Löpande hela året."),
        cost=cost,
        url=f"{actor.website}/{slug}",
        application_process="Kontakta oss via e-post eller webbplatsen, så bokar vi ett första "
        "samtal.",
        assured_date=today - datetime.timedelta(days=30),
        is_example_data=True,
    )
    offer.stages.set(CompanyStage.objects.filter(slug__in=stages))
    offer.company_sizes.set(CompanySize.objects.filter(slug__in=sizes))
    offer.sectors.set(SniSection.objects.filter(code__in=sectors))
    offer.municipalities.set(Municipality.objects.filter(code__in=codes))
    offer.target_groups.set(TargetGroup.objects.filter(slug__in=groups))
    offer.themes.set(KnowledgeTheme.objects.filter(slug__in=themes))
    offer.sdg_goals.set(SdgGoal.objects.filter(number__in=goals))
    offer.languages.set(OfferLanguage.objects.filter(slug__in=["sv"]))
    return offer
