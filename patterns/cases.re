# Case tracking: which titles never join items into a case, what is dropped from a title before
# titles are compared. (A decision's promise of a return is promise.return in parse.re.)
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
