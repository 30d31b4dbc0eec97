"""Checker 'geschenken': may I accept this gift or invitation?

Verdicts, most serious first: when several rules apply, the first one here decides.
"""
VERDICTS = {
    "mag-niet": "Nee, dit neem je niet aan",
    "onduidelijk": "De code is hier niet eenduidig",
    "toestemming-vooraf": "Alleen met toestemming vooraf",
    "bespreken": "Bespreek het eerst met je leidinggevende",
    "mag-melden": "Ja, en je meldt het bij je leidinggevende",
    "mag": "Ja, dit mag",
}
