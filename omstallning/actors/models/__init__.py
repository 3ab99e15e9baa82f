from .actors import Actor, ActorContact
from .de_minimis import DeMinimisAid
from .feeds import OfferFeedSubscription
from .offers import Offer, SupportType
from .pages import SupportFinderPage
from .referrals import Referral, ReferralStep
from .saved_searches import SavedSearch
from .terms import CompanyStage, OfferLanguage, TargetGroup

__all__ = [
    "Actor",
    "ActorContact",
    "CompanyStage",
    "DeMinimisAid",
    "Offer",
    "OfferFeedSubscription",
    "OfferLanguage",
    "Referral",
    "ReferralStep",
    "SavedSearch",
    "SupportFinderPage",
    "SupportType",
    "TargetGroup",
]
