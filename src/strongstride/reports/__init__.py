"""Reports: one user's analysis built from the store, and shown as terminal tables, a
self-contained HTML file, a PDF and server-rendered SVG charts (docs/reports.md).

`build.user_report` reads the store and calls `strongstride.analysis.build_report`; `view`
turns the report into rows and charts that every renderer shares, so the terminal, the HTML
file, the PDF and the web dashboard say the same thing.
"""

from strongstride.reports.build import DEFAULT_WEEKS, prescriptions_of, user_report

__all__ = ["DEFAULT_WEEKS", "prescriptions_of", "user_report"]
