/**
 * The problems the API reports for an uploaded file are in English (as every API message); the
 * portal says them in Dutch. One sentence per kind of problem the two file checks know
 * (libs/reference-data population-file.rules and population-import.rules, libs/invoicing
 * billing-details-file.rules and billing-details-import.service); an unknown one is shown as sent.
 */
const DUTCH: Array<[RegExp, string]> = [
  [/^the file is empty$/, 'Het bestand is leeg.'],
  [/^the file has no rows after the header$/, 'Onder de kopregel staan geen regels.'],
  [/^not a readable CSV file: (.*)$/, 'Dit is geen leesbaar CSV-bestand ($1).'],
  [
    /^the first line must be the header "(.+)", optionally followed by "(.+)"$/,
    'De eerste regel moet de kopregel "$1" zijn, eventueel gevolgd door "$2".',
  ],
  [/^the first line must be the header "(.+)"$/, 'De eerste regel moet de kopregel "$1" zijn (of die van het CBS).'],
  [/^expected (?:at least )?(\d+) values.*, found (\d+)$/, 'Verwacht $1 waarden, gevonden: $2.'],
  [
    /^a CBS StatLine export needs a column for (.+); the header has (.+)$/,
    'Een CBS-export (StatLine) heeft een kolom nodig voor $1; de kopregel heeft $2.',
  ],
  [/^period "(.*)" is not a year/, 'Periode "$1" is geen jaar (het CBS schrijft 1 januari 2025 als 2025JJ00).'],
  [/^no figure for (\w+) in (\d+)/, 'Geen cijfer voor $1 in $2 (het CBS geeft een ontbrekend cijfer aan met ".").'],
  [/^"(.*)" is not a CBS municipality code/, '"$1" is geen gemeentecode van het CBS (GM en vier cijfers).'],
  [/^unknown municipality code (\w+)$/, 'Onbekende gemeentecode $1.'],
  [/^year "(.*)" is not a year$/, '"$1" is geen jaartal.'],
  [
    /^year (\d+) is out of range: figures are for 1 January (\d+) to (\d+)$/,
    'Jaar $1 valt buiten het bereik: de cijfers gaan over 1 januari $2 tot en met $3.',
  ],
  [/^wrong year: (\w+) \((.+)\) did not exist on 1 January (\d+)$/, '$1 ($2) bestond niet op 1 januari $3.'],
  [/^population (.+) is negative$/, 'Inwonertal $1 is negatief.'],
  [/^population (.+) is not a whole number$/, 'Inwonertal $1 is geen geheel getal.'],
  [/^population "(.*)" is not a number$/, 'Inwonertal "$1" is geen getal.'],
  [/^population (.+) is too large$/, 'Inwonertal $1 is te groot.'],
  [/^duplicate: (\w+) for (\d+) is already on line (\d+)$/, 'Dubbel: $1 voor $2 staat al op regel $3.'],
  [/^an OIN is 20 digits$/, 'Een OIN heeft 20 cijfers.'],
  [
    /^the RSIN in this OIN \((\d+)\) fails the eleven test/,
    'Het RSIN in dit OIN ($1) voldoet niet aan de elfproef: er is een cijfer fout.',
  ],
  [/^a KvK number is 8 digits$/, 'Een KvK-nummer heeft 8 cijfers.'],
  [/^"(.*)" is not a Dutch postal code such as 9401 JW$/, '"$1" is geen Nederlandse postcode zoals 9401 JW.'],
  [
    /^an address needs street, postal code and city together/,
    'Een adres heeft straat, postcode en plaats samen nodig (of geen van drieën).',
  ],
  [/^"(.*)" is not an e-mail address$/, '"$1" is geen e-mailadres.'],
  [
    /^a purchase order needs contractReference, year and purchaseOrderNumber together$/,
    'Een inkoopordernummer heeft contract, jaar en nummer samen nodig.',
  ],
  [/^"(.*)" is not a year from 2015 to 2100$/, '"$1" is geen jaartal van 2015 tot en met 2100.'],
  [/^a street is 2 to 200 characters$/, 'Een straat heeft 2 tot 200 tekens.'],
  [/^a city is 2 to 100 characters$/, 'Een plaatsnaam heeft 2 tot 100 tekens.'],
  [/^a purchase-order number is at most 50 characters$/, 'Een inkoopordernummer heeft hoogstens 50 tekens.'],
  [/^and (\d+) more problems?$/, 'En nog $1 problemen.'],
  // The reorganisation file (libs/reference-data reorganisation-file.rules).
  [
    /^the file is empty: a header and at least one reorganisation step are needed$/,
    'Het bestand is leeg: er zijn een kopregel en minstens één stap van de herindeling nodig.',
  ],
  [/^the file has a header but no reorganisation step$/, 'Onder de kopregel staat geen stap van de herindeling.'],
  [
    /^the file is separated by semicolons; separate the columns with commas$/,
    "Het bestand is gescheiden door puntkomma's; scheid de kolommen met komma's.",
  ],
  [
    /^the first line must name the columns (\S+) \(and optionally (\S+)\)(.*)$/,
    'De eerste regel moet de kolommen $1 noemen (en eventueel $2)$3.',
  ],
  [/^at most (\d+) steps are read per file$/, 'Er worden hoogstens $1 stappen per bestand gelezen.'],
  [/^effective_date "(.*)" is not a date \(YYYY-MM-DD\)$/, 'Datum "$1" is geen datum (JJJJ-MM-DD).'],
  [
    /^effective_date (\S+) is out of range: reorganisations from (\d+) to (\d+) can be loaded$/,
    'Datum $1 valt buiten het bereik: herindelingen van $2 tot en met $3 kunnen worden geladen.',
  ],
  [
    /^effective_date (\S+) differs from (\S+): a file holds the reorganisation of one date$/,
    'Datum $1 wijkt af van $2: een bestand bevat de herindeling van één datum.',
  ],
  [/^(\d+) values where the header names (\d+) columns$/, '$1 waarden, terwijl de kopregel $2 kolommen noemt.'],
  [/^relation "(.*)" is none of (.+)$/, 'Soort "$1" is geen van $2.'],
  [
    /^(old|new)_code "(.*)" is not a CBS municipality code/,
    '"$2" is geen gemeentecode van het CBS (GM en vier cijfers).',
  ],
  [
    /^old_code (\w+) is no municipality that is loaded: a code that never existed$/,
    'Gemeentecode $1 heeft nooit bestaan.',
  ],
  [/^old_code (\w+) \((.+)\) does not exist on (\S+)$/, '$1 ($2) bestaat niet op $3.'],
  [/^old_name "(.*)" is not the name of (\w+), which is (.+)$/, '"$1" is niet de naam van $2; die heet $3.'],
  [/^old_code and new_code are both (\w+)$/, 'Oude en nieuwe code zijn allebei $1.'],
  [
    /^new_code (\w+) does not exist yet: absorbed_by_existing needs an existing municipality$/,
    '$1 bestaat nog niet: opgaan in een gemeente kan alleen in een bestaande gemeente.',
  ],
  [
    /^new_name is needed for the new municipality (\w+)/,
    'De nieuwe gemeente $1 heeft een naam nodig (2 tot 100 tekens).',
  ],
  [/^new_province_code (\w+) is no province/, '$1 is geen provincie (PV20 tot en met PV31).'],
  [
    /^new_province_code is needed for the new municipality (\w+)/,
    'De nieuwe gemeente $1 heeft een provincie nodig (PV20 tot en met PV31).',
  ],
  [
    /^new municipality (\w+) has another name or province than on line (\d+)$/,
    'De nieuwe gemeente $1 heeft een andere naam of provincie dan op regel $2.',
  ],
  [
    /^new_code (\w+) \((.+)\) ended on (\S+); a CBS code is never used again$/,
    '$1 ($2) is opgeheven per $3; het CBS gebruikt een code nooit opnieuw.',
  ],
  [/^new_code (\w+) \((.+)\) does not exist on (\S+)$/, '$1 ($2) bestaat niet op $3.'],
  [
    /^new_code (\w+) exists already \((.+)\): (\w+) needs a new code$/,
    '$1 bestaat al ($2): voor $3 is een nieuwe code nodig.',
  ],
  [/^new_name "(.*)" is not the name of (\w+), which is (.+)$/, '"$1" is niet de naam van $2; die heet $3.'],
  [/^new_province_code (\w+) is not the province of (\w+) \((\w+)\)$/, '$1 is niet de provincie van $2 ($3).'],
  [
    /^share_of_old_addresses "(.*)" is not a decimal from 0 to 1/,
    'Aandeel "$1" is geen getal van 0 tot en met 1 (hoogstens vier decimalen).',
  ],
  [/^addresses_moved "(.*)" is not a whole number of addresses$/, 'Aantal adressen "$1" is geen geheel getal.'],
  [/^evidence_source is needed/, 'Een bron is nodig: waar de herindeling is gepubliceerd (de wet, de CBS-tabel).'],
  [/^(evidence_source|notes) is longer than 2000 characters$/, 'Bron of toelichting is langer dan 2000 tekens.'],
  [/^(\w+) to (\w+) is listed twice$/, '$1 naar $2 staat er twee keer in.'],
  [
    /^(\w+) goes whole to (.+?)(?: and is split as well)?: a municipality split over several others/,
    '$1 gaat in zijn geheel naar $2: een gemeente die over meer gemeenten wordt verdeeld, staat erin als splitsing met aandelen.',
  ],
  [/^the shares of (\w+) add up to ([\d.]+), more than 1$/, 'De aandelen van $1 tellen op tot $2, meer dan 1.'],
  [
    /^(\w+) ends on (\S+) and cannot receive a part on that day$/,
    '$1 houdt op te bestaan per $2 en kan die dag geen deel ontvangen.',
  ],
  [/^(\w+) is already on line (\d+)$/, '$1 staat al op regel $2.'],
  [/^there is no municipality (\w+)$/, 'Er is geen gemeente $1.'],
  [
    /^(\w+) takes no part in a contract of yours/,
    '$1 neemt niet deel aan een contract van u; de gemeente houdt haar eigen factuurgegevens bij.',
  ],
  [/^there is no contract (.+)$/, 'Er is geen contract $1.'],
  [
    /^(.+) is not a contract of yours; its contracting party keeps its purchase orders$/,
    '$1 is geen contract van u; de opdrachtgever houdt de inkoopordernummers ervan bij.',
  ],
  [
    /^the file has (\d+) rows; at most (\d+) are read at once$/,
    'Het bestand heeft $1 regels; er worden er hoogstens $2 tegelijk gelezen.',
  ],
];

export function dutchFileProblem(message: string): string {
  for (const [pattern, dutch] of DUTCH) if (pattern.test(message)) return message.replace(pattern, dutch);
  return message;
}
