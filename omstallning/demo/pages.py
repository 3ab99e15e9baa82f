"""Demo page texts, taken from the region's own page (shared/seed), Swedish and English."""

HOME = {
    "sv": {
        "title": "Omställning Västmanland",
        "intro": (
            "I projektet Omställning Västmanland stärker och utvecklar vi förmågan att integrera "
            "hållbarhetsperspektiven i näringslivsutvecklingen i regionen."
        ),
        "heading": "Hållbar utveckling av näringslivet",
        "text": (
            "<p>Att stärka hållbarhetsarbetet inom den regionala tillväxtpolitiken har de senaste "
            "åren varit en tydlig ambition från regeringens sida. Som ett led i att förverkliga de "
            "ambitionerna driver vi i Region Västmanland projektet Omställning Västmanland. Genom "
            "projektet stärker och utvecklar vi arbetet med hållbarhet i näringslivsutvecklingen. "
            "Vi gör det genom att bygga upp en plattform där vi samlar styrning och stöd, bygger "
            "och sprider kunskap och engagemang och öppnar upp arenor för dialog kring hållbar "
            "utveckling i näringslivet. Projektet genomförs i samverkan med länets "
            "näringslivsfrämjande aktörer och löper från våren 2020 till maj 2023.</p>"
        ),
    },
    "en": {
        "title": "Transition Västmanland",
        "intro": (
            "In the project Omställning Västmanland (Transition Västmanland) we strengthen and "
            "develop the ability to integrate sustainability into business development in the "
            "region."
        ),
        "heading": "Sustainable business development",
        "text": (
            "<p>Strengthening sustainability work in regional growth policy has in recent years "
            "been a clear ambition of the Swedish government. As part of realising that ambition, "
            "Region Västmanland runs the project Omställning Västmanland. Through the project we "
            "strengthen and develop sustainability work in business development. We do it by "
            "building a platform that gathers governance and support, builds and spreads "
            "knowledge and engagement, and opens arenas for dialogue on sustainable development "
            "in business. The project is carried out together with the county's "
            "business-promotion actors and runs from spring 2020 to May 2023.</p>"
        ),
    },
}

ABOUT = {
    "sv": {
        "title": "Om projektet",
        "slug": "om-projektet",
        "intro": (
            "Insatser görs både på strategisk och operativ nivå och stor tonvikt ligger på "
            "samverkan med det näringslivsfrämjande systemet och på att bygga kunskap och "
            "utveckla metoder och arbetssätt för att integrera hållbarhet i näringslivsfrämjandet."
        ),
        "text": (
            "<p>Den regionala utvecklingsstrategin (RUS) och Agenda 2030 är grundpelare i arbetet. "
            "Hållbarhet ska integreras i sin helhet, dvs miljömässiga, ekonomiska och sociala "
            "perspektiv. Projektet är indelat i fyra insatsområden som genomförs som fyra "
            "delprojekt, men med samma övergripande syfte.</p>"
        ),
        "goals_heading": "Mål med projektet på lång sikt",
        "cta": "Samverka med oss",
    },
    "en": {
        "title": "About the project",
        "slug": "about-the-project",
        "intro": (
            "The work is done at both strategic and operational level, with strong emphasis on "
            "cooperation with the business-promotion system and on building knowledge and "
            "developing methods and ways of working to integrate sustainability into business "
            "promotion."
        ),
        "text": (
            "<p>The regional development strategy (RUS) and Agenda 2030 are the cornerstones of "
            "the work. Sustainability is to be integrated as a whole: environmental, economic and "
            "social perspectives. The project is divided into four focus areas, carried out as "
            "four sub-projects with the same overall purpose.</p>"
        ),
        "goals_heading": "The project's long-term goals",
        "cta": "Cooperate with us",
    },
}

# number, slug (sv, en), short title (sv, en), full title sv, text (sv, en), contact keys
FOCUS_AREAS = [
    {
        "number": 1,
        "slug": ("samverkan-och-larande", "cooperation-and-learning"),
        "short_title": ("Samverkan och lärande", "Cooperation and learning"),
        "title": (
            "Samverkan och lärande inom det näringslivsfrämjande systemet i länet",
            "Cooperation and learning in the county's business-promotion system",
        ),
        "intro": (
            "Vi bygger upp en regional plattform för omställning i Västmanland.",
            "We are building a regional platform for the transition in Västmanland.",
        ),
        "text": (
            "<p>Vi utgår från näringslivets behov av stöd för att kunna ställa om till att arbeta "
            "ännu tydligare mot en hållbar utveckling. Genom forum för samtal och lärande samlar "
            "och sprider vi kunskap, goda exempel och verktyg som är användbara i "
            "omställningen.</p>",
            "<p>We start from the support businesses need to move even more clearly towards "
            "sustainable development. Through forums for conversation and learning we gather and "
            "spread knowledge, good examples and tools that are useful in the transition.</p>",
        ),
        "contacts": ["lidberg"],
    },
    {
        "number": 2,
        "slug": ("hallbarhetssakrad-styrning", "sustainability-assured-governance"),
        "short_title": ("Hållbarhetssäkrad styrning", "Sustainability-assured governance"),
        "title": ("Hållbarhetssäkrad styrning", "Sustainability-assured governance"),
        "intro": (
            "Vi hållbarhetssäkrar Region Västmanlands näringslivsstrategi, Affärsplan Västmanland, "
            "så att hållbarhet finns med som en röd tråd i styrning och insatser.",
            "We sustainability-assure Region Västmanland's business strategy, Affärsplan "
            "Västmanland, so that sustainability runs as a red thread through governance and "
            "initiatives.",
        ),
        "text": ("", ""),
        "contacts": ["hennerdal", "folkesson"],
    },
    {
        "number": 3,
        "slug": ("hallbarhetssakrad-finansiering", "sustainability-assured-funding"),
        "short_title": ("Hållbarhetssäkrad finansiering", "Sustainability-assured funding"),
        "title": ("Hållbarhetssäkrad finansiering", "Sustainability-assured funding"),
        "intro": (
            "Vi hållbarhetssäkrar regionens finansiering, dvs. företagsstöd, projektmedel, "
            "kommersiell service inklusive Sammanhållningspolitiken (ERUF).",
            "We sustainability-assure the region's funding: business support, project funds and "
            "commercial services, including cohesion policy (ERDF).",
        ),
        "text": ("", ""),
        "contacts": ["conley"],
    },
    {
        "number": 4,
        "slug": ("overgripande-omstallningsarbete", "overall-transition-work"),
        "short_title": ("Övergripande omställningsarbete", "Overall transition work"),
        "title": ("Övergripande omställningsarbete", "Overall transition work"),
        "intro": (
            "Vi samverkar med Tillväxtverket och andra regioner i syfte att skapa synergier, ta "
            "del av goda exempel och testa verktyg och metoder i projektets olika delar.",
            "We cooperate with the Swedish Agency for Economic and Regional Growth and other "
            "regions to create synergies, learn from good examples and test tools and methods in "
            "the different parts of the project.",
        ),
        "text": ("", ""),
        "contacts": ["lidberg"],
    },
]

COOPERATION = {
    "sv": {
        "title": "Samverkan",
        "slug": "samverkan",
        "intro": (
            "Som aktör i det näringslivsfrämjande systemet eller i näringslivet i regionen är du "
            "varmt välkommen att höra av dig för att prata om hur vi kan samverka i projektet."
        ),
        # The seed's words; the loader fills in the links ({meetings} is the meeting point's
        # page id, {propose} the knowledge bank's proposal form, {write} the contact form to
        # the project lead).
        "text": (
            "<p>Håll även utkik efter våra öppna träffar "
            '<a linktype="page" id="{meetings}">Träffpunkt Hållbarhet</a>, där vi utforskar '
            "aktuella hållbarhetsteman som är viktiga för näringslivsutvecklingen i länet.</p>"
            "<p>Vill du veta mer om projektet eller prata om hur vi kan samverka? "
            '<a href="{propose}">Har du goda exempel du vill att vi tar med in i arbetet?</a> '
            '<a href="{write}">Kontakta projektledare Maria Lidberg</a> för mer information.</p>'
        ),
        "contacts_heading": "Kontaktpersoner",
    },
    "en": {
        "title": "Cooperation",
        "slug": "cooperation",
        "intro": (
            "If you are an actor in the business-promotion system or in business in the region, "
            "you are very welcome to get in touch to talk about how we can cooperate in the "
            "project."
        ),
        "text": (
            "<p>Also look out for our open meetings, "
            '<a linktype="page" id="{meetings}">Träffpunkt hållbarhet</a>, where we explore '
            "current sustainability themes that matter for business development in the "
            "county.</p><p>Would you like to know more about the project or talk about how we can "
            'cooperate? <a href="{propose}">Do you have good examples you want us to include in '
            'the work?</a> <a href="{write}">Contact project manager Maria Lidberg</a> for more '
            "information.</p>"
        ),
        "contacts_heading": "Contact people",
    },
}

MEETING_POINT = {
    "sv": {
        "title": "Träffpunkt hållbarhet",
        "slug": "traffpunkt-hallbarhet",
        "intro": (
            "I Träffpunkt hållbarhet diskuterar vi relevanta hållbarhetsfrågor för "
            "näringslivsutvecklingen i länet. Här hittar du information om kommande träffar och "
            "dokumentation från genomförda träffar."
        ),
        "text": (
            "<p>Träffarna är öppna för dig som är aktör i det näringslivsfrämjande systemet eller "
            "företagare i länet.</p>"
        ),
    },
    "en": {
        "title": "Meeting point sustainability",
        "slug": "meeting-point-sustainability",
        "intro": (
            "In Träffpunkt hållbarhet (meeting point sustainability) we discuss sustainability "
            "questions that matter for business development in the county. Here you find "
            "upcoming meetings and documentation from past ones."
        ),
        "text": (
            "<p>The meetings are open to actors in the business-promotion system and to business "
            "owners in the county.</p>"
        ),
    },
}

CONTACT = {
    "sv": {
        "title": "Kontakt",
        "slug": "kontakt",
        "intro": "Här är vi som arbetar i projektet Omställning Västmanland.",
        "heading": "Projektets medarbetare",
        "form_heading": "Skriv till oss",
    },
    "en": {
        "title": "Contact",
        "slug": "contact",
        "intro": "These are the people working in the project Omställning Västmanland.",
        "heading": "The project team",
        "form_heading": "Write to us",
    },
}

# The statement's status and latest review (DIGG's model); {report} is the contact form with
# the topic Tillgänglighet chosen.
ACCESSIBILITY_STATUS = {"compliance_status": "delvis", "last_reviewed": (2026, 12, 1)}

ACCESSIBILITY = {
    "sv": {
        "title": "Tillgänglighetsredogörelse",
        "slug": "tillganglighetsredogorelse",
        "intro": (
            "Region Västmanland står bakom den här webbplatsen. Vi vill att så många som möjligt "
            "ska kunna använda den. Här beskriver vi hur webbplatsen uppfyller lagen om "
            "tillgänglighet till digital offentlig service, kända brister och hur du kan "
            "rapportera problem."
        ),
        "text": (
            "<h3>Hur tillgänglig är webbplatsen?</h3>"
            "<p>Webbplatsen är byggd för att uppfylla WCAG 2.1 nivå AA. Den går att använda med "
            "tangentbord och skärmläsare, texten kan förstoras och sidorna fungerar på små "
            "skärmar. Varje sida kontrolleras automatiskt med verktyget axe innan den publiceras "
            "i en ny version.</p>"
            "<h3>Kända brister</h3>"
            "<p>Videor från tredjepartstjänster visas först när du har godkänt sådana kakor. Till "
            "varje video finns en länk till videotjänsten och, där det finns, en textversion.</p>"
            "<h3>Vad kan du göra om du inte kan använda delar av webbplatsen?</h3>"
            '<p>Skriv till oss via <a href="{report}">kontaktformuläret</a> eller ring oss, så '
            "hjälper vi dig att få informationen på annat sätt. Telefon och e-post står längre "
            "ner, under Rapportera ett problem.</p>"
            "<h3>Tillsyn</h3>"
            "<p>Myndigheten för digital förvaltning (Digg) har ansvaret för tillsyn över lagen om "
            "tillgänglighet till digital offentlig service. Om du inte är nöjd med hur vi hanterar "
            "dina synpunkter kan du kontakta Digg och påtala det.</p>"
            "<h3>Hur vi testat webbplatsen</h3>"
            "<p>Vi testar webbplatsen automatiskt med axe vid varje ändring och gör manuella "
            "kontroller med tangentbord och skärmläsare.</p>"
        ),
    },
    "en": {
        "title": "Accessibility statement",
        "slug": "accessibility-statement",
        "intro": (
            "Region Västmanland is responsible for this website. We want as many people as "
            "possible to be able to use it. This page describes how the site meets the Swedish "
            "law on accessibility of digital public services, known issues and how to report "
            "problems."
        ),
        "text": (
            "<h3>How accessible is the website?</h3>"
            "<p>The site is built to meet WCAG 2.1 level AA. It works with keyboard and screen "
            "readers, text can be enlarged and pages work on small screens. Every page is checked "
            "automatically with the axe tool before a new version is released.</p>"
            "<h3>Known issues</h3>"
            "<p>Videos from third-party services are only shown after you accept such cookies. "
            "Each video has a link to the video service and, where available, a text version.</p>"
            "<h3>If you cannot use parts of the website</h3>"
            '<p>Write to us through <a href="{report}">the contact form</a> or call us, and we '
            "will help you get the information another way.</p>"
            "<h3>Supervision</h3>"
            "<p>The Agency for Digital Government (Digg) supervises the law.</p>"
        ),
    },
}

PRIVACY = {
    "sv": {
        "title": "Personuppgifter",
        "slug": "personuppgifter",
        "intro": (
            "Så här behandlar vi dina personuppgifter på plattformen, enligt "
            "dataskyddsförordningen (GDPR)."
        ),
        "text": (
            "<h3>Personuppgiftsansvarig</h3>"
            "<p>Region Västmanland är personuppgiftsansvarig för behandlingen på plattformen.</p>"
            "<h3>Vilka uppgifter vi behandlar och varför</h3>"
            "<ul>"
            "<li>Konto: namn, e-postadress och roll, för att du ska kunna logga in och arbeta på "
            "plattformen. Sparas så länge kontot finns.</li>"
            "<li>Kontaktpersoner: namn, roll och jobbtelefon för den som i sin tjänst är kontakt "
            "för projektet.</li>"
            "<li>Samtycke till kakor: ett slumpat id, dina val och tidpunkten, som bevis för ditt "
            "samtycke. Inga uppgifter om vem du är. Sparas i tre år.</li>"
            "<li>Besöksstatistik: bara antal sidvisningar per sida och dag, om du har godkänt "
            "statistik. Inga uppgifter om dig.</li>"
            "<li>Inloggningsförsök: användarnamn och IP-adress vid misslyckade försök, för att "
            "skydda mot intrång.</li>"
            "<li>Meddelanden via kontaktformuläret: namn, e-postadress, organisation om du anger "
            "den, och det du skriver, för att kunna svara dig. Meddelandet skickas till den du "
            "skriver till och raderas ett år efter att ärendet senast ändrades. Du får ingen "
            "kopia per e-post.</li>"
            "<li>E-post om nya träffar och nyheter: bara e-postadressen och vad du valt. Ingen "
            "annan e-post kommer förrän du har bekräftat adressen, och bekräftar du inte tas den "
            "bort efter en vecka. Avslutar du prenumerationen tas adressen bort direkt.</li>"
            "</ul>"
            "<h3>Dina rättigheter</h3>"
            "<p>Du har rätt att få veta vilka uppgifter vi har om dig, att få felaktiga uppgifter "
            "rättade och att få uppgifter raderade. Skriv till vårt dataskyddsombud via "
            '<a href="{dpo}">kontaktformuläret</a>; där står också dataskyddsombudets '
            "e-postadress. Regionens postadress, telefon och e-post står i sidfoten. Du kan "
            "också klaga hos Integritetsskyddsmyndigheten (IMY).</p>"
        ),
    },
    "en": {
        "title": "Personal data",
        "slug": "personal-data",
        "intro": (
            "How we process your personal data on the platform, under the General Data "
            "Protection Regulation (GDPR)."
        ),
        "text": (
            "<p>Region Västmanland is the controller. We process account details (name, e-mail, "
            "role) to let you sign in; work contact details of the project's contact people; a "
            "random consent id with your cookie choices as proof of consent (kept three years); "
            "page-view counts without any data about you, only if you allow statistics; and "
            "failed sign-in attempts to protect against intrusion; messages sent through the "
            "contact form (name, e-mail, organisation and your text), deleted a year after the "
            "matter last changed; and, for e-mail about new meetings and news, only your address "
            "and choices, removed after a week unless you confirm it and at once when you "
            "unsubscribe. You have the right to access, rectify and erase your data: write to "
            'our data protection officer through <a href="{dpo}">the contact form</a>, which '
            "also gives the officer's e-mail address; the region's postal address, phone and "
            "e-mail are in the footer. You may also complain to the Swedish Authority for "
            "Privacy Protection (IMY).</p>"
        ),
    },
}

COOKIES = {
    "sv": {
        "title": "Om kakor",
        "slug": "om-kakor",
        "intro": (
            "Webbplatsen använder kakor (cookies) och andra liknande tekniker. Du kan själv "
            "kontrollera vilka kakor som får placeras i din webbläsare och du kan ändra dina "
            "inställningar när som helst via länk i sidfoten."
        ),
        "text": (
            "<h3>Nödvändiga</h3><p>Denna kategori består av kakor som behövs för att "
            "webbplatsen ska fungera korrekt: ditt val om kakor (samtycke), skydd mot "
            "förfalskade formulär (csrftoken) och inloggning (sessionid).</p>"
            "<h3>Statistik</h3><p>Denna kategori ger oss statistik och anonymiserad data som "
            "visar hur webbplatsen används och gör det möjligt för oss att rätta till fel och "
            "förbättra webbplatsen. Vi räknar sidvisningar på vår egen server och lämnar inga "
            "uppgifter till någon annan.</p>"
            "<h3>Tredjepartstjänster</h3><p>Denna kategori består av kakor från "
            "tredjepartstjänster som bland annat möjliggör uppspelning av video och länkning till "
            "våra sidor och flöden i sociala medier. Innan du godkänner dem visar vi bara en "
            "länk till videon.</p>"
        ),
    },
    "en": {
        "title": "About cookies",
        "slug": "about-cookies",
        "intro": (
            "The website uses cookies and similar technologies. You decide which cookies may be "
            "placed in your browser and can change your settings at any time via the link in the "
            "footer."
        ),
        "text": (
            "<h3>Necessary</h3><p>Cookies the website needs to work: your cookie choice, "
            "protection against forged forms (csrftoken) and sign-in (sessionid).</p>"
            "<h3>Statistics</h3><p>Anonymous statistics on how the website is used, counted on "
            "our own server and never shared.</p>"
            "<h3>Third-party services</h3><p>Cookies from third-party services such as video "
            "players and social media. Until you accept them we only show a link to the "
            "video.</p>"
        ),
    },
}

NEWS_INDEX = {
    "title": "Nyheter",
    "slug": "nyheter",
    "intro": "Nyheter från projektet Omställning Västmanland.",
}

NEWS = [
    {
        "title": "Välkommen till Träffpunkt hållbarhet",
        "slug": "valkommen-till-traffpunkt-hallbarhet",
        "date": (2026, 11, 2),
        "intro": (
            "I Träffpunkt hållbarhet diskuterar vi relevanta hållbarhetsfrågor för "
            "näringslivsutvecklingen i länet."
        ),
        "text": (
            "<p>Håll utkik efter våra öppna träffar Träffpunkt Hållbarhet, där vi utforskar "
            "aktuella hållbarhetsteman som är viktiga för näringslivsutvecklingen i länet.</p>"
        ),
    },
    {
        "title": "Plattformen för omställning öppnar",
        "slug": "plattformen-for-omstallning-oppnar",
        "date": (2026, 10, 15),
        "intro": (
            "Nu öppnar plattformen där vi samlar styrning och stöd, bygger och sprider kunskap "
            "och engagemang och öppnar upp arenor för dialog kring hållbar utveckling i "
            "näringslivet."
        ),
        "text": (
            "<p>Som aktör i det näringslivsfrämjande systemet eller i näringslivet i regionen är "
            "du varmt välkommen att höra av dig för att prata om hur vi kan samverka.</p>"
        ),
    },
]
