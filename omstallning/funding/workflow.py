"""The case's state machine: which step may move an application from which status to which,
and who may take it. Pure data; the services enforce it and write the audit log.

    draft → submitted → in review ⇄ completion requested
    in review → recommended → granted | rejected (recommended → in review to send it back)
    granted → payments → final report → closed
    draft, submitted, in review, completion requested → withdrawn (by the applicant)
"""

from dataclasses import dataclass
from enum import StrEnum

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from .models import Status


class Role(StrEnum):
    APPLICANT = "applicant"  # the person who applies for the organisation
    OFFICER = "officer"  # handläggare: funding.handle_application
    DECIDER = "decider"  # beslutsfattare: funding.decide_application


@dataclass(frozen=True)
class Transition:
    action: str
    sources: frozenset[str]
    target: str | None  # None: the status stays as it is
    role: Role
    label: Promise
    reason_required: bool = False


def _t(action, sources, target, role, label, reason_required=False) -> Transition:
    return Transition(action, frozenset(sources), target, role, label, reason_required)


S = Status
TRANSITIONS: dict[str, Transition] = {
    t.action: t
    for t in [
        _t("submit", [S.DRAFT], S.SUBMITTED, Role.APPLICANT, _("Skicka in ansökan")),
        _t(
            "withdraw",
            [S.DRAFT, S.SUBMITTED, S.IN_REVIEW, S.COMPLETION_REQUESTED],
            S.WITHDRAWN,
            Role.APPLICANT,
            _("Ta tillbaka ansökan"),
        ),
        _t("start_review", [S.SUBMITTED], S.IN_REVIEW, Role.OFFICER, _("Påbörja handläggning")),
        _t(
            "request_completion",
            [S.IN_REVIEW],
            S.COMPLETION_REQUESTED,
            Role.OFFICER,
            _("Begär komplettering"),
            reason_required=True,
        ),
        _t(
            "answer_completion",
            [S.COMPLETION_REQUESTED],
            S.IN_REVIEW,
            Role.APPLICANT,
            _("Skicka kompletteringen"),
        ),
        _t(
            "recommend",
            [S.IN_REVIEW],
            S.RECOMMENDED,
            Role.OFFICER,
            _("Lämna förslag till beslut"),
            reason_required=True,
        ),
        _t(
            "return_for_review",
            [S.RECOMMENDED],
            S.IN_REVIEW,
            Role.DECIDER,
            _("Skicka tillbaka till handläggaren"),
            reason_required=True,
        ),
        _t("grant", [S.RECOMMENDED], S.GRANTED, Role.DECIDER, _("Bevilja")),
        _t("reject", [S.RECOMMENDED], S.REJECTED, Role.DECIDER, _("Avslå"), reason_required=True),
        _t(
            "request_payment",
            [S.GRANTED, S.PAYMENTS],
            S.PAYMENTS,
            Role.APPLICANT,
            _("Begär utbetalning"),
        ),
        _t(
            "register_payment",
            [S.PAYMENTS, S.FINAL_REPORT],
            None,
            Role.OFFICER,
            _("Registrera utbetalning"),
        ),
        _t(
            "submit_final_report",
            [S.GRANTED, S.PAYMENTS],
            S.FINAL_REPORT,
            Role.APPLICANT,
            _("Lämna slutrapport"),
        ),
        _t("close", [S.FINAL_REPORT], S.CLOSED, Role.OFFICER, _("Avsluta ärendet")),
    ]
}

# Statuses in which the applicant may still change the application's content.
APPLICANT_EDITABLE = frozenset({S.DRAFT})
# Statuses in which the case is with the region (shown in the case officers' queue).
OPEN_CASES = frozenset({S.SUBMITTED, S.IN_REVIEW, S.COMPLETION_REQUESTED, S.RECOMMENDED})
# Statuses where the region has something to do: open cases, payments and final reports.
NEEDS_ACTION = OPEN_CASES | {S.PAYMENTS, S.FINAL_REPORT}


def transition(action: str, status: str) -> Transition | None:
    """The transition for `action` from `status`, or None if it is not allowed from there."""
    candidate = TRANSITIONS.get(action)
    if candidate is None or status not in candidate.sources:
        return None
    return candidate


def available(status: str, roles: set[Role]) -> list[Transition]:
    """The steps that someone with `roles` could take from `status`."""
    return [t for t in TRANSITIONS.values() if status in t.sources and t.role in roles]


# What the audit log's actions are called, for people reading it: what happened, as past
# participles ("Ansökan inskickad"), where the steps' labels above are what to do.
ACTION_LABELS = {
    "submit": _("Ansökan inskickad"),
    "withdraw": _("Ansökan återtagen"),
    "start_review": _("Handläggning påbörjad"),
    "request_completion": _("Komplettering begärd"),
    "answer_completion": _("Komplettering inskickad"),
    "recommend": _("Förslag till beslut lämnat"),
    "return_for_review": _("Skickad tillbaka till handläggaren"),
    "grant": _("Ansökan beviljad"),
    "reject": _("Ansökan avslagen"),
    "request_payment": _("Utbetalning begärd"),
    "register_payment": _("Utbetalning registrerad"),
    "submit_final_report": _("Slutrapport inlämnad"),
    "close": _("Ärendet avslutat"),
    "create": _("Utkast påbörjat"),
    "attachment_added": _("Bilaga tillagd"),
    "attachment_removed": _("Bilaga borttagen"),
    "conflict_declared": _("Jäv anmält"),
    "no_conflict_declared": _("Inget jäv"),
    "assigned": _("Handläggare tilldelad"),
    "assessment_started": _("Hållbarhetsbedömning påbörjad"),
    "criteria_scored": _("Urvalskriterier poängsatta"),
}

# What the applicant reads as the case's status. The region's internal steps are named
# for what the applicant waits for: "Förslag till beslut" is the officer's step, and to the
# applicant the decision is still to come.
APPLICANT_STATUS_LABELS = {
    S.DRAFT: _("Utkast"),
    S.SUBMITTED: _("Inskickad"),
    S.IN_REVIEW: _("Under handläggning"),
    S.COMPLETION_REQUESTED: _("Komplettering begärd"),
    S.RECOMMENDED: _("Beslut väntar"),
    S.GRANTED: _("Beviljad"),
    S.REJECTED: _("Avslag"),
    S.PAYMENTS: _("Beviljad, utbetalning pågår"),
    S.FINAL_REPORT: _("Slutrapport inlämnad"),
    S.CLOSED: _("Avslutad"),
    S.WITHDRAWN: _("Återtagen"),
}


def applicant_status_label(status: str) -> str:
    """The status as the applicant reads it (the case officers see Status's labels)."""
    label = APPLICANT_STATUS_LABELS.get(status)
    return str(label) if label is not None else str(status)
