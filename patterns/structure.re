# Document structure: agenda items, quoted decisions, attachments.
# Format: key  RE2-regex

# An agenda item heading: "• 212. Dagsorden - godkendelse", "1. BU - Godkendelse af dagsorden",
# "Punkt 4. Budget 2021", "Pkt. 7: Orientering". Groups: number, title.
item.heading ^(?:[•·▪*]\s*)?(?:(?i:punkt|pkt\.?)\s*)?(?P<number>\d{1,4})\s*[.:]\s+(?P<title>\S.{0,250})$
# An agenda item heading with a bullet: a bullet makes it an item even when no section follows.
item.bulleted ^[•·▪*]\s*\d{1,4}\s*[.:]\s+\S
# A closed item: "... (Lukket)", "(Lukket punkt)", "(Fortrolig)", "Lukket punkt: ..."
item.closed (?i)\s*\((?:lukket(?:\s+punkt)?|fortroligt?)\)\s*$|^\s*lukket\s+punkt\s*[:\-–]\s*
# Attachments printed as links in a web export: "application/pdf icon name.pdfapplication/pdf icon other.pdf".
# The marker precedes each file name; the names are what lies between markers.
attachment.link_marker (?i)(?:application|text|image|video|audio)/[\w.+-]+\s+icon\s*
# A quoted decision of another body or an earlier meeting, on its own line:
# "Direktionen, 17. august 2020, pkt. 2:", "Børn, Unge og Læring, 18. august 2020, pkt. 204:",
# "Økonomiudvalget den 12-06-2017, punkt 5:". Groups: body, date, item.
quoted.decision ^(?P<body>\p{Lu}.{1,100}?),?\s+(?:den\s+|d\.\s*)?(?P<date>\d{1,2}\.?\s*\p{L}+\.?\s+\d{4}|\d{1,2}\s*[-./]\s*\d{1,2}\s*[-./]\s*\d{2,4})(?:,?\s*(?i:pkt\.?|punkt)\s*(?P<item>\d+))?\s*:$
# A list marker at the start of an attachment line: "1. ", "• ", "- "
attachment.marker ^(?:\d{1,3}[.)]|[•·▪*\-–])\s+
