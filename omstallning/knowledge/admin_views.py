"""Admin views for subscriptions to other platforms' feeds."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods
from wagtail.admin.auth import permission_required
from wagtail.admin.views.generic import DeleteView

from . import services
from .models import FeedSubscription


@require_http_methods(["GET", "POST"])
@permission_required("knowledge.change_feedsubscription")
def refresh_view(request, pk: int):
    """GET asks, POST starts: a fetch is not started by merely following a link."""
    subscription = get_object_or_404(FeedSubscription, pk=pk)
    if request.method == "GET":
        return TemplateResponse(
            request, "knowledge/admin/refresh_confirm.html", {"subscription": subscription}
        )
    services.subscription_fetch_request(user=request.user, subscription=subscription)
    messages.success(
        request,
        _("Hämtningen av %(name)s har startat. Resultatet visas i listan när den är klar.")
        % {"name": subscription.name},
    )
    return redirect("knowledge_feedsubscription:index")


class SubscriptionDeleteView(DeleteView):
    def get_usage(self):
        return None  # its copies are removed with it, see services.subscription_end

    def delete_action(self):
        services.subscription_end(user=self.request.user, subscription=self.object)
