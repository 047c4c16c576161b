#!/usr/bin/env python3
"""Adds to SharedResource.resx every L["..."] string the views use (English = the key).

Run after changing UI text: python3 src/Shelter.Web/Resources/add-missing.py
Existing entries (enum labels, handler messages, emails) are kept. LocalizationTests fails until
every string has a resource, and until ru and uk translate it (add them with resx.py).
Resource names are case-insensitive: two strings that differ only by case are reported.
"""
import glob, os, re, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import resx

here = os.path.dirname(os.path.abspath(__file__))
views = glob.glob(os.path.join(here, "..", "Features", "**", "*.cshtml"), recursive=True)

used = set()
for view in views:
    used.update(m.group(1).replace('\\"', '"') for m in re.finditer(r'L\["((?:[^"\\]|\\.)*)"(?=\s*[\],])', open(view, encoding="utf-8").read()))

clashes = {k.lower() for k in used if sum(1 for u in used if u.lower() == k.lower()) > 1}
if clashes:
    sys.exit("strings that differ only by case: " + ", ".join(sorted(clashes)))

header, entries = resx.load("")
added = [k for k in used if k not in entries]
for k in added:
    entries[k] = k
resx.save("", header, entries)
print(f"{len(added)} strings added, {len(entries)} in all")
