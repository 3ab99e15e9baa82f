from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CompanyCheckConfig(AppConfig):
    name = "omstallning.company_check"
    label = "company_check"
    verbose_name = _("Hållbarhetskollen")
