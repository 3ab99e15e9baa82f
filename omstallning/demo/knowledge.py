"""Demo content for the knowledge bank: examples, tools, methods and reports of the kind a
county with industry, farming, retail and tourism would collect. All marked as example data."""

import io

from django.core.files.base import ContentFile
from django.utils.text import slugify
from openpyxl import Workbook
from wagtail.documents.models import Document
from wagtail.models import Page

from omstallning.core.models import Municipality, Organisation, SdgGoal, SustainabilityDimension
from omstallning.knowledge.models import (
    Audience,
    CompanySize,
    GoodExamplePage,
    KnowledgeIndexPage,
    KnowledgeTheme,
    MethodPage,
    SniSection,
    ToolPage,
)

NOTE = "<p><em>Exempel i demodata: företag och siffror är påhittade.</em></p>"

# (title, organisation, line of business, municipality, SNI, themes, goals, dimensions, sizes,
#  intro, challenge, what they did, results, lessons)
EXAMPLES = [
    ("Spillvärme från gjuteriet värmer grannarna", "Exempelgjuteriet i Köping AB", "Gjuteri",
     "1983", "C", ["energi-och-klimat"], [7, 9, 13], ["ecological", "economic"], ["medelstort"],
     "Ett gjuteri säljer sin överskottsvärme till fjärrvärmenätet.",
     "Ugnarna gav mycket värme som släpptes ut.", "Värmeväxlare och avtal med energibolaget.",
     "2,1 GWh såld värme per år, 1 400 ton lägre koldioxidutsläpp.",
     "Börja med en energikartläggning och prata tidigt med energibolaget."),
    ("Reparation före nyköp i järnhandeln", "Exempel Järn i Sala", "Detaljhandel", "1981", "G",
     ["cirkular-ekonomi"], [12], ["ecological", "economic"], ["mikro"],
     "En järnhandel startade en reparationsdisk för verktyg och trädgårdsmaskiner.",
     "Kunderna slängde maskiner som gick att laga.", "Anställde en servicetekniker på deltid.",
     "450 reparationer första året, 12 % högre omsättning.",
     "Reparation lockar nya kunder som också handlar."),
    ("Solceller och batteri på mjölkgården", "Exempelgården i Norberg", "Mjölkproduktion",
     "1962", "A", ["energi-och-klimat", "landsbygd-och-kommersiell-service"], [7, 13],
     ["ecological", "economic"], ["mikro"],
     "En mjölkgård producerar hälften av sin el själv.",
     "Höga elkostnader för mjölkning och kylning.", "120 kW solceller och ett batterilager.",
     "48 % av elen egenproducerad, återbetalningstid 9 år.",
     "Dimensionera efter förbrukningen mitt på dagen."),
    ("Kompetenslyft för operatörer i omställningen", "Exempel Verkstäder AB", "Verkstadsindustri",
     "1980", "C", ["kompetensforsorjning"], [4, 8], ["social", "economic"], ["stort"],
     "Ett verkstadsföretag utbildade 80 operatörer inför elektrifieringen.",
     "Nya produkter krävde ny kompetens.", "Utbildning på arbetstid med yrkeshögskolan.",
     "Personalomsättningen halverades.", "Låt medarbetarna vara med och planera utbildningen."),
    ("Lanthandeln som blev servicepunkt", "Exempelbutiken i Skinnskatteberg", "Dagligvaruhandel",
     "1904", "G", ["landsbygd-och-kommersiell-service"], [11, 9], ["social", "economic"],
     ["mikro"], "En lanthandel tog in paketombud, apotek och laddstolpe.",
     "Minskande kundunderlag på landsbygden.", "Stöd till kommersiell service och nya tjänster.",
     "30 % fler besök, butiken finns kvar.", "Samarbeta med kommunen om service på orten."),
    ("Jämställd rekrytering på logistikföretaget", "Exempel Logistik AB", "Lager och transport",
     "1961", "H", ["jamstalldhet-och-mangfald"], [5, 8, 10], ["social"], ["medelstort"],
     "Ett logistikföretag ökade andelen kvinnor bland truckförarna.",
     "Nästan bara män sökte jobben.", "Nya annonser, praktik och bättre omklädningsrum.",
     "Andelen kvinnor ökade från 8 till 27 %.",
     "Se över det praktiska först: arbetstider och lokaler."),
    ("Cirkulära kontorsmöbler", "Exempel Inredning i Arboga", "Möbeltillverkning", "1984", "C",
     ["cirkular-ekonomi"], [12, 8], ["ecological", "economic"], ["litet"],
     "En möbeltillverkare hyr ut och renoverar kontorsmöbler.",
     "Kunderna ville minska sin klimatpåverkan.", "Ny affärsmodell med hyra och återtag.",
     "70 % av möblerna används igen.", "Räkna på hela livslängden, inte bara försäljningen."),
    ("Hotellet som halverade matsvinnet", "Exempelhotellet vid Mälaren", "Hotell och konferens",
     "1980", "I", ["cirkular-ekonomi"], [12, 2], ["ecological", "economic"], ["litet"],
     "Ett konferenshotell mäter och minskar matsvinnet.", "Stora mängder mat slängdes.",
     "Vägning av svinn, mindre portioner och restaurangmeny av överskott.",
     "Svinnet minskade med 52 %, matkostnaden med 9 %.", "Mät först, det motiverar personalen."),
    ("Digital tvilling sparar energi i fastigheterna", "Exempel Fastigheter i Fagersta",
     "Fastighetsförvaltning", "1982", "L", ["digitalisering", "energi-och-klimat"], [7, 11],
     ["ecological", "economic"], ["litet"],
     "Ett fastighetsbolag styr värmen efter en digital modell av husen.",
     "Ojämn värme och höga kostnader.", "Sensorer och styrning via en digital tvilling.",
     "18 % lägre energianvändning.", "Börja i ett hus och visa resultaten."),
    ("Naturturism med lokala guider", "Exempel Äventyr i Surahammar", "Turism", "1907", "N",
     ["landsbygd-och-kommersiell-service"], [8, 15], ["social", "economic", "ecological"],
     ["mikro"], "Ett turistföretag erbjuder kanot och vandring med lokala guider.",
     "Säsongen var kort och beläggningen låg.", "Paket med boende och mat från gårdar i närheten.",
     "Säsongen förlängdes med två månader.", "Samarbete med andra småföretag ger hela paket."),
]  # fmt: skip

# (title, what it does, for whom, time, cost, themes, goals, audiences)
TOOLS = [
    ("Energikartläggning för små företag", "En mall som går igenom el, värme och transporter.",
     "Företag med under 50 anställda", "2–4 timmar", "Gratis", ["energi-och-klimat"], [7, 13],
     ["foretag"]),
    ("Klimatkalkyl för resor och transporter", "Räknar ut utsläppen från resor och frakt.",
     "Företag och främjaraktörer", "1 timme", "Gratis", ["energi-och-klimat"], [13],
     ["foretag", "framjaraktor"]),
    ("Checklista för jämställd rekrytering", "Frågor att gå igenom före varje rekrytering.",
     "Chefer och HR", "30 minuter", "Gratis", ["jamstalldhet-och-mangfald"], [5, 10],
     ["foretag", "offentlig-sektor"]),
    ("Cirkularitetstest", "Tio frågor om hur cirkulär affärsmodellen är.",
     "Tillverkande företag", "20 minuter", "Gratis", ["cirkular-ekonomi"], [12], ["foretag"]),
    ("Kompetensbehovsanalys", "En mall för att kartlägga framtida kompetensbehov.",
     "Företag och kommuner", "En halvdag", "Gratis", ["kompetensforsorjning"], [4, 8],
     ["foretag", "offentlig-sektor"]),
    ("Digital mognadsmätning", "Visar hur långt företaget kommit med digitalisering.",
     "Små och medelstora företag", "45 minuter", "Gratis", ["digitalisering"], [9],
     ["foretag"]),
    ("Hållbarhetsguide för besöksnäringen", "Steg för steg mot en hållbarhetsmärkning.",
     "Hotell, restauranger och aktivitetsföretag", "Några veckor", "Gratis",
     ["landsbygd-och-kommersiell-service"], [8, 12], ["foretag"]),
    ("Agenda 2030-analys för insatser", "Bedöm en insats påverkan på de 17 målen.",
     "Främjaraktörer och offentlig sektor", "2 timmar", "Gratis", ["energi-och-klimat"],
     [17], ["framjaraktor", "offentlig-sektor"]),
]  # fmt: skip

# What each tool walks through: the page's "Det här gör verktyget" and the rows of the example
# workbook that the page offers for download.
TOOL_STEPS = {
    "Energikartläggning för små företag": [
        "El: årsförbrukning i kWh och de största förbrukarna",
        "Värme: uppvärmningssätt, förbrukning och kostnad per år",
        "Transporter: fordon, körsträcka och bränsle",
        "Åtgärder: vad som kan göras, vad det kostar och vad det sparar",
    ],
    "Klimatkalkyl för resor och transporter": [
        "Tjänsteresor: sträcka per färdsätt och år",
        "Frakt: vikt, sträcka och transportslag",
        "Utsläpp: kg koldioxid per färdsätt, med Naturvårdsverkets schabloner",
        "Mål: vad som kan minska till nästa år",
    ],
    "Checklista för jämställd rekrytering": [
        "Kravprofilen: är kraven nödvändiga för jobbet?",
        "Annonsen: når den alla, i ord och bild?",
        "Urvalet: bedöms alla sökande mot samma krav?",
        "Intervjun: samma frågor till alla, fler än en som bedömer",
    ],
    "Cirkularitetstest": [
        "Material: hur stor del är återvunnet eller förnybart?",
        "Livslängd: går produkten att reparera och uppgradera?",
        "Affärsmodell: hyr, delar eller tar ni tillbaka?",
        "Spill: vad händer med restmaterialet?",
    ],
    "Kompetensbehovsanalys": [
        "Verksamheten om tre år: vad gör ni då?",
        "Kompetenser som behövs, och vilka som finns i dag",
        "Gapet: vad saknas, och när?",
        "Vägar dit: utbildning, rekrytering, samarbete",
    ],
    "Digital mognadsmätning": [
        "Strategi: finns digitaliseringen med i affärsplanen?",
        "Processer: vad görs fortfarande för hand?",
        "Kunder: hur möter ni dem digitalt?",
        "Kompetens och säkerhet",
    ],
    "Hållbarhetsguide för besöksnäringen": [
        "Nuläge: energi, vatten, avfall och mat",
        "Lokala leverantörer och samarbeten",
        "Gästernas information och delaktighet",
        "Vägen till en hållbarhetsmärkning",
    ],
    "Agenda 2030-analys för insatser": [
        "Insatsen: syfte, målgrupp och tid",
        "Påverkan på vart och ett av de 17 målen: positiv, negativ eller ingen",
        "Kunskapsluckor: det som behöver utredas",
        "Slutsats: vad som ändras i insatsen",
    ],
}

# (title, intro, themes, goals, audiences)
METHODS = [
    ("Så leder du en workshop om hållbara affärsmodeller",
     "En metod i fyra steg för främjaraktörer som vill hjälpa företag att se nya affärer.",
     ["cirkular-ekonomi"], [8, 12], ["framjaraktor"]),
    ("Hållbarhetssäkra en insats med tre dimensioner",
     "Så bedömer du ekologisk, social och ekonomisk påverkan innan en insats startar.",
     ["energi-och-klimat"], [17], ["framjaraktor", "offentlig-sektor"]),
    ("Guide: söka stöd för energieffektivisering",
     "Vilka stöd finns, vem kan söka och hur skriver man en bra ansökan?",
     ["energi-och-klimat"], [7], ["foretag"]),
    ("Mentorprogram för kvinnor som driver företag",
     "Så bygger du ett mentorprogram i en region eller kommun.",
     ["jamstalldhet-och-mangfald"], [5, 8], ["framjaraktor", "offentlig-sektor"]),
    ("Inkluderande introduktion av nyanställda",
     "En guide till introduktion som fungerar för alla, oavsett bakgrund.",
     ["jamstalldhet-och-mangfald", "kompetensforsorjning"], [10, 8], ["foretag"]),
    ("Samverkan kring kommersiell service på landsbygden",
     "En arbetsmodell för kommun, region och butiker.",
     ["landsbygd-och-kommersiell-service"], [11], ["offentlig-sektor", "framjaraktor"]),
    ("Från avfall till resurs: materialinventering",
     "Kartlägg materialflöden och hitta det som kan säljas eller användas igen.",
     ["cirkular-ekonomi"], [12], ["foretag"]),
    ("Klimatsmart upphandling för små kommuner",
     "Krav och kriterier som små leverantörer kan möta.",
     ["energi-och-klimat"], [12, 13], ["offentlig-sektor"]),
    ("Digitala verktyg i lantbruket",
     "Vägledning för att välja och införa digitala verktyg på gården.",
     ["digitalisering", "landsbygd-och-kommersiell-service"], [2, 9], ["foretag"]),
    ("Kompetensväxling mellan företag",
     "Så lånar företag personal av varandra när behoven skiftar.",
     ["kompetensforsorjning"], [8], ["foretag", "framjaraktor"]),
    ("Hållbarhetsredovisning för småföretag",
     "En enkel modell för att berätta om sitt hållbarhetsarbete.",
     ["energi-och-klimat", "jamstalldhet-och-mangfald"], [12], ["foretag"]),
    ("Att mäta social hållbarhet i insatser",
     "Indikatorer och frågor för uppföljning av sociala effekter.",
     ["jamstalldhet-och-mangfald"], [10, 16], ["framjaraktor", "offentlig-sektor"]),
]  # fmt: skip


def _tags(page, *, themes=(), goals=(), places=(), sectors=(), dimensions=(), audiences=(),
          sizes=()):  # fmt: skip
    page.themes.set(KnowledgeTheme.objects.filter(slug__in=themes))
    page.sdg_goals.set(SdgGoal.objects.filter(number__in=goals))
    page.municipalities.set(Municipality.objects.filter(code__in=places))
    page.sectors.set(SniSection.objects.filter(code__in=sectors))
    page.dimensions.set(SustainabilityDimension.objects.filter(code__in=dimensions))
    page.audiences.set(Audience.objects.filter(slug__in=audiences))
    page.company_sizes.set(CompanySize.objects.filter(slug__in=sizes))


def _tool_workbook(title: str, steps: list[str]) -> Document:
    """An example workbook for a tool: a row per step, with room for the answers."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Verktyg"
    sheet.append([title])
    sheet.append(["Exempel i demodata: ett underlag att utgå från, inte ett färdigt verktyg."])
    sheet.append([])
    sheet.append(["Steg", "Era svar och siffror", "Nästa åtgärd", "Ansvarig"])
    for step in steps:
        sheet.append([step, "", "", ""])
    sheet.column_dimensions["A"].width = 60
    for column in "BCD":
        sheet.column_dimensions[column].width = 30
    buffer = io.BytesIO()
    workbook.save(buffer)
    document = Document.objects.create(title=title)
    document.file.save(f"{slugify(title)}.xlsx", ContentFile(buffer.getvalue()), save=True)
    return document


def _add(bank: Page, page, **tags) -> None:
    page.slug = slugify(page.title)  # å, ä, ö as a, a, o: addresses that travel well
    page.is_example_data = True
    _tags(page, **tags)
    bank.add_child(instance=page)
    page.save_revision().publish()


def load_demo_knowledge(home: Page) -> KnowledgeIndexPage:
    bank = home.add_child(
        instance=KnowledgeIndexPage(
            title="Kunskapsbank",
            slug="kunskapsbank",
            intro="Goda exempel, verktyg och metoder för hållbar näringslivsutveckling, "
            "samlade i länet och från andra regioner.",
            show_in_menus=True,
        )
    )
    bank.save_revision().publish()
    actor = Organisation.objects.first()
    for (title, organisation, business, place, sni, themes, goals, dims, sizes, intro, challenge,
         did, results, lessons) in EXAMPLES:  # fmt: skip
        _add(
            bank,
            GoodExamplePage(
                title=title,
                intro=intro,
                organisation_name=organisation,
                sector_note=business,
                municipality=Municipality.objects.filter(code=place).first(),
                challenge=f"<p>{challenge}</p>",
                what_they_did=f"<p>{did}</p>",
                results=f"<p>{results}</p>",
                lessons=f"<p>{lessons}</p>{NOTE}",
                contact_actor=actor,
            ),
            themes=themes, goals=goals, places=[place], sectors=[sni], dimensions=dims,
            audiences=["foretag"], sizes=sizes,
        )  # fmt: skip
    for title, does, for_whom, time_needed, cost, themes, goals, audiences in TOOLS:
        steps = TOOL_STEPS[title]
        _add(
            bank,
            ToolPage(
                title=title,
                intro=does,
                what_it_does="<p>Verktyget är en arbetsbok att fylla i, steg för steg:</p><ol>"
                + "".join(f"<li>{step}</li>" for step in steps)
                + f"</ol>{NOTE}",
                for_whom=for_whom,
                time_to_use=time_needed,
                cost=cost,
                document=_tool_workbook(title, steps),
            ),
            themes=themes,
            goals=goals,
            audiences=audiences,
        )
    for title, intro, themes, goals, audiences in METHODS:
        _add(
            bank,
            MethodPage(title=title, intro=intro, body=[("paragraph", f"<p>{intro}</p>{NOTE}")]),
            themes=themes,
            goals=goals,
            audiences=audiences,
        )
    return bank
