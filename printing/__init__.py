"""Turning domain values into paper: ESC/POS for thermal slips, reportlab for A4 documents.

Imports the core (kiosk/) for plain values and masking rules, never Qt.
"""
