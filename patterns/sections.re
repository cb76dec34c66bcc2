# Section headings of an agenda item. Each pattern matches the heading name only; the segmenter
# accepts it alone on a line, with or without a trailing colon, and with markdown/HTML leftovers
# removed ("**Indstilling:**"). Where the colon is part of the pattern, it is required.
# Format: key  RE2-regex   (case-insensitive via (?i); UTF-8)

# Case number: "Sagsnr.: 17/6692", "Sagsnr. 17/6488", "Sagsnummer: 20-1234", "J.nr.: 00.01.00"
section.case_number (?i)sags\s*-?\s*nr\.?|sagsnummer|j\.\s*nr\.?|journal\s*nr\.?
# Summary: "Resume", "Resumé:", "Kort resumé", "Sammenfatning"
section.resume (?i)(?:kort\s+)?resum[eé]|sammenfatning|kort\s+beskrivelse
# Recommendation: "Indstilling", "Indstillinger:", "Forvaltningens indstilling", "Forslag til beslutning"
section.recommendation (?i)(?:\p{L}+s\s+)?indstilling(?:er)?|forslag\s+til\s+beslutning|administrationen\s+indstiller
# This meeting's or another body's decision: "Beslutning", "Beslutning:", "Beslutning i Økonomiudvalget den 12. juni 2017:",
# "Beslutning Udvalget for Børn & Ungdom den 07-06-2017:", "Udvalgets beslutning", "Afgørelse"
section.decision (?i)(?:\p{L}+s\s+)?beslutning(?:\s+(?:i|for|fra)\s+|\s+)(?P<body>.+?)\s+(?:den|d\.)\s+(?P<date>\d{1,2}\s*[-./]\s*\d{1,2}\s*[-./]\s*\d{2,4}|\d{1,2}\.?\s*\p{L}+\.?\s+\d{4})
section.decision (?i)(?:\p{L}+s\s+)?beslutning(?:\s+(?:i|for|fra)\s+(?P<body>[^:]{2,80}?))?|afgørelse
# Who decides: "Beslutningskompetence:", "Kompetence", "Sagen afgøres af", "Afgørelseskompetence"
section.competence (?i)beslutningskompetence|afgørelseskompetence|kompetence|sagen\s+afgøres\s+(?:af|i)|beslutningsniveau
# Recipients for information (colon required: "Til orientering." is also a decision text)
section.orientation (?i)til\s+orientering\s*:
# Case text: "Sagsfremstilling", "Beskrivelse af sagen", "Sagens indhold", "Sagsbeskrivelse", "Baggrund"
section.case_text (?i)sagsfremstilling|beskrivelse\s+af\s+sagen|sagens\s+indhold|sagsbeskrivelse|sagens\s+baggrund|baggrund|redegørelse
# Procedure: "Sagens gang", "Videre proces", "Tidsplan"
section.process (?i)sagens\s+gang|videre\s+proces|proces|tidsplan
# Assessment: "Administrationens vurdering", "Forvaltningens vurdering", "Vurdering"
section.assessment (?i)(?:\p{L}+s\s+)?vurdering
# Economy: "Økonomi", "Økonomi og finansiering", "Økonomiske konsekvenser", "Bevillingsmæssige konsekvenser"
section.economy (?i)økonomi(?:\s+og\s+finansiering)?|økonomiske\s+konsekvenser|økonomi\s*/\s*finansiering|bevillingsmæssige\s+konsekvenser|finansiering
# Legal basis: "Lovgrundlag", "Retsgrundlag", "Lovhjemmel", "Hjemmel"
section.legal (?i)lovgrundlag|retsgrundlag|lovhjemmel|hjemmel|lovgivning
# Attachments: "Bilag", "Bilag:", "Bilagsliste", "Vedhæftede bilag"
section.attachments (?i)bilag|bilagsliste|vedhæftede\s+(?:bilag|filer)|vedlagte\s+bilag
# Known headings that have no field: "Handicappolitik", "Høring", "Kommunikation", "Konsekvenser for klima"
section.other (?i)handicappolitik|handicappolitiske\s+konsekvenser|høring|høringssvar|kommunikation|klima(?:konsekvenser|mæssige\s+konsekvenser)|miljøvurdering|sundhedsmæssige\s+konsekvenser|personalemæssige\s+konsekvenser|bemærkninger
