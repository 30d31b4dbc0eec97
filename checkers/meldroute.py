"""Checker 'meldroute': where do I go with advice, a suspicion, unwanted behaviour or a complaint?

Verdicts, most urgent first: when several rules apply, the first one here decides.
"""
VERDICTS = {
    "extern": "Je mag ook direct buiten je organisatie melden",
    "onduidelijk": "De code is hier niet eenduidig",
    "melden": "Meld het binnen je organisatie",
    "klacht": "Dien een klacht in of vraag advies over de afhandeling",
    "advies": "Vraag eerst (vertrouwelijk) advies",
}
