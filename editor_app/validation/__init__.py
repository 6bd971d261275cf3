"""Pure checks: text and encodings, files and documents, metadata, policy.

Nothing here touches the network, the database or Qt (enforced by import-linter contracts).
"""
