import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db.models.signals import post_save
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

PASSWORD = "ett-långt-testlösenord-2026"


class UserFactory(factory.django.DjangoModelFactory):
    """A user with a known password. Pass roles=["Redaktör", …] to put them in role groups."""

    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"anvandare{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.org")
    first_name = "Test"
    last_name = factory.Sequence(lambda n: f"Testsson {n}")
    password = factory.django.Password(PASSWORD)

    @factory.post_generation
    def roles(self, create, extracted, **kwargs):
        if create and extracted:
            groups = list(Group.objects.filter(name__in=extracted))
            unknown = set(extracted) - {group.name for group in groups}
            # A misspelt role would give a user without rights, and a permission test that
            # passes for the wrong reason.
            if unknown:
                raise ValueError(f"No such role: {', '.join(sorted(unknown))}")
            self.groups.add(*groups)

    @factory.post_generation
    def verified(self, create, extracted, **kwargs):
        """verified=True: a device of their own, verified on this object as in a request
        after a correct code (what services get from a verified session)."""
        if create and extracted:
            # Set up with the account, as it were: no "device added" e-mail in the outbox.
            with factory.django.mute_signals(post_save):
                self.otp_device = TOTPDeviceFactory(user=self)


class TOTPDeviceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TOTPDevice

    user = factory.SubFactory(UserFactory)
    name = "default"
    confirmed = True


def current_token(device: TOTPDevice) -> str:
    """The code the person's authenticator app shows right now."""
    code = totp(device.bin_key, device.step, device.t0, device.digits, device.drift)
    return f"{code:0{device.digits}d}"


def verified_client(user, device=None):
    """A test client logged in as user, with the second factor verified in its session.

    Calls django_otp.login(request, device), as the login view does after a correct code.
    """
    import django_otp
    from django.test import Client, RequestFactory

    device = device or getattr(user, "otp_device", None) or TOTPDeviceFactory(user=user)
    client = Client()
    client.force_login(user)
    request = RequestFactory().get("/")
    request.user = user
    request.session = client.session
    django_otp.login(request, device)
    request.session.save()
    return client
