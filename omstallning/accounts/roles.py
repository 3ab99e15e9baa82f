"""The platform's roles as Django groups, with their permissions.

Kept in sync after every migrate, so a new permission added to a role here reaches every
installation. Later features add their permissions to the roles that need them.
"""

from django.apps import AppConfig, apps
from django.contrib.auth.management import create_permissions
from django.contrib.auth.models import Group, Permission
from django.db import DEFAULT_DB_ALIAS, transaction
from django.utils.translation import gettext_lazy as _
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page

ADMINISTRATOR = "Administratör"
EDITOR = "Redaktör"
BUSINESS_DEVELOPER = "Näringslivsutvecklare"
CASE_OFFICER = "Handläggare"
DECISION_MAKER = "Beslutsfattare"
ASSESSOR = "Bedömare"
ACTOR = "Aktör"
ACTOR_EDITOR = "Aktörsredaktör"
BUSINESS_OWNER = "Företagare"

ROLE_DESCRIPTIONS = {
    ADMINISTRATOR: _("Sköter plattformen, användare och alla inställningar."),
    EDITOR: _("Skriver och publicerar sidor, nyheter, bilder och dokument."),
    BUSINESS_DEVELOPER: _(
        "Regionens näringslivsutvecklare: äger strategin, publicerar kunskap, "
        "driver träffar och följer upp medlen."
    ),
    CASE_OFFICER: _("Handlägger ansökningar om stöd."),
    ASSESSOR: _("Bedömer ansökningar, bland annat deras hållbarhet."),
    DECISION_MAKER: _("Fattar beslut om stöd enligt regionens delegationsordning."),
    ACTOR: _("Näringslivsfrämjande aktör som delar goda exempel och erbjuder stöd."),
    ACTOR_EDITOR: _(
        "Redigerar sin egen aktör och dess erbjudanden i Hitta stöd, efter att regionen "
        "har gett kontot rätt till aktören."
    ),
    BUSINESS_OWNER: _(
        "Företagare som lär sig, hittar stöd, söker medel och anmäler sig till träffar."
    ),
}

ADMIN_ACCESS = ["wagtailadmin.access_admin"]
CONTENT_EDITING = [
    *ADMIN_ACCESS,
    "wagtailimages.add_image",
    "wagtailimages.change_image",
    "wagtailimages.choose_image",
    "wagtaildocs.add_document",
    "wagtaildocs.change_document",
    "wagtaildocs.choose_document",
    "core.add_contactperson",
    "core.change_contactperson",
    "core.view_contactperson",
    "core.add_longtermgoal",
    "core.change_longtermgoal",
    "core.view_longtermgoal",
]
REGION_DATA = [
    "core.view_region",
    "core.add_organisation",
    "core.change_organisation",
    "core.view_organisation",
    "core.view_municipality",
]
SUSTAINABILITY_REFERENCE = [
    "core.view_sustainabilitydimension",
    "core.view_sdggoal",
    "core.view_sdgtarget",
    "core.view_sdgindicator",
]
SUSTAINABILITY_REFERENCE_EDITING = [
    *SUSTAINABILITY_REFERENCE,
    "core.change_sustainabilitydimension",
    "core.change_sdggoal",
    "core.change_sdgtarget",
    "core.change_sdgindicator",
]
ASSESSING = [
    *SUSTAINABILITY_REFERENCE,
    "assessment.view_framework",
    "assessment.view_frameworkversion",
    "assessment.view_assessment",
    "assessment.add_assessment",
    "assessment.change_assessment",
]
FRAMEWORK_EDITING = [
    *SUSTAINABILITY_REFERENCE_EDITING,
    "assessment.view_framework",
    "assessment.add_framework",
    "assessment.change_framework",
    "assessment.view_frameworkversion",
    "assessment.add_frameworkversion",
    "assessment.change_frameworkversion",
]

EVENT_ORGANISING = [
    "events.view_registration",
    "events.change_registration",
    "events.delete_registration",
    "events.add_eventtheme",
    "events.change_eventtheme",
    "events.view_eventtheme",
]

# Messages through the contact form (status changes) and the list of e-mail subscribers.
CONTACT_HANDLING = [
    "contact.view_contactmessage",
    "contact.change_contactmessage",
    "contact.view_subscription",
]

KNOWLEDGE_TAXONOMY = [
    "knowledge.add_knowledgetheme",
    "knowledge.change_knowledgetheme",
    "knowledge.view_knowledgetheme",
    "knowledge.add_audience",
    "knowledge.change_audience",
    "knowledge.view_audience",
    "knowledge.add_companysize",
    "knowledge.change_companysize",
    "knowledge.view_companysize",
    "knowledge.change_snisection",
    "knowledge.view_snisection",
]

STRATEGY_EDITING = [
    f"strategy.{action}_{model}"
    for model in (
        "strategy",
        "focusarea",
        "strategygoal",
        "indicator",
        "indicatorvalue",
        "initiative",
        "initiativeupdate",
    )
    for action in ("add", "change", "view", "delete")
]

# The finder's actors and offers: an actor's own accounts edit theirs (actors/permissions.py).
OWN_ACTOR_EDITING = [
    *ADMIN_ACCESS,
    "actors.add_actor",
    "actors.change_actor",
    "actors.view_actor",
    "actors.add_offer",
    "actors.change_offer",
    "actors.view_offer",
    "actors.delete_offer",
    "actors.view_referral",
]
SUPPORT_DIRECTORY = [
    *OWN_ACTOR_EDITING,
    "actors.approve_actor",
    "actors.coordinate_referrals",
    "actors.delete_actor",
    *[
        f"actors.{action}_{model}"
        for model in ("companystage", "targetgroup", "offerlanguage")
        for action in ("add", "change", "view")
    ],
]

FUNDING_SETUP = [
    f"funding.{action}_{model}"
    for model in ("programme", "budgetframe", "call", "attachmentrequirement", "selectioncriterion")
    for action in ("add", "change", "view")
]
FUNDING_VIEWING = ["funding.view_programme", "funding.view_call", "funding.view_decision"]

# Model permissions per role, as "app_label.codename". ADMINISTRATOR gets every permission.
ROLE_PERMISSIONS: dict[str, list[str]] = {
    EDITOR: CONTENT_EDITING,
    BUSINESS_DEVELOPER: [
        *CONTENT_EDITING,
        *REGION_DATA,
        *FRAMEWORK_EDITING,
        *ASSESSING,
        *EVENT_ORGANISING,
        *CONTACT_HANDLING,
        *KNOWLEDGE_TAXONOMY,
        *STRATEGY_EDITING,
        *SUPPORT_DIRECTORY,
        *FUNDING_SETUP,
        "funding.view_decision",
        "assessment.lock_assessment",
    ],
    CASE_OFFICER: [
        *ADMIN_ACCESS,
        "core.view_organisation",
        *ASSESSING,
        *FUNDING_VIEWING,
        "funding.handle_application",
        "funding.assess_application",
        "assessment.lock_assessment",
    ],
    ASSESSOR: [
        *ADMIN_ACCESS,
        "core.view_organisation",
        *ASSESSING,
        *FUNDING_VIEWING,
        "funding.assess_application",
    ],
    DECISION_MAKER: [
        *ADMIN_ACCESS,
        *SUSTAINABILITY_REFERENCE,
        "assessment.view_assessment",
        *FUNDING_VIEWING,
        "funding.decide_application",
    ],
    ACTOR: [],
    ACTOR_EDITOR: OWN_ACTOR_EDITING,
    BUSINESS_OWNER: [],
}
# Page-tree permissions on the whole tree, per role.
PAGE_PERMISSIONS: dict[str, list[str]] = {
    ADMINISTRATOR: [
        "add_page",
        "change_page",
        "publish_page",
        "lock_page",
        "unlock_page",
        "bulk_delete_page",
    ],
    EDITOR: ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"],
    BUSINESS_DEVELOPER: ["add_page", "change_page", "publish_page"],
}
COLLECTION_PERMISSIONS = [
    "add_image",
    "change_image",
    "choose_image",
    "add_document",
    "change_document",
    "choose_document",
]
COLLECTION_ROLES = [ADMINISTRATOR, EDITOR, BUSINESS_DEVELOPER]

ROLES = list(ROLE_DESCRIPTIONS)
STAFF_ROLES = [
    ADMINISTRATOR,
    EDITOR,
    BUSINESS_DEVELOPER,
    CASE_OFFICER,
    ASSESSOR,
    DECISION_MAKER,
    ACTOR_EDITOR,
]


def _permissions(names: list[str]) -> list[Permission]:
    permissions = []
    for name in names:
        app_label, codename = name.split(".")
        permissions.append(
            Permission.objects.get(content_type__app_label=app_label, codename=codename)
        )
    return permissions


@transaction.atomic
def ensure_roles() -> None:
    """Create the role groups and give them exactly their permissions. Safe to run again."""
    root = Page.get_first_root_node()
    root_collection = Collection.get_first_root_node()
    for role in ROLES:
        group, _created = Group.objects.get_or_create(name=role)
        if role == ADMINISTRATOR:
            group.permissions.set(Permission.objects.all())
        else:
            group.permissions.set(_permissions(ROLE_PERMISSIONS[role]))
        if root is not None:
            for codename in PAGE_PERMISSIONS.get(role, []):
                GroupPagePermission.objects.get_or_create(
                    group=group,
                    page=root,
                    permission=Permission.objects.get(
                        content_type__app_label="wagtailcore", codename=codename
                    ),
                )
        if root_collection is not None and role in COLLECTION_ROLES:
            for codename in COLLECTION_PERMISSIONS:
                GroupCollectionPermission.objects.get_or_create(
                    group=group,
                    collection=root_collection,
                    permission=Permission.objects.get(codename=codename),
                )


def ensure_roles_after_migrate(*, app_config: AppConfig, **kwargs) -> None:
    # Every app's permissions exist only once the last app's post_migrate has been sent.
    with_models = [config for config in apps.get_app_configs() if config.models_module is not None]
    if app_config is with_models[-1]:
        # This receiver is connected before django.contrib.auth's, so the last app's own
        # permissions are not created yet: create them first (it is safe to do twice).
        create_permissions(
            app_config,
            verbosity=0,
            using=kwargs.get("using", DEFAULT_DB_ALIAS),
            apps=kwargs.get("apps", apps),
        )
        ensure_roles()
