from .applications import AMOUNT, Application, Attachment, BudgetLine, CompletionRequest, Status
from .case import CaseEvent, ConflictDeclaration, CriterionScore
from .decisions import Decision, EnvironmentalImpact, Outcome, Ownership
from .follow_up import FinalReport, Payment
from .officers import OfficerContact
from .organisations import AgeGroup, ApplicantOrganisation, CompanySize, Gender, YesNo
from .pages import FundingIndexPage
from .programmes import (
    AttachmentKind,
    AttachmentRequirement,
    BudgetFrame,
    Call,
    Programme,
    SelectionCriterion,
)

__all__ = [
    "AMOUNT",
    "AgeGroup",
    "ApplicantOrganisation",
    "Application",
    "Attachment",
    "AttachmentKind",
    "AttachmentRequirement",
    "BudgetFrame",
    "BudgetLine",
    "Call",
    "CaseEvent",
    "CompanySize",
    "CompletionRequest",
    "ConflictDeclaration",
    "CriterionScore",
    "Decision",
    "EnvironmentalImpact",
    "FinalReport",
    "FundingIndexPage",
    "Gender",
    "OfficerContact",
    "Outcome",
    "Ownership",
    "Payment",
    "Programme",
    "SelectionCriterion",
    "Status",
    "YesNo",
]
