"""Whether an offer's link still leads somewhere: the nightly check's one request, through the
same guarded session as the knowledge feeds (public addresses on the web's ports only, a hard
deadline, no proxies from the environment)."""

import requests
from django.conf import settings
from django.utils.translation import gettext as _

from omstallning.knowledge.federation.address_guard import AddressRefused
from omstallning.knowledge.federation.transport import feed_session

# Some servers refuse HEAD; those are asked again with GET, which is read no further.
HEAD_REFUSED = {405, 501}


def link_problem(url: str) -> str:
    """What is wrong with the link, in Swedish, or "" when it answers with a page."""
    seconds = settings.OFFER_LINK_CHECK_SECONDS
    watchdog = None
    try:
        with feed_session(seconds) as (session, watchdog):
            response = session.head(url, allow_redirects=True, timeout=seconds)
            if response.status_code in HEAD_REFUSED:
                response = session.get(url, allow_redirects=True, timeout=seconds, stream=True)
                response.close()
    except (requests.RequestException, OSError) as error:
        # The watchdog ends a slow answer by closing its socket, which reads as a lost link.
        if isinstance(error, (requests.Timeout, TimeoutError)) or (watchdog and watchdog.fired):
            return _("Sidan svarade inte i tid.")
        if _refused(error):
            return _("Adressen leder till ett nät som inte får kontrolleras.")
        return _("Sidan gick inte att nå.")
    if response.status_code >= 400:
        return _("Sidan svarar med fel %(status)s.") % {"status": response.status_code}
    return ""


def _refused(error: BaseException | None) -> bool:
    """Whether the address guard refused the address, however deep requests wrapped it."""
    seen = 0
    while error is not None and seen < 10:
        if isinstance(error, AddressRefused):
            return True
        wrapped = [arg for arg in getattr(error, "args", ()) if isinstance(arg, BaseException)]
        error = (
            getattr(error, "reason", None)
            or (wrapped[0] if wrapped else None)
            or (error.__cause__ or error.__context__)
        )
        seen += 1
    return False
