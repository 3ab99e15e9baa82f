"""Warm referrals: a company asks an actor to contact it, the actor answers in its queue, the
company follows the case through its signed link; reminders, withdrawal and anonymisation."""

import datetime
import re
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.utils import timezone

from omstallning.accounts.personal_data import personal_data_export
from omstallning.accounts.roles import ACTOR_EDITOR, BUSINESS_DEVELOPER
from omstallning.accounts.tests.factories import UserFactory, verified_client
from omstallning.accounts.tests.refusals import assert_not_permitted
from omstallning.actors import services
from omstallning.actors.links import referral_token
from omstallning.actors.models import Actor, Referral, ReferralStep
from omstallning.contact.forms import new_stamp
from omstallning.core.models import Municipality
from omstallning.core.tests.factories import municipalities

from .factories import ActorFactory, OfferFactory, ReferralFactory, support_finder

STOCKHOLM = ZoneInfo("Europe/Stockholm")
NEED = "Vi driver ett bageri och vill byta till fossilfri värme. Var börjar vi?"


@pytest.fixture(autouse=True)
def _no_wait_for_the_spam_guard(settings):
    settings.CONTACT_FORM_MIN_SECONDS = 0


@pytest.fixture(autouse=True)
def _municipalities(db):
    municipalities("1980", "1981")


def _editor(actor=None):
    user = UserFactory(roles=[ACTOR_EDITOR], verified=True)
    if actor is not None:
        actor.editors.add(user)
    return user


def _coordinator():
    return UserFactory(roles=[BUSINESS_DEVELOPER], verified=True, email="samordnare@region.se")


def _form(**changes) -> dict:
    data = {
        "shown": new_stamp(),
        "need": NEED,
        "company_name": "Bageriet i Sala AB",
        "organisation_number": "5560360793",
        "municipality": "1981",
        "contact_name": "Kim Bagare",
        "email": "kim@bageriet.se",
        "phone": "070-123 45 67",
        "consent": "on",
        "answers": "behov=radgivning&kommun=1981",
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def _referral_path(offer) -> str:
    return f"/hitta-stod/erbjudanden/{offer.slug}/kontakt/"


def _link_path(referral) -> str:
    return f"/lotsning/{referral_token(referral)}/"


def test_a_company_asks_to_be_contacted_and_follows_its_case_by_the_link(
    db, site, client, django_capture_on_commit_callbacks
):
    support_finder()
    editor = _editor()
    actor = ActorFactory(name="Energikontoret", email="info@energikontoret.se", editors=[editor])
    offer = OfferFactory(actor=actor, name_sv="Energikartläggning")

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(_referral_path(offer), _form())

    referral = Referral.objects.get()
    assert response.status_code == 302
    assert response["Location"] == _link_path(referral)
    assert referral.actor == actor and referral.status == Referral.Status.SENT
    assert referral.municipality == Municipality.objects.get(code="1981")
    assert "Energikontoret" in referral.consent_text
    assert referral.answers == "behov=radgivning&kommun=1981"
    assert referral.organisation_number == "556036-0793"
    assert list(referral.steps.values_list("kind", flat=True)) == [ReferralStep.Kind.SENT]

    by_address = {message.to[0]: message for message in mail.outbox}
    assert set(by_address) == {"info@energikontoret.se", editor.email, "kim@bageriet.se"}
    to_actor = by_address["info@energikontoret.se"].body
    assert f"/admin/aktorer/lotsningar/inspect/{referral.pk}/" in to_actor
    # No personal data in the actor's mail: the case is read behind the second factor.
    assert "Bageriet" not in to_actor and "kim@bageriet.se" not in to_actor
    to_company = by_address["kim@bageriet.se"]
    assert to_company.subject == "Din förfrågan har skickats till Energikontoret"
    assert _link_path(referral) in to_company.body
    # Anyone can give anyone's address: the company's mail never echoes what was typed.
    assert NEED not in to_company.body and "Bageriet" not in to_company.body

    page = client.get(_link_path(referral)).content.decode()
    assert "Väntar på svar från aktören" in page
    assert "Tack! Din förfrågan är skickad till Energikontoret" in page
    assert NEED in page


def test_the_answer_is_due_two_working_days_later(db, site, client):
    support_finder()
    offer = OfferFactory()
    # Thursday before Easter 2026, 10:00: Good Friday and Easter Monday are not working days.
    sent = datetime.datetime(2026, 4, 2, 10, 0, tzinfo=STOCKHOLM)

    assert services.answer_deadline(sent) == datetime.datetime(2026, 4, 8, 10, 0, tzinfo=STOCKHOLM)
    client.post(_referral_path(offer), _form())
    referral = Referral.objects.get()
    assert referral.answer_by == services.answer_deadline(referral.consented_at)


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"consent": None}, "Kryssa i att du samtycker, annars kan vi inte skicka."),
        ({"need": ""}, "Skriv vad du behöver hjälp med."),
        ({"organisation_number": "556036-0794"}, "kontrollsiffran är fel"),
        ({"municipality": "9999"}, "Välj en kommun i listan."),
        ({"email": "inte-en-adress"}, "Fyll i en giltig e-postadress."),
    ],
)
def test_a_refused_request_says_why_in_swedish_and_keeps_what_was_typed(
    db, site, client, changes, message
):
    support_finder()
    offer = OfferFactory()

    response = client.post(_referral_path(offer), _form(**changes))

    page = response.content.decode()
    assert response.status_code == 400
    assert message in page
    assert "Bageriet i Sala AB" in page
    assert not Referral.objects.exists()


def test_the_request_form_carries_the_finders_answers(db, site, client):
    support_finder()
    offer = OfferFactory()

    page = client.get(_referral_path(offer) + "?behov=radgivning&kommun=1980").content.decode()

    assert 'value="behov=radgivning&amp;kommun=1980"' in page
    assert '<option value="1980" selected>Västerås</option>' in page


def test_an_ended_offer_takes_no_requests(db, site, client):
    support_finder()
    offer = OfferFactory(status="ended")

    assert client.get(_referral_path(offer)).status_code == 404
    assert client.post(_referral_path(offer), _form()).status_code == 404


def test_an_actor_sees_and_answers_its_own_referrals_only(db, site):
    own = ActorFactory(name="Almi")
    other = ActorFactory(name="Coompanion")
    editor = _editor(own)
    mine = ReferralFactory(offer=OfferFactory(actor=own), company_name="Vårt ärende AB")
    theirs = ReferralFactory(offer=OfferFactory(actor=other), company_name="Deras ärende AB")
    client = verified_client(editor)

    listing = client.get("/admin/aktorer/lotsningar/").content.decode()
    assert "Vårt ärende AB" in listing and "Deras ärende AB" not in listing
    assert client.get(f"/admin/aktorer/lotsningar/inspect/{mine.pk}/").status_code == 200
    assert_not_permitted(client.get(f"/admin/aktorer/lotsningar/inspect/{theirs.pk}/"))
    assert_not_permitted(
        client.post(f"/admin/aktorer/lotsningar/inspect/{theirs.pk}/accept/", {"accept-note": ""})
    )
    theirs.refresh_from_db()
    assert theirs.status == Referral.Status.SENT


def test_without_a_verified_second_factor_no_referral_is_seen(db, site):
    actor = ActorFactory()
    unverified = UserFactory(roles=[ACTOR_EDITOR])
    actor.editors.add(unverified)
    referral = ReferralFactory(offer=OfferFactory(actor=actor))
    from omstallning.actors import permissions

    assert not permissions.can_see_referral(unverified, referral)
    assert not permissions.visible_referrals(unverified).exists()
    assert permissions.visible_referrals(_coordinator()).get() == referral


def test_the_actor_passes_the_case_on_and_it_leaves_its_queue(
    db, site, django_capture_on_commit_callbacks
):
    first = ActorFactory(name="Nyföretagarcentrum")
    better = ActorFactory(name="Almi Mälardalen", email="lots@almi.se")
    editor = _editor(first)
    referral = ReferralFactory(offer=OfferFactory(actor=first), email="kim@bageriet.se")
    referral.answer_by = timezone.now() - datetime.timedelta(hours=1)
    referral.coordinator_reminded_at = timezone.now()
    referral.save()
    client = verified_client(editor)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/admin/aktorer/lotsningar/inspect/{referral.pk}/pass_on/",
            {"pass_on-to_actor": better.pk, "pass_on-note": "Behöver ett lån: Almi passar."},
        )

    referral.refresh_from_db()
    assert response.status_code == 302
    assert response["Location"] == "/admin/aktorer/lotsningar/"
    assert referral.actor == better and referral.status == Referral.Status.SENT
    assert referral.answer_by > timezone.now() and referral.coordinator_reminded_at is None
    step = referral.steps.get(kind=ReferralStep.Kind.PASSED_ON)
    assert (step.actor, step.to_actor, step.user) == (first, better, editor)
    assert step.note == "Behöver ett lån: Almi passar."
    assert_not_permitted(client.get(f"/admin/aktorer/lotsningar/inspect/{referral.pk}/"))
    subjects = {message.to[0]: message.subject for message in mail.outbox}
    assert subjects["lots@almi.se"] == f"Nytt ärende från Hitta stöd: {referral.offer_name}"
    assert subjects["kim@bageriet.se"] == "Ditt ärende har lämnats vidare till Almi Mälardalen"


def test_passing_on_without_a_note_is_refused_and_keeps_the_choice(db, site):
    first = ActorFactory()
    better = ActorFactory(name="Almi Mälardalen")
    referral = ReferralFactory(offer=OfferFactory(actor=first))
    client = verified_client(_editor(first))

    response = client.post(
        f"/admin/aktorer/lotsningar/inspect/{referral.pk}/pass_on/",
        {"pass_on-to_actor": better.pk, "pass_on-note": "  "},
    )

    page = response.content.decode()
    assert response.status_code == 400
    assert "Skriv en rad till den nya aktören om varför ärendet passar den." in page
    assert f'<option value="{better.pk}" selected>Almi Mälardalen</option>' in page
    referral.refresh_from_db()
    assert referral.actor == first


def test_declining_for_another_reason_needs_the_reason_written(db, site):
    actor = ActorFactory()
    referral = ReferralFactory(offer=OfferFactory(actor=actor))
    client = verified_client(_editor(actor))
    path = f"/admin/aktorer/lotsningar/inspect/{referral.pk}/decline/"

    refused = client.post(path, {"decline-reason": "other", "decline-note": ""})
    declined = client.post(path, {"decline-reason": "no_capacity", "decline-note": ""})

    assert refused.status_code == 400
    assert "Skriv skälet, så att företaget förstår varför." in refused.content.decode()
    assert declined.status_code == 302
    referral.refresh_from_db()
    assert referral.status == Referral.Status.DECLINED
    assert referral.decline_reason == "no_capacity" and referral.closed_at is not None


def test_accept_close_and_the_company_rates_once(db, site, client):
    actor = ActorFactory(name="Almi")
    editor = _editor(actor)
    referral = ReferralFactory(offer=OfferFactory(actor=actor))
    staff = verified_client(editor)
    inspect = f"/admin/aktorer/lotsningar/inspect/{referral.pk}/"

    assert 'name="close-outcome"' not in staff.get(inspect).content.decode()
    staff.post(inspect + "accept/", {"accept-note": "Vi ringer på måndag."})
    assert 'name="close-outcome"' in staff.get(inspect).content.decode()
    staff.post(inspect + "close/", {"close-outcome": "advice", "close-note": ""})
    referral.refresh_from_db()
    assert referral.status == Referral.Status.CLOSED and referral.outcome == "advice"

    link = _link_path(referral)
    page = client.get(link).content.decode()
    assert "Vi ringer på måndag." in page
    assert "Företaget fick rådgivning" in page
    assert 'name="rating"' in page
    assert client.post(link, {"rating": "9"}).status_code == 400
    client.post(link, {"rating": "4", "comment": "Bra och snabbt."})
    referral.refresh_from_db()
    assert (referral.rating, referral.rating_comment) == (4, "Bra och snabbt.")
    again = client.post(link, {"rating": "1"}, follow=True)
    assert "Ärendet kan betygsättas en gång, när det är avslutat." in again.content.decode()
    referral.refresh_from_db()
    assert referral.rating == 4


def test_an_open_case_cannot_be_rated(db, site, client):
    referral = ReferralFactory()

    response = client.post(_link_path(referral), {"rating": "5"}, follow=True)

    assert "Ärendet kan betygsättas en gång, när det är avslutat." in response.content.decode()
    referral.refresh_from_db()
    assert referral.rating is None


def test_the_coordinator_is_reminded_once_of_a_case_nobody_answered(
    db, site, django_capture_on_commit_callbacks
):
    coordinator = _coordinator()
    late = ReferralFactory(answer_by=timezone.now() - datetime.timedelta(minutes=1))
    ReferralFactory(answer_by=timezone.now() + datetime.timedelta(hours=3))
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        first = services.referrals_remind_overdue()
    with django_capture_on_commit_callbacks(execute=True):
        second = services.referrals_remind_overdue()

    assert (first, second) == (1, 0)
    assert [message.to for message in mail.outbox] == [[coordinator.email]]
    assert mail.outbox[0].subject == f"Obesvarat ärende i Hitta stöd: {late.actor.name}"
    assert late.steps.filter(kind=ReferralStep.Kind.REMINDED).count() == 1


def test_the_company_takes_back_its_consent_and_its_details_are_gone(db, site, client):
    referral = ReferralFactory(company_name="Bageriet i Sala AB")
    link = _link_path(referral)

    confirm = client.get(link + "aterkalla/")
    assert "Ta tillbaka ditt samtycke?" in confirm.content.decode()
    response = client.post(link + "aterkalla/")

    assert response["Location"] == "/lotsning/aterkallad/"
    referral.refresh_from_db()
    assert referral.status == Referral.Status.WITHDRAWN
    assert referral.anonymised_at is not None and referral.withdrawn_at is not None
    assert referral.company_name == referral.email == referral.need == ""
    assert client.get(link).status_code == 404


def test_personal_data_is_anonymised_a_set_time_after_closing(db, site, settings):
    settings.REFERRAL_RETENTION_DAYS = 365
    old = ReferralFactory(status=Referral.Status.CLOSED, outcome="advice", rating=5)
    old.closed_at = timezone.now() - datetime.timedelta(days=366)
    old.save()
    ReferralStep.objects.create(
        referral=old, kind="closed", actor=old.actor, note="Ringde Kim.", at=old.closed_at
    )
    recent = ReferralFactory(status=Referral.Status.CLOSED)
    recent.closed_at = timezone.now() - datetime.timedelta(days=30)
    recent.save()

    assert services.referrals_anonymise_expired() == 1

    old.refresh_from_db()
    recent.refresh_from_db()
    assert old.anonymised_at and old.email == "" and old.contact_name == ""
    # What the region counts stays: the actor, the outcome, the rating, the steps.
    assert (old.outcome, old.rating, old.steps.count()) == ("advice", 5, 2)
    assert set(old.steps.values_list("note", flat=True)) == {""}
    assert recent.anonymised_at is None and recent.email


def test_a_persons_referrals_are_in_their_data_export(db, site):
    user = UserFactory(email="kim@bageriet.se")
    ReferralFactory(email="Kim@Bageriet.se", company_name="Bageriet i Sala AB")
    ReferralFactory(email="annan@example.se")

    exported = personal_data_export(user)["referrals"]

    assert [row["company_name"] for row in exported] == ["Bageriet i Sala AB"]


def test_the_link_is_refused_when_tampered_with(db, site, client):
    referral = ReferralFactory()
    token = referral_token(referral)

    assert client.get(f"/lotsning/{token[:-2]}xx/").status_code == 404
    assert re.fullmatch(r"[\w:\-\[\],\"]+", token)


def test_an_actor_that_has_had_referrals_is_not_deleted_and_the_region_is_told_why(db, site):
    actor = ActorFactory(name="Almi")
    ReferralFactory(offer=OfferFactory(actor=actor))
    unused = ActorFactory(name="Oanvänd aktör")
    client = verified_client(_coordinator())

    refused = client.post(f"/admin/aktorer/aktorer/delete/{actor.pk}/", follow=True)
    client.post(f"/admin/aktorer/aktorer/delete/{unused.pk}/")

    assert refused.redirect_chain == [("/admin/aktorer/aktorer/", 302)]
    told = " ".join(str(message) for message in refused.context["messages"])
    assert "Almi har fått lotsningar och kan inte tas bort" in told
    assert Actor.objects.filter(pk=actor.pk).exists()
    assert not Actor.objects.filter(pk=unused.pk).exists()
