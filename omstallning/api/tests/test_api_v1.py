"""The public API v1: reference data, frameworks, portfolio sums, schema, and bad input."""

from hypothesis import example, given
from hypothesis import strategies as st

from omstallning.accounts.roles import CASE_OFFICER
from omstallning.accounts.tests.factories import UserFactory
from omstallning.assessment import services
from omstallning.assessment.models import Framework
from omstallning.core.tests.factories import OrganisationFactory


def test_goals_and_one_goal_with_targets_and_indicators(db, client):
    goals = client.get("/api/v1/sdg/goals").json()
    seven = client.get("/api/v1/sdg/goals/7").json()

    assert [goal["number"] for goal in goals] == list(range(1, 18))
    assert goals[6] == {
        "number": 7,
        "title_sv": "Hållbar energi för alla",
        "title_en": goals[6]["title_en"],
        "short_en": "Affordable and clean energy",
        "colour": "#FCC30B",
        "dimension": "social",
    }
    assert [target["code"] for target in seven["targets"]] == ["7.1", "7.2", "7.3", "7.a", "7.b"]
    assert seven["targets"][0]["indicators"][0]["code"] == "7.1.1"


def test_unknown_goal_and_target_are_404(db, client):
    assert client.get("/api/v1/sdg/goals/18").status_code == 404
    assert client.get("/api/v1/sdg/targets/99.9").status_code == 404
    assert client.get("/api/v1/sdg/goals/sju").status_code == 422


def test_dimensions(db, client):
    codes = [d["code"] for d in client.get("/api/v1/dimensions").json()]
    assert codes == ["ecological", "social", "economic"]


def test_frameworks_with_versions_and_criteria(db, client):
    frameworks = {f["key"]: f for f in client.get("/api/v1/frameworks").json()}
    dnsh = client.get("/api/v1/frameworks/dnsh/versions/1").json()

    assert set(frameworks) >= {"agenda-2030", "dnsh", "horisontella-kriterier", "tre-dimensioner"}
    assert frameworks["dnsh"]["current_version"] == 1
    assert len(dnsh["criteria"]) == 6
    harm = [o for o in dnsh["criteria"][0]["options"] if o["is_knockout"]]
    assert [o["label_sv"] for o in harm] == ["Betydande skada"]
    assert client.get("/api/v1/frameworks/finns-inte").status_code == 404
    assert client.get("/api/v1/frameworks/dnsh/versions/99").status_code == 404


def test_portfolio_sums_count_submitted_assessments_by_default(db, client):
    officer = UserFactory(roles=[CASE_OFFICER])
    framework = Framework.objects.get(key="tre-dimensioner")
    submitted = services.assessment_start(
        subject=OrganisationFactory(), framework=framework, assessor=officer
    )
    for criterion in submitted.version.criteria.all():
        services.answer_save(
            assessment=submitted,
            criterion=criterion,
            user=officer,
            option=criterion.options.get(label_sv="Positiv"),
        )
    services.assessment_submit(assessment=submitted, user=officer)
    services.assessment_start(subject=OrganisationFactory(), framework=framework, assessor=officer)

    default = client.get("/api/v1/portfolio-sums", {"framework": "tre-dimensioner"}).json()
    everything = client.get(
        "/api/v1/portfolio-sums",
        {"framework": "tre-dimensioner", "status": ["draft", "submitted"]},
    ).json()

    assert default["assessments"]["count"] == 1
    social = next(d for d in default["dimensions"] if d["dimension"] == "social")
    assert social["positive"] == {"count": 1, "amount": "0"}
    assert everything["assessments"]["count"] == 2
    assert "officer" not in str(default) and officer.username not in str(default)


def test_portfolio_sums_explain_bad_filters_in_swedish(db, client):
    bad_status = client.get("/api/v1/portfolio-sums", {"status": "klar"})
    bad_framework = client.get("/api/v1/portfolio-sums", {"framework": "finns-inte"})
    bad_type = client.get("/api/v1/portfolio-sums", {"subject_type": "auth.user"})

    assert bad_status.status_code == 422
    assert bad_status.json()["errors"][0]["loc"] == ["query", "filters", "status", 0]
    assert bad_framework.status_code == 404
    assert "inget ramverk" in bad_framework.json()["detail"]
    assert bad_type.status_code == 404
    assert bad_type.json() == {"detail": "Den typen kan inte bedömas."}
    assert (
        client.get("/api/v1/portfolio-sums", {"subject_type": "core.organisation"}).status_code
        == 200
    )


@given(
    params=st.dictionaries(
        st.sampled_from(["framework", "status", "subject_type"]),
        st.one_of(
            st.text(max_size=30), st.sampled_from(["dnsh", "submitted", "core.Organisation"])
        ),
    )
)
@example(params={"framework": "dnsh\x00"})
@example(params={"subject_type": "\x00"})
def test_portfolio_sums_never_fail_on_any_query(db, client, params):
    response = client.get("/api/v1/portfolio-sums", params)

    assert response.status_code in (200, 404, 422)
    assert response["Content-Type"] == "application/json; charset=utf-8"


def test_the_openapi_schema_describes_every_endpoint(db, client):
    schema = client.get("/api/v1/openapi.json").json()

    assert schema["info"]["version"] == "1"
    assert set(schema["paths"]) >= {
        "/api/v1/dimensions",
        "/api/v1/sdg/goals",
        "/api/v1/sdg/goals/{number}",
        "/api/v1/sdg/targets/{code}",
        "/api/v1/frameworks",
        "/api/v1/frameworks/{key}",
        "/api/v1/frameworks/{key}/versions/{number}",
        "/api/v1/portfolio-sums",
        "/api/v1/events/{event_id}/registrations",
    }
    assert list(schema["paths"]["/api/v1/events/{event_id}/registrations"]) == ["post"]
    assert all(
        list(operations) == ["get"]
        for path, operations in schema["paths"].items()
        if not path.startswith("/api/v1/events/")
    )


def test_the_api_documentation_is_a_swedish_page_listing_every_endpoint(db, client):
    schema = client.get("/api/v1/openapi.json").json()
    html = client.get("/api/v1/docs").content.decode()

    assert '<html lang="sv">' in html
    assert "<h1>Öppet API</h1>" in html
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            assert f"<code>{method.upper()} {path}</code>" in html
            assert operation["summary"] in html
    assert '<a href="/api/v1/openapi.json">' in html


def test_the_documentation_shows_code_as_code_and_says_what_takes_personal_data(db, client):
    html = client.get("/api/v1/docs").content.decode()

    assert "`" not in html
    assert "<code>next</code> pekar på nästa sida" in html
    assert "<code>errors</code>" in html
    assert "Bara läsning" not in html
    assert "anmälan till en träff (namn och e-postadress)" in html


def test_the_footer_links_the_api_documentation_in_the_pages_language(site, client):
    english = client.get("/en/").content.decode().split("<footer", 1)[1]
    swedish = client.get("/").content.decode().split("<footer", 1)[1]

    assert 'href="/en/api/v1/docs">Open data (API)</a></li>' in english
    assert 'href="/api/v1/docs">Öppna data (API)</a></li>' in swedish


def test_the_api_documentation_in_english_lists_every_endpoint_in_english(db, client):
    schema = client.get("/api/v1/openapi.json", headers={"accept-language": "en"}).json()
    html = client.get("/en/api/v1/docs").content.decode()

    assert '<html lang="en">' in html
    assert "<h1>Open API</h1>" in html
    assert "<code>next</code> points to the next page" in html
    for operations in schema["paths"].values():
        for operation in operations.values():
            assert operation["summary"] in html
    assert "Statistik över beslut om stöd" not in html


def _texts(schema: dict, where: str = "") -> dict[str, str]:
    """Every text of an OpenAPI schema written for people, by where it stands. The responses'
    descriptions are left out: they are HTTP's own reason phrases ("Not Found"), in English."""
    texts = {}
    for key, value in schema.items():
        place = f"{where}/{key}"
        if isinstance(value, dict) and key != "responses":
            texts.update(_texts(value, place))
        elif key in ("summary", "description") and isinstance(value, str):
            texts[place] = value
        elif key == "tags":
            texts.update({f"{place}/{i}": tag for i, tag in enumerate(value)})
    return texts


def test_the_schema_is_swedish_and_english_to_a_client_that_prefers_english(db, client):
    swedish = client.get("/api/v1/openapi.json")
    english = client.get("/api/v1/openapi.json", headers={"accept-language": "en-GB,en;q=0.9"})

    assert swedish["Content-Language"] == "sv" and english["Content-Language"] == "en"
    assert "Accept-Language" in english["Vary"]
    assert english.json()["info"]["title"] == "Omställningsplattformen – open API"
    sv, en = _texts(swedish.json()), _texts(english.json())
    assert set(sv) == set(en) and len(sv) > 40
    assert sv["/paths//api/v1/funding/statistics/get/summary"] == "Statistik över beslut om stöd"
    assert en["/paths//api/v1/funding/statistics/get/summary"] == "Statistics on funding decisions"
    untranslated = {place: text for place, text in sv.items() if en[place] == text}
    assert untranslated == {}, untranslated


def test_messages_follow_the_clients_language_too(db, client):
    english = client.get("/api/v1/sdg/goals/sju", headers={"accept-language": "en"})
    missing = client.get("/api/v1/sdg/goals/99", headers={"accept-language": "en"})

    assert english.json()["detail"] == "Invalid parameters. See errors for which."
    assert missing.json()["detail"] == "Not found."
    assert client.get("/api/v1/sdg/goals/99").json()["detail"] == "Finns inte."


def test_invalid_parameters_get_a_swedish_headline(db, client):
    response = client.get("/api/v1/sdg/goals/sju")

    assert response.status_code == 422
    assert response.json()["detail"].startswith("Ogiltiga parametrar")
    assert response.json()["errors"]


@given(key=st.text(max_size=20))
@example(key="\x00")
@example(key="dnsh")
def test_any_framework_key_or_target_code_answers_without_error(db, client, key):
    from urllib.parse import quote

    for url in [
        f"/api/v1/frameworks/{quote(key, safe='')}",
        f"/api/v1/frameworks/{quote(key, safe='')}/versions/1",
        f"/api/v1/sdg/targets/{quote(key, safe='')}",
    ]:
        # A slash in the key may meet APPEND_SLASH first: a redirect is a fine answer too.
        assert client.get(url).status_code in (200, 301, 404, 422), url


@given(number=st.integers(min_value=-(2**70), max_value=2**70))
@example(number=2**63)
def test_any_goal_or_version_number_answers_without_error(db, client, number):
    assert client.get(f"/api/v1/sdg/goals/{number}").status_code in (200, 404, 422)
    assert client.get(f"/api/v1/frameworks/dnsh/versions/{number}").status_code in (200, 404, 422)
