"""Every input the funding app takes: the applicant's forms, and one form per case step."""

from .applicant import (
    AMOUNT_ERRORS,
    ApplicationForm,
    ApplicationStartForm,
    AttachmentForm,
    BudgetLineForm,
    BudgetLineFormSet,
    CompletionAnswerForm,
    ErrorSummary,
    FinalReportForm,
    OfficerContactForm,
    OrganisationForm,
    PaymentRequestForm,
    SummaryEntry,
    WithdrawForm,
    amount_field,
    budget_lines_from,
)
from .case_steps import CASE_STEPS, CaseStep, CaseStepForm

__all__ = [
    "AMOUNT_ERRORS",
    "CASE_STEPS",
    "ApplicationForm",
    "ApplicationStartForm",
    "AttachmentForm",
    "BudgetLineForm",
    "BudgetLineFormSet",
    "CaseStep",
    "CaseStepForm",
    "CompletionAnswerForm",
    "ErrorSummary",
    "FinalReportForm",
    "OfficerContactForm",
    "OrganisationForm",
    "PaymentRequestForm",
    "SummaryEntry",
    "WithdrawForm",
    "amount_field",
    "budget_lines_from",
]
