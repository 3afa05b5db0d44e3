"""Synthetic PII corpus: genre templates filled with names, organisations and places from many locales.

Each template is plain text with {SLOT} markers. Entity slots produce labelled spans; filler slots (dates, SKUs,
hashes, products...) produce unlabelled hard negatives. Output rows follow the dataset format in DESIGN.md.
"""
from __future__ import annotations

import random
import re
import string
from collections.abc import Callable, Iterator
from datetime import date, datetime, time as midnight_of

from faker import Faker

from . import lexicon as lx
from .templates import NEW_GENRES, NEW_GENRE_SHARE, TEMPLATES

# Absolute bounds: Faker's relative ranges ('-2y', 'now') depend on the day of the run and break reproducibility.
FIRST_DAY, LAST_DAY = date(2019, 1, 1), date(2027, 12, 31)
SLOT = re.compile(r"\{([A-Z_]+)(?::([UL]))?\}")  # {PERSON:U} = upper-cased, {FIRST:L} = lower-cased
Piece = tuple[str, list[tuple[int, int, str]]]  # text and spans relative to it


class NamePools:
    """Given and family names per culture, drawn once from Faker so generation is fast and seeded."""

    def __init__(self, rng: random.Random, per_locale: int):
        self.given: list[list[str]] = []
        self.family: list[list[str]] = []
        self.script_given: list[list[str]] = []
        self.script_family: list[list[str]] = []
        for i, locale in enumerate(lx.NAME_LOCALES + lx.SCRIPT_LOCALES + lx.ROMANIZED_LOCALES):
            fake = Faker(locale)
            fake.seed_instance(rng.randrange(1 << 30) + i)
            romanized = locale in lx.ROMANIZED_LOCALES and i >= len(lx.NAME_LOCALES) + len(lx.SCRIPT_LOCALES)
            given_fn = fake.first_romanized_name if romanized else fake.first_name
            family_fn = fake.last_romanized_name if romanized else fake.last_name
            given = sorted({given_fn() for _ in range(per_locale)})
            family = sorted({family_fn() for _ in range(per_locale)})
            if locale in lx.SCRIPT_LOCALES and not romanized:
                self.script_given.append(given)
                self.script_family.append(family)
            else:
                self.given.append(given)
                self.family.append(family)
        for given, family in [(lx.ARABIC_GIVEN, lx.ARABIC_FAMILY + lx.ARABIC_PARTICLED),
                              (lx.SOUTH_ASIAN_GIVEN, lx.SOUTH_ASIAN_FAMILY), (lx.EAST_ASIAN_GIVEN, lx.EAST_ASIAN_FAMILY),
                              (lx.AFRICAN_GIVEN, lx.AFRICAN_FAMILY)]:
            # Hand lists are weighted up: they cover cultures that Faker's Latin-script locales miss.
            for _ in range(3):
                self.given.append(given)
                self.family.append(family)

    def culture(self, rng: random.Random) -> tuple[list[str], list[str]]:
        if self.script_given and rng.random() < 0.06:
            k = rng.randrange(len(self.script_given))
            return self.script_given[k], self.script_family[k]
        k = rng.randrange(len(self.given))
        return self.given[k], self.family[k]


class Generator:
    def __init__(self, seed: int, per_locale: int = 120):
        self.rng = random.Random(seed)
        self.names = NamePools(self.rng, per_locale)
        self.fakers = {}
        for i, locale in enumerate(['en_US', 'en_GB', 'de_DE', 'fr_FR', 'es_ES', 'it_IT', 'nl_NL', 'en_IN', 'pt_BR', 'en_AU']):
            fake = Faker(locale)
            fake.seed_instance(seed * 101 + i)
            self.fakers[locale] = fake
        self.filler_words = list(common_words())
        self.fillers: dict[str, Callable[[], Piece]] = {
            'PERSON': self.person, 'FIRST': self.first, 'LAST': self.last, 'TITLED': self.titled,
            'SPEAKER': self.speaker, 'ORG': self.org, 'CITY': self.city, 'COUNTRY': self.country,
            'PLACE': self.place, 'ADDRESS': self.address, 'REGION': self.region, 'FULL_ADDRESS': self.full_address,
            'COURT': self.court, 'FULL_PERSON': self.full_person, 'LAST_FIRST': self.last_first,
            'ROLE': lambda: self.plain(self.rng.choice(lx.ROLE_LABELS)), 'FIELD': lambda: self.plain(self.rng.choice(lx.FIELD_LABELS)),
            'LINE': lambda: self.plain(self.rng.choice(lx.GENERIC_LINES)),
            'DATE': self.date, 'WEEKDAY': lambda: self.plain(self.rng.choice(lx.WEEKDAYS)),
            'MONTH': lambda: self.plain(self.rng.choice(lx.MONTHS)), 'TIME': self.time, 'TS': self.timestamp,
            'SKU': self.sku, 'HASH': self.hash, 'VERSION': self.version, 'PRODUCT': self.product,
            'CODE': lambda: self.plain(self.rng.choice(lx.CODE_IDENTIFIERS)), 'EMAIL': self.email,
            'PHONE': self.phone, 'MONEY': self.money, 'NUM': lambda: self.plain(str(self.rng.randint(1, 500))),
            'TICKET': self.ticket, 'CAP': lambda: self.plain(self.rng.choice(lx.COMMON_CAPS)),
            'SAY': lambda: self.plain(self.rng.choice(lx.PRONOUN_LINES)), 'DID': self.did,
            'SIGNOFF': lambda: self.plain(self.rng.choice(lx.SIGNOFFS)), 'RE': lambda: self.plain(self.rng.choice(lx.REPLY_MARKS)),
            'KIN': lambda: self.plain(self.rng.choice(lx.KIN)), 'PATH': self.path,
            # records, RFC 822 mail, social text, lists, firms, clubs, postal, non-Western names
            'MED': lambda: self.plain(self.rng.choice(lx.MED_TERMS)), 'FIN': lambda: self.plain(self.rng.choice(lx.FIN_TERMS)),
            'TECH': lambda: self.plain(self.rng.choice(lx.TECH_TERMS)), 'STATUS': lambda: self.plain(self.rng.choice(lx.STATUS_VALUES)),
            'TERM': lambda: self.plain(self.rng.choice(lx.MED_TERMS + lx.FIN_TERMS + lx.TECH_TERMS)),
            'UA': lambda: self.plain(self.rng.choice(lx.USER_AGENTS)), 'CTYPE': lambda: self.plain(self.rng.choice(lx.CONTENT_TYPES)),
            'CHARSET': lambda: self.plain(self.rng.choice(lx.CHARSETS)), 'ENC': lambda: self.plain(self.rng.choice(lx.ENCODINGS)),
            'FOLDER': lambda: self.plain(self.rng.choice(lx.MAIL_FOLDERS)), 'ORIGIN': lambda: self.plain(self.rng.choice(lx.MAIL_ORIGINS)),
            'MAILFILE': lambda: self.plain(self.rng.choice(lx.MAIL_FILES)), 'SUBJECT': lambda: self.plain(self.rng.choice(lx.MAIL_SUBJECTS)),
            'MSGID': self.message_id, 'RFCDATE': self.rfc_date,
            'HASHTAG': lambda: self.plain(self.rng.choice(lx.HASHTAGS)), 'EMOJI': lambda: self.plain(self.rng.choice(lx.EMOJI)),
            'SLANG': lambda: self.plain(self.rng.choice(lx.SOCIAL_WORDS)), 'HANDLE': self.handle, 'ORG_HANDLE': self.org_handle,
            'NAME_LIST': self.name_list, 'CC_LIST': self.cc_list, 'FIRM': self.firm, 'CLUB': self.club,
            'PLACE_PERSON': self.place_person, 'PLACE_FIRST': lambda: self.entity(self.rng.choice(lx.PLACE_GIVEN), 'PERSON'),
            'POSTAL': self.postal, 'NW_FIRST': lambda: self.entity(self._nonwestern()[0], 'PERSON'),
            'NW_LAST': lambda: self.entity(self._nonwestern()[1], 'PERSON'),
            'NW_PERSON': lambda: self.entity(' '.join(self._nonwestern()), 'PERSON'),
            'SCORE': lambda: self.plain(f"{self.rng.randint(0, 5)}-{self.rng.randint(0, 4)}"),
        }

    # --- entity slots -------------------------------------------------------------------------------------
    @staticmethod
    def plain(text: str) -> Piece:
        return text, []

    @staticmethod
    def entity(text: str, label: str) -> Piece:
        text = ' '.join(text.split(' ')).strip()  # some Faker cities carry a trailing space
        return text, [(0, len(text), label)]

    def _given_family(self) -> tuple[str, str]:
        given, family = self.names.culture(self.rng)
        return self.rng.choice(given), self.rng.choice(family)

    def person_name(self) -> str:
        g, f = self._given_family()
        r = self.rng.random()
        if r < 0.50:
            name = f"{g} {f}"
        elif r < 0.60:
            name = f"{g} {self.rng.choice(string.ascii_uppercase)}. {f}"
        elif r < 0.67:
            name = f"{g[0]}. {f}"
        elif r < 0.75:
            name = f"{g} {self.rng.choice(lx.EUROPEAN_PARTICLED + lx.ARABIC_PARTICLED)}"
        elif r < 0.80:
            g2, _ = self._given_family()
            name = f"{g} {g2} {f}"
        elif r < 0.85:
            _, f2 = self._given_family()
            name = f"{g} {f}-{f2}"
        elif r < 0.90:
            name = f"{f}, {g}"
        else:
            name = f"{g} {f}"
        return name

    def person(self) -> Piece:
        return self.entity(self.person_name(), 'PERSON')

    def first(self) -> Piece:
        return self.entity(self._given_family()[0], 'PERSON')

    def last(self) -> Piece:
        return self.entity(self._given_family()[1], 'PERSON')

    def titled(self) -> Piece:
        # The title stays outside the span, matching how GMB PERSON spans are trimmed for training.
        title = self.rng.choice(lx.TITLES)
        name = self._given_family()[1] if self.rng.random() < 0.6 else self.person_name()
        return f"{title} {name}", [(len(title) + 1, len(title) + 1 + len(name), 'PERSON')]

    def speaker(self) -> Piece:
        """Transcript speaker labels such as 'MR. OKAFOR' or 'MS. DE VRIES'."""
        title = self.rng.choice(['MR.', 'MS.', 'MRS.', 'DR.', 'THE WITNESS', 'THE COURT', 'Q', 'A'])
        if title in ('THE WITNESS', 'THE COURT', 'Q', 'A'):
            return self.plain(title)
        name = self._given_family()[1].upper()
        return f"{title} {name}", [(len(title) + 1, len(title) + 1 + len(name), 'PERSON')]

    def org(self) -> Piece:
        r = self.rng.random()
        if r < 0.20:
            name = self.rng.choice(lx.REAL_ORGS)
        elif r < 0.26:
            name = self.coined_org()
        elif r < 0.45:
            name = self.rng.choice(list(self.fakers.values())).company()
        elif r < 0.60:
            name = f"{self.rng.choice(lx.ORG_WORDS)} {self.rng.choice(lx.ORG_KINDS)}"
            if self.rng.random() < 0.5:
                name += f" {self.rng.choice(lx.ORG_SUFFIXES)}"
        elif r < 0.70:
            name = f"{self._given_family()[1]} & {self._given_family()[1]} {self.rng.choice(['LLP', 'LLC', 'Partners', 'Associates'])}"
        elif r < 0.78:
            name = f"{self.rng.choice(lx.CITIES)} {self.rng.choice(['General Hospital', 'Medical Center', 'City Council', 'Community College', 'Police Department', 'Public Library', 'Credit Union'])}"
        elif r < 0.84:
            name = f"University of {self.rng.choice(lx.CITIES)}"
        elif r < 0.90:
            name = f"St. {self._given_family()[0]}'s {self.rng.choice(['Hospital', 'Clinic', 'School'])}"
        else:
            name = f"{self._given_family()[1]} {self.rng.choice(lx.ORG_KINDS)} {self.rng.choice(lx.ORG_SUFFIXES)}"
        return self.entity(name, 'ORGANIZATION')

    def city(self) -> Piece:
        if self.rng.random() < 0.8:
            return self.entity(self.rng.choice(lx.CITIES), 'LOCATION')
        return self.entity(self.fakers[self.rng.choice(['de_DE', 'en_GB', 'it_IT', 'es_ES', 'en_IN'])].city(), 'LOCATION')

    def country(self) -> Piece:
        return self.entity(self.fakers['en_US'].country(), 'LOCATION')

    def region(self) -> Piece:
        return self.entity(self.rng.choice(lx.REGIONS), 'LOCATION')

    def place(self) -> Piece:
        return self.rng.choice([self.city, self.city, self.country, self.region])()

    def address(self) -> Piece:
        fake = self.fakers[self.rng.choice(['en_US', 'en_US', 'en_GB', 'de_DE', 'fr_FR', 'en_AU', 'nl_NL'])]
        street = fake.street_address().replace('\n', ', ')  # en_GB puts flat and street on separate lines
        return self.entity(street, 'LOCATION')

    def full_address(self) -> Piece:
        """One LOCATION span for street, city, state and postcode, as benchmark transcripts label them."""
        fake = self.fakers[self.rng.choice(['en_US', 'en_US', 'en_US', 'en_GB', 'en_AU'])]
        text = fake.address().replace('\n', ', ')
        if self.rng.random() < 0.3:
            text = text.replace(', ', f", {self.rng.choice(['Suite', 'Apt.', 'Unit', 'Floor'])} {self.rng.randint(1, 2000)}, ", 1)
        return self.entity(text, 'LOCATION')

    def last_first(self) -> Piece:
        """Form style 'BOUDREAUX, ANTOINE J.' or 'Okafor, Ngozi'."""
        g, f = self._given_family()
        text = f"{f}, {g}" + (f" {self.rng.choice(string.ascii_uppercase)}." if self.rng.random() < 0.4 else '')
        return self.entity(text.upper() if self.rng.random() < 0.5 else text, 'PERSON')

    def coined_org(self) -> str:
        word = ''.join(self.rng.choice(lx.ORG_SYLLABLES) for _ in range(self.rng.randint(2, 3))).capitalize()
        r = self.rng.random()
        # Bare coined words are rare: as a bare word a made-up name reads like a person's name as often as a firm's.
        if r < 0.1:
            return word
        if r < 0.8:
            return f"{word} {self.rng.choice(lx.ORG_COINED_KINDS)}"
        return f"{word} {self.rng.choice(lx.ORG_COINED_KINDS)}, {self.rng.choice(['Inc.', 'LLC', 'Ltd', 'GmbH'])}"

    def court(self) -> Piece:
        place = self.rng.choice(lx.CITIES + lx.REGIONS)
        name = self.rng.choice([f"Superior Court of {place}", f"{place} County District Court", 'United States District Court',
                                f"Circuit Court of {place} County", f"{place} Family Court", 'United States Bankruptcy Court',
                                f"Court of Appeal of {place}", f"{place} County Court", f"Supreme Court of {place}"])
        return self.entity(name, 'ORGANIZATION')

    def full_person(self) -> Piece:
        """Given, middle and family name in the forms captions use: 'Margaret T. Okafor', 'Travis Dale Holloway'."""
        g, f = self._given_family()
        g2, _ = self._given_family()
        middle = self.rng.choice([f"{self.rng.choice(string.ascii_uppercase)}.", g2])
        return self.entity(f"{g} {middle} {f}", 'PERSON')

    # --- slots for records, mail headers, social text, lists, firms, clubs and addresses --------------------------
    def _nonwestern(self) -> tuple[str, str]:
        given, family = self.rng.choice([(lx.ARABIC_GIVEN, lx.ARABIC_FAMILY), (lx.SOUTH_ASIAN_GIVEN, lx.SOUTH_ASIAN_FAMILY),
                                         (lx.EAST_ASIAN_GIVEN, lx.EAST_ASIAN_FAMILY), (lx.AFRICAN_GIVEN, lx.AFRICAN_FAMILY)])
        return self.rng.choice(given), self.rng.choice(family)

    def handle(self) -> Piece:
        """A person's @handle. The span INCLUDES the '@', as in the Broad Twitter Corpus, where '@' is tagged with the name."""
        g, f = self._given_family() if self.rng.random() < 0.6 else self._nonwestern()
        g, f = re.sub(r"[^A-Za-z]", '', g) or 'sam', re.sub(r"[^A-Za-z]", '', f) or 'lee'
        r = self.rng.random()
        if r < 0.3:
            h = f"{g.lower()}_{f[0].lower()}"
        elif r < 0.55:
            h = f"{g[0].lower()}{f.lower()}{self.rng.randint(1, 99)}"
        elif r < 0.75:
            h = f"{g}{f}"
        elif r < 0.9:
            h = f"{g.lower()}.{f.lower()}"
        else:
            h = f"{f.lower()}_{self.rng.randint(1970, 2009)}"
        return self.entity('@' + h, 'PERSON')

    def org_handle(self) -> Piece:
        return self.entity('@' + self.rng.choice(lx.ORG_HANDLES), 'ORGANIZATION')

    def _names(self, n: int, sep: str, last_sep: str) -> Piece:
        text, spans = '', []
        for i in range(n):
            if i:
                text += last_sep if i == n - 1 else sep
            name = self.rng.choice([self.person_name, self.person_name, lambda: self._given_family()[0],
                                    lambda: ' '.join(self._nonwestern())])()
            spans.append((len(text), len(text) + len(name), 'PERSON'))
            text += name
        return text, spans

    def name_list(self) -> Piece:
        """'A, B and C': every person is a PERSON span of its own, never one ORGANIZATION."""
        n = self.rng.randint(2, 4)
        return self._names(n, ', ', self.rng.choice([' and ', ', and ', ' & ', ', ']))

    def cc_list(self) -> Piece:
        return self._names(self.rng.randint(2, 4), '; ', '; ')

    def firm(self) -> Piece:
        """Firms named after partners: 'Monjeau, Graves and Reed', 'Baker & McKenzie LLP' are one ORGANIZATION."""
        names = []
        while len(names) < 2 or (len(names) < 3 and self.rng.random() < 0.4):
            f = self._given_family()[1]
            if len(f) > 2 and f[0].isupper():
                names.append(f)
        r = self.rng.random()
        if len(names) == 3:
            text = f"{names[0]}, {names[1]} {self.rng.choice(['and', '&'])} {names[2]}"
        else:
            text = f"{names[0]} {self.rng.choice(['&', 'and'])} {names[1]}"
        if r < 0.6:
            text += ' ' + self.rng.choice(lx.FIRM_TAILS)
        return self.entity(text, 'ORGANIZATION')

    def club(self) -> Piece:
        return self.entity(self.rng.choice(lx.PLACE_CLUBS), 'ORGANIZATION')

    def place_person(self) -> Piece:
        """'Houston Wright', 'Paris Hilton': a given name that is also a place, in a person context."""
        return self.entity(f"{self.rng.choice(lx.PLACE_GIVEN)} {self._given_family()[1]}", 'PERSON')

    def postal(self) -> Piece:
        """A multi-line postal address: street line, town + postcode line and country, each its own LOCATION span."""
        locale = self.rng.choice(['en_US', 'en_GB', 'de_DE', 'fr_FR', 'nl_NL', 'en_AU', 'en_IN'])
        fake = self.fakers[locale]
        street = fake.street_address().replace('\n', ', ')
        if locale in ('de_DE', 'fr_FR', 'nl_NL'):
            town = f"{fake.postcode()} {fake.city()}"
        elif locale == 'en_GB':
            town = f"{fake.city()}\n{fake.postcode()}" if self.rng.random() < 0.3 else f"{fake.city()} {fake.postcode()}"
        elif locale == 'en_US':
            town = f"{fake.city()}, {fake.state_abbr()} {fake.postcode()}"
        else:
            town = f"{fake.city()} {fake.postcode()}"
        lines = [street] + town.split('\n')
        if self.rng.random() < 0.6:
            lines.append(self.rng.choice(lx.COUNTRY_LINES))
        if self.rng.random() < 0.25:
            lines = [ln.upper() for ln in lines]
        text, spans = '', []
        for ln in lines:
            if text:
                text += '\n'
            spans.append((len(text), len(text) + len(ln), 'LOCATION'))
            text += ln
        return text, spans

    def message_id(self) -> Piece:
        return self.plain(f"<{self.rng.randint(10 ** 6, 10 ** 8)}.{self.rng.randint(10 ** 12, 10 ** 13)}.JavaMail."
                          f"{self.rng.choice(['evans', 'root', 'app', 'mail'])}@{self.rng.choice(['thyme', 'mx1.example.com', 'localhost'])}>")

    def rfc_date(self) -> Piece:
        d = self.fakers['en_US'].date_time_between(datetime.combine(FIRST_DAY, midnight_of()), datetime.combine(LAST_DAY, midnight_of()))
        return self.plain(d.strftime('%a, %d %b %Y %H:%M:%S ') + self.rng.choice(['-0700 (PDT)', '-0800 (PST)', '+0000', '+0100 (BST)', '-0500']))

    # --- hard-negative filler slots ---------------------------------------------------------------------------
    def date(self) -> Piece:
        d = self.fakers['en_US'].date_between(FIRST_DAY, LAST_DAY)
        fmt = self.rng.choice(['%B %d, %Y', '%d %B %Y', '%Y-%m-%d', '%m/%d/%Y', '%d.%m.%Y', '%b %d', '%A, %B %d'])
        return self.plain(d.strftime(fmt))

    def time(self) -> Piece:
        h, m = self.rng.randint(0, 23), self.rng.randint(0, 59)
        return self.plain(self.rng.choice([f"{h:02d}:{m:02d}", f"{(h % 12) or 12}:{m:02d} {'AM' if h < 12 else 'PM'}", f"{h:02d}:{m:02d}:{self.rng.randint(0, 59):02d}"]))

    def timestamp(self) -> Piece:
        d = self.fakers['en_US'].date_time_between(datetime.combine(FIRST_DAY, midnight_of()), datetime.combine(LAST_DAY, midnight_of()))
        return self.plain(self.rng.choice([d.strftime('%Y-%m-%dT%H:%M:%SZ'), d.strftime('[%H:%M:%S]'), d.strftime('%Y-%m-%d %H:%M'), d.strftime('(%H:%M)')]))

    def sku(self) -> Piece:
        letters = ''.join(self.rng.choices(string.ascii_uppercase, k=self.rng.randint(2, 4)))
        return self.plain(self.rng.choice([f"SKU-{self.rng.randint(1000, 99999)}-{self.rng.choice(string.ascii_uppercase)}", f"{letters}-{self.rng.randint(100, 9999)}", f"{letters}{self.rng.randint(10, 999)}X"]))

    def hash(self) -> Piece:
        return self.plain(''.join(self.rng.choices('0123456789abcdef', k=self.rng.choice([7, 12, 40, 64]))))

    def version(self) -> Piece:
        return self.plain(self.rng.choice(['v', '', 'version ']) + '.'.join(str(self.rng.randint(0, 20)) for _ in range(self.rng.randint(2, 3))))

    def product(self) -> Piece:
        return self.plain(self.rng.choice(lx.PRODUCTS))

    def email(self) -> Piece:
        g, f = self._given_family()
        user = re.sub(r"[^a-z]", '', f"{g}.{f}".lower()) or 'user'
        return self.plain(f"{user}@{self.rng.choice(['example.com', 'mail.com', 'corp.example.org', 'gmail.com'])}")

    def phone(self) -> Piece:
        return self.plain(self.rng.choice([f"+1 {self.rng.randint(200, 999)}-{self.rng.randint(200, 999)}-{self.rng.randint(1000, 9999)}", f"({self.rng.randint(200, 999)}) {self.rng.randint(200, 999)}-{self.rng.randint(1000, 9999)}", f"+44 20 {self.rng.randint(1000, 9999)} {self.rng.randint(1000, 9999)}"]))

    def money(self) -> Piece:
        return self.plain(self.rng.choice(['$', '€', '£', 'USD ']) + f"{self.rng.randint(5, 99999):,}")

    def ticket(self) -> Piece:
        return self.plain(f"{self.rng.choice(['INC', 'TKT', 'CASE', 'PO', 'ORD', 'JIRA'])}-{self.rng.randint(1000, 999999)}")

    def did(self) -> Piece:
        """A subjectless note such as 'Rebooked as a new transfer.'"""
        return self.plain(f"{self.rng.choice(lx.VERB_STARTS)} {self.rng.choice(lx.VERB_OBJECTS)}.")

    def path(self) -> Piece:
        words = [self.rng.choice(lx.PATH_WORDS) for _ in range(self.rng.randint(1, 3))]
        name = f"{self.rng.choice(lx.PATH_WORDS)}.{self.hash()[0][:8]}.{self.rng.choice(lx.PATH_EXTS)}"
        path = '/' + '/'.join(words + [name])
        return self.plain(path if self.rng.random() < 0.6 else f"https://{self.rng.choice(lx.PATH_WORDS)}.example.net{path}")

    # --- documents ----------------------------------------------------------------------------------------
    def fill(self, template: str) -> tuple[str, list[tuple[int, int, str]]]:
        out: list[str] = []
        spans: list[tuple[int, int, str]] = []
        pos = 0
        cursor = 0
        atomic: set[int] = set()
        for m in SLOT.finditer(template):
            literal = template[cursor:m.start()]
            out.append(literal)
            pos += len(literal)
            text, rel = self.fillers[m.group(1)]()
            if m.group(2):
                cased = text.upper() if m.group(2) == 'U' else text.lower()
                text = cased if len(cased) == len(text) else text
            spans.extend((pos + s, pos + e, lab) for s, e, lab in rel)
            if m.group(1) in ATOMIC_SLOTS:
                atomic.update(pos + s for s, _, _ in rel)
            out.append(text)
            pos += len(text)
            cursor = m.end()
        out.append(template[cursor:])
        text = ''.join(out)
        return text, merge_adjacent(spans, text, atomic)

    def document(self) -> tuple[str, list[tuple[int, int, str]]]:
        old = [g for g in TEMPLATES if g not in NEW_GENRES]
        genre = self.rng.choice(NEW_GENRES if self.rng.random() < NEW_GENRE_SHARE else old)
        count = self.rng.choice([1, 1, 1, 2, 2, 3])
        if genre in NEW_GENRES:
            count = self.rng.choice([1, 1, 2])
        sep = '\n' if genre in ('court', 'deposition', 'chat') or genre in NEW_GENRES else ' '
        text, spans = '', []
        for _ in range(count):
            if genre not in NEW_GENRES and self.rng.random() < 0.3:
                # Word-salad sentences: capitalised first words and common vocabulary that are never entities.
                text += (sep if text else '') + self.fakers['en_US'].sentence(nb_words=self.rng.randint(4, 12), ext_word_list=self.filler_words)
            part, rel = self.fill(self.rng.choice(TEMPLATES[genre]))
            if text:
                text += sep
            spans.extend((len(text) + s, len(text) + e, lab) for s, e, lab in rel)
            text += part
        return text, spans


# Slots whose spans are whole entities on their own: '@ann @bob' or two address lines are never joined into one.
ATOMIC_SLOTS = frozenset({'HANDLE', 'ORG_HANDLE', 'NAME_LIST', 'CC_LIST', 'FIRM', 'CLUB', 'POSTAL'})


def merge_adjacent(spans: list[tuple[int, int, str]], text: str | None = None,
                   atomic: set[int] | frozenset[int] = frozenset()) -> list[tuple[int, int, str]]:
    """'{FIRST} {LAST}' fills two slots but is one name: two B- tags in a row would teach the model to split names.

    With the text given, only spans one space apart are joined (never across a line break); spans starting at an
    offset in `atomic`, or followed by one, stay separate."""
    merged: list[tuple[int, int, str]] = []
    atomic_ends: set[int] = set()
    for start, end, label in sorted(spans):
        if start in atomic:
            atomic_ends.add(end)
        joinable = text is None or text[start - 1:start] == ' '
        if (merged and merged[-1][2] == label and merged[-1][1] + 1 == start and joinable
                and start not in atomic and merged[-1][1] not in atomic_ends):
            merged[-1] = (merged[-1][0], end, label)
        else:
            merged.append((start, end, label))
    return merged


def common_words() -> list[str]:
    """Faker's English lorem list (about 1,000 common words) plus our domain words."""
    from faker.providers.lorem.en_US import Provider as Lorem
    return sorted(set(Lorem.word_list) | set(lx.DOMAIN_WORDS))


def generate(count: int, seed: int, per_locale: int = 120) -> Iterator[dict]:
    gen = Generator(seed, per_locale)
    for i in range(count):
        text, spans = gen.document()
        yield {'id': f"synth-{i}", 'text': text,
               'spans': [{'start': s, 'end': e, 'label': lab} for s, e, lab in spans]}
