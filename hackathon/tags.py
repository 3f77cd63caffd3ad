"""Free-text tags (skills, technologies) turned into a clean list."""
import re

MAX_TAGS = 20
MAX_TAG_LENGTH = 32
_SEPARATORS = re.compile(r"[,;\n]+")


class TagError(ValueError):
    """A tag list that breaks a limit; the message says which."""


def parse_tags(text: str) -> list[str]:
    """Split 'Python, UX design; rust' into ['python', 'rust', 'ux design'], enforcing limits."""
    tags = sorted({" ".join(part.split()).lower() for part in _SEPARATORS.split(text or "")} - {""})
    too_long = [tag for tag in tags if len(tag) > MAX_TAG_LENGTH]
    if too_long:
        raise TagError(f"Keep each tag under {MAX_TAG_LENGTH} characters (“{too_long[0][:40]}” is longer).")
    if len(tags) > MAX_TAGS:
        raise TagError(f"Use at most {MAX_TAGS} tags; you gave {len(tags)}.")
    return tags
