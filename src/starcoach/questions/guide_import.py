"""Import a Markdown study guide into the user's question bank.

The guide looks like a page of an interview-prep site::

    ---                                  optional front matter: key: value lines
    sidebar_position: 6                  (``slug:`` and ``category:`` override the defaults)
    ---
    # Handling Failure                   the title: slug "handling-failure", category "failure"
    ### Q1: Tell me about a time ...      numbered questions, each followed by
    **What they're looking for:**        a list of points (required), and optionally
    - ...                                an example answer as a blockquote (kept as a reference)
    ## Key Themes ...                    a two-column table: Theme | How to Show It
    ## Red Flags ...                     a list: - **Name** - example
    ## Stories to Prepare                a checklist: - [ ] kind of story

Question ids are the slug plus the number ("handling-failure-q2"), so importing the same guide
again updates its questions instead of adding copies. Anything malformed raises GuideError
naming the file, the line and what was expected there.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from starcoach.errors import GuideError

LOOK_FOR_LABEL = "**What they're looking for:**"
QUESTION_EXAMPLE = "### Q1: Tell me about a time you failed."
THEMES_COLUMNS = "Theme | How to Show It"

_QUESTION = re.compile(r"^###\s+(?:Q|Question\s*)(\d+)\s*[:.)\-]\s*(.+?)\s*$", re.I)
_LOOK_FOR = re.compile(
    r"^(?:#{3,6}\s*)?(?:\*\*|__)?\s*what\s+(?:they['’]?re|they\s+are|interviewers\s+are)\s+"
    r"looking\s+for\s*:?\s*(?:\*\*|__)?\s*:?\s*$", re.I)
_ITEM = re.compile(r"^\s*[-*+]\s+(.*\S)\s*$")
_NUMBERED = re.compile(r"^\s*\d+[.)]\s+(.*\S)\s*$")
_CHECKBOX = re.compile(r"^\[[ xX]\]\s*(.*)$")
_NAMED = re.compile(r"^\*\*(.+?)\*\*\s*(?:[-–—:]\s*(.*))?$")
_SEPARATOR = re.compile(r"^\|?(\s*:?-{3,}:?\s*\|)*\s*:?-{3,}:?\s*\|?$")
_FRONT_KEY = re.compile(r"^([A-Za-z_][\w-]*)\s*:\s*(.*)$")

CATEGORY_WORDS = {
    "failure": {"failure", "failures", "failing", "mistake", "mistakes"},
    "conflict": {"conflict", "conflicts", "disagreement", "disagreements"},
    "leadership": {"leadership", "leading", "leader"},
    "teamwork": {"teamwork", "team", "collaboration"},
    "pressure": {"pressure", "stress", "deadline", "deadlines"},
    "persuasion": {"persuasion", "persuading", "influence", "influencing"},
    "initiative": {"initiative", "proactive"},
}
"""A guide whose title has one of these words joins that built-in category."""


@dataclass(frozen=True)
class GuideQuestion:
    number: int
    text: str
    look_for: tuple[str, ...]
    reference_answer: str | None
    line: int


@dataclass(frozen=True)
class Guide:
    slug: str
    title: str
    category: str
    questions: tuple[GuideQuestion, ...]
    themes: tuple[tuple[str, str], ...] = ()
    red_flags: tuple[tuple[str, str], ...] = ()
    stories: tuple[str, ...] = ()
    qualities: tuple[tuple[str, str], ...] = ()
    front_matter: dict[str, str] = field(default_factory=dict)

    def question_id(self, q: GuideQuestion) -> str:
        return f"{self.slug}-q{q.number}"


@dataclass(frozen=True)
class ImportResult:
    guide: Guide
    added: tuple[str, ...]
    updated: tuple[str, ...]
    removed: tuple[str, ...]


def slugify(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def _clean(text: str) -> str:
    return text.replace("**", "").strip().strip('"“”').strip()


def _named(text: str) -> tuple[str, str]:
    m = _NAMED.match(text.strip())
    if m:
        return _clean(m.group(1)), _clean(m.group(2) or "")
    parts = re.split(r"\s+[-–—]\s+", text, maxsplit=1)
    return _clean(parts[0]), _clean(parts[1] if len(parts) > 1 else "")


def _section_kind(heading: str) -> str:
    h = heading.lower()
    if "red flag" in h:
        return "red_flags"
    if "theme" in h:
        return "themes"
    if "stor" in h and "prepare" in h:
        return "stories"
    if "anatomy" in h:
        return "qualities"
    return "questions"


class _Parser:
    def __init__(self, text: str, name: str) -> None:
        self.lines = text.removeprefix("\ufeff").splitlines()
        self.name = name

    def fail(self, line: int, expected: str) -> GuideError:
        return GuideError(f"{self.name}:{line}: expected {expected}")

    def parse(self) -> Guide:
        i, front = self._front_matter()
        while i < len(self.lines) and not self.lines[i].strip():
            i += 1
        title_m = re.match(r"^#\s+(.+?)\s*#*\s*$", self.lines[i]) if i < len(self.lines) else None
        if not title_m:
            raise self.fail(min(i + 1, max(len(self.lines), 1)), "a '# Title' heading")
        title = _clean(title_m.group(1))
        title_line = i + 1
        self.questions: list[GuideQuestion] = []
        self.lists: dict[str, list[tuple[str, str]]] = {}
        self.themes: list[tuple[str, str]] = []
        questions_heading = title_line
        section, section_line = "questions", title_line
        current: dict[str, Any] | None = None
        table: list[tuple[int, list[str]]] = []
        for n, raw in enumerate(self.lines[i + 1:], start=i + 2):
            line = raw.strip()
            qm = _QUESTION.match(line)
            if qm or re.match(r"^#{1,2}\s", line):
                self._close_question(current)
                current = None
                self._close_section(section, section_line, table)
                table = []
                if qm:
                    current = self._open_question(int(qm.group(1)), _clean(qm.group(2)), n)
                    section = "questions"
                else:
                    section, section_line = _section_kind(line.lstrip("#")), n
                    if section == "questions" and "question" in line.lower():
                        questions_heading = n
                continue
            if line.startswith("### "):  # another sub-heading ends the question
                self._close_question(current)
                current = None
                continue
            if not line or re.fullmatch(r"-{3,}|\*{3,}", line):
                continue
            if section == "questions" and current is not None:
                self._question_line(current, raw, n)
            elif section == "themes" and line.startswith("|"):
                table.append((n, [c.strip() for c in line.strip("|").split("|")]))
            elif section in ("red_flags", "stories", "qualities"):
                item = _ITEM.match(line) or _NUMBERED.match(line)
                if item:
                    text = item.group(1)
                    if section == "stories":
                        box = _CHECKBOX.match(text)
                        self.lists.setdefault(section, []).append(
                            (_clean(box.group(1) if box else text), ""))
                    else:
                        self.lists.setdefault(section, []).append(_named(text))
        self._close_question(current)
        self._close_section(section, section_line, table)
        if not self.questions:
            raise self.fail(questions_heading, f"at least one question heading like "
                                               f"'{QUESTION_EXAMPLE}'")
        slug = slugify(front.get("slug") or title)
        if not slug:
            raise self.fail(title_line, "a title with letters or digits")
        return Guide(
            slug=slug, title=title,
            category=slugify(front.get("category", "")) or guess_category(slug),
            questions=tuple(self.questions), themes=tuple(self.themes),
            red_flags=tuple(self.lists.get("red_flags", ())),
            stories=tuple(s for s, _ in self.lists.get("stories", ())),
            qualities=tuple(self.lists.get("qualities", ())), front_matter=front,
        )

    def _front_matter(self) -> tuple[int, dict[str, str]]:
        if not self.lines or self.lines[0].strip() != "---":
            return 0, {}
        front: dict[str, str] = {}
        for n in range(1, len(self.lines)):
            line = self.lines[n].strip()
            if line == "---":
                return n + 1, front
            if not line or self.lines[n][:1].isspace() or line.startswith("- "):
                continue  # blank, or the indented or listed continuation of a YAML value
            m = _FRONT_KEY.match(line)
            if not m:
                raise self.fail(n + 1, "'key: value' or the closing '---' of the front matter "
                                       f"opened on line 1, found '{line}'")
            front[m.group(1).lower()] = m.group(2).strip().strip("'\"")
        raise self.fail(1, "a closing '---' line for the front matter opened here")

    def _open_question(self, number: int, text: str, n: int) -> dict[str, Any]:
        for q in self.questions:
            if q.number == number:
                raise self.fail(n, f"a new question number: Q{number} is already on line {q.line}")
        return {"number": number, "text": text, "line": n, "look_for": [],
                "look_for_line": None, "state": None, "answer": []}

    def _question_line(self, q: dict[str, Any], raw: str, n: int) -> None:
        line = raw.strip()
        item = _ITEM.match(line) or _NUMBERED.match(line)
        if _LOOK_FOR.match(line):
            q["state"], q["look_for_line"] = "look_for", n
        elif line.startswith(">"):
            q["state"] = "answer"
            q["answer"].append(line[1:].strip())
        elif q["state"] == "look_for" and item:
            q["look_for"].append(_clean(item.group(1)))
        elif q["state"] == "look_for" and q["look_for"] and raw[:1].isspace():
            q["look_for"][-1] = _clean(f"{q['look_for'][-1]} {line}")  # a wrapped item
        else:
            q["state"] = "answer" if q["state"] == "answer" else None

    def _close_question(self, q: dict[str, Any] | None) -> None:
        if q is None:
            return
        if q["look_for_line"] is None:
            raise self.fail(q["line"], f"a \"{LOOK_FOR_LABEL}\" list under Q{q['number']}")
        if not q["look_for"]:
            raise self.fail(q["look_for_line"], f"'- ' items after \"{LOOK_FOR_LABEL}\"")
        answer = re.sub(r"\n{3,}", "\n\n", "\n".join(q["answer"]).strip()).replace("**", "")
        self.questions.append(GuideQuestion(q["number"], q["text"], tuple(q["look_for"]),
                                            answer or None, q["line"]))

    def _close_section(self, section: str, line: int, table: list[tuple[int, list[str]]]) -> None:
        if section == "themes":
            if not table:
                raise self.fail(line, f"a table with the columns '{THEMES_COLUMNS}' under "
                                      "this heading")
            (hn, header), rows = table[0], table[1:]
            if len(header) != 2 or _clean(header[0]).lower() != "theme":
                found = " | ".join(header)
                raise self.fail(hn, f"the columns '{THEMES_COLUMNS}', found '{found}'")
            if not rows or not _SEPARATOR.match("|" + "|".join(rows[0][1]) + "|"):
                raise self.fail(rows[0][0] if rows else hn, "the separator line '|---|---|'")
            for rn, cells in rows[1:]:
                if len(cells) != 2:
                    raise self.fail(rn, f"2 cells ({THEMES_COLUMNS}), found {len(cells)}")
                self.themes.append((_clean(cells[0]), _clean(cells[1])))
        elif section in ("red_flags", "stories") and not self.lists.get(section):
            what = "'- **Name** - example' items" if section == "red_flags" else "'- [ ] ' items"
            raise self.fail(line, f"{what} under this heading")


def guess_category(slug: str) -> str:
    """The built-in category a guide belongs to, from the words of its slug; else the slug."""
    words = set(slug.split("-"))
    for category, names in CATEGORY_WORDS.items():
        if words & names:
            return category
    return slug


def parse_guide(text: str, name: str = "GUIDE.md") -> Guide:
    """Parse a guide's Markdown; ``name`` is used in error messages."""
    return _Parser(text, name).parse()


def read_guide(path: str | Path) -> Guide:
    """Read a guide file: a regular file of at most ``files.TEXT_CAP_BYTES``, in UTF-8 (or
    UTF-16 / UTF-32 with a byte-order mark, as some Windows editors save)."""
    from starcoach import files

    path = Path(path)
    try:
        data = files.read_capped(path)
    except FileNotFoundError:
        raise GuideError(f"guide not found: {path}") from None
    except files.FileKindError as exc:
        if exc.kind == "a folder":
            raise GuideError(f"{path} is a folder: give the guide's .md file") from None
        raise GuideError(f"{path} is {exc.kind}: give the guide's .md file") from None
    except files.TooLargeError:
        raise GuideError(f"{path} is too large for a guide (more than "
                         f"{files.TEXT_CAP_BYTES // 1024 // 1024} MiB)") from None
    except OSError as exc:
        raise GuideError(f"cannot read guide {path}: {exc.strerror or exc}") from None
    decoded = files.decode_text(data)
    if decoded is None:
        reason = "it is not UTF-8 and has no UTF-16 byte-order mark"
        try:
            data.decode("utf-8")
        except UnicodeDecodeError as exc:
            reason = exc.reason
        raise GuideError(f"{path}: expected UTF-8 Markdown text ({reason})")
    if files.looks_binary(decoded[0]):
        raise GuideError(f"{path}: expected UTF-8 Markdown text (it holds binary data)")
    return parse_guide(decoded[0], str(path))


def guide_record(guide: Guide, source: str) -> dict[str, Any]:
    """The guide as stored in the user's bank, its questions in ``Question.to_dict`` form."""
    from starcoach.questions.stories import best_item

    flags = [{"name": a, "detail": b} for a, b in guide.red_flags]
    themes = [{"name": a, "detail": b} for a, b in guide.themes]
    questions = []
    for q in guide.questions:
        item = best_item(q.text, guide.stories)
        questions.append({
            "id": guide.question_id(q), "category": guide.category, "text": q.text,
            "look_for": list(q.look_for), "red_flags": flags, "themes": themes,
            "story": None if item is None else guide.stories[item], "source": guide.slug,
            "reference_answer": q.reference_answer,
        })
    return {
        "slug": guide.slug, "title": guide.title, "category": guide.category, "source": source,
        "front_matter": guide.front_matter, "questions": questions, "red_flags": flags,
        "themes": themes, "stories": list(guide.stories),
        "qualities": [{"name": a, "detail": b} for a, b in guide.qualities],
    }


def import_guide(path: str | Path) -> ImportResult:
    """Read, check and store a guide; importing it again replaces its earlier version."""
    from starcoach.questions.user_store import save_guide

    guide = read_guide(path)
    previous = save_guide(guide_record(guide, str(Path(path).resolve())))
    old = {q["id"] for q in (previous or {}).get("questions", ())}
    new = [guide.question_id(q) for q in guide.questions]
    return ImportResult(
        guide=guide,
        added=tuple(i for i in new if i not in old),
        updated=tuple(i for i in new if i in old),
        removed=tuple(sorted(old - set(new))),
    )
