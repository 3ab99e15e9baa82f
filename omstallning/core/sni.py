"""SNI 2007, the Swedish Standard Industrial Classification: which section (A–U) a code is in.

Decisions carry a detailed SNI code (2–5 digits); statistics group them by section, whose
two-digit divisions are fixed by the standard (SCB, SNI 2007).
"""

from django.utils.translation import gettext_lazy as _

SECTIONS = {
    "A": _("Jordbruk, skogsbruk och fiske"),
    "B": _("Utvinning av mineral"),
    "C": _("Tillverkning"),
    "D": _("Försörjning av el, gas, värme och kyla"),
    "E": _("Vattenförsörjning, avloppsrening, avfallshantering och sanering"),
    "F": _("Byggverksamhet"),
    "G": _("Handel; reparation av motorfordon och motorcyklar"),
    "H": _("Transport och magasinering"),
    "I": _("Hotell- och restaurangverksamhet"),
    "J": _("Informations- och kommunikationsverksamhet"),
    "K": _("Finans- och försäkringsverksamhet"),
    "L": _("Fastighetsverksamhet"),
    "M": _("Verksamhet inom juridik, ekonomi, vetenskap och teknik"),
    "N": _("Uthyrning, fastighetsservice, resetjänster och andra stödtjänster"),
    "O": _("Offentlig förvaltning och försvar"),
    "P": _("Utbildning"),
    "Q": _("Vård och omsorg; sociala tjänster"),
    "R": _("Kultur, nöje och fritid"),
    "S": _("Annan serviceverksamhet"),
    "T": _("Förvärvsarbete i hushåll"),
    "U": _("Verksamhet vid internationella organisationer"),
}

# The first division of each section, in order; a section runs to the next one's start.
_FIRST_DIVISION = [
    (1, "A"),
    (5, "B"),
    (10, "C"),
    (35, "D"),
    (36, "E"),
    (41, "F"),
    (45, "G"),
    (49, "H"),
    (55, "I"),
    (58, "J"),
    (64, "K"),
    (68, "L"),
    (69, "M"),
    (77, "N"),
    (84, "O"),
    (85, "P"),
    (86, "Q"),
    (90, "R"),
    (94, "S"),
    (97, "T"),
    (99, "U"),
]
# Divisions that SNI 2007 leaves unused.
_UNUSED = {4, 34, 40, 44, 48, 54, 57, 67, 76, 83, 89}


def section_of(code: str) -> str | None:
    """The section letter of a 2–5 digit SNI code, or None if the code is not one."""
    if not (2 <= len(code) <= 5 and code.isascii() and code.isdigit()):
        return None
    division = int(code[:2])
    if division == 0 or division in _UNUSED:
        return None
    section = None
    for first, letter in _FIRST_DIVISION:
        if division >= first:
            section = letter
    return section
