"""Checker 'nevenwerkzaamheden': side activities and financial interests: report, allowed, forbidden?

Verdicts, most serious first: when several rules apply, the first one here decides.
"""
VERDICTS = {
    "verboden": "Nee, dit mag niet",
    "onduidelijk": "De code is hier niet eenduidig",
    "melden": "Ja, dit meld je",
    "geen-melding": "Nee, je hoeft dit niet te melden",
}
