# Fields inside sections: dates, people, recommendations, points, outcomes and votes.
# Format: key  RE2-regex

# --- dates (groups d, m or month, y) -------------------------------------------------------
# ISO: "2020-08-31"
date.iso (?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})
# Day, month name, year: "31. august 2020", "d. 7 juni 2022", "onsdag den 7. juni 2017", "9. jun. 2020"
date.named (?P<d>\d{1,2})\.?\s*(?P<month>\p{L}{3,9})\.?\s+(?P<y>\d{4})
# Numeric: "07-06-2017", "7/6 2017", "7.6.2017", "07-06-17"
date.numeric (?P<d>\d{1,2})\s*[-./]\s*(?P<m>\d{1,2})(?:\s*[-./]\s*|\s+)(?P<y>\d{4}|\d{2})\b

# --- meeting -------------------------------------------------------------------------------
# The committee and date named where the agenda is approved: "Godkendelse af dagsorden for BUL den 31. august 2020"
meeting.agenda_for (?i)dagsorden(?:en)?\s+(?:for|til)\s+(?P<body>.+?)\s+(?:den|d\.)\s+(?P<date>\d.*?\d{4})
# A line naming the meeting date: "Mødedato: Tirsdag den 9. juni 2020", "Dato: 07-06-2017", "onsdag den 7. juni 2017"
meeting.date_line (?i)^(?:mødedato|dato|møde(?:\s+den)?|tid)?\s*:?\s*(?:(?:man|tirs|ons|tors|fre|lør|søn)dag\s+)?(?:den|d\.)?\s*\d{1,2}\.?\s*(?:\p{L}{3,9}\.?|[-./]\s*\d{1,2}\s*[-./])\s*\d{2,4}\b.*$
# The municipality: "Stevns Kommune", "Lejre Kommune"
meeting.municipality (?P<name>\p{Lu}[\p{L}-]+)\s+Kommune\b

# --- absences --------------------------------------------------------------------------------
# An absence label with the names after it or on the next lines: "Ikke tilstede: Jacob Panton-Kristiansen (V)",
# "Ikke til stede:", "Afbud:", "Afbud fra: ...", "Fraværende:", "Deltog ikke:", "Forfald:", "Fravær:"
absence.label (?i)^\s*(?:ikke\s+til\s*stede|fraværende|afbud(?:\s+fra)?|deltog\s+ikke|forfald|fravær|ikke\s+mødt|udeblevet)\s*:?\s*(?P<names>.*)$
# A substitute: "Hanne Jensen (A) deltog i stedet for Steen S. Hansen (A)": the one replaced is absent.
absence.substitute (?i)^(?P<present>.+?)\s+(?:deltog|mødte)\s+(?:i\s+stedet\s+for|som\s+stedfortræder\s+for)\s+(?P<names>.+?)\.?$
# Partial attendance, recorded but not an absence: "Jens Hansen (V) deltog fra kl. 10", "X forlod mødet kl. 18.00"
attendance.partial (?i)^(?P<names>\p{Lu}.+?)\s+(?P<note>(?:deltog|var\s+til\s+stede|mødte)\s+(?:fra|til|indtil|først)\s+(?:kl\.?|punkt|pkt\.?).*|forlod\s+mødet.*|ankom\s+(?:kl\.?|under).*|deltog\s+ikke\s+i\s+(?:behandlingen\s+af\s+)?(?:punkt|pkt).*)$
# A person alone on a line where a PDF conversion lost the label: "Christian Plank (F)"
person.bare ^(?P<name>\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){1,4})\s*\((?P<party>\p{Lu}{1,3})\)\.?$
# One name in a list, party in brackets or after a comma/space: "Steen S. Hansen (A)", "Jens Hansen, V", "Ib Olsen V"
person.entry ^(?P<name>\p{Lu}.*?)(?:\s*\((?P<party>[\p{Lu}\p{Ll}.]{1,12})\)|\s*,?\s+(?P<letter>\p{Lu}{1,2}))?\s*\.?$

# --- recommendation ----------------------------------------------------------------------------
# Who recommends, to whom, via whom: "Børn & Læring indstiller til KB via DIR og BUL og ØU, at",
# "Direktionen indstiller til ØU, via SSU, BUL og AET, at", "Koncerndirektionen indstiller:"
recommendation.by ^(?P<by>\p{Lu}.{0,80}?)\s+indstiller(?:\s+(?:hermed\s+)?(?:over\s+for|til)\s+(?P<to>.+?))?(?:\s*,?\s+via\s+(?P<via>.+?))?\s*(?:,?\s*at\b.*|:.*|,|\.)?$
# Impersonal: "Det indstilles, at ...", "Administrationen anbefaler, at": no named recommender
recommendation.impersonal (?i)^det\s+indstilles
# Separators of a list of bodies: "DIR, BUL og ØU", "SSU samt AET"
list.separator \s*,\s*|\s+og\s+|\s+samt\s+|\s*\+\s*

# --- points ------------------------------------------------------------------------------------
# A numbered point: "1. ...", "1) ...", "Ad 1) ...", "Ad 1. ...", "At 1: ...", "Pkt. 2: ..."
point.numbered ^(?:(?i:ad|at|pkt\.?|punkt)\s*)?(?P<n>\d{1,2})\s*[.):](?:\s+|$)(?P<text>.*)$
# A lettered sub-point: "a. udfases", "b) reorganiseres"
point.lettered ^(?P<letter>[a-hA-H])\s*[.)]\s+(?P<text>.*)$
# A bulleted point: "• ...", "- ...", "– ..."
point.bullet ^[•·▪\-–]\s+(?P<text>.*)$
# An "at"-list point: "at ledelsesinformationen tages til efterretning"
point.at ^(?i:at)\s+\S

# --- outcomes (first key in this order that matches wins) --------------------------------------
# "Kan ikke anbefales", "ikke godkendt", "Afvist", "forkastet", "Indstillingen blev ikke tiltrådt"
outcome.rejected (?i)\b(?:kan\s+ikke\s+(?:anbefales|godkendes|tiltrædes)|ikke\s+(?:godkendt|anbefalet|tiltrådt|vedtaget)|afvist|afvises|forkastet|forkastes|faldt)\b
# "Udsat", "Sagen udsættes", "Genoptages på næste møde", "Punktet blev udsat"
outcome.postponed (?i)\b(?:udsat|udsættes|genoptages|udskudt|udskydes|trukket\s+af\s+dagsordenen|sendes\s+tilbage)\b
# "Oversendes til Økonomiudvalget", "Sagen sendes videre til KB", "oversendt"
outcome.referred (?i)\b(?:oversendes|oversendt|sendes\s+videre|videresendes|henvises\s+til)\b
# "Anbefales", "Udvalget anbefaler", "indstilles til godkendelse", "Anbefalet"
outcome.recommended (?i)\b(?:anbefal\p{L}*|indstilles\s+til|indstiller\s+til)\b
# "Godkendt", "Godkendes", "Dagsorden godkendt", "Vedtaget", "Tiltrådt", "bevilget"
outcome.approved (?i)\b(?:godkend\p{L}*|vedtag\p{L}*|vedtog|tiltrådt|tiltrædes|bevilget|bevilges|besluttet)\b
# "Taget til efterretning", "Til efterretning", "Taget til orientering", "Orienteringen blev taget"
outcome.noted (?i)\b(?:til\s+efterretning|til\s+orientering|orienteringen\s+(?:blev\s+)?taget|orienteret)\b
# "Drøftet", "Sagen drøftet", "Udvalget drøftede"
outcome.discussed (?i)\b(?:drøftet|drøftede|drøftes)\b
# "Behandlet", "Budgetforslaget behandlet"
outcome.handled (?i)\b(?:behandlet|behandles)\b

# --- promises of a return: the decision leaves the case open until a later item -----------------
# The sentence (group "sentence") of a decision that promises the body a return:
# "BUL forelægges på næste møde en implementeringsplan", "Forvaltningen vender tilbage til udvalget
# i september", "Sagen genoptages på næste møde", "fremlægges igen for udvalget", "tages op igen";
# not a model that "genoptages senest 1. juni" (that is no return to the body)
promise.return (?P<sentence>(?:[^.!?]|\d\.\s*\pL|\b(?:pkt|jf|bl\.a|ca|nr)\.)*(?i:\bforelægges|\bfremlægges|\bgenfremlægges|\bvender\s+tilbage|\bkommer\s+tilbage|\b(?:sagen|punktet)\s+genoptages|\bgenoptages\s+på\s+(?:et\s+)?(?:næste|kommende|senere)\s+møde|\btages\s+op\s+igen|\bgenbehandles)\b(?:[^.!?]|\d\.\s*\pL|\b(?:pkt|jf|bl\.a|ca|nr)\.)*[.!?]?)

# --- votes (groups for, against, abstained: lists of party letters) ------------------------------
# "Anbefales af et flertal bestående af V+N+A+B", "Et flertal (V, O og C) godkender"
votes.for (?i)flertal\s*(?:bestående\s+af|\(|:)\s*(?P<for>\p{Lu}{1,2}(?:\s*(?:\+|,|og)\s*\p{Lu}{1,2})*)
# "For stemte: V, C og O", "For stemte 5 (A, F og Ø)"
votes.for (?i)for\s+stemte\s*:?\s*(?P<for>[^.;]+)
# "Liste O kan ikke godkende", "(Ø) stemte imod", "A og F stemmer imod", "O tog forbehold"
votes.against (?:(?i:liste)\s+)?\(?(?P<against>\p{Lu}{1,2}(?:\s*(?:\+|,|og)\s*\p{Lu}{1,2})*)\)?\s+(?i:kan\s+ikke\s+(?:godkende|anbefale|tiltræde|støtte)|stemte\s+imod|stemmer\s+imod|var\s+imod|tog\s+forbehold)
# "Imod stemte: A og Ø"
votes.against (?i)imod\s+stemte\s*:?\s*(?P<against>[^.;]+)
# "Undlod at stemme: F", "(B) undlod at stemme"
votes.abstained (?i)undlod\s+at\s+stemme\s*:?\s*(?P<abstained>\(?\p{Lu}{1,2}\)?(?:\s*(?:\+|,|og)\s*\(?\p{Lu}{1,2}\)?)*)
votes.abstained \(?(?P<abstained>\p{Lu}{1,2}(?:\s*(?:\+|,|og)\s*\p{Lu}{1,2})*)\)?\s+(?i:undlod\s+at\s+stemme|undlader\s+at\s+stemme)
