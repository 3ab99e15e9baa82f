"""The people code acts for, as Django's own User: the project has no custom user model."""

from django.contrib.auth.models import AnonymousUser, User

# A signed-in person: what services that write on someone's behalf take as the acting user.
Account = User
# Whoever made the request (request.user), signed in or not: what permission checks take.
Visitor = User | AnonymousUser
