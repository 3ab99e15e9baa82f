from django.urls import path
from django.utils.translation import gettext_lazy as _

from .views import applicant, statistics

app_name = "funding"

urlpatterns = [
    path(_("mina-ansokningar/"), applicant.application_list, name="applications"),
    path(
        _("mina-ansokningar/organisationer/ny/"),
        applicant.organisation_edit,
        name="organisation_new",
    ),
    path(
        _("mina-ansokningar/organisationer/<int:pk>/"),
        applicant.organisation_edit,
        name="organisation",
    ),
    path(_("utlysningar/<int:call_id>/ansok/"), applicant.application_start, name="apply"),
    path(_("mina-ansokningar/<int:pk>/"), applicant.application_detail, name="application"),
    path(
        _("mina-ansokningar/<int:pk>/bilagor/<int:attachment_id>/"),
        applicant.attachment_download,
        name="attachment",
    ),
    path(
        _("mina-ansokningar/<int:pk>/hallbarhet/<int:framework_id>/"),
        applicant.self_assessment,
        name="self_assessment",
    ),
    path(
        _("mina-ansokningar/<int:pk>/komplettering/"),
        applicant.completion_answer,
        name="completion_answer",
    ),
    path(
        _("mina-ansokningar/<int:pk>/utbetalning/"),
        applicant.payment_request,
        name="payment_request",
    ),
    path(_("mina-ansokningar/<int:pk>/slutrapport/"), applicant.final_report, name="final_report"),
    path(
        _("mina-ansokningar/<int:pk>/ta-tillbaka/"),
        applicant.application_withdraw,
        name="withdraw",
    ),
    path(
        _("mina-ansokningar/<int:pk>/beslut.pdf"), applicant.decision_letter, name="decision_letter"
    ),
    path(_("statistik/"), statistics.statistics_page, name="statistics"),
    path(_("statistik/statistik.csv"), statistics.statistics_csv_view, name="statistics_csv"),
    path(_("statistik/statistik.xlsx"), statistics.statistics_excel_view, name="statistics_excel"),
    path(
        _("statistik/statistik-for-excel.csv"),
        statistics.statistics_excel_csv_view,
        name="statistics_excel_csv",
    ),
]
