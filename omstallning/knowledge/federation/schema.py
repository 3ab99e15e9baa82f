"""The knowledge feed's format, version 1. The API publishes it and the importer checks
every incoming feed against it, so both ends agree on one definition."""

from datetime import date, datetime
from typing import Annotated, Literal

from django.core.exceptions import ValidationError as DjangoValidationError
from django.core.validators import URLValidator
from django.utils.translation import gettext_lazy
from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints

FEED_FORMAT = "omstallning.knowledge-feed"
FEED_VERSION = 1
KINDS = ("good_example", "tool", "method", "report")
LICENCES = ("CC-BY-4.0", "CC-BY-SA-4.0", "CC0-1.0", "reserved")

Text = Annotated[str, StringConstraints(max_length=20_000)]
Line = Annotated[str, StringConstraints(max_length=300)]
Code = Annotated[str, StringConstraints(max_length=60, pattern=r"^[-a-zA-Z0-9_.]+$")]


def _web_address(value: str) -> str:
    # The same rule as the URL fields the copies are saved in.
    try:
        URLValidator(schemes=["http", "https"])(value)
    except DjangoValidationError as error:
        raise ValueError("not an http(s) address") from error
    return value


WebAddress = Annotated[str, StringConstraints(max_length=2000), AfterValidator(_web_address)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="ignore")  # newer minor additions are fine


class FeedSection(_Strict):
    heading: Line = ""
    html: Text = Field(description=gettext_lazy("Sanerad HTML: p, br, strong, em, ul, ol, li, a."))


class FeedTerm(_Strict):
    code: Code
    name_sv: Line
    name_en: Line = ""


class FeedItem(_Strict):
    id: Code = Field(
        description=gettext_lazy("Stabilt id hos källan; nyckeln när flödet importeras.")
    )
    kind: Literal[KINDS]  # type: ignore[valid-type]
    language: Annotated[str, StringConstraints(pattern=r"^[a-z]{2}(-[a-z]{2})?$")]
    title: Annotated[str, StringConstraints(min_length=1, max_length=255)]
    intro: Text = ""
    url: WebAddress = Field(description=gettext_lazy("Originalets adress (kanonisk länk)."))
    licence: Literal[LICENCES]  # type: ignore[valid-type]
    last_reviewed: date
    updated_at: datetime
    organisation_name: Line = ""
    link: WebAddress | Literal[""] = ""
    sections: list[FeedSection] = Field(default_factory=list, max_length=30)
    themes: list[FeedTerm] = Field(default_factory=list, max_length=50)
    sdg_goals: list[Annotated[int, Field(ge=1, le=17)]] = Field(default_factory=list, max_length=17)
    sdg_targets: list[Code] = Field(default_factory=list, max_length=200)
    dimensions: list[Code] = Field(default_factory=list, max_length=3)
    sectors: list[Annotated[str, StringConstraints(pattern=r"^[A-U]$")]] = Field(
        default_factory=list, max_length=21
    )
    municipalities: list[FeedTerm] = Field(default_factory=list, max_length=300)
    audiences: list[Code] = Field(default_factory=list, max_length=20)
    company_sizes: list[Code] = Field(default_factory=list, max_length=20)


class FeedPlatform(_Strict):
    name: Line
    region: Line = ""
    url: WebAddress


class KnowledgeFeed(_Strict):
    format: Literal["omstallning.knowledge-feed"]
    version: Literal[1]
    platform: FeedPlatform
    generated_at: datetime
    items: list[FeedItem] = Field(max_length=1000)
    next: WebAddress | None = Field(
        None, description=gettext_lazy("Nästa sida, eller null på sista sidan.")
    )
