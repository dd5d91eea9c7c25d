"""Records that travel (issue 10 §4): what a person's journal, intakes and programmes
say, gathered once (`gather`), and the forms it leaves the app in: a printable report
(`report`, `pdf`), a FHIR R4 bundle (`fhir`), CSV and JSON (`export`). `erase` deletes
a person and everything they own in one transaction; `reminders` keeps personal mode's
own calendar feed.

Nothing here calls out: every form is made on this machine, from this database.
"""
