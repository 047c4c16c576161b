#!/usr/bin/env python3
"""Debian's wapiti 3.0.4 with one fix: its exclusion patterns (-x) put the regex flags at the end,
which Python 3.11 refuses ("global flags not at the start"), so no URL could be excluded and
the crawl signed itself out. Same arguments as wapiti."""
import re
import sys

from wapitiCore.net import crawler


def wildcard_translate(pattern):
    return re.compile(r"(?ms)" + "".join(".*" if c == "*" else re.escape(c) for c in pattern) + r"\Z")


crawler.wildcard_translate = wildcard_translate

from wapitiCore.main.wapiti import wapiti_main  # noqa: E402  (after the patch)

sys.exit(wapiti_main())
