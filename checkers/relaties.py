"""Checker 'relaties': must I report this private relationship at work, and to whom?

Verdicts, most serious first: when several rules apply, the first one here decides.
"""
VERDICTS = {
    "melden": "Ja, deze relatie meld je",
    "onduidelijk": "De code is hier niet eenduidig",
    "twijfel": "Vraag advies; twijfel je daarna nog, meld dan",
    "bespreken": "Bespreek het met je leidinggevende",
    "geen-meldplicht": "Nee, je hoeft deze relatie niet te melden",
}
