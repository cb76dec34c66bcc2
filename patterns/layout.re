# Page layout: page numbers, table of contents, list labels and hyphenation. Used by src/extract.
# Each pattern is matched against a whole line (or, where said, the start of a line).

# A line that is only a page number: "Side 3", "Side 5 af 16", "side 3/16", "Page 2 of 9".
layout.page_number	(?i)(?:side|s\.|page)\s*\d{1,3}(?:\s*(?:af|/|of)\s*\d{1,3})?
# A page number between dashes: "- 3 -", "– 12 –".
layout.page_number	[-–—]\s*\d{1,3}\s*[-–—]
# A page number over the page count: "3/16", "3 / 16" (not a case number like "17/6692").
layout.page_number	\d{1,3}\s*/\s*\d{1,3}

# A line that is never a running header or footer, however its digits change from page to page: a
# labelled case number ("Sagsnr.: 22/131" looks like "page 22 of 131").
layout.not_furniture (?i)^(?:sags\s*-?\s*(?:nr|id)\.?|sagsnummer|j\.\s*nr\.?|journal\s*nr\.?|dok\.\s*nr\.?)\s*:

# Heading over a table of contents: "Indholdsfortegnelse", "Indhold:", "INDHOLD".
layout.toc_heading	(?i)(?:indholdsfortegnelse|indhold)\s*:?

# A table-of-contents entry with dot leaders and a page number:
# "6. BU - Kvalitetsudvikling og nye fokuseringer................10", "Bilag ..... 4", "Eventuelt … 19".
layout.toc_entry	(?:\d{1,3}[.)]?\s+)?\S.*?(?:\s*\.{4,}|\s*…+)\s*\d{1,4}
# An entry with a tab before the page number: "1. BU - Godkendelse af dagsorden<TAB>1".
layout.toc_entry	\d{1,3}[.)]?\s+[^\t]+\t+\s*\d{1,4}

# A list label set in front of the item text with a tab: "1.", "12)", "a)", "•", "·", "-", "–".
layout.list_label	(?:\d{1,3}[.)]|[a-zæøå][.)]|[•·▪◦*\-–—])

# First word of the line after a line-end hyphen that makes the hyphen a suspended compound, so
# the hyphen and the space are kept: "Børne-" + "og Ungeudvalget", "skole-" + "eller dagtilbud",
# "Social-" + "samt sundhedsområdet", "fritids-" + "til ungdomsklub", "Børne-" + ", Unge- og".
layout.suspended_compound_next	og|eller|samt|til|&|,.*

# Last word before a line-end hyphen that makes the hyphen part of the word, so it is kept when
# the next line goes on in lower case: "ikke-" + "akutte underretninger" (ikke-akutte),
# "PPR-" + "ydelserne", "IT-" + "systemet" (an abbreviation in capitals before a compound).
layout.hard_hyphen_prefix	(?i:ikke|non|ex|vice)|\p{Lu}{2,}

# --- web page controls and labels (used by src/segment) ------------------------------------------
# A line that is only a control of the web page the minutes were saved from: "Til toppen", "Tilbage til
# toppen", "Udskriv", "Udskriv hele dagsordnen", "Show video", "Luk", "Åbn/luk punkt", "Hent som PDF", "Hent som fil:",
# "Kopier link", "Printvenlig version", "Se alle bilag", "Klik her for at se sagsfremstillingen"; the page's
# heading over its items, "Dagsordenpunkter", "Åbne dagsordenspunkter" (no item's title)
layout.ui_noise (?i)(?:[•·]\s*)?(?:(?:tilbage\s+)?til\s+top(?:pen)?|kopier\s+link\s+til\s+punktet(?:\s*-\s*print)?|prompt\s+resultater|relevans(?:\s+v\d+)?|fold\s+alle(?:\s+punkter)?\s*(?:ud)?|til\s+indholdsfortegnelse|udskriv(?:\s+hele\s+dagsorde?nen)?|show\s+video|vis\s+video|luk|åbn\s*/\s*luk(?:\s+punkt)?|hent\s+(?:som\s+)?(?:pdf(?:-version)?|fil\s*:?)|kopier\s+link|printvenlig\s+version|få\s+siden\s+oplæst|skip\s+til\s+hoved\s*indholdet|skip\s+navigationen|(?:åbne\s+)?dagsordens?punkter|se\s+alle\s+bilag|klik\s+her(?:\s+for\s+at\s+(?:se|læse|åbne|hente)(?:\s+\p{L}+){0,4})?)
# A control glued to the end of a line by a lost line break: "191. Godkendelse af dagsordenÅbn/luk punkt",
# "1. Godkendelse af dagsordenKlik her for at folde ud og læse mere om Godkendelse af dagsorden"
layout.ui_suffix (?i)\s*(?:åbn\s*/\s*luk(?:\s+punkt)?|klik\s+her\s+for\s+at\s+folde\s+ud\b.*)\s*$
# An icon's text after a label: "Udvalg Ikon" / "Regionsrådet", "Tidspunkt Ikon"
layout.ui_suffix \s+Ikon$
# A control glued to the start of a line by a lost line break: "UdskrivSagsid.: 12/41405, Sagsinitialer: KSA".
# Group: rest (the line without it).
layout.ui_prefix ^(?:[•·]\s*)?(?i:udskriv|print)(?P<rest>\p{Lu}.*)$
# An item heading glued to a date that ends the line before: "14. Eventuelt den 29.01.20138. Godkendelse af
# dagsorden" (a year has four digits). Group: next, the item heading.
layout.glued_after_date \d{1,2}[.-]\d{1,2}[.-](?:19|20)\d\d(?P<next>\d{1,3}[.:]\s+\p{Lu}.*)$
# A label glued to its value by a lost line break (the value starts in capitals or digits):
# "UdvalgBørn, Unge og Læring", "MødestedEllehallen", "BeslutningGodkendt.". Groups: label, value.
layout.glued_label ^(?P<label>Udvalg|Mødested|Mødedato|Møde|Dato|Tidspunkt|Sted|Deltagere|Fraværende|Afbud|Bemærkninger|Beslutning|Indstilling|Resum[eé]|Sagsnr\.?|Sagsfremstilling|Bilag|Indholdsfortegnelse)(?P<value>[\p{Lu}\d].*)$

# --- PDF-to-text renderings that lost their line breaks (used by src/segment) --------------------
# A page of such a rendering: its number, then the whole page on one line.
layout.flat_page ^(?P<page>\d{1,3})\s+(?P<text>\S.{100,})$
# Where such a page's text starts a new line: a label with its colon, a section heading, an item
# heading ("ØU-55/07-O"), "Åben sag". Labels that follow each other ("Fraværende: Afbud: ...") stay
# on one line: a merged table header.
layout.flat_break (?:Mødedato|Mødetidspunkt|Mødested|Mødelokale|Møde\s+slut|Møde\s+nr\.|Sted|Medlemmer|Deltagere|Mødedeltagere|Fraværende|Afbud(?:\s+fra)?(?:/fraværende)?|Bemærkninger(?:\s+til\s+dagsordenen)?|Meddelelser|Sagsnr\.|Sagsid\.|Sagsansvarlig|Initialer|Dok\.\s*nr\.|J\.\s*nr\.|Udsendelsesdato|Indholdsfortegnelse|Beslutningskompetence|Kompetence|Sagen\s+afgøres\s+(?:af|i))\s*:
layout.flat_break (?:^|\s)(?:Resum[eé]|RESUM[EÉ]|Sagsfremstilling|SAGSFREMSTILLING|Indstilling(?:er)?|INDSTILLING(?:ER)?|Bilag|BILAG|Beslutning|BESLUTNING|Medlemmer|Fraværende|Bemærkninger|Indholdsfortegnelse)(?:[\s:]|$)
# "Åben sag" / "Lukket sag", leaving the space after it to the heading that may follow ("Åben sag Beslutning …")
layout.flat_break (?:^|\s)(?:Åben|Lukket)\s+sag\b
layout.flat_break (?:^|\s)\p{Lu}{1,4}-\d{1,4}/\d{2}-\p{Lu}\b
# A decision labelled by the meeting: "Byrådets møde punkt 657:", "Kommunalbestyrelsens møde 25. september 2006
# Punkt 1:"
layout.flat_break \p{Lu}[\p{L}-]*s\s+(?i:møde)\s+(?:\d{1,2}\.\s+\p{L}+\s+\d{4}\s+)?(?i:punkt)\s+\d{1,4}\s*:
# Page artefacts inside such a page: "Side 6", "Side 1027", a running footer "Økonomiudvalg, 22. marts 2011 Side 1"
# or "Økonomiudvalget Side 2", "Lejre Kommune Økonomiudvalget Side 1" (a body's name: "Godkendt Side 601" keeps its
# decision),
# the page number printed at the foot, a running header whose fields lost their values ("Vordingborg Kommune
# Dato Side Erhvervsudvalget").
layout.flat_drop (?:(?:\p{Lu}[\p{L}-]+\s+Kommune\s+)?\p{Lu}[\p{L}-]*(?i:udvalget|udvalg|rådet|råd|bestyrelsen|bestyrelse)(?:,\s+\d{1,2}\.\s+\p{L}+\s+\d{4})?\s+)?Side\s+\d{1,4}\b|\s\d{1,3}\s*$
layout.flat_drop ^(?:\p{Lu}[\p{L}-]+\s+Kommune\s+)?Dato\s+Side\s+\p{Lu}[\p{L}-]*(?:udvalget|rådet|bestyrelsen)\s
# A postal address in the text, its second line no item ("Skelbækvej 2" / "6200 Aabenraa"): the street and its
# number, then the postcode and the town
layout.street_line \p{Lu}[\p{L}.'-]*(?:\s+\p{L}[\p{L}.'-]*)*\s+\d{1,3}\s?\p{L}?(?:,.*)?
layout.postcode_line \d{4}\s+\p{Lu}[\p{L}-]+(?:\s+\p{Lu}[\p{L}-]*)?
# A label alone: the value is on the line after it, or a label follows ("Fraværende: Afbud: ...").
layout.label_only ^\p{Lu}[\p{L}.\s/]*:$
# Where the meeting is held, never an item's title: "Mødelokale Tårnbjerget, Rådhuset, Ishøj Store Torv 20,
# etage 2, 2635 Ishøj", "Byrådssalen", "Mødested: Rådhuset"
layout.meeting_place (?i:mødelokale|mødested|mødesal|byrådssal(?:en)?|rådhuset|udvalgsværelse)\b.*|.*,\s*\d\d\d\d\s+\p{Lu}\p{L}+\s*
