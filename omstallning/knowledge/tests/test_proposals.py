"""Proposals: an Aktör or Företagare proposes an example or tool, it goes through Wagtail
moderation, the editor approves, asks for changes or declines, and the proposer is told by
e-mail at each step."""

import pytest
from django.core import mail
from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st
from wagtail.models import WorkflowState

from omstallning.accounts.roles import ACTOR, BUSINESS_OWNER, EDITOR
from omstallning.accounts.tests.factories import UserFactory, verified_client
from omstallning.core.models import SdgGoal
from omstallning.knowledge.models import GoodExamplePage, KnowledgeProposal, ToolPage

from .factories import knowledge_bank

EXAMPLE = {
    "title": "Solvärme i växthuset",
    "intro": "En handelsträdgård i Sala värmer växthuset med solfångare.",
    "organisation_name": "Salaträdgården AB",
    "sector_note": "Handelsträdgård",
    "challenge": "Höga kostnader för olja.\n\nKalla vårnätter.",
    "what_they_did": "Satte upp 40 m² solfångare och en ackumulatortank.",
    "results": "Oljan minskade med 60 procent.",
    "lessons": "",
    "licence_consent": "on",
}


def url(bank, name, *args):
    return bank.url + bank.reverse_subpage(name, args=args)


@pytest.fixture
def bank(site):
    return knowledge_bank()


@pytest.fixture
def actor(site):
    return UserFactory(roles=[ACTOR], email="aktor@example.org")


@pytest.fixture
def editor(site):
    return UserFactory(roles=[EDITOR], email="redaktor@example.org")


def propose(client, bank, data=None, kind="exempel"):
    return client.post(url(bank, "propose", kind), data or EXAMPLE)


def mails_to(address):
    return [message for message in mail.outbox if address in message.to]


def task_state_of(page):
    return page.current_workflow_state.current_task_state.specific


def test_proposing_needs_a_login_and_a_proposer_role(bank, client):
    anonymous = client.get(url(bank, "propose", "exempel"))
    client.force_login(UserFactory())  # no role
    no_role = client.get(url(bank, "propose", "exempel"))
    client.force_login(UserFactory(roles=[BUSINESS_OWNER]))
    owner = client.get(url(bank, "propose", "exempel"))

    assert anonymous.status_code == 302 and "next=" in anonymous["Location"]
    assert no_role.status_code == 403
    assert owner.status_code == 200
    assert "Föreslå gott exempel" in owner.content.decode()


def test_a_proposal_is_a_draft_in_review_and_the_proposer_is_told(
    bank, actor, editor, client, django_capture_on_commit_callbacks
):
    client.force_login(actor)
    with django_capture_on_commit_callbacks(execute=True):
        response = propose(
            client, bank, {**EXAMPLE, "sdg_goals": [SdgGoal.objects.get(number=7).pk]}
        )

    proposal = KnowledgeProposal.objects.get(proposer=actor)
    page = proposal.page.specific
    assert response.status_code == 302
    assert isinstance(page, GoodExamplePage) and not page.live
    assert page.owner == actor
    assert page.challenge == "<p>Höga kostnader för olja.</p>\n\n<p>Kalla vårnätter.</p>"
    assert list(page.sdg_goals.values_list("number", flat=True)) == [7]
    assert page.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    assert proposal.status == KnowledgeProposal.Status.IN_REVIEW
    (receipt,) = mails_to("aktor@example.org")
    assert receipt.subject == "Tack för ditt förslag: Solvärme i växthuset"
    assert mails_to("redaktor@example.org"), "the reviewers hear of it from Wagtail"
    # Not public until approved.
    assert client.get(bank.url).content.decode().count("Solvärme i växthuset") == 0
    mine = client.get(url(bank, "my_proposals")).content.decode()
    assert "Solvärme i växthuset" in mine and "Granskas" in mine


def test_changes_requested_then_revised_then_approved(
    bank, actor, editor, client, django_capture_on_commit_callbacks
):
    client.force_login(actor)
    with django_capture_on_commit_callbacks(execute=True):
        propose(client, bank)
    proposal = KnowledgeProposal.objects.get(proposer=actor)
    page = proposal.page.specific

    with django_capture_on_commit_callbacks(execute=True):
        task_state = task_state_of(page)
        task_state.task.specific.on_action(
            task_state, editor, "reject", comment="Skriv gärna hur mycket pengar de sparade."
        )
    proposal.refresh_from_db()
    assert proposal.status == KnowledgeProposal.Status.CHANGES_REQUESTED
    asked = mails_to("aktor@example.org")[-1]
    assert asked.subject.startswith("Ändringar önskas")
    assert "Skriv gärna hur mycket pengar de sparade." in asked.body
    assert url(bank, "proposal", proposal.pk) in asked.body

    form_page = client.get(url(bank, "proposal", proposal.pk)).content.decode()
    assert "Skriv gärna hur mycket pengar de sparade." in form_page
    assert "Höga kostnader för olja." in form_page  # the form holds what they wrote
    with django_capture_on_commit_callbacks(execute=True):
        revised = client.post(
            url(bank, "proposal", proposal.pk),
            {**EXAMPLE, "results": "Oljan minskade med 60 procent, 85 000 kr om året."},
        )
    proposal.refresh_from_db()
    assert revised.status_code == 302
    assert proposal.status == KnowledgeProposal.Status.IN_REVIEW
    assert mails_to("aktor@example.org")[-1].subject.startswith("Ditt ändrade förslag granskas")
    assert page.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS

    with django_capture_on_commit_callbacks(execute=True):
        task_state = task_state_of(page)
        task_state.task.specific.on_action(task_state, editor, "approve")
    page.refresh_from_db()
    proposal.refresh_from_db()
    assert page.live
    assert "85 000 kr" in page.specific.results
    assert proposal.status == KnowledgeProposal.Status.PUBLISHED
    published = mails_to("aktor@example.org")[-1]
    assert published.subject == "Ditt förslag är publicerat: Solvärme i växthuset"
    assert page.url in published.body
    # One e-mail per step, all ours: Wagtail's own (with admin links) are not sent to them.
    assert [m.subject.split(":")[0] for m in mails_to("aktor@example.org")] == [
        "Tack för ditt förslag",
        "Ändringar önskas i ditt förslag",
        "Ditt ändrade förslag granskas",
        "Ditt förslag är publicerat",
    ]
    assert "Solvärme i växthuset" in client.get(bank.url).content.decode()


def test_an_editor_declines_through_the_admin(
    bank, actor, editor, client, django_capture_on_commit_callbacks
):
    client.force_login(actor)
    with django_capture_on_commit_callbacks(execute=True):
        propose(client, bank)
    page = KnowledgeProposal.objects.get(proposer=actor).page.specific
    staff = verified_client(editor)
    task_state = task_state_of(page)

    with django_capture_on_commit_callbacks(execute=True):
        response = staff.post(
            reverse(
                "wagtailadmin_pages:workflow_action",
                args=[page.pk, "decline", task_state.pk],
            ),
            {"comment": "Det liknar ett exempel vi redan har."},
        )

    proposal = KnowledgeProposal.objects.get(proposer=actor)
    page.refresh_from_db()
    assert response.status_code in (200, 302)
    assert proposal.status == KnowledgeProposal.Status.DECLINED
    assert proposal.reviewer_comment == "Det liknar ett exempel vi redan har."
    assert not page.live
    assert page.workflow_states.get().status == WorkflowState.STATUS_CANCELLED
    declined = mails_to("aktor@example.org")[-1]
    assert declined.subject == "Ditt förslag publiceras inte: Solvärme i växthuset"
    assert "Det liknar ett exempel vi redan har." in declined.body


def test_only_reviewers_see_the_review_actions(bank, actor, editor, client):
    client.force_login(actor)
    propose(client, bank)
    page = KnowledgeProposal.objects.get(proposer=actor).page.specific
    task = task_state_of(page).task.specific

    assert [name for name, *_ in task.get_actions(page, editor)] == ["reject", "approve", "decline"]
    assert task.get_actions(page, actor) == []
    assert task.get_actions(page, UserFactory(roles=[BUSINESS_OWNER])) == []


def test_a_proposal_is_its_proposers_alone(bank, actor, client):
    client.force_login(actor)
    propose(client, bank)
    proposal = KnowledgeProposal.objects.get(proposer=actor)
    other = UserFactory(roles=[ACTOR])
    client.force_login(other)

    seen = client.get(url(bank, "proposal", proposal.pk))
    changed = client.post(url(bank, "proposal", proposal.pk), {**EXAMPLE, "title": "Kapad"})
    listed = client.get(url(bank, "my_proposals"))

    assert seen.status_code == 404 and changed.status_code == 404
    assert "Solvärme i växthuset" not in listed.content.decode()
    assert proposal.page.get_latest_revision_as_object().title == "Solvärme i växthuset"


def test_a_proposal_in_review_cannot_be_changed(bank, actor, client):
    client.force_login(actor)
    propose(client, bank)
    proposal = KnowledgeProposal.objects.get(proposer=actor)

    response = client.post(url(bank, "proposal", proposal.pk), {**EXAMPLE, "title": "Ändrad"})

    assert response.status_code == 302
    assert proposal.page.get_latest_revision_as_object().title == "Solvärme i växthuset"


def test_bad_input_gets_swedish_messages_and_nothing_is_saved(bank, actor, client):
    client.force_login(actor)

    response = propose(
        client, bank, {"title": "", "link": "inte en länk", "what_it_does": "x"}, kind="verktyg"
    )

    html = response.content.decode()
    assert response.status_code == 400
    assert "Något behöver rättas" in html
    assert "Rubrik: Det här fältet är obligatoriskt" in html
    assert "Länk: Fyll i en giltig URL." in html
    assert "Kryssa i rutan för att kunna skicka förslaget." in html
    assert not ToolPage.objects.filter(owner=actor).exists()


@given(
    data=st.dictionaries(
        st.sampled_from(["title", "intro", "what_it_does", "link", "cost", "themes", "sdg_goals"]),
        st.text(max_size=300),
    )
)
def test_any_input_gets_an_answer_not_an_error(bank, actor, client, data):
    client.force_login(actor)

    response = propose(client, bank, {**data, "licence_consent": "on"}, kind="verktyg")

    assert response.status_code in (302, 400)
