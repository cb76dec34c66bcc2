# Document structure: agenda items, quoted decisions, attachments.
# Format: key  RE2-regex

# --- agenda item headings (groups: number, title) ---------------------------------------------
# "• 212. Dagsorden - godkendelse", "1. BU - Godkendelse af dagsorden", "514. Godkendelse af dagsorden",
# "Pkt. 7: Orientering", "1. 1. Godkendelse af dagsordenen" (the number printed twice is dropped in code)
item.heading ^(?:[•·▪*]\s*)?(?:(?:Punkt|PUNKT|Pkt\.?|PKT\.?)\s*)?(?P<number>\d{1,4})\s*[.:)]\s+(?P<title>\S.*)$
# "1.Alfabo - status": glued after the dot, the title in capitals
item.heading ^(?:[•·▪*]\s*)?(?P<number>\d{1,4})\.(?P<title>\p{Lu}.*)$
# "Punkt 12: Titel", "Punkt 138 Spørgetid 20/06-2018", "Nr.1 - Godkendelse af dagsordenen": the word makes
# the punctuation optional
item.heading ^(?:[•·▪*]\s*)?(?:Punkt|PUNKT|Pkt\.?|PKT\.?|Nr\.|NR\.)\s*(?P<number>\d{1,4})\s*(?:[.:]|\s[-–])?\s+(?P<title>\S.*)$
# "• 1 Økonomisk ledelsesinformation": a bullet makes it optional too
item.heading ^[•·▪*]\s*(?P<number>\d{1,4})\s+(?P<title>\p{Lu}.*)$
# "• 35", "Punkt 5:" alone: the title is on the next line
item.heading ^(?:[•·▪*]\s*|(?:Punkt|PUNKT|Pkt\.?|PKT\.?)\s*)(?P<number>\d{1,4})\s*[.:]?(?P<title>)$
# A number alone, the title on the next line, in a table of items ("Punkt | Titel" / "4" / "Forvaltningen
# orienterer"): an item only where a section follows
item.weak_heading ^(?P<number>\d{1,4})(?P<title>)$
# "1 (Åben) Meddelelser fra formanden", "16 (Lukket) Personalesag": the number, then whether the item is open
# to the public (taken off the title by item.open and item.closed)
item.heading ^(?P<number>\d{1,4})\s+(?P<title>\((?i:åben|åbent|lukket)(?:\s+(?i:punkt|sag))?\)\s*\S.*)$
# "ØU-55/07-O Økonomisk orientering maj 2007": committee, number, year and a type letter
item.heading ^\p{Lu}{1,4}-(?P<number>\d{1,4})/\d{2}-\p{Lu}\s+(?P<title>\S.*)$
# A number glued to its title by a lost space ("38Godkendelse af regnskab"), or standing bare before it
# under a "Punkt Titel" column header ("88 Indkaldelse af stedfortræder"): an item only where a section
# follows. Groups: number, title.
item.weak_heading ^(?P<number>\d{1,4})(?P<title>\p{Lu}\p{Ll}.*)$
item.weak_heading ^(?P<number>\d{1,4})\s+(?P<title>\p{Lu}\p{Ll}.*)$
# The number on the line after the title: "Spørgetid" / "Sag nr. 129", "Sag nr. 19 (ØU 23/2010)" (the number of
# the committee's own item in brackets). Group: number.
item.number_line ^(?:Sag|SAG|Punkt|Pkt\.?)\s+(?:nr\.?\s*)?(?P<number>\d{1,4})\.?(?:\s+\([^)]*\))?$
# A system's own item number, an item wherever it stands: "ØU-55/07-O"
item.system_number ^\p{Lu}{1,4}-\d{1,4}/\d{2}-\p{Lu}\s
# A heading with a bullet: a bullet makes it an item even when no section follows.
item.bulleted ^[•·▪*]\s*\d{1,4}\b
# A heading named "Punkt 12" or "Pkt. 7": an item unless its title reads like a sentence.
item.named ^(?:[•·▪*]\s*)?(?:Punkt|PUNKT|Pkt\.?|PKT\.?)\s*\d
# A separator line before each item of a web page that prints neither number nor title:
# "Åben", "Lukket", "Åbent punkt", "Lukket punkt"
item.separator (?i:åben|åbent|lukket)(?:\s+(?i:punkt|sag))?
# A separator that marks the item closed to the public.
item.closed_separator (?i:lukket)(?:\s+(?i:punkt|sag))?
# A body's journal reference before the title: "Nr. 26 BR 217/07. Lokalplan "Hf Engvang"". Group: reference.
item.title_reference ^(?P<reference>\p{Lu}{1,4}\s+\d{1,4}/\d{2})\.\s+
# A closed item, marked in its title: "... (Lukket)", "(Lukket punkt)", "(Fortrolig)", "Lukket punkt: ...",
# "Lukket: Køb af landbrugsejendom", "Gensidig orientering - Lukket punkt", "... LUKKET SAG"
item.closed (?i)\s*\((?:lukket(?:\s+punkt)?|fortroligt?)\)\s*$|^\s*\(lukket(?:\s+(?:punkt|sag))?\)\s*|^\s*lukket(?:\s+punkt)?\s*[:\-–]\s*|\s+[-–]\s+lukket\s+(?:punkt|sag)\s*$|\s+lukket\s+sag\s*$
# An item marked open to the public before its title: "(Åben) Meddelelser fra formanden"
item.open ^\s*\((?i:åben|åbent)(?:\s+(?i:punkt|sag))?\)\s*
# A line between items that begins the part of the meeting closed to the public, or the open part again:
# "Lukkede dagsordenspunkter", "LUKKEDE SAGER", "Lukket dagsorden", "Disse sager behandles for lukkede døre";
# "ÅBNE SAGER", "Åben dagsorden"
item.closed_part (?i)lukkede\s+(?:sager|punkter|dagsordenspunkter)|lukket\s+(?:dagsorden|møde)|(?:disse|følgende)\s+(?:sager|punkter)\s+behandles\s+for\s+lukkede\s+døre\.?
item.open_part (?i)åbne\s+(?:sager|punkter|dagsordenspunkter)|åben\s+dagsorden|åbent\s+møde
# An item said to be closed in its text: "Punktet er lukket af hensyn til ...",
# "Sagen omhandler salg af ejendom, og behandles derfor som lukket punkt."
item.closed_text (?i)\bpunktet\s+er\s+lukket\b|\bbehandles\s+(?:derfor\s+)?som\s+(?:et\s+)?lukket\s+punkt\b

# --- case numbers -------------------------------------------------------------------------------
# A journal number a system prints unlabelled as the item's case number, on its own line next to the
# title: "EMN-2025-003383", "25-008754 -", "00.01.00-G01-24-17" (KLE code and journal number).
case.unlabelled (?:EMN|SAG)-\d{4}-\d{4,8}\s*-?
case.unlabelled \d{2}-\d{4,8}\s*-?
case.unlabelled (?:(?i:åben|åbent|lukket)\s+-\s+)?\d{2}\.\d{2}\.\d{2}-?\p{Lu}\d{2}-\d{1,6}(?:-\d{2})?\s*-?
# "18.14A00 - 2016/01237", "Åbent - 00.01.00A04 - 2007/34364": a KLE code (two or three levels), then the
# journal number
case.unlabelled (?:(?i:åben|åbent|lukket)\s+-\s+)?\d{2}\.\d{2}(?:\.\d{2})?\p{Lu}\d{2}\s+-\s+\d{4}/\d{3,8}
# "Sag 306-2009-600": the municipality's number, the year and the case, after a short label
case.unlabelled Sag\s+\d{3}-\d{4}-\d{1,8}
# What precedes the case number proper in a labelled value: a KLE code, "Åbent -" or the label "Sag":
# "Åbent - 00.01.00A04 - 2007/34364" → "2007/34364", "18.14A00 - 2016/01237" → "2016/01237"
case.prefix ^(?:Sag\s+)?(?:(?i:åben|åbent|lukket)\s+-\s+)?(?:\d{2}\.\d{2}(?:\.\d{2})?(?:\p{Lu}\d{2})?\s+-\s+)?
# A search query that is a case number searches by case number (items.case_number as printed):
# "17/6488", "2016/01237", "EMN-2025-003383", "25-008754", "00.22.04-G01-2-18".
case.query \d{2,4}/\d{1,8}
case.query (?:EMN|SAG)-\d{4}-\d{4,8}
case.query \d{2}-\d{4,8}
case.query \d{3}-\d{4}-\d{1,8}
case.query \d{2}\.\d{2}\.\d{2}-?\p{Lu}\d{2}-\d{1,6}(?:-\d{2})?

# --- quoted decisions of other bodies or earlier meetings (groups: body, date, item) -----------
# "Beslutning fra Økonomiudvalget, 17. marts 2021, pkt. 32:", "Beslutning fra Social-, sundheds- og
# fritidsudvalget, 6. december 2021, pkt. 119:"
quoted.decision ^(?i:beslutning\s+fra)\s+(?P<body>.+?),?\s+(?:den\s+|d\.\s*)?(?P<date>\d{1,2}\.?\s*\p{L}+\.?\s+\d{4}|\d{1,2}\s*[-./]\s*\d{1,2}\s*[-./]\s*\d{2,4})(?:,?\s*(?i:pkt\.?|punkt)\s*(?P<item>\d+))?\s*:?$
# "Direktionen, 17. august 2020, pkt. 2:", "Børn, Unge og Læring, 18. august 2020, pkt. 204:",
# "Økonomiudvalget den 12-06-2017, punkt 5:", "Økonomiudvalget 2018-21, 28. oktober 2019, pkt. 452:"
quoted.decision ^(?P<body>\p{Lu}.+?),?\s+(?:den\s+|d\.\s*)?(?P<date>\d{1,2}\.?\s*\p{L}+\.?\s+\d{4}|\d{1,2}\s*[-./]\s*\d{1,2}\s*[-./]\s*\d{2,4})(?:,?\s*(?i:pkt\.?|punkt)\s*(?P<item>\d+))?\s*:$
# "Kultur- og Idrætsudvalget, 03-04-2019, pkt. 42": with its item number the line needs no colon
quoted.decision ^(?P<body>\p{Lu}[^,]+?),\s+(?P<date>\d{1,2}\.?\s*\p{L}+\.?\s+\d{4}|\d{1,2}\s*[-./]\s*\d{1,2}\s*[-./]\s*\d{2,4}),\s*(?i:pkt\.?|punkt)\s*(?P<item>\d+)\s*[.:]?$
# Under a "Historik" heading a quoted decision may end in a full stop: "Økonomi- og Erhvervsudvalget, 15. marts 2016."
history.entry ^(?P<body>\p{Lu}.+?),\s+(?:den\s+|d\.\s*)?(?P<date>\d{1,2}\.?\s*\p{L}+\.?\s+\d{4}|\d{1,2}\s*[-./]\s*\d{1,2}\s*[-./]\s*\d{2,4})(?:,?\s*(?i:pkt\.?|punkt)\s*(?P<item>\d+))?\s*[:.]$
# A dated row of a "Sagens forløb" log, the body after the date: "19-08-2019 Magistraten", "28-08-2019 Aarhus Byråd"
history.entry ^(?P<date>\d{1,2}-\d{1,2}-\d{4})\s+(?P<body>\p{Lu}[^.:]*)(?P<item>)$
# A row of a "Sagsforløb" table: "Udvalg: Magistraten", "Dato: 19-08-2025", "Punktnummer: 4"
history.body ^(?i:udvalg)\s*:\s*(?P<body>\S.*)$
history.date ^(?i:dato)\s*:\s*(?P<date>\S.*)$
history.item ^(?i:punktnummer|punkt|pkt\.?)\s*:\s*(?P<item>\d+)$
# A line that only names a meeting, printed under a decision heading: "Landdistriktsudvalget, 19.11.2018"
decision.meeting_line ^\p{Lu}[\p{L}\s&-]*?,\s+(?:den\s+)?(?:\d{1,2}\s*[-./]\s*\d{1,2}\s*[-./]\s*\d{2,4}|\d{1,2}\.?\s*\p{L}+\.?\s+\d{4})\.?$
decision.meeting_line ^(?i:dato|sted|tid|mødested|mødedato|tidspunkt)\s*:.*$
# What a body's name carries beyond the name: an election period "2018-21", "(18-21)", "2018-2021",
# an abbreviation in brackets "(ØK)", the municipality ("Kommunalbestyrelsen for Nordfyns Kommune"); and
# before it: "mødet i", "for", "Åbent referat for", the municipality's name, an election period ("14-17 Byrådet").
body.suffix \s*(?:\(\s*\d{2,4}\s*-\s*\d{2,4}\s*\)|\d{4}\s*-\s*\d{2,4}|\(\p{Lu}{1,4}\))\s*$
body.suffix \s+(?i:for)\s+\p{Lu}[\p{L}-]+\s+(?i:kommune|regionskommune)\s*$
body.prefix ^(?:(?:(?i:åbent|åben|lukket)\s+)?(?i:referat|dagsorden|beslutningsprotokol)\s+(?:(?i:for|fra)\s+)?|(?i:mødet|møde)\s+(?i:i|for)\s+|(?i:for)\s+|\p{Lu}[\p{L}-]+\s+(?i:kommune|regionskommune)\s+|\d\d\s*-\s*\d\d\s+)
# Words no body's name has: a sentence or a date line taken for a name ("Følgende emner blev nævnt under dette
# punkt på Regionsrådet", "mødet Torsdag kl Ordinært møde Økonomiudvalget"); an article only inside the name
# ("Det fælles landdistriktsråd" is a name)
body.not_name (?i)(?:^|\s)(?:blev|under|dette|er|har|som|at|til|på|med|fra|af|kl|møde|mødet|mandag|tirsdag|onsdag|torsdag|fredag|lørdag|søndag)(?:\s|$)|\s(?i:den|det|de)(?:\s|$)
# Bodies every municipality has: their name does not tell whose minutes these are ("Økonomiudvalget",
# "Kommunalbestyrelsen", "Byrådet", "Direktionen")
body.common (?i)økonomiudvalget|kommunalbestyrelsen|byrådet|borgerrepræsentationen|regionsrådet|forretningsudvalget|magistraten|(?:koncern)?direktionen|borgmesteren|kommunaldirektøren|administrationen|forvaltningen

# --- attachments ------------------------------------------------------------------------------
# Attachments printed as links in a web export: "application/pdf icon name.pdfapplication/pdf icon other.pdf".
# The marker precedes each file name; the names are what lies between markers.
attachment.link_marker (?i)(?:application|text|image|video|audio)/[\w.+-]+\s+icon\s*
# Attachments printed as file names on one line, without markers: "afgoerelse_om_fredning_final.pdf
# afgoerelse_final.pdf", "Arbejdsplan_2019.pdf Vision_og_strategi_2019-21.pdf"
attachment.file_list (?i)\S+\.(?:pdf|docx?|xlsx?|pptx?|odt|txt|jpe?g|png)(?:\s+\S+\.(?:pdf|docx?|xlsx?|pptx?|odt|txt|jpe?g|png))*
# A list marker or a document number at the start of an attachment line: "1. ", "• ", "- ",
# "2012-200782 - ", "1 " before a name
attachment.marker ^(?:\d{1,3}[.)]?|[•·▪*\-–]|\d{4}[-–]\d{4,8}\s*[-–])\s+
# A list of attachments whose names carry a document number: "2012-200782 - Bygningsliste"; lines
# without one under it are no attachments ("c. Konference den 10. december 2012")
attachment.numbered ^\d{4}[-–]\d{4,8}\s*[-–]\s+\S
# An attachment list that says there is none: "Ingen", "Ingen bilag.", "-"; a web page's count of them ("27")
attachment.none (?i)ingen(?:\s+bilag)?\.?|-+|\d{1,3}
# A line under "Bilag" that is only a document number: "450-2021-169164", "17474/09"
attachment.number_only \d{2,4}[-/]\d{2,4}(?:[-/]\d{2,8})?
