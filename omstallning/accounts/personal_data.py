"""A person's data in every app, for their copy of it (GDPR art. 15 and 20) and for closing
their account (art. 17). Each app registers what it holds in its AppConfig.ready(): how to
export it as JSON-safe data, how to erase it, and what it must keep when it does, and why."""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.utils.functional import Promise

from omstallning.core.typing import Account


@dataclass(frozen=True)
class PersonalDataSource:
    key: str
    label: str | Promise
    export: Callable[[Account], Any]
    # Erases what may go, before the account itself is closed.
    erase: Callable[[Account], None]
    # What erase will keep, and why, in the person's words (read only, for the confirm page).
    kept: Callable[[Account], list[str]]


_sources: dict[str, PersonalDataSource] = {}


def register_personal_data(
    key: str,
    *,
    label: str | Promise,
    export: Callable[[Account], Any],
    erase: Callable[[Account], None],
    kept: Callable[[Account], list[str]] = lambda user: [],
) -> None:
    _sources[key] = PersonalDataSource(key, label, export, erase, kept)


def sources() -> list[PersonalDataSource]:
    return list(_sources.values())


def personal_data_export(user: Account) -> dict[str, Any]:
    return {source.key: source.export(user) for source in sources()}


def kept_on_closing(user: Account) -> list[str]:
    return [sentence for source in sources() for sentence in source.kept(user)]
