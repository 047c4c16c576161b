#!/usr/bin/env python3
"""Adds every L["..."] string used in the views to SharedResource.resx (English = the key).

Run after adding UI text: python3 src/Shelter.Web/Resources/add-missing.py
LocalizationTests fails until every string has a resource, so translators get the full list.
"""
import glob, html, os, re

here = os.path.dirname(os.path.abspath(__file__))
resx = os.path.join(here, "SharedResource.resx")
views = glob.glob(os.path.join(here, "..", "Features", "**", "*.cshtml"), recursive=True)

used = set()
for view in views:
    used.update(m.group(1) for m in re.finditer(r'L\["((?:[^"\\]|\\.)*)"', open(view, encoding="utf-8").read()))

text = open(resx, encoding="utf-8").read()
have = {html.unescape(m.group(1)) for m in re.finditer(r'<data name="([^"]*)"', text)}
missing = sorted(used - have)
rows = "".join(
    f'  <data name="{html.escape(k, quote=True)}" xml:space="preserve">\n    <value>{html.escape(k, quote=False)}</value>\n  </data>\n'
    for k in missing)
open(resx, "w", encoding="utf-8").write(text.replace("</root>", rows + "</root>"))
print(f"{len(missing)} strings added")
