"""Log in with the e-mail address or the user name, the same password check as Django's."""

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend


class EmailOrUsernameBackend(ModelBackend):
    def authenticate(self, request, username=None, password=None, **kwargs):
        if username is None or password is None:
            return None
        if "@" in username:
            users = list(
                get_user_model()._default_manager.filter(email__iexact=username.strip())[:2]
            )
            # An address that two accounts share (made in the admin) names nobody for certain.
            if len(users) == 1:
                user = users[0]
                if user.check_password(password) and self.user_can_authenticate(user):
                    return user
                return None
        # Django's own path, which also spends the hasher's time on an unknown name.
        return super().authenticate(request, username=username, password=password, **kwargs)
