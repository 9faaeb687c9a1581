"""Reports and the papan visual: one set of indicators, seen in the window, on paper and on
the web.

``indicators`` declares what is counted (name, definition, records, disaggregations);
``sources`` fetches the facts behind them for a period; ``rollup`` counts each person,
household or case once per row; ``panels`` assembles the four panels the regulations name plus
the counter's own figures; ``public`` hides small counts for anything shown outside the office.
"""
