#!/usr/bin/env python3
"""Adds or updates UI strings in SharedResource.resx (English) and its translations.

    python3 src/Shelter.Web/Resources/resx.py strings.tsv

Each line of the TSV: key <TAB> English <TAB> Russian <TAB> Ukrainian (an empty column leaves that
file's entry as it is). A new language needs only its column here and its own .resx file.
"""
import html, os, re, sys

here = os.path.dirname(os.path.abspath(__file__))
LANGS = ["", "ru", "uk"]  # "" = English, the neutral resources


def path(lang):
    return os.path.join(here, f"SharedResource{'.' + lang if lang else ''}.resx")


def load(lang):
    text = open(path(lang if os.path.exists(path(lang)) else ""), encoding="utf-8").read()
    header = text.split("  <data ")[0]
    entries = {} if not os.path.exists(path(lang)) else {
        html.unescape(m.group(1)): html.unescape(m.group(2))
        for m in re.finditer(r'<data name="(.*?)" xml:space="preserve">\s*<value>(.*?)</value>', text, re.S)}
    return header, entries


def save(lang, header, entries):
    rows = "".join(
        f'  <data name="{html.escape(k, quote=True)}" xml:space="preserve">\n    <value>{html.escape(v, quote=False)}</value>\n  </data>\n'
        for k, v in sorted(entries.items()))
    open(path(lang), "w", encoding="utf-8").write(header + rows + "</root>\n")


if __name__ == "__main__":
    files = {lang: load(lang) for lang in LANGS}
    for line in open(sys.argv[1], encoding="utf-8"):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.rstrip("\n").split("\t")
        key, values = cols[0], (cols[1:] + [""] * len(LANGS))[: len(LANGS)]
        if not values[0] and key not in files[""][1]:
            values[0] = key  # English text is its own key
        for lang, value in zip(LANGS, values):
            if value:
                files[lang][1][key] = value.replace("\\n", "\n")
    for lang, (header, entries) in files.items():
        save(lang, header, entries)
    print({lang or "en": len(e) for lang, (h, e) in files.items()})
