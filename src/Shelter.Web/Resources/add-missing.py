#!/usr/bin/env python3
"""Rewrites SharedResource.resx from the L["..."] strings the views use (English = the key).

Run after changing UI text: python3 src/Shelter.Web/Resources/add-missing.py
LocalizationTests fails until every string has a resource, so translators get the full list.
Resource names are case-insensitive: two strings that differ only by case are reported.
"""
import glob, html, os, re, sys

here = os.path.dirname(os.path.abspath(__file__))
resx = os.path.join(here, "SharedResource.resx")
views = glob.glob(os.path.join(here, "..", "Features", "**", "*.cshtml"), recursive=True)

used = set()
for view in views:
    used.update(m.group(1) for m in re.finditer(r'L\["((?:[^"\\]|\\.)*)"', open(view, encoding="utf-8").read()))

clashes = {k.lower() for k in used if sum(1 for u in used if u.lower() == k.lower()) > 1}
if clashes:
    sys.exit("strings that differ only by case: " + ", ".join(sorted(clashes)))

rows = "".join(
    f'  <data name="{html.escape(k, quote=True)}" xml:space="preserve">\n    <value>{html.escape(k, quote=False)}</value>\n  </data>\n'
    for k in sorted(used))
header = open(resx, encoding="utf-8").read().split("  <data ")[0]
open(resx, "w", encoding="utf-8").write(header + rows + "</root>\n")
print(f"{len(used)} strings")
