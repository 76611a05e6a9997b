"""Reports: one user's analysis built from what the application read for it, and shown as
terminal tables, a self-contained HTML file, a PDF and server-rendered SVG charts
(docs/reports.md).

`build.build` calls `strongstride.analysis.build_report` on the data it is given; `view` turns
the report into rows and charts that every renderer shares, so the terminal, the HTML file,
the PDF and the web dashboard say the same thing. Importing the package loads none of them.
"""
