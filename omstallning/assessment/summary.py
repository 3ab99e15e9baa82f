"""A profile in plain Swedish: what to strengthen, what to mitigate, what to find out."""

from dataclasses import dataclass

from django.utils.translation import gettext as _

from .profile import Profile


@dataclass(frozen=True)
class SummaryPart:
    heading: str
    questions: list[str]


def profile_summary(profile: Profile, questions: dict[str, str]) -> list[SummaryPart]:
    """The parts that have something in them, most urgent first. `questions` maps key → text."""

    def texts(keys: tuple[str, ...]) -> list[str]:
        return [questions.get(key, key) for key in keys]

    parts = [
        SummaryPart(_("Stoppande svar – kan inte godtas som det är"), texts(profile.knockouts)),
        SummaryPart(
            _("Stanna upp och tänk om: negativ påverkan utan åtgärd"), texts(profile.rethink)
        ),
        SummaryPart(_("Det här behöver motverkas"), texts(profile.to_mitigate)),
        SummaryPart(
            _("Det här behöver ni ta reda på (kunskapsluckor)"), texts(profile.to_find_out)
        ),
        SummaryPart(_("Det här kan stärkas"), texts(profile.to_strengthen)),
        SummaryPart(_("Motivering saknas"), texts(profile.missing_motivation)),
        SummaryPart(_("Inte besvarat än"), texts(profile.unanswered)),
    ]
    return [part for part in parts if part.questions]
