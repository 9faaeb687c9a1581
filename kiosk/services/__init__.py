"""Services: every user action, taking a session and the acting officer.

Each service checks permission, then writes the change, its audit entry and its outbox
operation in the caller's transaction, so either all three land or none does.
"""
