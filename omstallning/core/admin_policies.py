"""Permission policies the apps' admin screens share."""

from wagtail.permission_policies import ModelPermissionPolicy


class ReadOnlyPolicy(ModelPermissionPolicy):
    """Staff read these in the admin; every change goes through a service (a message's status,
    a referral's answers) or a rule (retention, erasure), never a generic add, edit or delete
    form."""

    def can_view(self, user) -> bool:
        raise NotImplementedError

    def user_has_permission(self, user, action):
        return action == "view" and self.can_view(user)

    def user_has_any_permission(self, user, actions):
        return "view" in actions and self.can_view(user)

    def users_with_any_permission(self, actions):
        return super().users_with_any_permission(["view"]) if "view" in actions else []
