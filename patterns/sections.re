# Section headings of an agenda item. Each pattern matches the heading name only; the segmenter
# accepts it alone on a line, with or without a trailing colon, with its content after a colon,
# with a bullet in front ("• Beslutning"), and with markdown/HTML leftovers removed
# ("**Indstilling:**"). A heading that ends in an item number (group "item") may have its content
# after a space. Where the colon is part of the pattern, it is required.
# Format: key  RE2-regex   (case-insensitive via (?i); UTF-8)

# Case number: "Sagsnr.: 17/6692", "Sagsnr. 17/6488", "Sagsnummer: 20-1234", "Sagsid.: 17/21413", "J.nr.: 00.01.00"
section.case_number (?i)sags?\s*-?\s*(?:nr|id)\.?|sagsnummer|j\.\s*nr\.?|journal\s*nr\.?
# Where an item prints a journal number and a case number ("J.nr.: 00.01.00.A10-0001/2013" / "Sagsnr.: 6628"),
# the case number's label wins
section.case_number_first (?i)^\s*sags?\s*-?\s*(?:nr|id)\.?|^\s*sagsnummer
# Summary: "Resume", "Resumé:", "Kort resumé", "Sagsresumé", "SAGSRESUMÉ", "Sammendrag", "Sagens kerne",
# "Resume og sagens baggrund"
section.resume (?i)(?:kort\s+|sags)?resum[eé](?:\s+og\s+sagens\s+baggrund)?|sammenfatning|sammendrag|sagens\s+kerne|kort\s+beskrivelse
# Recommendation: "Indstilling", "Indstillinger:", "INDSTILLING", "Forvaltningens indstilling", "Administrativ
# indstilling", "Forslag", "Forslag til beslutning", "Indstilling og beslutning", "Beslutningspunkter", "Hovedindstilling"
section.recommendation (?i)(?:\p{L}+s\s+|administrativ\s+|hoved)?indstilling(?:er)?(?:\s+og\s+beslutning)?|forslag(?:\s+til\s+beslutning)?|administrationen\s+indstiller|beslutningspunkter
# "Indstilling om," and "Det foreslås," with the points on the lines after
section.recommendation (?i)indstilling\s+om,|det\s+foreslås,
# "Sundheds- og Forebyggelsesudvalgets beslutning den 04.12.2012 Punkt 1", "Økonomiudvalgets beslutning i mødet
# den 31. marts 2020", "Folkeoplysningsudvalgets beslutning på mødet den 5. april 2019", "Kommunalbestyrelsens møde 28. november 2005 Punkt 1:": the body's genitive, the date and
# (for "møde", which prose also says) the item
section.decision (?P<body>\p{Lu}[\p{L}\s,&-]*?s)\s+(?i:beslutning)(?:\s+(?i:(?:i|på)\s+mødet))?\s+(?:(?i:den|d\.)\s+)?(?P<date>\d{1,2}\s*[-./]\s*\d{1,2}\s*[-./]\s*\d{2,4}|\d{1,2}\.?\s*\p{L}+\.?\s+\d{4})(?:\s+(?i:punkt|pkt\.?)\s*(?P<item>\d{1,4}))?
section.decision (?P<body>\p{Lu}[\p{L}\s,&-]*?s)\s+(?i:møde)\s+(?:(?i:den|d\.)\s+)?(?P<date>\d{1,2}\s*[-./]\s*\d{1,2}\s*[-./]\s*\d{2,4}|\d{1,2}\.?\s*\p{L}+\.?\s+\d{4})\s+(?i:punkt|pkt\.?)\s*(?P<item>\d{1,4})
# "Hovedudvalgets møde den 26. oktober 2021:": without an item, the colon says it is a heading; the body's words
# capitalised, as prose before it ("… under dette punkt på Regionsrådets møde den …:") is not
section.decision (?P<body>(?:\p{Lu}[\p{L}-]*,?\s+(?:og\s+)?)*\p{Lu}[\p{L}-]*s)\s+(?i:møde)\s+(?i:den|d\.)\s+(?P<date>\d{1,2}\s*[-./]\s*\d{1,2}\s*[-./]\s*\d{2,4}|\d{1,2}\.?\s*\p{L}+\.?\s+\d{4})\s*:
# "Byrådets møde punkt 657:": a rendering lost the date; the colon says it is a heading
section.decision (?P<body>\p{Lu}[\p{L}-]*s)\s+(?i:møde)\s+(?i:punkt|pkt\.?)\s*(?P<item>\d{1,4})\s*:(?P<date>)
# This meeting's or another body's decision: "Beslutning", "Beslutninger", "Beslutning:", "Beslutning i
# Økonomiudvalget den 12. juni 2017:", "Beslutning Udvalget for Børn & Ungdom den 07-06-2017:", "BESLUTNING:
# Kommunalbestyrelsen den 31-03-2022", "Beslutning i Byrådet 9. oktober 2018:", "Beslutning på byrådsmødet den
# 22. juni 2022", "Beslutning i Økonomiudvalget (ØK) den 13-06-2018", "Beslutning i Forretningsudvalget 2018-2021
# fredag den 14. august 2020, pkt. 1"
section.decision (?i)(?:\p{L}+s\s+)?beslutning(?:\s*:)?(?:\s+(?:i|for|på)\s+|\s+)(?P<body>.+?)\s+(?:(?:man|tirs|ons|tors|fre|lør|søn)dag\s+)?(?:(?:den|d\.)\s+)?(?P<date>\d{1,2}\s*[-./]\s*\d{1,2}\s*[-./]\s*\d{2,4}|\d{1,2}\.?\s*\p{L}+\.?\s+\d{4})(?:,?\s*(?:pkt\.?|punkt)\s*\d{1,4})?
# "BESLUTNING I KOMMUNALBESTYRELSEN DEN Godkendt.", "Beslutning Økonomiudvalget den Godkendt.", "Beslutning i
# Udvalget for Kultur og Planlægning den : Godkendt.", "Beslutning den : Godkendt.": a rendering lost the date,
# the decision follows the "den" (without a body, only after a colon)
section.decision (?i:beslutning)(?:\s+(?i:i))?\s+(?P<body>\p{Lu}[\p{L}'-]*(?:,?\s+(?:(?:og|for|i|af|&)\s+)*\p{Lu}[\p{L}'-]*)*?)\s+(?i:den)(?:\s*:)?(?P<item>)
section.decision (?i:beslutning)\s+(?i:den)\s*:(?P<item>)
section.decision (?i)(?:\p{L}+s\s+)?beslutning(?:er)?(?:\s+(?:i|for|på)\s+(?P<body>[^:][^:]+?))?|afgørelse
# This meeting's decision named after its body alone, no date: "Beslutning fra Integrationsrådet" (with a date and
# item it quotes another meeting, history)
section.decision (?i:beslutning\s+fra)\s+(?P<body>\p{Lu}[\p{L}\s&-]*?(?i:rådet|udvalget|bestyrelsen|kommissionen|magistraten))
# Who decides: "Beslutningskompetence:", "Kompetence", "Sagen afgøres af", "Sagen afgøres i", "Sagen behandles i",
# "Beslutningen træffes af", "Afgørelseskompetence", "Behandling"
section.competence (?i)beslutningskompetence|afgørelseskompetence|kompetence|sagen\s+(?:afgøres|behandles)\s+(?:af|i)|beslutningen\s+træffes\s+af|beslutningsniveau|behandling
# Recipients for information (colon required: "Til orientering." is also a decision text)
section.orientation (?i)til\s+orientering\s*:
# Case text: "Sagsfremstilling", "Beskrivelse af sagen", "Sagens indhold", "Sagsbeskrivelse", "Baggrund", "Baggrund og vurdering",
# "Anledning", "Sagstema", "Beslutningstema", "Text" (a web template's untitled field), "Beskrivelse", a motion's text
# under "Beslutningsforslag fra ALT"
section.case_text (?i)(?:first-agenda\s+)?sagsfremstilling|(?:beslutnings|medlems)forslag\s+fra\s+[^.:]{1,60}|beskrivelse\s+af\s+sagen|sagens\s+indhold|sagsbeskrivelse|sagens\s+baggrund|baggrund(?:\s+og\s+vurdering)?|redegørelse|anledning|sagstema|beslutningstema|text|beskrivelse
# Of those, the ones that state what the item is to decide, as a summary does: where most items print one, each
# opens its item ("Beslutning i X den …" / "Dagsorden godkendt." / "Beslutningstema" / … / "Beslutning i X den …":
# the first item is a decision alone, the others end with theirs)
section.item_subject (?i)beslutningstema|sagstema
# Earlier decisions: "Historik", "Sagsforløb", "Sagens forløb", "Tidligere beslutninger"
section.history (?i)historik|sagsforløb|sagens\s+forløb|tidligere\s+beslutninger
# Procedure: "Sagens gang", "Videre proces", "Tidsplan", "Høring og sagsgang", "Sagsprocedure", "Inddragelse"
section.process (?i)sagens\s+gang|sagsprocedure|videre\s+proces|proces|tidsplan|høring\s+og\s+sagsgang|(?:borger)?inddragelse(?:\s+og\s+høring)?|tidsperspektiv|(?:forventet\s+)?sagsgang(?:\s+og\s+sagstype)?
# Assessment: "Administrationens vurdering", "Forvaltningens vurdering", "Vurdering", "Alternativer", "Alternativ
# indstilling", "Beskrivelse af alternativ indstilling"
section.assessment (?i)(?:\p{L}+s\s+)?vurdering|alternativer|(?:beskrivelse\s+af\s+)?alternativ\s+indstilling
# Economy: "Økonomi", "Økonomi og finansiering", "Økonomiske konsekvenser", "Bevillingsmæssige konsekvenser",
# "Økonomiske forhold og konsekvenser", "Økonomi og organisatoriske konsekvenser"
section.economy (?i)økonomi(?:\s+og\s+(?:finansiering|organisatoriske\s+konsekvenser))?|økonomiske\s+(?:konsekvenser|forhold)(?:\s+og\s+(?:finansiering|konsekvenser))?|økonomi\s*/\s*finansiering|bevillingsmæssige\s+konsekvenser|finansiering
# Legal basis: "Lovgrundlag", "Retsgrundlag", "Lovhjemmel", "Hjemmel", "Juridiske og planmæssige forhold"
section.legal (?i)lovgrundlag|retsgrundlag|lovhjemmel|hjemmel|lovgivning|juridiske(?:\s+og\s+planmæssige)?\s+forhold
# Attachments: "Bilag", "Bilag:", "Bilagsliste", "Vedhæftede bilag"
section.attachments (?i)bilag|bilagsliste|vedhæftede\s+(?:bilag|filer)|vedlagte\s+bilag
# Known headings that have no field: "Handicappolitik", "Høring", "Kommunikation", "Konsekvenser for klima",
# "Andre konsekvenser", "Mødedeltagelse", "Bemærkninger", "Supplerende bemærkninger fra Politik & Borger:",
# "Borgmesterens Afdelings påtegning"
section.other (?i)handicappolitik|handicappolitiske\s+konsekvenser|høring|høringssvar|kommunikation|klima(?:konsekvenser|mæssige\s+konsekvenser)|miljøvurdering|sundhedsmæssige\s+konsekvenser|personalemæssige\s+konsekvenser|andre\s+konsekvenser|mødedeltagelse|bemærkninger|supplerende\s+bemærkninger(?:\s+fra\s+[^:]{1,40})?:?|\p{L}+s\s+afdelings\s+påtegning|påtegning
# A heading some systems (eDoc, a council's web page) print for the decision inside an item, "Referat",
# "Referat:", "Referat: Godkendt": a decision heading there only, since the title of the minutes says it too.
# Group text: the decision on the heading's line.
section.decision_in_item (?i)referat(?:\s*:\s*(?P<text>.*))?
# A decision heading under which the decision is one block of lines, and what follows a blank line is
# another, untitled field: FirstAgenda's "Beslutninger" (the decision, then the case's one-line
# description or the proposal it answers)
section.decision_block (?i)beslutninger
# The value of a case history or procedure heading that is a one-line field inside another section: the
# bodies the case passes, abbreviated ("Sagsforløb: BY", "Sagsgang: TMU - ØU - BY", "Sagsforløb: SUU/ØK/KB");
# the lines after it still belong to the section it stands in
section.route_field \p{Lu}{1,6}(?:\s*(?:[-–/,>→]|og)\s*\p{Lu}{1,6})*\.?
