"""The vocabulary of the engine: impact of an answer, relevance, and how motivations are asked."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Impact(models.TextChoices):
    POSITIVE = "positive", _("Positiv påverkan")
    NEGATIVE = "negative", _("Negativ påverkan")
    BOTH = "both", _("Både positiv och negativ")
    UNKNOWN = "unknown", _("Okänd – kunskapslucka")
    NONE = "none", _("Ingen påverkan")


class GoalImpact(models.TextChoices):
    """What an assessment says about one SDG goal, all its answers together."""

    POSITIVE = "positive", _("Positiv")
    NEGATIVE = "negative", _("Negativ")
    BOTH = "both", _("Både positiv och negativ")
    KNOWLEDGE_GAP = "knowledge_gap", _("Kunskapslucka")
    NONE = "none", _("Ingen påverkan")
    NOT_RELEVANT = "not_relevant", _("Inte relevant")


class Relevance(models.TextChoices):
    DIRECT = "direct", _("Direkt")
    INDIRECT = "indirect", _("Indirekt")
    NOT_RELEVANT = "not_relevant", _("Inte relevant")


class MotivationRule(models.TextChoices):
    NEVER = "never", _("Frivillig")
    ALWAYS = "always", _("Alltid")
    NEGATIVE = "negative", _("Vid negativ påverkan")
