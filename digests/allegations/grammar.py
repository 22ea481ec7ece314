"""What the clause rules ask of a sentence: word classes, noun phrases, subjects, claims, guards.

A :class:`Grammar` reads one tokenised sentence with one language's lexicon. The rules that find
allegations (``frames.py``) and responses (``responses.py``) are built from these questions.
Token positions are indices into the sentence's tokens; a :class:`Span` is a half-open range.
"""

from __future__ import annotations

from typing import NamedTuple

from digests.allegations import kinds
from digests.allegations.lexicon import Lexicon
from digests.allegations.sentence import Sentence, Span, capitalised, punctuation

MAX_NOUN_PHRASE_WORDS = 6  # beyond this a "noun phrase" is a run-on, not a name
TRAILING_SOURCE_WORDS = 6  # "X did Y, prosecutors in Texas said": a source after the claim
USE_WORDS = 4  # "used or possessed white phosphorus": a use verb this far before a weapon
ASIDE_WORDS = 5  # "had, in the past, used": the longest aside after an auxiliary
_NOUN_PHRASE_SYMBOLS = frozenset({"$", "%", "-"})  # "a $5 fee", "a 10% stake", "ex-minister"
_CLAUSE_PUNCTUATION = frozenset({";", ":", '"'})
_CLAUSE_STOPS = frozenset({",", ";", ":", '"'})  # where a clause of ``not_done_before`` ends
SCARE_QUOTE_WORDS = 3  # 'who "disengaged" from': a quotation this short opens no clause
_CURRENCY = frozenset("$£€¥")  # an amount opening with one ends a name: "Bank €12.6 million"
_ROLE_WORDS = 3  # "with election coordinator Alan Milburn accusing": role words before a name
_ALIAS_QUOTES = frozenset({'"', "“", "'", "‘"})  # around a name after "known as"
_SOURCE_ENDS = frozenset({",", ".", ";"})  # where "according to X" ends


class NounPhrase(NamedTuple):
    """Where a noun phrase ends, and whether a verb follows it (so it is a clause's subject)."""

    end: int
    verb_follows: bool


PARTICIPLE_CLAUSE_WORDS = 8  # "Speaking in court, ...": the comma ends the clause within this


def participle_at(lex: Lexicon, s: Sentence, i: int) -> bool:
    """Return True when token i is a participle, not a name ending in "-ing" ("Boeing").

    A lower-case "-ing" word is; a capitalised one only when it opens a clause set off by a
    comma and a preposition or determiner follows it: "Speaking in court, Mr Ebbers ...", not
    "Beijing accused ..." or "Boeing was accused ...".
    """
    low = s.lower[i]
    if not lex.is_gerund(low):
        return False
    if not capitalised(s.words[i]):
        return True
    after = s.lower[i + 1] if i + 1 < len(s) else ""
    opens = after in lex.determiners or (after in lex.np_stops and after not in lex.coordinators)
    comma = any(w == "," for w in s.lower[i + 1 : i + 1 + PARTICIPLE_CLAUSE_WORDS])
    return opens and comma


def noun_before_comma(g: Grammar, k: int) -> Span | None:
    """Return the name or noun run just before token k (past one comma): "China" in "China,"."""
    s = g.s
    end = k - 1 if k and s.lower[k - 1] == "," else k
    start = end
    while start > 0 and not punctuation(s.words[start - 1]) and not g.verb_like(start - 1):
        if s.lower[start - 1] in g.lex.np_stops:
            break
        start -= 1
    return Span(start, end) if start < end else None


class Grammar:
    """The questions the clause rules ask about one sentence, answered with a lexicon."""

    def __init__(self, lex: Lexicon, s: Sentence) -> None:
        self.lex = lex
        self.s = s

    # ---- word classes

    def verb_like(self, i: int) -> bool:
        """Return True when token i is verb-like: "was", "stole", "collected", "secretly"."""
        s, lex = self.s, self.lex
        if i >= len(s):
            return False
        word, low = s.words[i], s.lower[i]
        if capitalised(word) or punctuation(word):
            return False
        if low in lex.aux and low in lex.np_stops:  # "to": a verb's only before one ("to pay")
            after = s.words[i + 1] if i + 1 < len(s) else ""
            return bool(after) and not (
                capitalised(after) or punctuation(after) or s.lower[i + 1] in lex.determiners
            )
        return low in lex.aux or low in lex.verb_hints or lex.is_verb(low) or lex.is_adverb(low)

    def present_verb(self, i: int, after_noun: bool) -> bool:
        """Return True when token i after a noun is a present verb: "the app collects data"."""
        s, lex = self.s, self.lex
        if not after_noun or i >= len(s) or capitalised(s.words[i]) or punctuation(s.words[i]):
            return False
        low = s.lower[i]
        if not lex.is_present(low) or low in lex.np_stops or low in lex.role_nouns:
            return False  # "separatist rebels": a party noun, not "rebels" as a verb
        if i and lex.is_possessive(s.lower[i - 1]):
            return False  # "the company's plans": a noun
        return not self.verb_like(i + 1)

    def pronoun(self, i: int) -> bool:
        """Return True when token i is a pronoun, not a possessive before a noun ("her boss")."""
        s, lex = self.s, self.lex
        if i >= len(s) or s.lower[i] not in lex.pronouns:
            return False
        if s.lower[i] not in lex.determiners or i + 1 >= len(s):
            return True
        after = s.words[i + 1]
        return punctuation(after) or s.lower[i + 1] in lex.np_stops or self.verb_like(i + 1)

    # ---- noun phrases, subjects and claims

    def _title_stop(self, j: int, stop: int) -> bool:
        """Return True when the full stop at j closes a person's title before a name ("Mr.")."""
        s = self.s
        return (
            s.lower[j - 1] in self.lex.person_titles
            and j + 1 < stop
            and capitalised(s.words[j + 1])
            and not punctuation(s.words[j + 1])
        )

    def noun_phrase(self, i: int, stop: int | None = None) -> NounPhrase:
        """Read the noun phrase at token i: "the former mayor" in "the former mayor took bribes"."""
        s, lex = self.s, self.lex
        stop = len(s) if stop is None else stop
        if i >= stop:
            return NounPhrase(i, False)
        if self.pronoun(i):
            # a subject pronoun opens a clause whatever follows: "alleged he drank tea"
            nominative = s.lower[i] in lex.subject_pronouns
            return NounPhrase(
                i + 1, nominative or self.verb_like(i + 1) or self.present_verb(i + 1, True)
            )
        j = i
        while j < stop and s.lower[j] in lex.determiners:
            j += 1
        content = 0
        while j < stop and content < MAX_NOUN_PHRASE_WORDS:
            word, low = s.words[j], s.lower[j]
            if low == "." and content and self._title_stop(j, stop):
                j += 1  # "by Mr. Vohor": a title's full stop, the name after it
                continue
            if punctuation(word) and low not in _NOUN_PHRASE_SYMBOLS:
                break
            connector = low in lex.name_connectors or low in lex.coordinators
            if connector and content and j + 1 < stop:
                if capitalised(s.words[j - 1]) and capitalised(s.words[j + 1]):
                    j += 1  # "Bank of America", "Procter and Gamble"
                    continue
                break
            if low in lex.np_stops or (self.verb_like(j) and not self._nominal(i, j, content)):
                break
            if content and self.present_verb(j, True):
                break
            if (
                content
                and lex.is_gerund(low)
                and not capitalised(word)
                and capitalised(s.words[j - 1])
            ):
                break  # "a lawsuit against Meta alleging ...": the name ends before the gerund
            content += 1
            j += 1
        return NounPhrase(j, self.verb_like(j) or self.present_verb(j, content > 0))

    def _nominal(self, i: int, j: int, content: int) -> bool:
        """Return True when verb-like token j is a noun or adjective: "the accused", "masked men".

        Only at a noun phrase's start: after an article, or before a party noun.
        """
        s, lex = self.s, self.lex
        if content or s.lower[j] in lex.aux or s.lower[j] in lex.verb_hints:
            return False
        if j > i and lex.is_article(s.lower[j - 1]):
            return True
        after = s.lower[j + 1] if j + 1 < len(s) else ""
        return lex.is_verb(s.lower[j]) and bool(after) and lex.is_party_noun(after, True)

    def demonstrative(self, j: int) -> bool:
        """Return True when token j is a determiner after a preposition: "In that trial"."""
        s, lex = self.s, self.lex
        if j == 0 or s.lower[j] not in lex.determiners:
            return False
        before = s.lower[j - 1]
        joins = lex.coordinators | lex.relative_markers | lex.complementizers
        return before in lex.np_stops and before not in joins

    def clause_start(self, i: int) -> int:
        """Return where the clause holding token i starts: after "that", a say verb, ";" or ":".

        A subordinator starts one too when no comma follows it before token i: "a day after
        the mayor accused ..." (but not "In the days after the vote, Smith accused ..."); so
        does a contrast after a comma: "No one claimed the attack, but Tamim attributed ...".
        """
        s, lex = self.s, self.lex
        comma = False
        scare = self._scare_quotes(i)
        for j in range(i - 1, -1, -1):
            low = s.lower[j]
            if j in scare:
                continue  # 'Tsvangirai, who "disengaged" from ..., was accused': no clause
            if low in lex.say_verbs and comma and self.in_relative(j):
                continue  # "The man, who police say is 25, was charged": an aside
            if low in _CLAUSE_PUNCTUATION or low in lex.say_verbs:
                return j + 1
            if low in lex.complementizers and comma and self._relative_aside(j):
                continue  # "Loki Torrent, a site that tracks links, was sued": an aside
            if low in lex.complementizers and not self.demonstrative(j):
                return j + 1
            after = s.lower[j + 1] if j + 1 < len(s) else ""
            if low in lex.contrast_coordinators and (
                (j and s.lower[j - 1] == ",") or after in lex.subject_pronouns
            ):
                return j + 1  # "..., but Tamim attributed", "... crime but they accuse"
            if low in lex.subordinators and not comma and not (j and s.lower[j - 1] in lex.aux):
                return j + 1  # but "He has since said ...": an adverb after an auxiliary
            comma = comma or low == ","
        return 0

    def _scare_quotes(self, i: int) -> set[int]:
        """Return the quotation marks before token i that enclose a few words of no clause:
        'who "disengaged" from', 'the so-called "peace plan"' (at most ``SCARE_QUOTE_WORDS``
        words, no punctuation inside)."""
        s = self.s
        marks = [j for j in range(i) if s.lower[j] == '"']
        found: set[int] = set()
        for open_, close in zip(marks[::2], marks[1::2], strict=False):
            inside = range(open_ + 1, close)
            if 0 < len(inside) <= SCARE_QUOTE_WORDS and not any(
                punctuation(s.words[k]) for k in inside
            ):
                found.update((open_, close))
        return found

    def _relative_aside(self, j: int) -> bool:
        """Return True when "that" at j opens a relative clause in an aside set off by commas
        after a name: ", a site that tracks links," (the aside an article and its noun)."""
        s, lex = self.s, self.lex
        k = j - 1
        while k >= 0 and s.lower[k] != ",":
            k -= 1
        if k < 1 or k + 1 >= j or not lex.is_article(s.lower[k + 1]):
            return False
        return self.name_word(k - 1) and self.noun_phrase(k + 1, j).end == j

    def in_relative(self, j: int) -> bool:
        """Return True when token j is in a comma-set relative clause: ", who police say ..."."""
        s, lex = self.s, self.lex
        k = j - 1
        while k >= 0 and s.lower[k] != ",":
            k -= 1
        first = s.lower[k + 1] if k + 1 < j else ""
        return k >= 0 and first in lex.relative_markers and first not in lex.complementizers

    def alias(self, span: Span) -> Span:
        """Return the name a phrase is known by: "a shadowy group known as Meibion Glyndwr"."""
        s = self.s
        at = next(
            (k for k in (span.end - 1, span.end) if s.match(k, self.lex.alias_markers)), -1
        )  # the noun phrase may have taken "known" in
        marker = s.match(at, self.lex.alias_markers) if at > span.start else None
        if marker is None:
            return self._apposition(span)
        start = at + len(marker)
        if start < len(s) and s.words[start] in _ALIAS_QUOTES:
            start += 1  # 'known as "Swami Amrit"': the name inside the quotation marks
        if start < len(s) and s.lower[start] in self.lex.definite_articles:
            start += 1  # "known as the Red Brigade"
        end = start
        while end < len(s) and self.name_word(end):
            end += 1
        return Span(start, end) if start < end else span

    def _apposition(self, span: Span) -> Span:
        """Return the name set off by commas after a role: "Mahan's director, Hamid Khanooki,"."""
        s = self.s
        comma = span.end
        if span.start >= comma or comma + 1 >= len(s) or s.lower[comma] != ",":
            return span
        if capitalised(s.words[comma - 1]):
            return span  # "Smith, Jones, ...": a list, or a name already
        end = comma + 1
        while end < len(s) and self.name_word(end):
            end += 1
        listed = end + 1 < len(s) and s.lower[end + 1] in self.lex.coordinators
        if end > comma + 1 and end < len(s) and s.lower[end] == "," and not listed:
            return Span(comma + 1, end)  # but "the mayor, Jon Park, and the council": a list
        return span

    def skip_age(self, j: int) -> int:
        """Return the token after an age set off by commas at j (", 21,"), else j."""
        s = self.s
        if (
            j + 2 < len(s)
            and s.lower[j] == ","
            and s.words[j + 1].isdigit()
            and s.lower[j + 2] == ","
        ):
            return j + 3
        return j

    def subject(self, i: int) -> Span | None:
        """Return the subject before token i: "prosecutors" in "In May, prosecutors also sued".

        Of the comma-separated parts before the cue, the last wins when it is a name alone ("A
        resident of Antioch, Illinois, Rittenhouse is accused" -> "Rittenhouse"); else the first
        that is a whole noun phrase and no adverbial ("In May"), relative clause or participle:
        "inspection chief David Bell, speaking on Monday, accused ..." -> "inspection chief
        David Bell"; else the last.
        """
        s, lex = self.s, self.lex
        start = self.clause_start(i)
        parts: list[Span] = []
        part_start = start
        for j in range(start, i):
            if s.lower[j] == ",":
                parts.append(Span(part_start, j))
                part_start = j + 1
        parts.append(Span(part_start, i))
        last = self.trim(parts[-1])
        if (
            len(parts) > 1
            and parts[-1].start < last.start
            and s.lower[parts[-1].start] in lex.coordinators
            and s.lower[last.start] not in lex.adverbial_prepositions
            and self.noun_phrase(last.start, last.end).end > last.start
            and not any(self.verb_like(k) for k in range(last.start, last.end))
            and any(self.verb_like(k) for k in range(start, parts[-1].start))
        ):
            # "Documents were confiscated, and the leader was arrested": a new clause's subject
            return self._before_relative(last)
        if len(parts) > 1 and self.plain_noun_phrase(last) and self._named(last):
            return self._before_relative(last)  # "A resident of Antioch, Illinois, Smith is"
        if len(parts) > 1:
            for k, part in enumerate(parts):
                if part.start < part.end and (
                    s.lower[part.start] in lex.adverbial_prepositions
                    or s.lower[part.start] in lex.subordinators
                ):
                    # "In a statement, the ministry accused": not "a statement"; "Although the
                    # document ..., some reports claim": not "Although the document"
                    continue
                part = self.trim(part)
                if self.plain_noun_phrase(part):
                    after = self.trim(parts[k + 1]) if k + 1 < len(parts) else None
                    if (
                        after
                        and not self._named(part)
                        and self.plain_noun_phrase(after)
                        and self._named(after)
                    ):  # "An Australian, Brenton Tarrant, ...": the name in apposition
                        return self._before_relative(after)
                    return self._before_relative(part)
        span = self.trim(parts[-1])
        tail = parts[-1]
        if (
            span.start >= span.end
            and tail.start < tail.end
            and s.lower[tail.start] in lex.coordinators
        ):
            # "The president has not conceded, and has claimed ...": the first conjunct's subject
            opening = self.trim(Span(start, self.noun_phrase(start, i).end))
            if opening.start < opening.end:
                return opening
        if span.start >= span.end and (shared := self._shared_subject(start)) is not None:
            return shared  # "Jones apologized for the loss, but also said that ..."
        if span.start >= span.end:  # "..., he said, also alleged": take an earlier part
            for part in parts[:-1]:
                part = self.trim(part)
                if part.start < part.end and s.lower[part.start] not in lex.adverbial_prepositions:
                    span = part
                    break
            else:
                return None
        span = self._before_relative(span)
        if span.start < span.end and s.lower[span.end - 1] in lex.coordinators:
            return self._first_conjunct_subject(start, i)
        fronted = span.start < span.end and (
            participle_at(lex, s, span.start) or s.lower[span.start] in lex.adverbial_prepositions
        )
        if len(parts) == 1 and fronted:
            span = self._after_fronted_participle(span)
        return span if span.start < span.end else None

    def _after_fronted_participle(self, span: Span) -> Span:
        """Return the subject after a fronted phrase with no comma: "the MQM" in
        "Following the first night of revenge attacks and arson the MQM accused ..."; the span
        when no definite article opens a name that runs to its end."""
        s, lex = self.s, self.lex
        for k in range(span.end - 2, span.start, -1):
            if s.lower[k] not in lex.definite_articles:
                continue
            names = all(self.name_word(j) for j in range(k + 1, span.end))
            if names and self.noun_phrase(k, span.end).end == span.end:
                return Span(k, span.end)
            break
        return span

    def _first_conjunct_subject(self, start: int, i: int) -> Span | None:
        """Return the subject of a predicate that cue i joins by "and" after a subordinate clause.

        "Strauss-Kahn fell from favour after an encounter with a maid and last week claimed ...":
        Strauss-Kahn claimed, not "an encounter with a maid and". None when the clause holding
        the cue opens with no subordinator, or the sentence's opening is no noun phrase and verb.
        """
        s, lex = self.s, self.lex
        if start == 0 or s.lower[start - 1] not in lex.subordinators:
            return None
        outer = self.clause_start(start - 1)
        opening = self.noun_phrase(outer, start - 1)
        if opening.end == outer or not self.verb_like(opening.end):
            return None
        span = self.trim(Span(outer, opening.end))
        return span if span.start < span.end and span.end < i else None

    def _shared_subject(self, start: int) -> Span | None:
        """Return the subject of the clause before ", but" when the clause at ``start`` has none.

        "The minister apologized for the delay, but also said ...": the minister said it.
        """
        s, lex = self.s, self.lex
        if start < 2 or s.lower[start - 1] not in lex.contrast_coordinators:
            return None
        if s.lower[start - 2] != ",":
            return None
        before = self.clause_start(start - 2)
        for v in range(before + 1, start - 2):
            if self.verb_like(v):
                subject = self.subject(v)
                return subject if subject is not None and subject.end <= v else None
        return None

    def before_time(self, span: Span) -> Span:
        """Cut an object before a time phrase: "Iran earlier in the month" -> "Iran".

        A lone capitalised day or month after a lower-case word cuts it too: "arrested two
        colonels Saturday" -> "two colonels" (not "Theresa May", not "Senator Smith").
        """
        s, lex = self.s, self.lex
        for k in range(span.start + 1, span.end):
            low = s.lower[k]
            if low in lex.time_openers or low in lex.adverbial_prepositions or lex.is_adverb(low):
                return Span(span.start, k)
            amount = low[:1] in _CURRENCY or (low[:1].isdigit() and self.name_word(k - 1))
            dollars = k + 1 < span.end and s.lower[k + 1][:1] in _CURRENCY
            if amount or (dollars and s.words[k].isupper() and len(s.words[k]) <= 3):
                return Span(span.start, k)  # "fined Glenmara Bank €12.6 million", "Bank S$14m"
            if (
                low in lex.non_names
                and capitalised(s.words[k])
                and not capitalised(s.words[k - 1])
                and not (k + 1 < len(s) and capitalised(s.words[k + 1]))
            ):
                return Span(span.start, k)
        return span

    def skip_subject_aside(self, j: int) -> int:
        """Return the token after an aside set off by commas after a subject, else j.

        "the suspect, 21, opened fire", "Smith, a former banker, stole", "the gunman, identified
        as John Smith, opened fire": an age, or a few words up to a comma that a verb follows.
        """
        s = self.s
        after_age = self.skip_age(j)
        if after_age > j or j >= len(s) or s.lower[j] != ",":
            return after_age
        for k in range(j + 2, min(j + 2 + ASIDE_WORDS + 3, len(s) - 1)):
            if s.lower[k] in _CLAUSE_PUNCTUATION or s.words[k] in ("(", ")"):
                return j
            if s.lower[k] == ",":
                return k + 1 if self.verb_like(k + 1) else j
        return j

    def object_aside(self, k: int) -> int:
        """Return the token after an aside set off by commas at k in an object, else k.

        News sets off a person's age after a name ("arrested Ri Jong Chol, 46, on suspicion of")
        and a name after a description ("arrested a 34-year-old man, John Smith, on ..."); either
        leaves the object going on.
        """
        s = self.s
        after_age = self.skip_age(k)
        if after_age > k:
            return after_age if k > 0 and self.name_word(k - 1) else k
        if k + 2 >= len(s) or s.lower[k] != ",":
            return k
        found = self.aside_name(k)
        if found is None:
            return k
        return found[1] + 1 if not self.name_word(k - 1) else k

    def aside_name(self, k: int) -> tuple[Span, int] | None:
        """Return the name set off by the comma at k, and the index of the comma closing it:
        "John Smith" in ", John Smith," and "Awami National Party" in ", the Awami National
        Party (ANP),"; else None."""
        s, lex = self.s, self.lex
        start = k + 1
        if start < len(s) and s.lower[start] in lex.definite_articles:
            start += 1
        end = start
        while end < len(s) and self.name_word(end):
            end += 1
        if end - start < 2:
            return None  # a name of two words at least: "John Smith"
        name = Span(start, end)
        if end + 2 < len(s) and s.lower[end] == "(" and s.lower[end + 2] == ")":
            end += 3  # "the Awami National Party (ANP)"
        if end >= len(s) or s.lower[end] != ",":
            return None
        return name, end

    def ruling_speaker(self, span: Span) -> bool:
        """Return True when a speaker's words are a finding: a judge, a jury, a coroner.

        "Justice Margaret Hennessy", "Mrs Justice Keverne", "the trial judge": a word of
        ``ruling_speakers`` opening the span (after titles and determiners) before a name, or
        ending it. "Justice Minister Ana Ruiz" and "the Justice Department" are no such speaker.
        """
        s, lex = self.s, self.lex
        words = [k for k in range(span.start, span.end) if not punctuation(s.words[k])]
        if not words:
            return False
        if s.lower[words[-1]] in lex.ruling_speakers:
            return True
        first = next(
            (k for k in words if s.lower[k] not in lex.person_titles | lex.determiners), -1
        )
        return (
            first >= 0
            and s.lower[first] in lex.ruling_speakers
            and first + 1 < span.end
            and self.name_word(first + 1)
            and not lex.is_party_noun(s.lower[first + 1], True)
            and lex.name_base(s.lower[first + 1]) not in lex.org_suffixes
        )

    def inside_name(self, i: int) -> bool:
        """Return True when lower-case token i joins capitalised words into one name.

        A word of ``name_connectors`` does ("Bank of America"); any other lower-case word does
        after two capitalised words, as in an organisation's name ("National Coalition for
        Men", "Center for Constitutional Rights"), not after one ("MP for Henley").
        """
        if not (1 < i < len(self.s) - 1 and self.name_word(i + 1) and self.name_word(i - 1)):
            return False
        return self.s.lower[i] in self.lex.name_connectors or self.name_word(i - 2)

    def name_word(self, i: int) -> bool:
        """Return True when token i is a capitalised word that is no function word."""
        word = self.s.words[i]
        return capitalised(word) and self.lex.name_base(word.lower()) not in self.lex.non_names

    def _named(self, span: Span) -> bool:
        """Return True when the span opens with a name: "Rittenhouse", not "the mayor"."""
        word = self.s.words[span.start]
        return capitalised(word) and self.lex.name_base(word.lower()) not in self.lex.non_names

    def _before_relative(self, span: Span) -> Span:
        """Cut a subject before a relative marker: "the man who ..." -> "the man"."""
        for j in range(span.start + 1, span.end):
            low = self.s.lower[j]
            if low in self.lex.relative_markers and low not in self.lex.complementizers:
                return Span(span.start, j)
        return span

    def plain_noun_phrase(self, span: Span) -> bool:
        """Return True when a comma part is a noun phrase alone: "the ministry", not "In May"."""
        s, lex = self.s, self.lex
        if span.start >= span.end:
            return False
        first = s.lower[span.start]
        if first in lex.adverbial_prepositions or first in lex.relative_markers:
            return False
        if (
            participle_at(lex, s, span.start)
            or self.verb_like(span.start)
            or punctuation(s.words[span.start])
        ):
            return False
        if s.words[span.start][:1].isdigit():
            return False  # "Smith, 45, ...": an age
        return self.noun_phrase(span.start, span.end).end == span.end

    def trim(self, span: Span) -> Span:
        """Drop leading "and"/"but" and trailing "has", "also", adverbs from a subject span."""
        s, lex = self.s, self.lex
        start, end = span
        changed = True
        while changed and start < end:
            changed = False
            if s.lower[start] in lex.relative_markers and s.lower[start] not in lex.complementizers:
                start += 1  # ", which he denied" -> "he"
                changed = True
                continue
            lead = s.match(start, lex.subject_trim_leading)
            last = s.words[start + len(lead) - 1] if lead else ""
            if (
                lead
                and start + len(lead) <= end
                and (not capitalised(last) or lex.name_base(last.lower()) in lex.non_names)
            ):
                start += len(lead)
                changed = True
            tail = s.ends_with(end, lex.subject_trim_trailing)
            if (
                tail
                and end - len(tail) >= start
                and self._more_than_determiners(start, end - len(tail))
            ):
                end -= len(tail)
                changed = True
            elif end > start and lex.is_adverb(s.lower[end - 1]) and not self._name_end(start, end):
                end -= 1
                changed = True
        return Span(start, end)

    def _name_end(self, start: int, end: int) -> bool:
        """Return True when the span's last word, capitalised after a capitalised word, ends a
        name: "The People's Daily", not the adverb "daily" in "the paper daily"."""
        s = self.s
        return end - 1 > start and capitalised(s.words[end - 1]) and capitalised(s.words[end - 2])

    def _more_than_determiners(self, start: int, end: int) -> bool:
        """Return True unless a trimmed subject would keep only determiners ("The first" -> "The")."""
        words = self.s.lower[start:end]
        return not words or not all(w in self.lex.determiners for w in words)

    def sentence_subject(self, i: int) -> Span | None:
        """Return the noun phrase opening token i's clause: "Smith" in "Smith has denied claims".

        Leading adverbials set off by a comma are skipped: "Specifically, both parents faced ...".
        """
        s, lex = self.s, self.lex
        start = self.clause_start(i)
        while (comma := s.find(((",",),), start, i)) >= 0 and not self.plain_noun_phrase(
            Span(start, comma)
        ):
            first = s.lower[start] if start < len(s) else ""
            opener = first in lex.adverbial_prepositions or lex.is_adverb(first)
            if not (opener or participle_at(lex, s, start)):  # "Speaking in court, Mr Ebbers"
                break
            start = comma + 1
        end = self.noun_phrase(start, i).end
        last = s.lower[end] if start < end == i - 1 else ""
        verb = self.verb_like(end) or last in lex.facing_verbs  # "The mayor denied", "faces"
        if last and not (punctuation(last) or last in lex.np_stops or last in lex.aux or verb):
            end = i  # "conservative groups claiming ...": "groups" is no verb before the cue
        span = self.trim(Span(start, end))  # "late Sunday the police" -> "the police"
        return span if span.start < span.end else None

    def fronted_pronoun(self) -> int:
        """Return the subject pronoun that opens the main clause after a fronted phrase, else -1.

        "Alongside talks on Guantanamo Bay detainees, he described ...", "Updating the US on
        ..., he claimed ...": the phrase before the comma is a preposition's or a participle's,
        with no subject of its own, so its names are no antecedent of the pronoun.
        """
        s, lex = self.s, self.lex
        if len(s) < 3:
            return -1
        first = s.lower[0]
        preposition = first in lex.adverbial_prepositions and first not in lex.subordinators
        # "Arrested by the CHP on suspicion of ..., he was booked": a past participle's phrase
        past = lex.is_past(first) and s.lower[1] in lex.np_stops and s.lower[1] not in lex.aux
        if not (preposition or past or participle_at(lex, s, 0)):
            return -1
        comma = s.find(((",",),), 1)
        if comma < 0 or comma + 1 >= len(s) or s.lower[comma + 1] not in lex.subject_pronouns:
            return -1
        return comma + 1

    def after_fronted_source(self) -> int:
        """Return the token after a source that opens the sentence ("According to AP, ..."),
        else 0: the names before that comma are no subject of the sentence."""
        s = self.s
        if s.match(0, self.lex.according_to) is None:
            return 0
        comma = s.find(((",",),), 1)
        return comma + 1 if comma > 0 else 0

    def speaker(self, i: int) -> Span | None:
        """Return who says the clause holding token i: "Vega" in "Vega said the group did it"."""
        s, lex = self.s, self.lex
        start = self.clause_start(i)
        j = start - 1
        if j > 0 and s.lower[j] in lex.complementizers:
            j -= 1
        if j <= 0 or s.lower[j] not in lex.say_verbs:
            return None
        if s.match(j - 1, lex.identify_as):
            return self._quoted_as(j - 1) or self.subject(j)
        return self.subject(j)

    def _quoted_as(self, at: int) -> Span | None:
        """Return who is cited "as saying": the object of "The BBC cited Budi Gunawan, chief of
        X, as saying", the subject of "Rehman Malik was quoted by media as saying"."""
        s, lex = self.s, self.lex
        start = self.clause_start(at)
        for verb in range(at - 1, start, -1):
            if not lex.is_past(s.lower[verb]) or capitalised(s.words[verb]):
                continue
            if self.passive_before(verb):
                return self.subject(verb)
            end = self.noun_phrase(verb + 1, at).end
            return Span(verb + 1, end) if end > verb + 1 else None
        return None

    def agent(self, i: int) -> Span | None:
        """Return who acts at cue i; for "X posted a message blaming Y" the clause's subject."""
        if self.lex.is_gerund(self.s.lower[i]):
            named = self._name_before(i)  # "... with coordinator Alan Milburn accusing Mr Howard"
            return named or self.sentence_subject(i)
        return self.subject(i)

    def _name_before(self, i: int) -> Span | None:
        """Return the name before gerund i in "with X accusing Y" (role words included)."""
        s, lex = self.s, self.lex
        start = i
        while start > 0 and self.name_word(start - 1) and capitalised(s.words[start - 1]):
            start -= 1
        if start == i:
            return None
        lead = start
        while lead > 0 and start - lead < _ROLE_WORDS and not punctuation(s.words[lead - 1]):
            if s.lower[lead - 1] in lex.absolute_openers:
                break
            lead -= 1  # "election coordinator Alan Milburn"
        start = lead
        if start == 0 or s.lower[start - 1] not in lex.absolute_openers:
            return None  # "posted a message on Twitter blaming Iran": Twitter is no actor
        return Span(start, i)

    def passive_victim(self, claim: Span) -> tuple[str, Span | None]:
        """Read a claim such as "Navalny was poisoned (by X)": (the harm's participle, X).

        The subject of a passive of harm ("was poisoned", "were killed") is the victim, not the
        party the claim is against; the party is the "by" phrase, if any. No harm: ("", None).
        """
        s, lex = self.s, self.lex
        j = self.noun_phrase(claim.start, claim.end).end
        if j == claim.start:
            return "", None
        if j < claim.end and s.lower[j] in lex.np_stops and not s.match(j, lex.agent_prepositions):
            j = self.noun_phrase(j + 1, claim.end).end  # "a security guard of Iraq was killed"
        if j + 1 < claim.end and s.lower[j] == ",":
            k = self.noun_phrase(j + 1, claim.end).end  # "Flight 17, a Boeing 777, was shot down"
            while k + 1 < claim.end and s.lower[k] in lex.coordinators:
                k = self.noun_phrase(k + 1, claim.end).end  # "the men, one British and one Kenyan,"
            if j + 1 < k < claim.end and s.lower[k] == ",":
                j = k + 1
        if j < claim.end and lex.is_possessive(s.words[j]) and not capitalised(s.words[j]):
            # "a 35-year-old sheriff's deputy": the noun phrase goes on past the possessive
            j = max(j + 1, self.noun_phrase(j + 1, claim.end).end)
        gerund = next(
            (k for k in (j, j - 1) if claim.start < k < claim.end and lex.is_gerund(s.lower[k])),
            -1,
        )
        if gerund >= 0:
            # "a deputy working with an anti-gang unit was killed": past the reduced relative
            k = next(
                (
                    k
                    for k in range(gerund + 1, min(claim.end, gerund + 1 + MAX_NOUN_PHRASE_WORDS))
                    if punctuation(s.words[k]) or s.lower[k] in lex.passive_aux
                ),
                j,
            )
            j = k if k > j and s.lower[k] in lex.passive_aux else j
        while j < claim.end and s.lower[j] in lex.aux and s.lower[j] not in lex.passive_aux:
            j += 1  # "75 people had been killed", "he may have been poisoned"
        if j >= claim.end or s.lower[j] not in lex.passive_aux:
            return "", None
        j += 1
        while j < claim.end and (s.lower[j] in lex.passive_adverbs or lex.is_adverb(s.lower[j])):
            j += 1
        if j + 1 < claim.end and s.lower[j] in _ALIAS_QUOTES:
            j += 1  # 'he was "punched on the shoulder" by X': the harm quoted
        harm = s.lower[j] if j < claim.end else ""
        listed = harm in lex.victim_participles or harm in lex.casualty_participles
        if not (listed or lex.is_past(harm) or harm in lex.verb_hints):
            return "", None
        for k in range(j + 1, claim.end):
            if s.lower[k] == ",":
                break  # "poisoned with Novichok, a nerve agent developed by ...": no agent
            if by := s.match(k, lex.agent_prepositions):
                start = k + len(by)
                end = self.noun_phrase(start, claim.end).end
                if start < end:
                    return harm, Span(start, end)
                break
        # any other passive names its doer by "by" ("the strikes were carried out by X"); a
        # passive with no doer accuses its subject as before
        return (harm, None) if listed else ("", None)

    def agent_of_agent(self, agent: Span) -> Span | None:
        """Return the doer behind a "by" phrase: "two women" in "by a poison administered by two
        women". None when no participle and "by" follow the phrase."""
        s, lex = self.s, self.lex
        j = agent.end
        if j + 1 >= len(s) or not (lex.is_past(s.lower[j]) or s.lower[j] in lex.verb_hints):
            return None
        by = s.match(j + 1, lex.agent_prepositions)
        if by is None:
            return None
        start = j + 1 + len(by)
        end = self.noun_phrase(start).end
        return Span(start, end) if start < end else None

    def claim_end(self, start: int, stop: int | None = None) -> int:
        """Return where a claim from ``start`` ends: before ", according to", "; " or the end."""
        s = self.s
        stop = len(s) if stop is None else stop
        found = s.find(self.lex.claim_stops, start, stop)
        end = stop if found < 0 else found
        for j in range(start + 1, end - 1):
            if s.lower[j] in self.lex.contrast_coordinators and self.verb_like(j + 1):
                end = j  # "said America needed more action but defended Bush": a new predicate
                break
        while end > start and punctuation(s.words[end - 1]):
            end -= 1
        return end

    def according_source(self, i: int) -> Span | None:
        """Return the source named by the "according to" at token i, up to the next , . or ;."""
        s = self.s
        phrase = s.match(i, self.lex.according_to) or ()
        start = end = i + len(phrase)
        while end < len(s) and (s.lower[end] not in _SOURCE_ENDS or self.title_dot(end)):
            end += 1
        for j in range(start, end):  # "a tweet on Monday by Mike Pompeo" -> "Mike Pompeo"
            if (by := s.match(j, self.lex.agent_prepositions)) and j + len(by) < end:
                start = j + len(by)
                break
        return Span(start, end) if start < end else None

    def trailing_source(self) -> Span | None:
        """Return who is cited after the sentence's last comma: "..., the police said",
        "..., Peavy said", "..., said Sheriff's Capt. Ray Peavy, a homicide investigator".

        The source runs at most ``TRAILING_SOURCE_WORDS`` words, between that comma and a
        closing "said" or "says", or from "said" to the next comma or the end.
        """
        s, lex = self.s, self.lex
        end = len(s)
        while end > 0 and punctuation(s.words[end - 1]):
            end -= 1
        if end < 3:
            return None
        if s.lower[end - 1] in lex.say_verbs and not lex.is_gerund(s.lower[end - 1]):
            comma = end - 2  # ", the police said"
            while comma > 0 and s.lower[comma] != "," and end - 1 - comma <= TRAILING_SOURCE_WORDS:
                comma -= 1
            if s.lower[comma] == "," and comma + 1 < end - 1:
                return Span(comma + 1, end - 1)
            return None
        for verb in range(end - 2, max(0, end - TRAILING_SOURCE_WORDS * 2) - 1, -1):
            if s.lower[verb] == "," or not (s.lower[verb - 1] == "," and verb > 1):
                continue
            if s.lower[verb] not in lex.say_verbs or lex.is_gerund(s.lower[verb]):
                continue
            stop = verb + 1  # ", said Capt. Ray Peavy, a homicide investigator"
            while stop < end and (s.lower[stop] != "," or self.title_dot(stop)):
                stop += 1
            if verb + 1 < stop <= verb + 1 + TRAILING_SOURCE_WORDS:
                return Span(verb + 1, stop)
            return None
        return None

    def title_dot(self, k: int) -> bool:
        """Return True when the dot at token k closes a title before a name: "Lt. Col. Erik"."""
        s = self.s
        if s.lower[k] != "." or not 0 < k < len(s) - 1:
            return False
        title = s.words[k - 1]
        return (
            title.isalpha()
            and len(title) <= 4
            and capitalised(title)
            and capitalised(s.words[k + 1])
        )

    def source_kind(self, span: Span, default: str) -> str:
        """Return the kind a source gives an item: a lawsuit, a charge sheet, else ``default``."""
        if self.s.contains(span, self.lex.lawsuit_nouns):
            return kinds.LAWSUIT
        if self.s.contains(span, self.lex.charge_sources):
            return kinds.CHARGE
        return default

    # ---- passives

    def passive_before(self, i: int) -> bool:
        """Return True when participle i follows an auxiliary: "was formally charged"."""
        s, lex = self.s, self.lex
        if lex.is_gerund(s.lower[i]):
            return False
        j = i - 1
        while j >= 0 and lex.is_adverb(s.lower[j]):
            j -= 1
        while j >= 0 and s.lower[j] in lex.passive_adverbs:
            j -= 1
        return j >= 0 and s.lower[j] in lex.passive_aux

    def passive_subject(self, i: int) -> Span | None:
        """Return the subject of the passive at i: "The senator" in "The senator was accused"."""
        s, lex = self.s, self.lex
        j = i - 1
        while j >= 0 and (
            s.lower[j] in lex.passive_aux
            or s.lower[j] in lex.passive_subject_skip
            or lex.is_adverb(s.lower[j])
        ):
            j -= 1
        for k in range(j - 1, max(self.clause_start(j + 1), j - MAX_NOUN_PHRASE_WORDS) - 1, -1):
            low = s.lower[k]
            if low in lex.relative_markers and low not in lex.complementizers and k < j:
                # "a trial in which eleven individuals have been charged": after "which"
                if self.noun_phrase(k + 1, j + 1).end == j + 1:
                    return Span(k + 1, j + 1)
                break
        subject = self.subject(j + 1)
        start = self.clause_start(j + 1)
        if subject is None and start and self.s.lower[start - 1] in lex.subordinators:
            # "The alleged shooter was at the centre after being detained ...": the main clause's
            return self.sentence_subject(start - 1)
        k = j
        if k > 0 and s.lower[k] in lex.relative_markers and s.lower[k] not in lex.complementizers:
            # "trade gap with China, which has been accused of ...": the noun before "which"
            antecedent = noun_before_comma(self, k)
            if antecedent is not None:
                return antecedent
        if subject is not None and subject.end - subject.start > MAX_NOUN_PHRASE_WORDS:
            # "he has proof ... at the time he was alleged to": the noun phrase before the verb
            if j >= 0 and s.lower[j] in lex.subject_pronouns:
                return Span(j, j + 1)
            k = j
            while k > subject.start and not (
                punctuation(s.words[k - 1]) or s.lower[k - 1] in lex.np_stops
            ):
                if self.verb_like(k - 1) or lex.pronouns.get(s.lower[k - 1]):
                    break
                k -= 1
            if k <= j and self.noun_phrase(k, j + 1).end == j + 1:
                return Span(k, j + 1)
        return subject

    def party_head(self, span: Span) -> bool:
        """Return True when a noun phrase's last word names a party: "the mayor", "36 people"."""
        s, lex = self.s, self.lex
        if span.start >= span.end:
            return False
        last = span.end - 1
        low = lex.strip_possessive(s.lower[last])
        determined = any(
            s.lower[k] in lex.determiners or s.lower[k].isdigit() for k in range(span.start, last)
        )
        return (
            self.name_word(last)
            or low in lex.group_nouns
            or lex.is_party_noun(low, determined or last > span.start)
        )

    # ---- guards

    def negated(self, cue: int) -> bool:
        """Return True when a negation precedes the cue in its clause: "Police have not charged"."""
        s, lex = self.s, self.lex
        start = self.clause_start(cue)
        subordinate = start < len(s) and s.lower[start] in lex.subordinators
        for j in range(cue - 1, start - 1, -1):
            if s.lower[j] == "," and j + 1 < cue and s.lower[j + 1] in lex.coordinators:
                return False  # "has not conceded, and has claimed fraud": another conjunct
            if s.lower[j] == "," and j + 1 < cue and lex.is_gerund(s.lower[j + 1]):
                # "despite not showing symptoms, prompting allegations of discrimination": a
                # participle's clause of its own
                return False
            if subordinate and s.lower[j] == ",":
                # "Although the document does not indicate ..., some reports claim": the
                # negation is the subordinate clause's
                return False
            low = s.lower[j]
            relative = low in lex.relative_markers and low not in lex.complementizers
            if relative and j and s.lower[j - 1] == ",":
                return False  # "must not affect ... terrorists, who committed a crime"
            exempt = j + 1 < len(s) and s.lower[j + 1] in lex.negation_exempt_after
            if 0 < j < len(s) - 1 and all(capitalised(s.words[k]) for k in (j - 1, j, j + 1)):
                exempt = True  # "Reporters Without Borders said ...": a word of a name
            if lex.is_negative(s.lower[j]) and not exempt:  # "pleaded not guilty" still charges
                return True
        return False

    def hypothetical(self, cue: int, *, noun: bool = False) -> bool:
        """Return True when the cue is in a hypothesis: "If regulators were to allege fraud"."""
        s, lex = self.s, self.lex
        start = self.clause_start(cue)
        for j in range(cue - 1, start - 1, -1):
            if s.lower[j] == "," and j + 1 < cue and s.lower[j + 1] in lex.coordinators:
                break  # "X should be opened up, and his critics blame him": another conjunct
            low = s.lower[j]
            relative = low in lex.relative_markers and low not in lex.complementizers
            if relative and j and s.lower[j - 1] == ",":
                break  # "it would mean the Assembly, which was shut down amid ...": a fact
            if s.match(j, lex.hypothetical):
                return True
        # "plans to sue", "will charge", "will also be charged" (an adverb of ``passive_adverbs``
        # does not count): but "to the allegations" before a noun is no hypothesis
        before: list[int] = []
        j = cue - 1
        while j >= 0 and len(before) < 2:
            if s.lower[j] not in lex.passive_adverbs:
                before.append(j)
            j -= 1
        return not noun and any(
            s.lower[j] in lex.hypothetical_adjacent
            and not s.ends_with(j, lex.hypothesis_exempt_before)
            for j in before
        )  # "He went on to accuse ...": no hypothesis

    def hypothesis_in(self, span: Span) -> bool:
        """Return True when a hypothesis marker is inside the span: "if written by", "could"."""
        return self.s.contains(span, self.lex.hypothetical)

    def neutral(self, claim: Span) -> bool:
        """Return True when a claim's verb reports no wrongdoing: "authorities are investigating"."""
        s, lex = self.s, self.lex
        j = self.noun_phrase(claim.start, claim.end).end
        for _ in range(2):  # "officials in the Iraqi National Guard have been notified of"
            if j < claim.end and s.lower[j] in lex.place_prepositions:
                j = self.noun_phrase(j + 1, claim.end).end
        while j < claim.end and (s.lower[j] in lex.aux or lex.is_adverb(s.lower[j])):
            j += 1
        return j < claim.end and s.lower[j] in lex.neutral_predicates

    def passive_clause(self, claim: Span) -> bool:
        """Return True when a claim's opening noun phrase is followed by a passive auxiliary."""
        j = self.noun_phrase(claim.start, claim.end).end
        return j < claim.end and self.s.lower[j] in self.lex.passive_aux

    def indefinite(self, i: int) -> bool:
        """Return True when token i opens an indefinite party: "a man", "multiple assailants"."""
        low = self.s.lower[i] if i < len(self.s) else ""
        return low in self.lex.indefinite_articles or low in self.lex.indefinite_quantifiers

    def arrest_reason(self, claim: Span, gerund_ok: bool = True) -> bool:
        """Return True when what follows "arrested ... for" is an offence, not a time or purpose.

        "for urinating in public", "for 'spreading rumors'", "for possession of drugs" are
        reasons; "for questioning", "for 48 hours" are not.
        """
        s, lex = self.s, self.lex
        if claim.start >= claim.end or s.match(claim.start, lex.arrest_non_reasons):
            return False
        first = s.lower[claim.start]
        if gerund_ok and lex.is_gerund(first) and not capitalised(s.words[claim.start]):
            return True
        # each fragment opens a word: an opening quotation mark, never the apostrophe of a
        # possessive ("as part of 2008's Operation Centurion" is no offence)
        words = " " + " ".join(s.lower[claim.start : claim.end]) + " "
        return self.wrongdoing(claim) or any(" " + f in words for f in lex.arrest_reasons)

    def wrongdoing(self, span: Span) -> bool:
        """Return True when the span speaks of wrongdoing: "took bribes", "without consent".

        So does a violent event with its doer: "X was responsible for the bombing", "the
        strikes were carried out by X".
        """
        not_done = self._not_done(span)
        if self._names_wrong(self._wrong_text(span, not_done, fought=False)):
            return True
        return self._event_doer(span) or self._banned_use(span) or self._weapon_aimed(span)

    def _not_done(self, span: Span) -> set[int]:
        """Return the tokens from a word of ``not_done_before`` to the end of its clause.

        "the UK accounts for 15.3 per cent of online crime", "he will protect it, even if
        tortured", "focused on those who killed us": a wrong counted, posed or done by others,
        not one the clause's subject did.
        """
        s, lex = self.s, self.lex
        left: set[int] = set()
        for k in range(span.start, span.end):
            if k not in left and (found := s.match(k, lex.not_done_before)):
                end = k + len(found)
                while end < span.end and s.lower[end] not in _CLAUSE_STOPS:
                    end += 1
                left.update(range(k, end))
        return left

    def _names_wrong(self, text: str) -> bool:
        """Return True when a wrong of ``wrongdoing`` is in the text, not right after "not".

        "careless, not corrupt" names no wrong; "not only corrupt but cruel" does.
        """
        for fragment in self.lex.wrongdoing:
            at = text.find(fragment)
            while at >= 0:
                before = text[:at].split()
                if not (before and before[-1] in self.lex.negators) and not (
                    # "without causing undue casualties": a wrong denied by its gerund
                    len(before) > 1
                    and before[-2] in self.lex.negators
                    and self.lex.is_gerund(before[-1])
                ):
                    return True
                at = text.find(fragment, at + 1)
        return False

    def _banned_use(self, span: Span) -> bool:
        """Return True when the span uses a banned weapon: "used cluster munitions", "the use
        of white phosphorus"; not "destroyed its stock of cluster munitions"."""
        s, lex = self.s, self.lex
        for k in range(span.start, span.end):
            if s.match(k, lex.banned_weapons) is not None:
                before = range(max(span.start, k - USE_WORDS), k)
                if any(s.lower[j] in lex.weapon_use_verbs for j in before):
                    return True
        return False

    def _weapon_aimed(self, span: Span) -> bool:
        """Return True when the span turns a weapon on someone: "pointed the gun at the victim",
        "began firing a gun", "pulled a knife", "dropped bombs on a camp".

        A verb of ``weapon_aim_verbs`` stands at most ``USE_WORDS`` words before a weapon of
        ``aimed_weapons``, not right after a negator ("never pulled a gun"); carrying, owning or
        finding one ("a man carrying a firearm", "a gun was recovered") is no wrong, nor is
        a weapon one's own after a pronoun ("the officer fired his gun", "drew their weapons"):
        that is how the police's use of their arms is told.
        """
        s, lex = self.s, self.lex
        for k in range(span.start, span.end):
            if s.match(k, lex.aimed_weapons) is None:
                continue
            for j in range(max(span.start, k - USE_WORDS), k):
                if s.lower[j] not in lex.weapon_aim_verbs:
                    continue
                negated = j > 0 and s.lower[j - 1] in lex.negators
                own = any(s.lower[m] in lex.pronouns for m in range(j + 1, k))
                if not negated and not own:
                    return True
        return False

    def _wrong_text(
        self, span: Span, left_out: set[int] | None = None, *, fought: bool = True
    ) -> str:
        """Return the span's text as ``_text`` does, without the wrongs it names as fought.

        "a step forward in the war against terrorism", "an anti-corruption drive": the noun
        phrase after a word of ``fought_before`` and a word opening with ``fought_prefixes``
        name a wrong someone fights, not one anyone did. Tokens in ``left_out`` go too.
        """
        s, lex = self.s, self.lex
        out = set(left_out or ()) | self._not_done(span)
        for k in range(span.start, span.end) if fought else ():
            if s.lower[k].startswith(lex.fought_prefixes):
                out.add(k)
            elif found := s.match(k, lex.fought_before):
                start = k + len(found)
                out.update(range(start, self.noun_phrase(start, span.end).end))
        kept = (s.lower[k] for k in range(span.start, span.end) if k not in out)
        return " " + " ".join(kept).replace(" '", "'") + " "

    def reported_wrongdoing(self, claim: Span) -> bool:
        """Return True when a source's claim speaks of wrongdoing in its main clause.

        Two readings are no wrongdoing here: a casualty count whose subject is an event or a
        thing ("officials said it killed nine people", "the typhoon made landfall, killing at
        least 20, according to officials"), and a wrong named only after the main clause ends
        ("X has a short runway, so when the aircraft failed to stop, ...", "the badge was used by
        the assailant, reported by Y as convicted of assault"). A wrong named as fought ("a step
        forward in the war against terrorism") is none either.
        """
        main = Span(claim.start, self.main_clause_end(claim))
        counts = self._casualty_counts(main)
        if not counts or not self._event_subject(main):
            counts = set()
        doers = {k for k in range(main.start, main.end) if self._wrongdoer(k)}
        text = self._wrong_text(main, counts | doers)
        wrong = self._names_wrong(text)
        return wrong or self._event_doer(main) or self._banned_use(main) or self._weapon_aimed(main)

    def _wrongdoer(self, k: int) -> bool:
        """Return True when token k names the doers of a wrong: "kidnappers", "the hijacker".

        Its stem without "-er"/"-ers" still names a wrong; "murders" ("murd") does not.
        """
        low = self.s.lower[k]
        for suffix in self.lex.doer_suffixes:
            if low.endswith(suffix) and len(low) > len(suffix) + 2:
                return self._names_wrong(f" {low[: -len(suffix)]}")
        return False

    def main_clause_end(self, claim: Span) -> int:
        """Return where a claim's main clause ends: at a comma after its predicate that opens a
        subordinate clause ("so", "when") or a past participle's phrase ("reported by").

        A gerund's phrase stays in the clause: "X struck the riders, killing seven" is X's act.
        """
        s, lex = self.s, self.lex
        opening = self.noun_phrase(claim.start, claim.end)
        aside = -1  # a comma right after an auxiliary opens an aside: "had, in the past, used"
        for j in range(self.skip_subject_aside(opening.end) + 1, claim.end - 1):
            if s.lower[j] != ",":
                continue
            if aside >= 0 and j - aside <= ASIDE_WORDS + 1:
                aside = -1
                continue  # the aside's closing comma: the predicate goes on after it
            if s.lower[j - 1] in lex.aux:
                aside = j
                continue
            after = s.lower[j + 1]
            if after in lex.main_clause_breaks or (
                lex.is_past(after) and not capitalised(s.words[j + 1])
            ):
                return j
        return claim.end

    def attacker(self, claim: Span) -> Span | None:
        """Return the party of an attack that killed protected victims: "U.S." in "the U.S.
        airstrike on a house ... killed 8 civilians". None for any other claim.
        """
        s, lex = self.s, self.lex
        main = Span(claim.start, self.main_clause_end(claim))
        counts = self._casualty_counts(main)
        victims = (  # "killed 8 civilians", "killed 12 Afghan civilians"
            k
            for k in range(main.start, main.end)
            if k not in counts and ({k - 1, k - 2} & counts) and s.lower[k] in lex.protected_victims
        )
        if next(victims, None) is None:
            return None
        opening = self.noun_phrase(main.start, main.end)
        event = next(
            (k for k in range(main.start, opening.end) if s.lower[k] in lex.violent_events), -1
        )
        party = [k for k in range(main.start, max(event, main.start)) if self.name_word(k)]
        if event < 0 or not party:
            return None
        return Span(party[0], party[-1] + 1)

    def _casualty_counts(self, span: Span) -> set[int]:
        """Return the tokens of casualty counts in the span: "killed nine", "killing at least 20"."""
        s, lex = self.s, self.lex
        found: set[int] = set()
        for k in range(span.start, span.end):
            if s.lower[k] not in lex.casualty_verbs:
                continue
            j = k + 1
            if quantifier := s.match(j, lex.count_quantifiers):
                j += len(quantifier)
            if j < span.end and (s.lower[j] in lex.count_words or s.lower[j][:1].isdigit()):
                found.update(range(k, j + 1))
        return found

    def _event_subject(self, span: Span) -> bool:
        """Return True when a clause's subject is a thing or an event: "it", "the blaze"."""
        s, lex = self.s, self.lex
        opening = self.noun_phrase(span.start, span.end)
        words = s.lower[span.start : max(opening.end, span.start + 1)]
        return any(
            lex.pronouns.get(w) == kinds.THING or w in lex.disaster_nouns or w in lex.violent_events
            for w in words
        )

    def _event_doer(self, span: Span) -> bool:
        """Return True for "X was behind the attack" or "the attack was carried out by X"."""
        s, lex = self.s, self.lex
        for k in range(span.start, span.end):
            if (found := s.match(k, lex.responsibility_phrases)) is not None:
                if k > span.start and lex.is_negative(s.lower[k - 1]):
                    continue  # "she had not planned to attack the record"
                if k > span.start and s.match(k - 1, lex.fought_before) is not None:
                    continue  # "will find those responsible for the attack": to be found
                after = range(k + len(found), min(k + len(found) + 4, span.end))
                if any(s.lower[j] in lex.violent_events for j in after):
                    return True
        opening = self.noun_phrase(span.start, span.end)
        event = any(s.lower[j] in lex.violent_events for j in range(span.start, opening.end))
        if not event or opening.end >= span.end or s.lower[opening.end] not in lex.passive_aux:
            return False
        for k in range(opening.end + 1, min(opening.end + 6, span.end)):
            if s.match(k, lex.agent_prepositions):
                return True
        return False

    def exculpatory(self, span: Span) -> bool:
        """Return True when the span clears its subject: "acted in self defense"."""
        return any(fragment in self._text(span) for fragment in self.lex.exculpatory)

    def held_lawfully(self, span: Span) -> bool:
        """Return True when the span holds a thing and names neither a wrong nor contraband.

        "possession of nuclear weapons" is; "possession of cocaine", "of stolen cars" are not.
        """
        if span.start >= span.end or self.s.lower[span.start] not in self.lex.held_nouns:
            return False
        text = self._text(span)
        return not (self.wrongdoing(span) or any(c in text for c in self.lex.contraband))

    def ailment(self, span: Span) -> bool:
        """Return True when the span opens with an illness and names no wrong: "malnutrition",
        "having cholera" (after "suspected of"); "poisoning" is no illness but a wrong."""
        s, lex = self.s, self.lex
        k = span.start
        if k < span.end and lex.is_gerund(s.lower[k]):
            k += 1  # "suspected of having cholera"
        end = self.noun_phrase(k, span.end).end
        words = s.lower[k:end]
        return bool(words) and words[-1] in lex.ailment_nouns and not self.wrongdoing(span)

    def _text(self, span: Span) -> str:
        """Return the span's lower-case words, one space apart and at each end."""
        return " " + " ".join(self.s.lower[span.start : span.end]).replace(" '", "'") + " "
