# Fields inside sections: dates, people, recommendations, points, outcomes and votes.
# Format: key  RE2-regex

# --- dates (groups d, m or month, y) -------------------------------------------------------
# ISO: "2020-08-31"
date.iso (?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})
# Day, month name, year: "31. august 2020", "d. 7 juni 2022", "onsdag den 7. juni 2017", "9. jun. 2020"
date.named (?P<d>\d{1,2})\.?[\s-]*(?P<month>\pL+)\.?[\s-]+(?P<y>\d{4})
# Month name first: "April 3, 2019"
date.named (?P<month>\pL\pL\pL+)\.?\s+(?P<d>\d{1,2}),\s+(?P<y>\d{4})
# Numeric: "07-06-2017", "7/6 2017", "7.6.2017", "07-06-17", "04.12.2012"
date.numeric (?P<d>\d{1,2})\s*[-./]\s*(?P<m>\d{1,2})(?:\s*[-./]\s*|\s+)(?P<y>\d{4}|\d{2})\b

# --- meeting -------------------------------------------------------------------------------
# The committee and date named where the agenda is approved: "Godkendelse af dagsorden for BUL den 31. august 2020"
meeting.agenda_for (?i)dagsorden(?:en)?\s+(?:for|til)\s+(?P<body>.+?)\s+(?:den|d\.)\s+(?P<date>\d.*?\d{4})
# A line labelled with the committee: "Udvalg: Økonomiudvalget", "Udvalg Økonomi- og Erhvervsudvalget",
# "Behandling: Landdistriktsudvalget.", "Udvalg:\tByrådet", "Udvalg: | Byrådet |" (table rows). Group: body (may
# be empty: the value is on the next line, "UDVALG" / "Byrådet").
meeting.committee_label ^(?i:udvalg|behandling)(?:\s*[:|\t]|\s|$)\s*(?:\|\s*)?(?P<body>[^|\t]*?)[\s|.]*$
# "Referat til mødet i Udvalget for Teknik og Miljø den 6. maj 2019", "Referat Udvalget for Teknik & Miljø onsdag
# den 14. januar 2015": a committee named "Udvalget for …"
meeting.committee_title (?i:referat|beslutninger|mødet?)\.?\s+(?:(?i:til|fra)\s+(?i:mødet)\s+)?(?:(?i:fra|til|i)\s+)?(?P<body>(?i:udvalget)\s+for\s+\p{Lu}\p{L}*(?:,?\s+(?:og\s+|&\s+)?\p{Lu}\p{L}*)*)
# A heading naming the committee and that these are its minutes: "19. juni 2023 - referat fra byrådet",
# "Referat byrådet 31. oktober 2018", "Byrådet - Referat", "Referat til Kommunalbestyrelsen",
# "Økonomi- og Erhvervsudvalget - Referat fra mødet den 20-01-2016", "Referat - Åben dagsorden Økonomiudvalget", "Møde i Kommunalbestyrelsen mandag den
# 28. november 2005", "REFERAT Økonomiudvalget. Mødedato:", "Referat Magistraten 29-06-2020", "åbent møde for
# Kultur- og fritidsudvalgets møde den 05. marts 2009", "Beslutninger fra mødet Torsdag kl Ordinært møde
# Økonomiudvalget". Group: body.
meeting.committee_title (?i:referat|beslutninger|mødet?)\.?\s+(?i:fra|til|i)\s+(?P<body>\p{L}[\p{L}\s,&-]*?(?i:udvalget|udvalg|rådet|råd|bestyrelsen|bestyrelse|magistraten|direktionen))\b
meeting.committee_title (?:(?i:referat)\.?\s+(?:[-–]\s+)?(?:(?i:åben|lukket)\s+(?i:dagsorden)\s+)?|REFERAT)(?P<body>\p{L}[\p{L}\s,&-]*?(?i:udvalget|udvalg|rådet|råd|bestyrelsen|bestyrelse)|(?i:magistraten))\b
# "Det fælles landdistriktsråd - Dagsordener og referater", "Økonomiudvalget Beslutningsprotokol", "Økonomiudvalget Åben
# beslutningsprotokol", "Kommunalbestyrelsen DAGSORDEN"
meeting.committee_title (?P<body>\p{Lu}[\p{L}\s,&-]*?(?i:udvalget|udvalg|rådet|råd|bestyrelsen|bestyrelse|magistraten))\s*[-–.]?\s+(?:(?i:åben|åbent|lukket)\s+)?(?i:(?:dagsordener\s+og\s+)?referat|beslutningsprotokol|dagsorden)
# "for Kultur- og fritidsudvalgets møde", "Referat fra Sammenlægningsudvalgets ordinære møde", "Referat af Byrådets
# møde d. 20.09.2016"
meeting.committee_title (?i:for|fra|af)\s+(?P<body>\p{Lu}[\p{L}\s,&-]*?(?i:udvalget|rådet|bestyrelsen|magistraten))s\s+(?:(?i:ordinære|ekstraordinære)\s+)?(?i:møde)\b
# "Økonomiudvalgets møde den 21. januar 2026", "Byrådets møde den 01. februar 2023"
meeting.committee_title ^(?P<body>\p{Lu}[\p{L}\s,&-]*?(?i:udvalgets|rådets|bestyrelsens))\s+(?i:møde)\b
# A committee whose name ends in no body word, in the genitive before "møde den": "Social og sundheds møde den 17.
# april 2023", "Udvalget for Kultur og Planlægning's møde Tirsdag den"
meeting.committee_title ^(?:(?i:referat)\s+)?(?P<body>\p{Lu}\p{L}*(?:,\s*\p{L}+|\s+(?:og|for|i|&)\s+\p{L}+)*)(?:'s|’s|s)\s+(?i:møde)\s+(?:\p{L}+dag\s+)?(?i:den|d\.)\s
# "Møde i Udvalg for natur, miljø og grøn omstilling Åben Referat": a committee "for" areas in lower case
meeting.committee_title (?i:møde)\s+(?i:i)\s+(?P<body>(?i:udvalg(?:et)?)\s+for\s+\p{L}+(?:,?\s+(?:og\s+)?\p{Ll}\p{L}*)*)
meeting.committee_title (?i:ordinært|ekstraordinært)\s+(?i:møde)\.?\s+(?P<body>\p{Lu}[\p{L}\s,&-]*?(?i:udvalget|rådet|bestyrelsen))\b
# A line that is only the name of a body: "Byrådet", "Udvalget for Miljø og Teknik", "Økonomiudvalg",
# "Kommunalbestyrelsen 2022-2025", "Børne- og Undervisningsudvalget tirsdag den 14. december 2021 kl. 18:30",
# "Byrådet 19. juni 2023", "Byrådet - 14-03-2019", "Regionsrådet 24-11-2020 13:00". Group: body.
meeting.body_line ^(?P<body>(?:(?:\p{Lu}[\p{L},&-]*|og|for|i|&)\s+)*?\p{L}*(?i:udvalget|udvalg|rådet|råd|bestyrelsen|magistraten|borgerrepræsentationen)(?:\s+(?i:for)\s+\p{Lu}[\p{L}\s,&-]*)?)(?:\s+(?:\d{4}\s*-\s*\d{2,4}|(?:\p{L}+dag\s+)?(?:den\s+)?\d{1,2}\.?\s*\p{L}+\.?\s+\d{4}.*)|\s+(?:[-–]\s+)?\d{1,2}[-./]\d{1,2}[-./]\d{2,4}(?:\s+\d{1,2}[:.]\d{2})?)?\.?$
# Where a date is not the meeting's: "Publiceringsdato: den 02. november 2018", "Senest opdateret 15-08-2022",
# "Dannet den", "Sluttidspunkt", the titles after "Indholdsfortegnelse" on a page run onto one line
meeting.not_date (?i)\b(?:publiceringsdato|publiceret|opdateret|dannet|udskrevet|printet|sluttidspunkt|ajourført|sendt|indholdsfortegnelse)\b
# A line labelled with a date that is the meeting's: "Mødedato", "Dato", "… Dato 08. september 2014",
# "Starttidspunkt", a weekday
meeting.date_label (?i)mødedato|^dato|\sdato\s*:?\s*\d|starttidspunkt|(?:man|tirs|ons|tors|fre|lør|søn)dag|\bkl\.?\s*\d
# The municipality: "Stevns Kommune", "Lejre Kommune", "KOMMUNALBESTYRELSEN FOR NORDFYNS KOMMUNE"
meeting.municipality (?P<name>\p{Lu}[\p{L}-]+)\s+(?:Kommune|KOMMUNE)\b
# What says the document is minutes (a header with no items found is still minutes): "Referat",
# "REFERAT", "Beslutninger fra mødet", "Beslutningsprotokol", "Protokol"
meeting.minutes_mark (?i)\breferat\b|\bbeslutninger\s+fra\s+mødet\b|\bbeslutningsprotokol\b|\bprotokol\b|\bfraværende\b|\bafbud\b
# What says in the header that these are minutes, not an agenda: "Referat", "Beslutninger fra mødet"
meeting.minutes_title (?i)\breferat\b|\bbeslutninger\s+fra\s+mødet\b|\bbeslutningsprotokol\b
# What says it is an agenda: "Dagsorden", "DAGSORDEN"
meeting.agenda_mark (?i)^\s*dagsorden\b
# The label of a member list in the header: "Medlemmer:", "Deltagere:", "Indkaldelse", "Mødedeltagere"
meeting.members_label ^(?i:medlemmer|deltagere|indkaldelse|mødedeltagere|tilstede|til\s+stede)\s*:?\s*(?P<names>.*)$

# --- people and absences ----------------------------------------------------------------------
# An absence label with the names after it or on the next lines: "Ikke tilstede: Jacob Panton-Kristiansen (V)",
# "Ikke til stede:", "Afbud:", "Afbud fra: ...", "Fraværende:", "Fraværende med afbud:", "Deltog ikke:", "Deltog
# ikke på mødet:", "Deltog ikke ved sagens behandling:", "Følgende udeblev uden afbud:", "Følgende havde meldt
# afbud:", "Forfald:", "Fravær:",
# "Afbud fra/fraværende: -", "Fraværende: Afbud: ...", "Følgende deltog ikke i behandlingen af punktet:",
# "Fraværende Ingen", "Bemærkninger: Afbud: Thomas Juhl" (after a label of notes), "Ikke til stede på grund af
# tekniske problemer:", "Fraværende grundet sygdom:"
absence.label (?i)^\s*(?:bemærkning(?:er)?\s*:\s*)?(?:(?:ikke\s+til\s*s\p{L}\p{L}\p{L}\p{L}?|fremmøde\s+og\s+inhabilitet|fraværende(?:\s+(?:med|uden)\s+afbud)?|afbud(?:\s+fra)?(?:\s*/\s*fraværende)?|deltog\s+ikke(?:\s+(?:i|på)\s+mødet|\s+(?:ved|i|under)\s+(?:sagens\s+)?behandling(?:en)?(?:\s+af\s+(?:sagen|punktet))?)?|forfald|fravær|ikke\s+mødt|udeblevet|følgende\s+udeblev(?:\s+uden\s+afbud)?|følgende\s+(?:havde|har)\s+meldt\s+(?:afbud|forfald)|følgende\s+deltog\s+ikke\s+i\s+behandlingen\s+af\s+punktet)(?:\s+(?:på\s+grund\s+af|pga\.?|p\.g\.a\.|grundet)\s+[^:]{1,60}:)?\s*[:\-–]?\s*)+(?P<names>.*)$
# A sentence recording absence: "Mette Ekstrøm og Rikke Pedersen var fraværende.", "Danni Olsen (O) deltog ikke i
# mødet.", "Linda Peitersen deltog ikke på mødet.", "X udeblev uden afbud". Group names; group partial is set when it
# is about part of the meeting only ("var fraværende under punkt 13").
# The whole sentence before the verb, so that one name the form below cannot read does not hide the others:
# "Peter Andersen, Gert winther og Linda Peitersen deltog ikke på mødet."
absence.sentence ^(?P<names>\p{Lu}(?:[^.:;]|\s\p{Lu}\.)*?)\s+deltog\s+ikke\s+(?:i|på)\s+mødet(?P<partial>)\s*\.?$
absence.sentence (?P<names>\p{Lu}[\p{L}'’.-]*(?:\s+(?:\p{Lu}[\p{L}'’.-]*|la|de|von|van|af))+(?:\s*\([^)]*\))?(?:\s*(?:,|og)\s*\p{Lu}[\p{L}'’.-]*(?:\s+(?:\p{Lu}[\p{L}'’.-]*|la|de|von|van|af))+(?:\s*\([^)]*\))?)*)\s+(?:var\s+fraværende|deltog\s+ikke\s+(?:i|på)\s+mødet|udeblev(?:\s+uden\s+afbud)?|havde\s+(?:meldt\s+)?(?:afbud|forfald)(?:\s+til\s+mødet)?|har\s+meldt\s+(?:afbud|forfald)(?:\s+til\s+mødet)?|var\s+forhindre(?:t|de)(?:\s+i\s+at\s+deltage(?:\s+i\s+mødet)?)?)(?P<partial>\s+(?:under|i|fra|til|efter)\b)?
# A sentence listing absentees (a name may have an initial): "Der var afbud fra Jørgen Hansen, Jørgen Rørbæk
# Henriksen og Arne Nielsen.", "Der var afbud fra Lina H. Jespersen og Jette Ramskov.",
# "Alle medlemmer var mødt undtagen Anders Kühnau og Inger-Marie Tryde, der havde meldt afbud.", "(afbud fra Søren
# Larsen)", "Uden afbud Martin Bech.". Group: names.
absence.listed ^(?i:der\s+(?:var|er)\s+afbud\s+fra|afbud\s+fra|(?:fraværende\s+)?uden\s+afbud:?|(?:alle\s+)?(?:medlemmer|medlemmerne)\s+var\s+(?:mødt|til\s+stede),?\s+(?:undtagen(?:\s+fra)?|bortset\s+fra))\s+(?P<names>\p{Lu}(?:[^.:]|\s\p{Lu}\.)*?)(?:,\s+der\s+(?:havde\s+meldt\s+)?afbud.*)?\.?$
# The same sentence run on after a header by a lost line break, names with initials: "… 8800 Viborg Medlemmerne var
# mødt, bortset fra Anne V. Kristensen, Alice Espeholt og Tove Videbæk, der havde meldt afbud."
absence.listed (?i:(?:alle\s+)?medlemmer(?:ne)?\s+var\s+(?:mødt|til\s+stede)),?\s+(?i:undtagen(?:\s+fra)?|bortset\s+fra)\s+(?P<names>\p{Lu}.*?),?\s+(?i:der\s+(?:havde\s+)?(?:meldt\s+)?(?:afbud|forfald))
# The decision's first point run onto the last name under an absence label by a lost line break: "Jan Sørensen
# 1. Status på anbefalinger … blev drøftet". Groups: names, point.
absence.name_then_point ^(?P<names>\p{Lu}.*?)\s+(?P<point>\d{1,2}[.)]\s+\p{Lu}.*)$
# An absence in brackets inside a decision: "Godkendt (afbud fra Søren Larsen)."
absence.parenthetical \s*\((?i:afbud\s+fra|fraværende:?)\s+(?P<names>[^)]+)\)
# The items an absentee of the meeting's list was absent from, after the name: "Britt Jensen (A), sag 129-138",
# "Jens Hansen, pkt. 4", "Mette Holm (V), punkt 1-3". Groups: first, last.
absence.item_range ,\s*(?i:sager|sag|pkt\.?|punkterne|punkt)\s*(?P<first>\d{1,4})(?:\s*[-–]\s*(?P<last>\d{1,4}))?\s*\.?$
# A substitute: "Hanne Jensen (A) deltog i stedet for Steen S. Hansen (A)", "X var indkaldt som stedfortræder for Y",
# "X deltog som suppleant for Y", "Inger Andersen (A) deltog i mødet i stedet for Tanja Larsson (A)", "Carsten Hæstrup
# er indkaldt som suppleant for Maike Fiil", "Karsten P. Smith - indkaldt som suppleant for Britta Jensen-Terpet",
# "Stedfortræder Jacob Rosenberg mødte for Laura Lindahl, der havde forfald.": the one replaced is absent.
absence.substitute (?i)^(?P<present>.+?)\s+(?:[-–]\s+)?(?:deltog|mødte|(?:(?:var|er)\s+)?indkaldt|indtrådte|indtræder)(?:\s+i\s+mødet)?\s+(?:i\s+stedet\s+for|som\s+(?:stedfortræder|suppleant)\s+for)\s+(?P<names>.+?)\.?$
absence.substitute (?i)^(?:stedfortræder|suppleant)\s+(?P<present>.+?)\s+(?:mødte|deltog)\s+for\s+(?P<names>.+?)(?:,\s+der\s+(?:havde\s+)?(?:meldt\s+)?(?:afbud|forfald))?\.?$
# "Berit Bruun (berbr) Ø (Stedfortræder for Jan Jakobsen)": a member list marks the one replaced.
absence.substitute_note (?i)\(\s*(?:stedfortræder|suppleant)\s+for\s+(?P<names>[^)]+)\)
# "Y - X mødte som stedfortræder", "Bent Krogh Petersen - Bo Morthorst Rasmussen deltager som stedfortræder.": the name
# before the dash is absent.
absence.substitute_for ^(?P<names>\p{Lu}[^-–]+?)\s+[-–]\s+\p{Lu}.+?\s+(?i:mødte|deltog|deltager)\s+(?i:som\s+stedfortræder)\.?$
# A member list entry marked away: "Jan Jakobsen (jja) Ø (Orlov)". Groups: name, party.
absence.member_note (?P<name>\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*)+)\s*(?:\(\p{Ll}+\)\s*)?(?P<party>\p{Lu}\p{Lu}?)?\s*\((?i:orlov|fraværende|afbud)\)
# A participant list entry marked away after a dash: "Jorun Bech (A)- afbud", "Peter Jacobsen (O), 1. næstformand- afbud"
absence.member_note ^(?P<name>\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*)+)\s*(?:\((?P<party>\p{L}+)\))?(?:,[^-–]*?)?\s*[-–]\s*(?i:afbud|fraværende)\.?$
# A participant list entry marked away after a colon: "Sofie de Bretteville Olsen: Afbud (Stedfortræder Jarl Feyling)"
absence.member_note ^\s*(?:[•·▪*]\s*)?(?P<name>\p{Lu}[\p{L}.'’-]*(?:\s+(?:\p{Lu}[\p{L}.'’-]*|de|la|von|van|af))+)\s*(?:\((?P<party>\p{L}+)\))?\s*:\s*(?i:afbud|fraværende)\b.*$
# Partial attendance, recorded but not an absence: "Jens Hansen (V) deltog fra kl. 10", "X forlod mødet kl. 18.00",
# "X deltog ikke i behandlingen af pkt. 4", "X deltog ikke under punkterne 12-15", "X var fraværende under punkt 13",
# "Torben Engholm deltog ikke i sagens behandling.", "X var ikke til stede under den lukkede del af mødet."
attendance.partial (?i)^(?P<names>\p{Lu}.+?)\s+(?P<note>(?:deltog|var\s+til\s+stede|mødte)\s+(?:fra|til|indtil|først)\s+(?:kl\.?|punkt|pkt\.?).*|forlod\s+mødet.*|ankom(?:\s+til\s+mødet)?\s+(?:kl\.?|under).*|deltog\s+ikke\s+(?:i|under)\s+(?:behandling(?:en)?|punkt|pkt|sagens\s+behandling).*|var\s+fraværende\s+under.*|var\s+ikke\s+til\s+stede\s+under.*|var\s+inhabil.*|erklærede\s+sig\s+inhabil.*)$
# In a quoted decision of another body, not taking part in its handling of the case is that meeting's
# absence: "Jesper Kjeldsen deltog ikke i sagens behandling."
attendance.history_absent (?i)(?:deltog\s+ikke|var\s+forhindre(?:t|de)\s+i\s+at\s+deltage)\s+i\s+sagens\s+behandling
# A list of who attended, label alone, the names on the lines after it: "Deltagerne var:", "Tilstede var:"
attendance.present_label (?i)^(?:deltagerne\s+var|tilstede\s+var|til\s+stede\s+var|til\s+stede|tilstede|mødedeltagere|deltagere)\s*:?$
# A sentence recording who took part besides the members: "Under punktet deltog Line Krogh Lay (B) og Jan
# Jespersen (Ø) med observatørstatus."
attendance.present (?i)^under\s+(?:punktet|behandlingen|sagen)\s+deltog\b|\bdeltog\s+(?:som|med)\s+observatør
# A sentence naming who came in someone's place (the substitute is present, the absence is elsewhere):
# "I stedet deltog Rie Frank (A)", "Som stedfortræder deltog Helle Obenhausen Mortensen (A)", "Som suppleant deltog
# Hanne Ringgaard Møller.", "John Larsen deltager
# i stedet.", "Stedfortrædere: Bitten Jørgensen (V) og Jannik H. Jørgensen (A)", "Kenneth Dahl og Morten Juhl deltog
# som suppleanter.", "Niels Kirkegaard er indkaldt som suppleant."
attendance.substitute_present (?i)^(?:i\s+stedet\s+deltog|som\s+(?:stedfortræder|suppleant)\s+deltog|stedfortrædere?\s*:)|\bdeltager\s+i\s+stedet\b|\bdeltog\s+i\s+stedet\b|\b(?:er|var)\s+indkaldt\s+som\s+(?:suppleant|stedfortræder)\.?$|\bdeltog\s+som\s+(?:suppleant|stedfortræder)(?:er|e)?\.?$
# A person alone on a line where a PDF conversion lost the label: "Christian Plank (F)"
person.bare ^(?P<name>\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*)+)\s*\((?P<party>\p{L}+)\)\.?$
# A name alone on the line after a decision, in the slot where a format prints its absences:
# "Eva Kjer Hansen", "Henning A. Rasmussen"
person.name_only ^\p{Lu}\p{Ll}+(?:[-\s]\p{Lu}\.)?(?:[-\s]\p{Lu}\p{Ll}+)+$
# One name in a list, party in brackets or after a comma/space: "Steen S. Hansen (A)", "Jens Hansen, V",
# "Ib Olsen V", "Klaus Hansen (hjkh) V" (initials in brackets, then the party)
person.entry ^(?P<name>\p{Lu}.*?)(?:\s*\((?P<initials>\p{Ll}+)\))?(?:\s*\((?P<party>[\p{L}.]+)\)|\s*,?\s+(?P<letter>\p{Lu}\p{Lu}?))?\s*\.?$
# What a person's name looks like: capitalised words, with the particles of Danish names
person.name ^\p{Lu}[\p{L}.'’-]*(?:\s+(?:\p{Lu}[\p{L}.'’-]*|de|la|le|du|von|van|af))*$
# Why a member in a list was away, after the name: "…, tjenesterejse.", "…, F, (anden årsag)"
person.reason ^\(?\p{Ll}[\p{L}-]*(?:\s+\p{Ll}[\p{L}-]*){0,3}\)?\.?$
# A role written before a name in an attendance list: "Borgmester Anna Mee Allerslev", "Udvalgsmedlemmerne Maria
# Brumvig"
person.role ^(?:(?i:over)?[Bb]orgmester|[Rr]ådmand|[Ff]ormand|[Nn]æstformand|[Kk]oncerndirektør|[Dd]irektør|[Vv]icepolitidirektør|[Oo]bservatør|[Uu]dvalgsmedlem(?:merne|met)?|[Mm]edlemmerne|[Kk]ommunaldirektør)\s+
# A date after the last name of a list: "Eike Albrechtsen 25. april 2013", "Eike Albrechtsen 25-04-2013"
person.trailer \s+\d{1,2}\.?\s*(?:\p{L}+\.?\s+|[-./]\s*\d{1,2}\s*[-./]\s*)\d{2,4}\.?$
# A substitute after a dash, an address after the last name: "Villy Søvndal, F - Tine Hundahl Jensen stedfortræder",
# "Erling Prang Silkeborg Kommune Søvej 1, 8600 Silkeborg"
person.trailer \s+[-–]\s+\p{Lu}[^-–]*?\s+(?i:stedfortræder|suppleant)\.?$
person.trailer \s+\p{Lu}\p{L}+\s+Kommune\b.*$
# What follows a name in a list and is no part of it: " pga. arbejde", " ved afbud", " (ferie)", " Stedfortræder",
# " stedfortræder Anders Liltorp", " – som stedfortræder deltog Birgit Holse."
person.trailer \s+(?:[-–]\s+(?i:som\s+)?)?(?:(?i:pga\.?|på\s+grund\s+af|grundet|stedfortræder|suppleant)\b.*|\(\s*\p{Ll}[^)]*\))$
# A party alone on the line after a name in a list: "(V)"
person.party_only ^\s*\(\p{Lu}[\p{L}]{0,3}\)\s*$
# A list entry that names the one who came instead: "Merete Øverup indkaldt", "Jes König deltog"
person.substitute_entry (?i)\s(?:indkaldt|deltog|deltager|mødte)(?:\s+i\s+stedet)?\.?$
# Words in a name list that are no name: "Ingen", "-", a stray all-caps word ("REFERAT"), "Formand", "Næstformand"
person.not_name (?i:ingen|intet|formand|næstformand)\.?|-+|–|\p{Lu}\p{Lu}\p{Lu}+
# The end of a name list where a sentence begins: "Langballe. Åse Kubel Høeg forlod mødet", "(A). John Larsen
# deltager i stedet" (not after an initial: "Niels F. Dahlmann")
person.list_end (?:\p{L}\p{Ll}|\))\.\s+\p{Lu}\p{L}*(?:\s+\p{Lu}[\p{L}.'’-]*)*\s+\p{Ll}
# The next label of a page run onto one line, after an absence label's names: "Fraværende: Torben Skovhus Til
# behandling forelå: SAGER …" (a capital, words in lower case, a colon)
absence.next_label \s\p{Lu}\p{Ll}+(?:\s+\p{Ll}+){0,3}\s*:(?:\s|$)

# --- recommendation ----------------------------------------------------------------------------
# Who recommends, to whom, via whom: "Børn & Læring indstiller til KB via DIR og BUL og ØU, at",
# "Direktionen indstiller til ØU, via SSU, BUL og AET, at", "Koncerndirektionen indstiller:",
# "Kommunaldirektøren anbefaler, at", "Borgmesteren foreslår,", "Økonomi og Erhverv fremsender til byrådets
# orientering", "Administrationen indstiller til Byrådet"
recommendation.by ^(?P<by>\p{Lu}.*?)\s+(?:indstiller|anbefaler|foreslår|fremsender)(?:\s+(?:hermed\s+)?(?:over\s+for|til)\s+(?P<to>.+?))?(?:\s*,?\s+via\s+(?P<via>.+?))?\s*(?:,?\s*at\b.*|[:;].*|,|\.)?$
# "Områdechefen for Fritid og Kultur indstiller udviklingen af en kulturstrategi til drøftelse.": what is
# recommended follows the verb (no route); also after a comma where a rendering lost the "at" ("Borgmesteren
# indstiller, det udsendte forslag …")
recommendation.by ^(?P<by>\p{Lu}.*?)\s+indstiller,?\s+(?P<to>)(?P<via>)\p{Ll}.*$
# A members' proposal: "Maria Haladyn (A) og Karl Magnus Bidstrup (A) fremsætter forslag om at priserne …", "V
# stiller følgende forslag:"
recommendation.by ^(?P<by>\p{Lu}.*?)\s+(?:fremsætter|stiller)\s+(?:følgende\s+)?(?:medlems)?forslag(?P<to>)(?P<via>)\b.*$
# The body addressed, when the recommender names it through a genitive: "til byrådets orientering",
# "til Økonomiudvalgets godkendelse". What follows the noun is what is sent, not more bodies: "til
# Økonomiudvalgets orientering workshop med deltagelse af BusinessAalborg og Økonomiudvalget om ..."
recommendation.to_genitive ^(?P<to>.+?)s\s+(?:orientering|godkendelse|beslutning|efterretning|behandling)\b(?P<object>.*)$
# The body the recommendation asks to decide, named as the subject of its first clause: "at byrådet
# godkender", "at Udvalget for Miljø og Teknik tager ... til efterretning", or alone: "Børne- og
# Undervisningsudvalget tager orienteringen til efterretning."
recommendation.to_subject (?:^|\bat\s+)(?P<to>(?:(?:\p{Lu}[\p{L}-]*|og|for|i|&|\p{L}+-),?\s+)*\p{L}*(?i:udvalget|udvalg|rådet|råd|bestyrelsen|bestyrelse|magistraten)|(?i:udvalget\s+for)\s+\p{Lu}\p{L}*(?:,?\s+(?:og\s+)?\p{Lu}\p{L}*)*)\s+(?i:godkender|godkende|tager|drøfter|beslutter|vedtager|anbefaler|tiltræder|bevilger|træffer|meddeler|udpeger|vælger|orienteres|frigiver|giver|afsætter|optager|hjemtager|fastsætter|igangsætter|ophæver|opretter|nedlægger|udtaler|bemyndiger|afgiver|indgår|tilslutter|sender|overdrager|imødekommer|beder|ønsker|noterer|prioriterer|disponerer|afgør|anmoder|accepterer|forlænger|tildeler|fordeler|nedsætter)\b
# The bodies a recommendation asks the body addressed to pass it on to, which decide in the end: "Direktøren
# indstiller til Økonomiudvalget at anbefale over for kommunalbestyrelsen", "…, at det overfor Økonomiudvalget og
# Kommunalbestyrelsen anbefales", "Forvaltningen indstiller til Økonomiudvalget at anbefale Byrådet, at …"; the
# bodies end in a body's word ("at det over for borgerne oplyses" names none)
recommendation.onward (?i:\bat\s+(?:det\s+)?(?:anbefale\s+)?over\s*for)\s+(?P<to>\p{L}[\p{L}\s,&-]*?(?i:rådet|råd|bestyrelsen|bestyrelse|udvalget|udvalg|magistraten|borgerrepræsentationen))(?:\s+(?i:at|anbefales|godkender|godkende)\b.*|\s*[,:;.].*)?$
recommendation.onward (?i:\bat\s+anbefale)\s+(?P<to>(?:\p{L}+\s+){0,3}?\p{L}*(?i:rådet|bestyrelsen|udvalget))(?:[\s,:;.].*)?$
# What a recommendation is sent "til" that is no body: "Kommunaldirektøren indstiller til godkendelse."
recommendation.no_body (?i)^(?:godkendelse|orientering|beslutning|efterretning|behandling|drøftelse|vedtagelse|udtalelse|høring)\b
# A part of a route that names a body on its own: a body's word or an abbreviation ("ØU", "KB"). A part
# that does not ("Fritid" after "Udvalget for Kultur og") belongs to the name before it.
recommendation.body_on_its_own (?i:udvalg|udvalget|råd|rådet|bestyrelse|bestyrelsen|direktion|direktionen|kommission|kommissionen|magistraten|borgerrepræsentationen|forum|forummet)$|^\p{Lu}\p{Lu}+$
# A body named generically, not by its name: "udvalget"
recommendation.generic_body (?i)udvalget|udvalg
# Impersonal: "Det indstilles, at ...", "Det indstilles:", "Det foreslås": no named recommender
recommendation.impersonal (?i)^det\s+(?:indstilles|foreslås|anbefales)
# Separators of a list of bodies: "DIR, BUL og ØU", "SSU samt AET", "Karin Friis Bach (B), og M"
list.separator \s*,\s*(?:(?:og|samt)\s+)?|\s+og\s+|\s+samt\s+|\s*\+\s*|\s*&\s*
# "Lars Rytter ved afbud Niels F. Dahlmann ved afbud": the reason after each name separates them
list.separator \s+(?i:ved\s+afbud)\b\s*

# --- points ------------------------------------------------------------------------------------
# A numbered point: "1. ...", "1) ...", "Ad 1) ...", "Ad 1. ...", "Ad. 1 ...", "Ad 1 Godkendt.", "At 1: ...",
# "At 1) ...", "Pkt. 2: ...", "1. - 2. Anbefalet" (a point for several)
point.numbered ^(?i:ad\.?)\s*(?P<n>\d{1,2})\s*[.):]?(?:\s+|$)(?P<text>.*)$
# "Pkt. 2: …" ("Pkt. 13 blev rykket frem" is a sentence about item 13)
point.numbered ^(?i:pkt\.?|punkt)\s*(?P<n>\d{1,2})\s*[.):](?:\s+|$)(?P<text>.*)$
# "At 1) …", "At 1: …" ("at 1. stedfortræder …" is a sentence about the first substitute)
point.numbered ^(?i:at)\s*(?P<n>\d{1,2})\s*[):](?:\s+|$)(?P<text>.*)$
point.numbered ^(?P<n>\d{1,2})\s*[.):](?:\s*[-–]\s*\d{1,2}\s*[.):])?(?:\s+|$)(?P<text>.*)$
# "At) …": a point whose number was left out (it takes the next one)
point.numbered ^(?i:at)\s*\)(?P<n>)\s*(?P<text>.*)$
# A lettered point: "a. udfases", "b) reorganiseres", "A) De foreslåede arbejder godkendes."
point.lettered ^(?P<letter>[a-hA-H])\s*[.)]\s+(?P<text>.*)$
# A bulleted point: "• ...", "- ...", "– ..."
point.bullet ^[•·▪\-–]\s*(?P<text>.*)$
# An "at"-list point: "at ledelsesinformationen tages til efterretning"
point.at ^(?i:at)\s+\S
# What introduces points and is none: "Det indstilles:", "Forvaltningen indstiller, at"
point.intro (?i)^det\s+indstilles\s*[:,]?\s*(?:at)?$

# --- outcomes (first key in this order that matches wins) --------------------------------------
# "Kan ikke anbefales", "ikke godkendt", "Afvist", "forkastet", "Indstillingen blev ikke tiltrådt"
outcome.rejected (?i)\b(?:kan\s+ikke\s+(?:anbefales|godkendes|tiltrædes|anbefale|godkende|tiltræde)|ikke\s+(?:godkendt|anbefalet|tiltrådt|vedtaget)|afvist|afvises|forkastet|forkastes|faldt)\b
# "Udsat", "Sagen udsættes", "Genoptages på næste møde", "Punktet blev udsat", "besluttede at udsætte"
outcome.postponed (?i)\b(?:udsat|udsættes|udsætte|genoptages|udskudt|udskydes|trukket\s+af\s+dagsordenen|sendes\s+tilbage)\b
# "Oversendes til Økonomiudvalget", "Sagen sendes videre til KB", "oversendt", "Fremsendes til Teknisk Udvalg til
# behandling", "fremmet til realitetsbehandling i forretningsudvalget", "Sendt til behandling i Magistraten", "Henvist
# til Magistraten", "sendes herefter til endelig godkendelse i SSU" (what another body is to do is no outcome here)
outcome.referred (?i)\b(?:oversendes|oversendt|sendes\s+videre|videresendes|henvises\s+til|henvist\s+til|fremsendes|fremmet\s+til\s+(?:realitets)?behandling|sendes\s+(?:herefter\s+|derefter\s+|nu\s+)?til|sendt\s+(?:videre\s+)?til)\b
# A decision reported in a sentence after the Indstilling, with no heading (Københavns Borgerrepræsentation's
# protocol): "Indstillingen blev godkendt uden afstemning.", "Medlemsforslaget blev tiltrådt med 34 stemmer imod 15."
decision.reported ^(?:Indstillingen|Forslaget|Medlemsforslaget|Beslutningsforslaget|Ændringsforslaget)\s+blev\s+\p{Ll}
# "Anbefales", "Udvalget anbefaler", "indstilles til godkendelse", "Anbefalet", "Indstilles godkendt"
outcome.recommended (?i)\b(?:anbefal(?:e|er|es|et|ede)|indstilles\s+til|indstiller\s+til|indstilles\s+(?:godkendt|vedtaget|tiltrådt))\b
# "Godkendt", "Godkendes", "Dagsorden godkendt", "Vedtaget", "Tiltrådt", "bevilget", "har vedtaget",
# "Kommunalbestyrelsen bekræfter beslutningen fra mødet den 17. februar"
outcome.approved (?i)\b(?:godkend\p{L}*|vedtag\p{L}*|vedtog|tiltrådt|tiltrædes|tiltrådte|bevilget|bevilges|besluttet|bekræft(?:er|es|et|ede))\b
# An election is decided: "Henning Urban Dam er herefter valgt til hvervet som formand", "Jens Hansen
# blev genvalgt som næstformand", "Udsatterådet valgte Majbrit Bjerke som formand" (not "han var valgt
# til Movias bestyrelse", told as news, nor "Udvalget valgte at udsætte sagen", nor "Stevns Kommune er
# valgt til at deltage i projektet", a selection)
outcome.approved ^\p{Lu}[\p{L}.-]*(?:\s+\p{Lu}[\p{L}.-]*){0,4}\s+(?:er|blev)\s+(?:(?i:herefter|hermed|dermed|derfor|enstemmigt)\s+)*(?:gen)?valgt\s+(?:som\b|til\s+(?:[^a\s]|a[^t\s]|at\S))
outcome.approved ^\p{Lu}[\p{L}-]*(?:\s+[\p{L}-]+){0,3}\s+(?:gen)?valgte\s+\p{Lu}[\p{L}.-]*(?:\s+\p{Lu}[\p{L}.-]*){0,4}\s+(?:som|til)\b
# "Taget til efterretning", "Til efterretning", "Taget til orientering", "Orienteringen blev taget"
outcome.noted (?i)\b(?:til\s+efterretning|til\s+orientering|orienteringen\s+(?:blev\s+)?taget|orienteret|orientering\s+givet)\b
# "Drøftet", "Sagen drøftet", "Udvalget drøftede"
outcome.discussed (?i)\b(?:drøftet|drøftede|drøftes)\b
# "Behandlet", "Budgetforslaget behandlet"
outcome.handled (?i)\b(?:behandlet|behandles|behandlede|behandler)\b
# A decision that is one short phrase: "Godkendt", "Anbefales.", "Til efterretning." (never an item's title)
outcome.phrase (?i)(?:godkendt|godkendes|anbefales|anbefalet|vedtaget|tiltrådt|taget\s+til\s+(?:efterretning|orientering)|til\s+(?:efterretning|orientering)|drøftet|udsat|behandlet|afvist|ikke\s+godkendt|intet|ingen)\s*\.?
# A sentence of a decision that is not the body's decision: a minority's or a member's position, a
# vote count, a procedural remark ("X kan ikke anbefale indstillingen", "Imod stemte ...", "X tog forbehold",
# "... kunne ikke tiltræde indstillingen", "Et flertal (A+V+C) besluttede:"), a sentence about another item
# ("Punkt 28. Beslutning om at indgå aftale med Lejerbo … udsat." under the approval of the agenda)
outcome.aside ^(?i:punkt|pkt\.?)\s*\d+\b|(?i)\bkan\s+ikke\s+(?:anbefale|godkende|tiltræde|støtte)\b|\bkunne\s+ikke\s+(?:anbefale|godkende|tiltræde|støtte)\b|\bstemte\s+(?:for|imod|hverken)\b|\bstemmer\s+imod\b|\b(?:imod|for)\s+stemte\b|\btog\s+forbehold\b|\bundlod\s+at\s+stemme\b|(?:^|\s)ønsker\s+sagen\b|\bflertal\b.*:\s*$|\bfremsatte\s+(?:forslag|ændringsforslag)\b|\binhabil|^\p{Lu}\p{L}+(?:\s+\p{Lu}[\p{L}.-]*)+\s+(?:anbefalede|foreslog|indstillede)\b

# A relative clause that says what was done to something else, not what the body decided: "byrådsmedlemmer,
# der er bevilget orlov", "Sagen, som blev udsat på sidste møde, blev godkendt", "hvor der er afsat midler".
# Left out before the outcome is read. Lower-case "der"/"som": "Der blev bevilget 2 mio. kr." is a decision.
outcome.relative_clause (?:^|[^\p{L}])(?:der|som)\s+(?:er|blev|var|har|havde)\s+(?:(?i:tidligere|allerede|senest|netop|endeligt)\s+)?(?i:godkendt|vedtaget|bevilget|besluttet|tiltrådt|anbefalet|udsat|afvist|oversendt|behandlet|drøftet)\b

# --- promises of a return: the decision leaves the case open until a later item -----------------
# The sentence (group "sentence") of a decision that promises the body a return:
# "BUL forelægges på næste møde en implementeringsplan", "Forvaltningen vender tilbage til udvalget
# i september", "Sagen genoptages på næste møde", "fremlægges igen for udvalget", "tages op igen";
# not a model that "genoptages senest 1. juni" (that is no return to the body)
promise.return (?P<sentence>(?:[^.!?]|\d\.\s*\pL|\b(?:pkt|jf|bl\.a|ca|nr)\.)*(?i:\bforelægges|\bfremlægges|\bgenfremlægges|\bvender\s+tilbage|\bkommer\s+tilbage|\b(?:sagen|punktet)\s+genoptages|\bgenoptages\s+på\s+(?:et\s+)?(?:næste|kommende|senere)\s+møde|\btages\s+op\s+igen|\bgenbehandles)\b(?:[^.!?]|\d\.\s*\pL|\b(?:pkt|jf|bl\.a|ca|nr)\.)*[.!?]?)

# When a promised return is due (the report marks a case overdue after it), read from the promise
# sentence: a month, perhaps with a day and a year ("vender tilbage til alle udvalg i september
# 2020", "forelægges senest 1. december"; without a year, the first such month after the decision),
# or the body's next meeting (group next: "forelægges på næste møde", "genoptages på kommende møde").
promise.due (?i)\b(?:i|inden|senest|primo|medio|ultimo|til|løbet\s+af|udgangen\s+af)\s+(?:(?P<day>\d{1,2})\.\s*)?(?P<month>januar|februar|marts|april|maj|juni|juli|august|september|oktober|november|december)\b(?:\s+(?P<year>\d{4}))?|\b(?P<next>(?:på|til)\s+(?:det\s+)?(?:næste|kommende)\s+(?:udvalgs)?møde)

# --- votes (groups for, against, abstained: lists of party letters or names) ------------------
# "Anbefales af et flertal bestående af V+N+A+B", "Et flertal (V, O og C) godkender", "Et flertal (A+V+C) besluttede:"
votes.for (?i:flertal)(?:\s+(?i:af)\s+\p{Lu}\p{L}*)?\s*(?:(?i:bestående\s+af)|\(|:)\s*(?P<for>\p{Lu}{1,2}(?:\s*(?:\+|,|og)\s*\p{Lu}{1,2})*)(?:[\s+,.;:)]|$)
# A majority of members by name and party: "Et flertal bestående af Line Krogh Lay (B), Helen Sørensen (A) og
# Flemming Petersen (V) anbefaler indstillingen.", "Et flertal af Økonomiudvalget (Anette Mortensen (V), Steen S.
# Hansen (A) og Mikkel Lundemann Rasmussen (C) anbefaler …"
votes.for (?i:flertal)(?:\s+(?i:af)\s+\p{Lu}\p{L}*)?\s*(?:(?i:bestående\s+af)\s+|\(\s*)(?P<for>\p{Lu}(?:[^.;:!?]|\s\p{Lu}\.)*\))\)?\s+\p{Ll}
# "For stemte: V, C og O", "For stemte 23 medlemmer (V, A (undtagen Henrik Hansen), B og C)", "For dette stemte 13
# medlemmer (A, V, B, Ø og F)"
votes.for (?i)for\s+(?:dette\s+|forslaget\s+)?stemte\s*:?\s*(?P<for>[^.;]+(?:\([^)]*\)[^.;]*)?)
# "For flertalsindstillingen fra ØK stemte 11 (Radikale Venstre, Konservative, …)", "For: 20 (Bo Hilsted (A), …)"
votes.for (?i)^for\s+\S.*?\s+stemte\s+\d+\s*\((?P<for>.*)\)
votes.for (?i)^for\s*:\s*\d+\s*\((?P<for>.*)\)
# "For: Gruppe A, F, O, V, C og F.": party letters alone, a group or list word before each
votes.for ^(?i:for)\s*:\s*(?P<for>(?:(?i:gruppe|liste)\s+)?\p{Lu}{1,2}(?:\s*(?:,|\+|og)\s*(?:(?i:gruppe|liste)\s+)?\p{Lu}{1,2})*)\s*\.?$
# "6 medlemmer (V+A+C+N) anbefaler indstillingen"
votes.for \d+\s+(?i:medlemmer|medlem)\s*\((?P<for>[^)]+)\)\s+(?i:anbefaler|godkender|stemmer\s+for|stemte\s+for|tiltræder)
# "Socialistisk Folkeparti og Socialdemokratiet stemte for denne ændring."
votes.for (?P<for>\p{Lu}[^.;]*?)\s+(?i:stemte|stemmer)\s+(?i:for)\b
# A minority is the other side, whatever it wishes: "Et mindretal bestående af Varly Jensen (O) og Jørgen Larsen (N)
# ønsker punkt 220 behandlet.", "Et mindretal (O og Ø) kan ikke anbefale".
votes.against (?i:mindretal)(?:\s+(?i:af)\s+\p{Lu}\p{L}*)?\s*(?:(?i:bestående\s+af)|\(|:)\s*(?P<against>\p{Lu}{1,2}(?:\s*(?:\+|,|og)\s*\p{Lu}{1,2})*)(?:[\s+,.;:)]|$)
votes.against (?i:mindretal)(?:\s+(?i:af)\s+\p{Lu}\p{L}*)?\s*(?:(?i:bestående\s+af)\s+|\(\s*)(?P<against>\p{Lu}(?:[^.;:!?]|\s\p{Lu}\.)*\))\)?\s+\p{Ll}
# A majority's own "kan ikke godkende" is the decision, no dissent: "Et flertal bestående af … kan ikke godkende, at …"
votes.majority (?i)\bflertal(?:let)?\b
# "Liste O kan ikke godkende", "(Ø) stemte imod", "A og F stemmer imod", "O (1) kan ikke anbefale", "1 medlem (O)
# stemmer imod", "Claus Redder Madsen (F) kan ikke anbefale", "Radikale Venstres og Alternativets byrådsgrupper kunne ikke
# tiltræde indstillingen", "Venstre, Det Konservative Folkeparti og Radikale Venstre stemte imod.", "Enhedslisten kan ikke
# tilslutte sig rammeudmeldingen.", "DF, Enhedslisten, Marie Louise Brehm Nielsen og Henning A. Rasmussen kan ikke tiltræde"
votes.against (?P<against>(?:[^.;:]|\s\p{Lu}\.)*?)\s+(?i:kan\s+ikke\s+(?:godkende|anbefale|tiltræde|støtte|tilslutte\s+sig|anerkende)|kunne\s+ikke\s+(?:godkende|anbefale|tiltræde|støtte|tilslutte\s+sig|anerkende)|stemte\s+imod|stemmer\s+imod|var\s+imod)
# "Imod stemte: A og Ø", "Imod stemte 5 medlemmer (O og Ø)", "Imod stemte Martin Henriksen (O).", "Imod forslaget
# stemte 4, Lars Folmann (O), Borgerlisten, Liberal Alliance."
votes.against (?i)imod\s+(?:dette\s+|forslaget\s+)?stemte\s*:?\s*(?P<against>[^.;]+(?:\([^)]*\)[^.;]*)?)
# "Imod: 6 (… Ulla Hardy-Hansen (C), …)"
votes.against (?i)^imod\s*:\s*\d+\s*\((?P<against>.*)\)
# "Imod: Liste H og Gruppe Ø."
votes.against ^(?i:imod)\s*:\s*(?P<against>(?:(?i:gruppe|liste)\s+)?\p{Lu}{1,2}(?:\s*(?:,|\+|og)\s*(?:(?i:gruppe|liste)\s+)?\p{Lu}{1,2})*)\s*\.?$
# "Undlod at stemme: F", "(B) undlod at stemme", "C og N (5 medlemmer) undlod at stemme", "Undlod at stemme:
# Karin Friis Bach (B) og M (1), i alt 2."
votes.abstained (?i)undlod\s+at\s+stemme\s*:\s*(?P<abstained>[^.;]+(?:\([^)]*\)[^.;]*)?)
# "Undlod at stemme 5 (Dansk Folkeparti, Morten Lem, …)"
votes.abstained (?i)undlod\s+at\s+stemme\s+\d+\s*\((?P<abstained>.*)\)
votes.abstained (?i)undlod\s+at\s+stemme\s+(?P<abstained>\(?\p{Lu}{1,2}\)?(?:\s*(?:\+|,|og)\s*\(?\p{Lu}{1,2}\)?)*)(?:[\s.,;]|$)
votes.abstained (?P<abstained>[^.;:]*?)\s+(?i:undlod\s+at\s+stemme|undlader\s+at\s+stemme|stemte\s+hverken\s+for\s+eller\s+imod)
# Where a vote's next part begins when a rendering ran them onto one line: "For stemte: V og I Imod stemte: A,
# B", "… Jeppe Ugilt) Undlod at stemme 5 (…)", "For: 20 (…) Imod: 6 (…)", "For: Gruppe A,
# C og F. Imod: Liste H"
votes.part (?i)\s(?:imod\s+(?:dette\s+|forslaget\s+)?stemte|undlod\s+at\s+stemme\s*(?::|\d)|for\s+stemte|for\s*:|imod\s*:)
# A member named with the party in brackets: the party stands for the member ("Knud Løkke Rasmussen (Frie
# Liberale)" → "Frie Liberale", "Bo Hilsted (A)" → "A"); a party letter or a name of two words or more, so
# "Anne Ehrenreich (ufp)" and "Claus Grimm (Løsgænger)" stay members. Group: party (the first).
votes.member_party \p{Lu}[\p{L}.'’-]*(?:\s+(?:\p{Lu}[\p{L}.'’-]*|de|la|von|van|af))+\s*\((?P<party>\p{Lu}{1,3}|\p{Lu}\p{L}+(?:\s+\p{L}+)+)\)
# A local list by its name, which no party list holds: "Borgerlisten", "Fælleslisten", "Lokallisten"; kept as
# written, as a party without a letter.
votes.local_list ^\p{Lu}\p{Ll}+listen$
# What a vote list names that is no voter: counts ("23 medlemmer"), exceptions ("undtagen Henrik Hansen"),
# group words ("byrådsgruppe", "byrådsgrupper"), "indstillingen", a party's count and the total ("B (4) og Ø (6),
# i alt 10"), "Et mindretal bestående af"
votes.noise (?i)\(\s*\d+\s*\)|,?\s*\bi\s+alt\s+\d+|\(\s*undtagen[^)]*\)|\bundtagen\b.*|\b\d+\s+medlem(?:mer)?\b|\bmedlem(?:mer)?\b|\bbyrådsgrupper?(?:ne)?\b|\bgrupper?\b|\bdenne\s+ændring\b|\bliste\b|\bdette\b|\bforslaget\b|\b(?:et\s+)?(?:flertal|mindretal)(?:\s+bestående\s+af)?\b
