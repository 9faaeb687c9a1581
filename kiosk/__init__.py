"""Puskesos Kiosk core: domain model, services and rules.

This package never imports Qt or any outer package (ui/, printing/, sync/): the same services
serve the desktop window, the ``puskesos`` command and the tests.
"""

__version__ = "0.1.0"
