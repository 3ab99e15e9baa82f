"""The decision register in the admin, without the decisions of cases the person declared a
conflict of interest in: not in the list, the search, the inspect view or the history."""

from django.db.models import QuerySet
from django.http import Http404
from wagtail.admin.views import generic
from wagtail.admin.views.generic import history, usage

from ..models import Decision
from ..selectors import conflicted_application_ids


def _visible(queryset: QuerySet[Decision], user) -> QuerySet[Decision]:
    # Decisions imported from the earlier system have no application and stay listed.
    return queryset.exclude(application_id__in=conflicted_application_ids(user))


class DecisionIndexView(generic.IndexView):
    def get_base_queryset(self):
        return _visible(super().get_base_queryset(), self.request.user)


class DecisionInspectView(generic.InspectView):
    def get_object(self, queryset=None):
        decision = super().get_object(queryset)
        if not _visible(Decision.objects.filter(pk=decision.pk), self.request.user).exists():
            raise Http404
        return decision


class DecisionHistoryView(history.HistoryView):
    def get_base_object_queryset(self):
        return _visible(super().get_base_object_queryset(), self.request.user)


class DecisionUsageView(usage.UsageView):
    def get_base_object_queryset(self):
        return _visible(super().get_base_object_queryset(), self.request.user)
