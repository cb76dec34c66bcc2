# Case tracking: which titles never join items into a case, what is dropped from a title before
# titles are compared, and which decision words promise that a case comes back.
# Format: key  RE2-regex

# Procedural items every meeting has: the same title at two meetings is not one case. Matched
# against the whole title after the noise below is removed; a dash may add a date or a word
# ("Dagsorden - godkendelse", "Orientering - juni", "Diverse orienteringer - BUL 9. juni 2020").
case.generic_title (?i)^(?:godkendelse\s+af\s+)?(?:dagsorden(?:en)?|referat(?:et)?)(?:\s*[-–:].*)?$
case.generic_title (?i)^(?:eventuelt|evt\.?|underskriftsark|underskrifter|meddelelser|orientering(?:er|spunkter)?|diverse(?:\s+orienteringer)?|gensidig\s+orientering|lukket\s+punkt|næste\s+møde)(?:\s*[-–:].*)?$
# A committee prefix or suffix, or "Til orientering - ", that one body adds to a title and another
# does not: "BU - Ledelsesinformation ...", "Budgetforslag 2021 - BUL". Removed (repeatedly) before
# titles are compared.
case.title_noise ^\s*(?:\p{Lu}{1,4}|(?i:til\s+orientering))\s*[-–:]\s+
case.title_noise \s+[-–]\s*\p{Lu}{1,4}\s*$
# A decision that promises the case a return: "BUL forelægges på næste møde en implementeringsplan",
# "Forvaltningen vender tilbage til udvalget i september", "Sagen genoptages", "fremlægges igen".
case.promise (?i)\b(?:forelægges|fremlægges|genfremlægges|forelægger|fremlægger)\b
case.promise (?i)\b(?:vender|kommer|vende|komme)\s+tilbage\b
case.promise (?i)\b(?:genoptages|tages\s+op\s+igen|vil\s+blive\s+(?:forelagt|fremlagt))\b
