"""Clinic mode (SPEC §6 "Accounts and programmes"): a clinic owner, therapists and their
clients; invitations, sign-in, one ownership rule, the audit log, and programmes.

Pure logic lives in `access` (who may do what, with a reason), `schedule` (when a
programme's slots fall) and `programmes` (steps screened against the client's intake);
`passwords` hashes with argon2id; `accounts` and `records` read and write the database
through the app's `Store`.
"""
