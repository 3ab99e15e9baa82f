"""Settings for every environment, read from the environment in this one place.

Secure by default: DEBUG is off and SECRET_KEY is required unless DEBUG is on.
Every variable read here is listed in the README.
"""

from pathlib import Path

import environ
from csp.constants import NONE, SELF

BASE_DIR = Path(__file__).resolve().parent.parent.parent
PROJECT_DIR = BASE_DIR / "omstallning"
VAR_DIR = BASE_DIR / "var"

env = environ.Env()

DEBUG = env.bool("DEBUG", default=False)

if DEBUG:
    SECRET_KEY = env("SECRET_KEY", default="insecure-development-key-never-use-in-production")
else:
    SECRET_KEY = env("SECRET_KEY")

ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])
WAGTAILADMIN_BASE_URL = env("BASE_URL", default="http://localhost:8000")

INSTALLED_APPS = [
    "omstallning.core",
    "omstallning.accounts",
    "omstallning.consent",
    "omstallning.assessment",
    "omstallning.knowledge",
    "omstallning.events",
    "omstallning.contact",
    "omstallning.strategy",
    "omstallning.actors",
    "omstallning.company_check",
    "omstallning.funding",
    "omstallning.api",
    "omstallning.demo",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.simple_translation",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.locales",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "two_factor",
    "axes",
    "csp",
    "django_htmx",
    "ninja",
    "django_tasks",
    "django_tasks_db",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "omstallning.api.middleware.ApiLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    # Before anything reads the body (the CSRF check reads a posted form).
    "omstallning.core.middleware.RequestSizeLimitMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "omstallning.core.middleware.StripNulMiddleware",
    "omstallning.accounts.middleware.StaffTwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "omstallning.core.content_security_policy.SitePolicyMiddleware",
    "omstallning.consent.middleware.PageViewMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "omstallning.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PROJECT_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "wagtail.contrib.settings.context_processors.settings",
                "omstallning.core.context_processors.site_context",
                "omstallning.consent.context_processors.consent",
            ],
        },
    },
]

WSGI_APPLICATION = "omstallning.wsgi.application"

# Database: SQLite under var/ unless DATABASE_URL says otherwise.
DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'omstallning.sqlite3'}"),
}
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=0)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets the web process and the task worker use the file at the same time.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

if env("REDIS_URL", default=""):
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": env("REDIS_URL"),
        }
    }
else:
    # Shared by every web process, so rate limits hold across them (Redis is faster).
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "omstallning_cache",
        }
    }

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "omstallning.accounts.backends.EmailOrUsernameBackend",
]

LOGIN_URL = "two_factor:login"
LOGIN_REDIRECT_URL = "accounts:profile"
LOGOUT_REDIRECT_URL = "/"
WAGTAILADMIN_LOGIN_URL = "two_factor:login"
# Private pages send visitors to our login too, never to Wagtail's password-only one.
WAGTAIL_FRONTEND_LOGIN_URL = "two_factor:login"
TWO_FACTOR_PATCH_ADMIN = False
TWO_FACTOR_REMEMBER_COOKIE_AGE = None
# A staff account's first device is enrolled through an invitation link that an
# administrator sends; it is valid this long, and needs a password login this recent.
TWO_FACTOR_INVITATION_HOURS = env.int("TWO_FACTOR_INVITATION_HOURS", default=72)
TWO_FACTOR_FRESH_LOGIN_MINUTES = 15

# Accounts that company owners and actors make themselves: the confirmation link is valid this
# long; an account never confirmed, or confirmed and never logged in to, is removed after
# these many days (manage.py purge_unused_accounts).
ACCOUNT_CONFIRMATION_HOURS = env.int("ACCOUNT_CONFIRMATION_HOURS", default=48)
ACCOUNT_UNCONFIRMED_DAYS = env.int("ACCOUNT_UNCONFIRMED_DAYS", default=7)
ACCOUNT_UNUSED_DAYS = env.int("ACCOUNT_UNUSED_DAYS", default=180)
MEMBERSHIP_INVITATION_DAYS = 14
# New accounts per client address and hour.
SIGN_UP_LIMIT_PER_CLIENT = 10

# Login rate limiting (django-axes): lock a username from an address after repeated failures.
AXES_FAILURE_LIMIT = env.int("LOGIN_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = env.float("LOGIN_COOLOFF_HOURS", default=0.25)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_RESET_ON_SUCCESS = True
AXES_IPWARE_PROXY_COUNT = env.int("PROXY_COUNT", default=0)
# The API's rate limits by client address: X-Forwarded-For only as far as our own proxies
# set it, or a client could name a new address in every request.
NINJA_NUM_PROXIES = AXES_IPWARE_PROXY_COUNT
AXES_VERBOSE = False
# The two-step login form prefixes its fields; without this the password would be stored.
AXES_SENSITIVE_PARAMETERS = ["auth-password"]
# Keep only failed attempts (for the lock-out), not a log of every login with its address.
AXES_DISABLE_ACCESS_LOG = True

# Password reset: a few mails per address and hour (more are silently not sent), and a
# limit per client address on how many addresses it may try.
PASSWORD_RESET_LIMITS = {
    "per_email": {"limit": 3, "seconds": 60 * 60},
    "per_client": {"limit": 20, "seconds": 60 * 60},
}

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_AGE = 60 * 60 * 8

# Internationalisation: Swedish first, English second.
LANGUAGE_CODE = "sv"
# Language names stay in their own language in the language switch.
LANGUAGES = [("sv", "Svenska"), ("en", "English")]
LOCALE_PATHS = [PROJECT_DIR / "locale"]
TIME_ZONE = "Europe/Stockholm"
USE_I18N = True
USE_TZ = True
USE_THOUSAND_SEPARATOR = True

WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAIL_SITE_NAME = env("SITE_NAME", default="Omställningsplattformen")
WAGTAILSEARCH_BACKENDS = {
    "default": {
        "BACKEND": "wagtail.search.backends.database",
        "SEARCH_CONFIG": "swedish",
    }
}
WAGTAILEMBEDS_RESPONSIVE_HTML = True
# Avatars from gravatar.com would send a hash of every staff member's address to a third
# party on every admin page; Wagtail then shows its own default avatar.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "xlsx", "pptx", "odt", "ods", "csv", "txt"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
# One password reset for everyone: ours (/konto/losenord/aterstall/), throttled.
WAGTAIL_PASSWORD_RESET_ENABLED = False

# Static and media files.
STATIC_URL = "/static/"
STATIC_ROOT = env.path("STATIC_ROOT", default=VAR_DIR / "static")
STATICFILES_DIRS = [PROJECT_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=VAR_DIR / "media")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    # Applicants' attachments: outside MEDIA_ROOT, served only through permission checks.
    "funding_attachments": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": env.path("PRIVATE_MEDIA_ROOT", default=VAR_DIR / "private")},
    },
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if not DEBUG
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
# Larger uploads go to files here, on a volume of their own; `purge_upload_temp_files` removes
# what an aborted upload left behind.
FILE_UPLOAD_TEMP_DIR = str(env.path("FILE_UPLOAD_TEMP_DIR", default=VAR_DIR / "upload-tmp"))

# E-mail: every message goes through a background task, which delivers it with
# EMAIL_DELIVERY_BACKEND. Nothing a user does waits for, or fails because of, the mail server.
EMAIL_BACKEND = "omstallning.core.mail.TaskQueueEmailBackend"
EMAIL_DELIVERY_BACKEND = env(
    "EMAIL_DELIVERY_BACKEND",
    default="django.core.mail.backends.console.EmailBackend"
    if DEBUG
    else "django.core.mail.backends.smtp.EmailBackend",
)
EMAIL_FILE_PATH = VAR_DIR / "mail"
EMAIL_HOST = env("EMAIL_HOST", default="localhost")
EMAIL_PORT = env.int("EMAIL_PORT", default=25)
EMAIL_HOST_USER = env("EMAIL_HOST_USER", default="")
EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD", default="")
EMAIL_USE_TLS = env.bool("EMAIL_USE_TLS", default=False)
EMAIL_TIMEOUT = 30
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="noreply@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
WAGTAILADMIN_NOTIFICATION_FROM_EMAIL = DEFAULT_FROM_EMAIL

# Task workers record a heartbeat this often. A RUNNING task whose worker has not been seen
# for the stale period (a crash, SIGKILL) is queued again (omstallning/core/task_workers.py).
TASK_WORKER_HEARTBEAT_SECONDS = env.float("TASK_WORKER_HEARTBEAT_SECONDS", default=15)
TASK_WORKER_STALE_SECONDS = env.float("TASK_WORKER_STALE_SECONDS", default=90)

TASKS = {
    "default": {
        "BACKEND": env("TASK_BACKEND", default="django_tasks_db.DatabaseBackend"),
        # Feed imports have their own queue and worker, so mail never waits behind one.
        "QUEUES": ["default", "knowledge_feeds"],
    }
}

# Security headers. Production runs behind TLS; the flags can be turned off only on purpose.
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=not DEBUG)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if not DEBUG else None
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=0 if DEBUG else 60 * 60 * 24 * 365)
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=not DEBUG)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
X_FRAME_OPTIONS = "DENY"

# Content Security Policy for the public site: our own origin only. Video from the one
# privacy-enhanced player host is allowed in frames, and only rendered after consent. The
# admin has a policy of its own (omstallning/core/content_security_policy.py).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "frame-src": ["https://www.youtube-nocookie.com", "https://player.vimeo.com"],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "base-uri": [SELF],
        "object-src": [NONE],
    },
}

# Meetings: registrations per minute and address through the API; personal data kept this long
# after a meeting before it is anonymised (the counts stay).
EVENT_REGISTRATION_API_RATE = env("EVENT_REGISTRATION_API_RATE", default="20/m")
EVENT_REGISTRATION_RETENTION_DAYS = env.int("EVENT_REGISTRATION_RETENTION_DAYS", default=365)

# The contact form and e-mail about new meetings and news (omstallning/contact). Messages are
# deleted this many days after their last change; a form sent sooner than CONTACT_FORM_MIN_SECONDS
# after it was shown is refused (people take longer), and each client address may send this many
# messages, and as many subscription requests, per hour.
CONTACT_MESSAGE_RETENTION_DAYS = env.int("CONTACT_MESSAGE_RETENTION_DAYS", default=365)
CONTACT_FORM_LIMIT_PER_HOUR = env.int("CONTACT_FORM_LIMIT_PER_HOUR", default=5)
CONTACT_FORM_MIN_SECONDS = 3
# A subscription's confirmation link is valid this long; a request never confirmed is removed
# after SUBSCRIPTION_UNCONFIRMED_DAYS. One address gets at most 3 confirmation mails a day.
SUBSCRIPTION_CONFIRM_HOURS = env.int("SUBSCRIPTION_CONFIRM_HOURS", default=48)
SUBSCRIPTION_UNCONFIRMED_DAYS = env.int("SUBSCRIPTION_UNCONFIRMED_DAYS", default=7)
SUBSCRIPTION_CONFIRMATIONS_PER_ADDRESS_AND_DAY = 3

# Cookie consent: bump the policy version in the admin (Inställningar → Kakor) to ask again.
CONSENT_COOKIE_NAME = "samtycke"
CONSENT_COOKIE_MAX_AGE = 60 * 60 * 24 * 365
# How long consent records and page-view statistics are kept.
CONSENT_RECORD_RETENTION_DAYS = env.int("CONSENT_RECORD_RETENTION_DAYS", default=3 * 365)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="INFO")},
    "loggers": {
        "django.security.DisallowedHost": {"level": "ERROR"},
        # Every page save queues search and reference-index tasks; log only their failures.
        "django_tasks": {"level": env("TASK_LOG_LEVEL", default="WARNING")},
        "django_tasks_db": {"level": env("TASK_LOG_LEVEL", default="WARNING")},
    },
}

# Other platforms' knowledge feeds: how much one import may fetch before it gives up.
KNOWLEDGE_FEED_LIMITS = {
    "max_bytes": env.int("KNOWLEDGE_FEED_MAX_BYTES", default=20_000_000),  # per page
    "max_pages": 200,
    "connect_seconds": 5,
    "read_seconds": 20,
    "total_seconds": env.int("KNOWLEDGE_FEED_TOTAL_SECONDS", default=300),
}
# Feeds are fetched only from public addresses on ports 80 and 443. The region's own partner
# platforms on internal addresses are let through by these networks (CIDR), on any port.
KNOWLEDGE_FEED_ALLOWED_NETWORKS = env.list("KNOWLEDGE_FEED_ALLOWED_NETWORKS", default=[])

# Hitta stöd's warm referrals: the actor answers within this many working days, or the
# region's coordinators are reminded; a case's personal data is anonymised this many days
# after it closed; a client address may ask to be contacted this many times an hour.
REFERRAL_ANSWER_WORKING_DAYS = env.int("REFERRAL_ANSWER_WORKING_DAYS", default=2)
REFERRAL_RETENTION_DAYS = env.int("REFERRAL_RETENTION_DAYS", default=365)
REFERRAL_LIMIT_PER_HOUR = env.int("REFERRAL_LIMIT_PER_HOUR", default=5)
# An offer's owner is reminded this many days before its verify-by date; the nightly link
# check gives each offer's link this many seconds.
OFFER_VERIFY_REMIND_DAYS = env.int("OFFER_VERIFY_REMIND_DAYS", default=14)
OFFER_LINK_CHECK_SECONDS = env.int("OFFER_LINK_CHECK_SECONDS", default=10)

# Funding applications: drafts never sent in are removed after this many days untouched.
FUNDING_DRAFT_RETENTION_DAYS = env.int("FUNDING_DRAFT_RETENTION_DAYS", default=365)
# Funding applications: attachments (per file, and how many per application).
FUNDING_ATTACHMENTS = {
    "max_bytes": env.int("FUNDING_ATTACHMENT_MAX_BYTES", default=10_000_000),
    "max_count": env.int("FUNDING_ATTACHMENT_MAX_COUNT", default=30),
}
# The largest request body, refused from its length before it is read: an attachment and the
# form around it. Verified staff may send more in the admin (documents and images).
REQUEST_MAX_BYTES = env.int(
    "REQUEST_MAX_BYTES", default=FUNDING_ATTACHMENTS["max_bytes"] + 1_000_000
)
STAFF_REQUEST_MAX_BYTES = env.int("STAFF_REQUEST_MAX_BYTES", default=100_000_000)
