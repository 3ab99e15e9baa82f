"""The knowledge bank in a real browser: search, narrow by municipality and SDG (instantly,
with htmx), open an item, propose a new one as an Aktör and approve it as an editor. axe checks
the listing, the item and the form. And two platforms sharing their banks over loopback."""

import re

from playwright.sync_api import expect

from e2e import server_data
from e2e.support import assert_axe_clean, dismiss_cookie_banner, log_in


def test_find_propose_and_approve(server, page):
    assert server.call(server_data.create_user, username="e2e-aktor", role="Aktör") is True
    assert (
        server.call(
            server_data.create_user, username="e2e-redaktor", role="Redaktör", with_device=True
        )
        is True
    )

    # Find: search, then narrow by municipality and goal; htmx updates in place.
    page.goto("/kunskapsbank/")
    dismiss_cookie_banner(page)
    assert_axe_clean(page)
    page.get_by_label("Sök bland exempel, verktyg och metoder").fill("energi")
    page.get_by_label("Sök bland exempel, verktyg och metoder").press("Enter")
    item = page.get_by_role("link", name="Digital tvilling sparar energi i fastigheterna")
    expect(item).to_be_visible()
    page.get_by_label(re.compile(r"^Fagersta \(\d+\)")).check()
    expect(page).to_have_url(re.compile(r"kommun=1982"))
    page.get_by_label(re.compile(r"^7\. .* \(\d+\)")).check()
    expect(page).to_have_url(re.compile(r"mal=7"))
    expect(page.locator("#knowledge-status")).to_have_text(re.compile(r"^\d+ träff"))
    expect(item).to_be_visible()
    titles = page.locator(".knowledge-list .card__title").all_inner_texts()
    assert "Digital tvilling sparar energi i fastigheterna" in titles
    assert_axe_clean(page)

    item.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Digital tvilling sparar energi i fastigheterna"
    )
    assert_axe_clean(page)

    # Propose, as an Aktör.
    page.goto("/kunskapsbank/")
    page.get_by_role("link", name="Föreslå ett gott exempel eller verktyg").click()
    log_in(page, "e2e-aktor")
    page.get_by_role("link", name="Ett gott exempel").click()
    page.get_by_role("button", name="Skicka förslaget").click()
    expect(page.get_by_role("alert")).to_contain_text("Något behöver rättas")
    assert_axe_clean(page)
    page.get_by_label("Rubrik").fill("Biogas från gården i Sala")
    page.get_by_label("Sammanfattning").fill("En mjölkgård gör biogas av gödsel.")
    page.get_by_label("Företag eller organisation").fill("Gården i Sala AB")
    page.get_by_label("Utmaningen").fill("Gödseln läckte metan.")
    page.get_by_label("Det här gjorde de").fill("Byggde en gårdsanläggning för biogas.")
    page.get_by_label("Sala", exact=True).check()
    page.get_by_label(re.compile("^Jag har rätt att dela texten")).check()
    assert_axe_clean(page)
    page.get_by_role("button", name="Skicka förslaget").click()
    expect(page.get_by_text("Tack! Förslaget är skickat")).to_be_visible()
    expect(page.locator(".proposal-status")).to_have_text("Granskas")
    assert_axe_clean(page)
    assert server.mail.messages_to("e2e-aktor@example.org")

    # Approve, as an editor with two-factor login, in Wagtail's editor.
    page_id = server.call(server_data.proposed_page_id, title="Biogas från gården i Sala")
    editor = page.context.browser.new_context(base_url=server.url, locale="sv-SE")
    admin = editor.new_page()
    admin.goto(f"/admin/pages/{page_id}/edit/")
    log_in(admin, "e2e-redaktor", with_code=True)
    expect(admin).to_have_url(re.compile(rf"/admin/pages/{page_id}/edit/"))
    admin.get_by_role("button", name=re.compile("Fler åtgärder|More actions")).click()
    admin.get_by_role("button", name="Godkänn och publicera").click()
    # Approving publishes the page and returns to the bank's listing in the admin.
    expect(admin).to_have_url(re.compile(r"/admin/pages/\d+/$"))
    editor.close()

    page.goto("/kunskapsbank/biogas-fran-garden-i-sala/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Biogas från gården i Sala")
    subjects = [m["Subject"].strip() for m in server.mail.messages_to("e2e-aktor@example.org")]
    assert "Ditt förslag är publicerat: Biogas från gården i Sala" in subjects


def test_two_platforms_share_over_loopback(server, site, settings):
    """Platform A is the live server with its own database; B is this test's database."""
    from wagtail.models import Page

    from omstallning.core.models import HomePage
    from omstallning.knowledge.models import (
        FeedSubscription,
        KnowledgeIndexPage,
        KnowledgeItemPage,
    )
    from omstallning.knowledge.services import subscription_refresh

    # A is on 127.0.0.1, which feeds may come from only when it is let in as a partner.
    settings.KNOWLEDGE_FEED_ALLOWED_NETWORKS = ["127.0.0.1/32"]
    home = HomePage.objects.get(locale__language_code="sv")
    bank = home.add_child(instance=KnowledgeIndexPage(title="Från grannregionen", slug="granne"))
    bank.save_revision().publish()
    subscription = FeedSubscription.objects.create(
        name="Grannregionen", feed_url=f"{server.url}/api/v1/knowledge/items", index_page=bank
    )
    published = server.call(server_data.own_knowledge_items)

    first = subscription_refresh(subscription.pk)
    copies = KnowledgeItemPage.objects.filter(imported_from=subscription)
    assert first.startswith(f"{published} nya"), first
    assert copies.count() == published
    assert all(url.startswith(server.url) for url in copies.values_list("source_url", flat=True))

    update = server.call(server_data.change_one_own_item_and_unpublish_another)
    try:
        second = subscription_refresh(subscription.pk)
        third = subscription_refresh(subscription.pk)
    finally:
        # Other tests (the accessibility sweep among them) visit the server's items.
        server.call(server_data.undo_feed_update, **update)

    assert second.startswith("0 nya, 1 uppdaterade"), second
    assert "1 borttagna" in second
    assert copies.count() == published - 1
    assert copies.filter(title="Ändrad hos källan").count() == 1
    assert third.startswith(f"0 nya, 0 uppdaterade, {published - 1} oförändrade, 0 borttagna")
    assert Page.objects.filter(pk__in=copies.values("pk")).count() == published - 1
