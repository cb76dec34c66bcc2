"""Synthetic Danish committee minutes for the benchmarks, built from the sentences of corpus/.

A Meeting is plain data (front page, agenda items with Resume, Indstilling, Beslutning and
Sagsfremstilling); render_text() writes it the way the Stevns web exports look, and gen_pdf.py
lays the same data out as PDF pages. Names, dates, numbers and case numbers vary with the random
generator, so every file has its own content and hash.
"""

import datetime
import re
from dataclasses import dataclass, field
from pathlib import Path

MONTHS = ["januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september",
          "oktober", "november", "december"]
WEEKDAYS = ["mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag"]

# The 98 municipalities of Denmark (since 2007).
MUNICIPALITIES = [
    # Hovedstaden
    "København", "Frederiksberg", "Albertslund", "Ballerup", "Brøndby", "Dragør", "Gentofte",
    "Gladsaxe", "Glostrup", "Herlev", "Hvidovre", "Høje-Taastrup", "Ishøj", "Lyngby-Taarbæk",
    "Rødovre", "Tårnby", "Vallensbæk", "Allerød", "Egedal", "Fredensborg", "Frederikssund",
    "Furesø", "Gribskov", "Halsnæs", "Helsingør", "Hillerød", "Hørsholm", "Rudersdal", "Bornholm",
    # Sjælland
    "Faxe", "Greve", "Guldborgsund", "Holbæk", "Kalundborg", "Køge", "Lejre", "Lolland", "Næstved",
    "Odsherred", "Ringsted", "Roskilde", "Slagelse", "Solrød", "Sorø", "Stevns", "Vordingborg",
    # Syddanmark
    "Assens", "Billund", "Esbjerg", "Fanø", "Fredericia", "Faaborg-Midtfyn", "Haderslev",
    "Kerteminde", "Kolding", "Langeland", "Middelfart", "Nordfyns", "Nyborg", "Odense",
    "Svendborg", "Sønderborg", "Tønder", "Varde", "Vejen", "Vejle", "Ærø", "Aabenraa",
    # Midtjylland
    "Favrskov", "Hedensted", "Herning", "Holstebro", "Horsens", "Ikast-Brande", "Lemvig",
    "Norddjurs", "Odder", "Randers", "Ringkøbing-Skjern", "Samsø", "Silkeborg", "Skanderborg",
    "Skive", "Struer", "Syddjurs", "Viborg", "Aarhus",
    # Nordjylland
    "Brønderslev", "Frederikshavn", "Hjørring", "Jammerbugt", "Læsø", "Mariagerfjord", "Morsø",
    "Rebild", "Thisted", "Vesthimmerland", "Aalborg",
]
assert len(MUNICIPALITIES) == 98

# Stevns and Lejre use the names of patterns/committees.txt. The others get committee names
# that committees.txt does not list: referat resolves a listed name (Økonomiudvalget) to the
# municipality it is listed under, so a shared name would file Aarhus minutes under Stevns.
STEVNS_COMMITTEES = ["Børn, Unge og Læring", "Direktionen", "Økonomiudvalget",
                     "Kommunalbestyrelsen", "Plan, Miljø og Teknik",
                     "Arbejdsmarked, Erhverv og Turisme", "Social og Sundhed", "Kultur og Fritid"]
LEJRE_COMMITTEES = ["Udvalget for Børn & Ungdom", "Udvalget for Social, Sundhed & Ældre",
                    "Udvalget for Kultur & Fritid", "Udvalget for Job & Social",
                    "Koncerndirektionen"]
COMMITTEES = [
    "Byrådet", "Økonomi- og Erhvervsudvalget", "Børne- og Ungeudvalget", "Skoleudvalget",
    "Dagtilbudsudvalget", "Socialudvalget", "Sundhedsudvalget", "Ældreudvalget",
    "Teknik- og Miljøudvalget", "Plan- og Boligudvalget", "Kultur- og Fritidsudvalget",
    "Beskæftigelsesudvalget", "Klima- og Naturudvalget", "Handicaprådet", "Ældrerådet",
    "Folkeoplysningsudvalget", "Integrationsrådet", "Udsatterådet", "Landdistriktsudvalget",
    "Trafik- og Vejudvalget", "Uddannelsesudvalget", "Beredskabskommissionen",
    "Det Lokale Beskæftigelsesråd", "Erhvervs- og Turismeudvalget", "Direktørgruppen",
]

FIRST_NAMES = ["Anne", "Bente", "Birgit", "Camilla", "Charlotte", "Dorthe", "Eva", "Hanne",
               "Helle", "Inge", "Jette", "Karen", "Kirsten", "Lene", "Lise", "Mette", "Pia",
               "Rikke", "Susanne", "Trine", "Anders", "Bjarne", "Christian", "Erik", "Finn",
               "Frederik", "Hans", "Henrik", "Jacob", "Jens", "Jørgen", "Kasper", "Lars",
               "Mads", "Martin", "Mikkel", "Niels", "Ole", "Peter", "Poul", "Rasmus", "Søren",
               "Steen", "Thomas", "Torben", "Ulrik", "Åse", "Øjvind", "Ærenpris"]
LAST_NAMES = ["Andersen", "Christensen", "Hansen", "Jensen", "Johansen", "Jørgensen",
              "Kristensen", "Larsen", "Madsen", "Mortensen", "Møller", "Nielsen", "Olsen",
              "Pedersen", "Petersen", "Rasmussen", "Sørensen", "Thomsen", "Østergaard",
              "Bækgaard", "Frandsen", "Holm", "Lund", "Panton-Kristiansen", "Skovgaard",
              "Aagaard", "Dahl", "Kjær", "Bruun", "Holst"]
PARTIES = ["A", "B", "C", "F", "I", "O", "V", "Ø", "Å", "D", "K"]

RECOMMENDERS = ["Forvaltningen", "Administrationen", "Direktionen", "Børn & Læring",
                "Center for Teknik og Miljø", "Økonomi", "Borgmesteren", "Koncerndirektionen"]

TITLE_TOPICS = ["dagtilbudsområdet", "skoleområdet", "det specialiserede børneområde",
                "ældreplejen", "hjemmeplejen", "vejvedligeholdelse", "kollektiv trafik",
                "klimatilpasning", "idrætsfaciliteter", "biblioteksbetjening", "beskæftigelsesindsatsen",
                "integrationsindsatsen", "sundhedsfremme", "botilbud", "PPR", "ungdomsuddannelse",
                "affaldsplan", "spildevandsplan", "lokalplan {n}", "kommuneplantillæg nr. {n}",
                "børne- og ungepolitikken", "handicappolitikken", "frivillighedspolitikken",
                "budgetopfølgning pr. {d}. {month}", "anlægsregnskab for {place}skolen",
                "renovering af {place}hallen", "udbud af rengøring", "digitaliseringsstrategi"]
TITLE_KINDS = ["Orientering om {t}", "Status på {t}", "Godkendelse af {t}", "Høring om {t}",
               "Budget {y} - {t}", "Kvalitetsrapport {y} for {t}", "Evaluering af {t}",
               "Temadrøftelse: {t}", "Ansøgning om tillægsbevilling til {t}",
               "Principbeslutning om {t}", "Takster {y} for {t}", "Ledelsesinformation om {t}"]
PLACES = ["Nord", "Syd", "Øster", "Vester", "Strand", "Skov", "Bakke", "Engs", "Møllebjerg",
          "Bøgeskov", "Kildebjerg", "Åbyhøj", "Havdrup", "Hårlev", "Store Heddinge"]

POINTS = ["orienteringen tages til efterretning", "forslaget godkendes",
          "sagen oversendes til Økonomiudvalget", "der gives en tillægsbevilling på {amt} kr.",
          "budgetopfølgningen pr. {d}. {month} {y} tages til efterretning",
          "taksterne for {y} godkendes", "udvalget drøfter de foreslåede tiltag",
          "forslaget sendes i høring i perioden frem til {d}. {month} {y}",
          "kvalitetsrapporten godkendes og offentliggøres", "anlægsregnskabet godkendes",
          "der frigives en anlægsbevilling på {amt} kr. til projektet",
          "udvalget anbefaler forslaget over for Byrådet",
          "administrationen udarbejder en implementeringsplan inden {d}. {month} {y}",
          "evalueringen tages til efterretning", "principperne for tildeling godkendes"]
PLAN_POINTS = ["status på Udviklingsplan 2 tages til efterretning",
               "ledelsesinformationen for {q}. kvartal {y} tages til efterretning",
               "den kvartalsvise afrapportering på Task Force-anbefalingerne godkendes",
               "børnesagsbarometeret for {y} tages til efterretning"]
OUTCOMES = ["Godkendt.", "Godkendt.", "Indstillingen godkendt.", "Anbefales.",
            "Taget til efterretning.", "Orienteringen taget til efterretning.", "Drøftet.",
            "Anbefales over for Byrådet.", "Sagen udsættes til næste møde.",
            "Sagen genoptages på mødet i {month}.", "Oversendes til Økonomiudvalget.",
            "Kan ikke anbefales.", "Godkendt med den bemærkning, at udvalget forelægges en status "
            "på næste møde."]
VOTES = ["Anbefales af et flertal bestående af {p1}+{p2}+{p3}. Liste {p4} kan ikke godkende.",
         "For stemte: {p1}, {p2} og {p3}. Imod stemte: {p4}.",
         "({p4}) stemte imod.", "{p4} undlod at stemme."]

# Sentences that carry Udviklingsplan 2 vocabulary: plentiful in Stevns minutes, rare elsewhere.
THEME_WORDS = re.compile(r"(?i)task\s*force|udviklingsplan|ledelsesinformation|ledelsestilsyn|"
                         r"børne(?:sags)?barometer|effektmåling|familiehus|\bPPR\b|distrikt|"
                         r"governance|styregruppe|servicekatalog|serviceniveau|§\s*11")
_MONTH = "(?:" + "|".join(MONTHS) + ")"
# Slots of a sentence template, first alternative first: a date with or without its year, a
# numeric date, a municipality, a year, any other number.
SLOTS = re.compile(r"(?P<date>\b\d{1,2}\.\s*" + _MONTH + r"\s+\d{4}\b)"
                   r"|(?P<daymonth>\b\d{1,2}\.\s*" + _MONTH + r"\b)"
                   r"|(?P<numdate>\b\d{1,2}[.-]\d{1,2}[.-]\d{4}\b)"
                   r"|(?P<muni>\b(?:Stevns|Lejre) Kommune)"
                   r"|(?P<year>\b(?:19[89]\d|20[0-3]\d)\b)"
                   r"|(?P<number>\d+)")
# Lines that would read as structure (headings, absences, quoted decisions, the approval of
# the agenda that names the meeting) are not prose.
NOT_PROSE = re.compile(r"(?i)^\s*(?:[•·\-–]|\d+\s*[.)]|sagsnr|bilag|afbud|ikke til ?stede|"
                       r"fraværende|beslutning|indstilling|resum|application/)|indstiller|"
                       r"dagsorden|pkt\.\s*\d+\s*:|\t|\.\.\.\.")


@dataclass
class Template:
    """A corpus sentence cut into literal text (even indices) and slots (odd indices): a SLOTS
    group name, or 'n<digits>' for a number of that many digits."""
    parts: list

    def render(self, rng, ctx):
        out = []
        for i, p in enumerate(self.parts):
            if i % 2 == 0:
                out.append(p)
            elif p == "date":
                out.append(ctx.some_date(rng))
            elif p == "daymonth":
                out.append("%d. %s" % (rng.randint(1, 28), rng.choice(MONTHS)))
            elif p == "numdate":
                out.append("%d.%d.%d" % (rng.randint(1, 28), rng.randint(1, 12), ctx.year))
            elif p == "muni":
                out.append(ctx.municipality + " Kommune")
            elif p == "year":
                out.append(str(ctx.year + rng.choice((-2, -1, 0, 0, 0, 1, 2))))
            else:
                digits = int(p[1:])
                out.append(str(rng.randrange(1 if digits == 1 else 10 ** (digits - 1),
                                             10 ** digits)))
        return "".join(out)


def make_template(sentence):
    parts, pos = [], 0
    for m in SLOTS.finditer(sentence):
        parts.append(sentence[pos:m.start()])
        parts.append(m.lastgroup if m.lastgroup != "number" else "n%d" % min(len(m.group()), 6))
        pos = m.end()
    parts.append(sentence[pos:])
    return Template(parts)


class SentencePool:
    """Prose sentences of the corpus minutes and of the Udviklingsplan 2, as templates."""

    def __init__(self, repo):
        repo = Path(repo)
        sources = sorted((repo / "corpus/text").glob("*.txt"))
        sources.append(repo / "corpus/reference/stevns_udviklingsplan_2.txt")
        seen, self.general, self.theme = set(), [], []
        for path in sources:
            for line in path.read_text(encoding="utf-8").splitlines():
                line = " ".join(line.replace("\u00a0", " ").split())
                if len(line) < 40 or NOT_PROSE.search(line):
                    continue
                for s in re.split(r"(?<=[.!?])\s+(?=[A-ZÆØÅ])", line):
                    if not (30 <= len(s) <= 400) or s in seen or not s[0].isupper() or \
                            s[-1] not in ".!?" or NOT_PROSE.search(s):
                        continue
                    seen.add(s)
                    (self.theme if THEME_WORDS.search(s) else self.general).append(make_template(s))
        if not self.general or not self.theme:
            raise SystemExit("bench: no prose sentences found under " + str(repo / "corpus"))


@dataclass
class Section:
    heading: str
    paragraphs: list  # each a string; a point list is one paragraph per point


@dataclass
class Item:
    number: int
    title: str
    case_number: str
    sections: list


@dataclass
class Meeting:
    municipality: str
    committee: str
    date: tuple  # (year, month, day)
    absent: list
    items: list = field(default_factory=list)

    def date_words(self):
        y, m, d = self.date
        return "%d. %s %d" % (d, MONTHS[m - 1], y)

    def date_numeric(self):
        y, m, d = self.date
        return "%02d-%02d-%d" % (d, m, y)


class Context:
    """What the sentences of one meeting are filled in with."""

    def __init__(self, municipality, year):
        self.municipality, self.year = municipality, year

    def some_date(self, rng):
        return "%d. %s %d" % (rng.randint(1, 28), rng.choice(MONTHS),
                              self.year + rng.choice((-1, 0, 0, 0, 1)))


def person(rng):
    middle = rng.choice(("", "", "", " %s." % rng.choice("ABCDEHJKLMNPST")))
    return "%s%s %s (%s)" % (rng.choice(FIRST_NAMES), middle, rng.choice(LAST_NAMES),
                             rng.choice(PARTIES))


def fill(rng, template, year, month_index):
    return template.format(amt="{:,}".format(rng.randrange(50, 20000) * 1000).replace(",", "."),
                           d=rng.randint(1, 28), month=MONTHS[month_index], y=year,
                           q=rng.randint(1, 4), n=rng.randint(1, 399), place=rng.choice(PLACES),
                           p1=rng.choice(PARTIES), p2=rng.choice(PARTIES), p3=rng.choice(PARTIES),
                           p4=rng.choice(PARTIES))


def slug(name):
    """A file name part: lower case, runs of other characters as one '-'."""
    keep = "".join(c if c.isalnum() else "-" for c in name.lower())
    return "-".join(p for p in keep.split("-") if p)


def weekday(y, m, d):
    return WEEKDAYS[datetime.date(y, m, d).weekday()]


def make_meeting(rng, pool, municipality, committee, date, first_number, n_items,
                 theme_rate=0.01, case_sentences=(3, 9)):
    """One meeting: an agenda approval item, then n_items - 1 items of varied content.
    theme_rate is the chance that an item draws on Udviklingsplan 2 vocabulary."""
    y, m, _ = date
    ctx = Context(municipality, y)
    absent = [person(rng) for _ in range(rng.choice((0, 0, 1, 1, 2)))]
    meeting = Meeting(municipality, committee, date, absent)
    meeting.items.append(Item(first_number, "Godkendelse af dagsorden", "", [
        Section("Resume", ["Godkendelse af dagsorden for %s den %s." % (committee,
                                                                         meeting.date_words())]),
        Section("Beslutning", ["Godkendt."]),
    ]))

    def prose(count, themed):
        out = []
        for _ in range(count):
            src = pool.theme if themed and rng.random() < 0.5 else pool.general
            out.append(rng.choice(src).render(rng, ctx))
        return out

    for number in range(first_number + 1, first_number + n_items):
        themed = rng.random() < theme_rate
        if themed and rng.random() < 0.3:
            title = fill(rng, rng.choice(("Status på Udviklingsplan 2 - {q}. kvartal {y}",
                                          "Ledelsesinformation for afdelingen for udsatte børn "
                                          "og unge {y}", "Opfølgning på Task Force-forløbet",
                                          "Børnesagsbarometer {y}")), y, m - 1)
        else:
            topic = fill(rng, rng.choice(TITLE_TOPICS), y, rng.randrange(12))
            title = rng.choice(TITLE_KINDS).format(t=topic, y=y)
        case_number = "%02d/%d" % (rng.randint(7, 24), rng.randint(100, 29999))
        points = [fill(rng, rng.choice(PLAN_POINTS if themed and rng.random() < 0.5 else POINTS),
                       y, rng.randrange(12)) for _ in range(rng.randint(1, 3))]
        to = rng.choice((committee, committee, "Byrådet", "Økonomiudvalget"))
        recommendation = ["%s indstiller til %s, at" % (rng.choice(RECOMMENDERS), to)]
        recommendation += ["%d. %s" % (i + 1, p) for i, p in enumerate(points)]
        decision = []
        if rng.random() < 0.15:
            decision.append("Ikke til stede: " + person(rng))
        decision.append(fill(rng, rng.choice(OUTCOMES), y, min(m, 11)))
        if rng.random() < 0.08:
            decision.append(fill(rng, rng.choice(VOTES), y, m - 1))
        n_case = rng.randint(*case_sentences)
        case = prose(n_case, themed)
        paragraphs = [" ".join(case[i:i + 3]) for i in range(0, len(case), 3)]
        meeting.items.append(Item(number, title, case_number, [
            Section("Resume", [" ".join(prose(rng.randint(1, 2), themed))]),
            Section("Indstilling", recommendation),
            Section("Beslutning", decision),
            Section("Sagsfremstilling", paragraphs),
        ]))
    return meeting


def render_text(meeting):
    """The minutes as a text export: front page, then bulleted numbered items."""
    y, m, d = meeting.date
    out = ["Referat", "", meeting.committee, "", meeting.municipality + " Kommune", "",
           "Mødedato: %s den %s" % (weekday(y, m, d), meeting.date_words()), ""]
    if meeting.absent:
        out += ["Afbud: " + ", ".join(meeting.absent), ""]
    for item in meeting.items:
        out += [" • %d. %s" % (item.number, item.title), ""]
        if item.case_number:
            out += ["  Sagsnr.: " + item.case_number, ""]
        for s in item.sections:
            out += ["  " + s.heading, ""]
            for p in s.paragraphs:
                out += ["  " + p, ""]
    return "\n".join(out) + "\n"
