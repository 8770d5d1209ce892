"""System actions and user answers as small frozen types."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


@dataclass(frozen=True)
class AskValue:
    """Ask whether the wanted film has one attribute value (index into the catalog vocabulary)."""

    value: int


@dataclass(frozen=True)
class AskType:
    """Multi-choice: ask one attribute type, offering several of its values (chips)."""

    attr_type: str
    values: tuple[int, ...]


@dataclass(frozen=True)
class Recommend:
    """A ranked list of item indices, best first."""

    items: tuple[int, ...]


Action = AskValue | AskType | Recommend


class Answer(Enum):
    YES = "yes"
    NO = "no"
    DONT_KNOW = "dont_know"
