# Page layout: page numbers, table of contents, list labels and hyphenation. Used by src/extract.
# Each pattern is matched against a whole line (or, where said, the start of a line).

# A line that is only a page number: "Side 3", "Side 5 af 16", "side 3/16", "Page 2 of 9".
layout.page_number	(?i)(?:side|s\.|page)\s*\d{1,3}(?:\s*(?:af|/|of)\s*\d{1,3})?
# A page number between dashes: "- 3 -", "– 12 –".
layout.page_number	[-–—]\s*\d{1,3}\s*[-–—]
# A page number over the page count: "3/16", "3 / 16" (not a case number like "17/6692").
layout.page_number	\d{1,3}\s*/\s*\d{1,3}

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
# toppen", "Udskriv", "Show video", "Luk", "Åbn/luk punkt", "Hent som PDF", "Kopier link", "Printvenlig version"
layout.ui_noise (?i)(?:tilbage\s+)?til\s+toppen|udskriv|show\s+video|vis\s+video|luk|åbn\s*/\s*luk(?:\s+punkt)?|hent\s+(?:som\s+)?pdf(?:-version)?|kopier\s+link|printvenlig\s+version|få\s+siden\s+oplæst|skip\s+til\s+hoved\s*indholdet|skip\s+navigationen
# A control glued to the end of a line by a lost line break: "191. Godkendelse af dagsordenÅbn/luk punkt"
layout.ui_suffix (?i)\s*åbn\s*/\s*luk(?:\s+punkt)?\s*$
# A label glued to its value by a lost line break (the value starts in capitals or digits):
# "UdvalgBørn, Unge og Læring", "MødestedEllehallen", "BeslutningGodkendt.". Groups: label, value.
layout.glued_label ^(?P<label>Udvalg|Mødested|Mødedato|Møde|Dato|Tidspunkt|Sted|Deltagere|Fraværende|Afbud|Bemærkninger|Beslutning|Indstilling|Resum[eé]|Sagsnr\.?)(?P<value>[\p{Lu}\d].*)$
