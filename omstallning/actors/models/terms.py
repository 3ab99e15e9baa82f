"""The support finder's own vocabularies. Their slugs are what the finder's questions and the
addresses use, so editors may rename a term but the migrations make the set."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from omstallning.core.models import Term


class CompanyStage(Term):
    """Idé, nystartat (≤ 2 år), etablerat, växande, ägarskifte."""

    class Meta(Term.Meta):
        verbose_name = _("skede")
        verbose_name_plural = _("skeden")


class TargetGroup(Term):
    """Whom an offer is meant for. An owner group is one a company can belong to through its
    owners (the finder's last question); others, such as rural companies, describe a place."""

    is_owner_group = models.BooleanField(
        _("ägargrupp"),
        default=False,
        help_text=_("Kan väljas i frågan om företagets ägare, till exempel kvinnor eller unga."),
    )

    class Meta(Term.Meta):
        verbose_name = _("målgrupp för stöd")
        verbose_name_plural = _("målgrupper för stöd")


class OfferLanguage(Term):
    """A language an offer is given in; the slug is the ISO 639-1 code."""

    class Meta(Term.Meta):
        verbose_name = _("språk")
        verbose_name_plural = _("språk")
