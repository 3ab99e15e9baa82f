"""A new staff account in a real browser: with the password alone it reaches nothing but the
page that asks it to wait for an invitation; the administrator's link, the password and a
code from an authenticator app enrol it and open the admin; the link works once. axe checks
every page on the way."""

import re
from base64 import b32decode

from django_otp.oath import totp
from playwright.sync_api import expect

from e2e import server_data
from e2e.support import assert_axe_clean, dismiss_cookie_banner, log_in


def test_a_new_staff_account_enrols_through_its_invitation(server, page):
    assert server.call(server_data.create_user, username="e2e-ny-handlaggare", role="Handläggare")

    # The password alone: every page sends the person to wait for an invitation.
    page.goto("/admin/")
    dismiss_cookie_banner(page)
    log_in(page, "e2e-ny-handlaggare")
    expect(page.get_by_role("heading", level=1)).to_have_text("Tvåstegsverifiering behövs")
    assert_axe_clean(page)
    for address in ("/admin/", "/stod/statistik/", "/konto/tvastegsverifiering/aktivera/"):
        page.goto(address)
        expect(page.get_by_role("heading", level=1)).to_have_text("Tvåstegsverifiering behövs")

    # The link from the administrator, followed after a fresh login.
    link = server.call(server_data.invitation_url, username="e2e-ny-handlaggare")
    path = re.sub(r"^https?://[^/]+", "", link)
    page.goto(path)
    expect(page.get_by_role("heading", level=1)).to_contain_text("Aktivera")
    assert_axe_clean(page)
    page.get_by_role("button", name="Nästa").click()

    # The generator step: the secret as an authenticator app would read it from the QR code.
    expect(page.get_by_role("img", name="QR-kod för autentiseringsappen")).to_be_visible()
    assert_axe_clean(page)
    secret = page.locator("a[href^='otpauth://']").inner_text().strip()
    code = f"{totp(b32decode(secret)):06d}"
    page.get_by_label(re.compile("Kod|Token", re.I)).fill(code)
    page.get_by_role("button", name="Nästa").click()

    page.goto("/admin/")
    expect(page).to_have_url(re.compile(r"/admin/$"))
    expect(page.locator("body")).to_contain_text("e2e-ny-handlaggare", ignore_case=True)

    # Spent: the same link now says so, also to its owner.
    page.goto(path)
    expect(page.get_by_role("heading", level=1)).to_have_text("Länken gäller inte längre")
    assert_axe_clean(page)
