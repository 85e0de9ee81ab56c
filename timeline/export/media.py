"""Which image URLs TimelineJS shows as an image, and nothing else.

TimelineJS3 (3.9) picks a slide's media type from its URL alone, trying its patterns in
order (``src/js/media/MediaType.js``): a URL on youtube.com or x.com, or one that merely
contains ``iframe`` or ``spotify``, would be embedded as that kind of media rather than shown
as the lead image. ``TIMELINEJS_TYPES`` is that list, ported pattern for pattern (a JS
string pattern loses its backslashes: ``"youtu\\.be"`` is the regex ``youtu.be``); a lead
image becomes a slide's media only when the first type that matches is ``image`` (or the
catch-all ``imageblank``, also drawn as an ``<img>``). A test asks the real
``TL.lookupMediaType`` about the same URLs.
"""

from __future__ import annotations

import re
from typing import Any

from timeline.charts import safe_url

_MAPS = r"((?:[-\d.]+[zmayht],?)*)"
_PICTURE = r"(jpg|jpeg|png|gif|svg|webp)"
TIMELINEJS_TYPES: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(pattern, flags))
    for name, pattern, flags in (
        ("youtube", r"^(https?:)?/*(www.|m.)?youtube|youtu.be", 0),
        ("vimeo", r"^(https?:)?/*(player.)?vimeo.com", 0),
        ("dailymotion", r"^(https?:)?/*(www.)?(dailymotion.com|dai.ly)", 0),
        ("vine", r"^(https?:)?/*(www.)?vine.co", 0),
        ("tiktok", r"^(https?:)?/*(www.)?tiktok.com/@[^/]+/video/\d+", 0),
        ("bluesky", r"^(https?:)?/*(www.)?bsky.app/profile/[^/]+/post/[^/?]+", 0),
        ("soundcloud", r"^(https?:)?/*(player.)?soundcloud.com", 0),
        ("twitter", r"^(https?:)?/*(www.)?(twitter|x).com", 0),
        ("twitterembed", r"<blockquote class=['\"]twitter-tweet['\"]", 0),
        (
            "googlemaps",
            rf"google.+?/maps/@([-\d.]+),([-\d.]+),{_MAPS}"
            rf"|google.+?/maps/search/([\w\W]+)/@([-\d.]+),([-\d.]+),{_MAPS}"
            rf"|google.+?/maps/place/([\w\W]+)/@([-\d.]+),([-\d.]+),{_MAPS}"
            rf"|google.+?/maps/dir/([\w\W]+)/([\w\W]+)/@([-\d.]+),([-\d.]+),{_MAPS}",
            0,
        ),
        ("flickr", r"^(https?:)?/*(www.)?flickr.com/photos", 0),
        ("flickr", r"^(https?://)?flic.kr/.*", 0),
        ("instagram", r"^(https?:)?/*(www.)?(instagr.am|^(https?:)?/*(www.)?instagram.com)/p/", 0),
        (
            "profile",
            r"^(https?:)?/*(www.)?instagr.am/[a-zA-Z0-9]{2,}"
            r"|^(https?:)?/*(www.)?instagram.com/[a-zA-Z0-9]{2,}",
            0,
        ),
        ("documentcloud", r"documentcloud.org/", 0),
        ("wikipedia-image", r"^https://.+.wiki[mp]edia.org.+#/media/.+." + _PICTURE, 0),
        ("wikipedia-image", r"^https://commons.wikimedia.org/wiki/File:.+." + _PICTURE, 0),
        ("wikipedia", r"^(https?:)?/.+.wikipedia.org", 0),
        ("image", _PICTURE + r"(\?.*)?$", re.I),
        ("imgur", r"^.*imgur.com/.+$|<blockquote class=['\"]imgur-embed-pub['\"]", re.I),
        (
            "googledocs",
            r"^(https?:)?/*[^.]*.google.com/[^/]*/d/[^/]*/[^/]*?usp=shar.*"
            r"|^(https?:)?/*drive.google.com/open?id=[^&]*&authuser=0"
            r"|^(https?:)?//*drive.google.com/open\?id=[^&]*"
            r"|^(https?:)?/*[^.]*.googledrive.com/host/[^/]*/",
            0,
        ),
        ("pdf", r"^.*\.pdf(\?.*)?(\#.*)?", 0),
        ("spotify", r"spotify", 0),
        ("iframe", r"iframe", 0),
        ("blockquote", r"blockquote", 0),
        ("video", r"(mp4|webm)(\?.*)?$", re.I),
        ("wistia", r"https?://(.+)?(wistia\.com|wi\.st)/.*", re.I),
        ("audio", r"(mp3|wav|m4a)(\?.*)?$", re.I),
        ("imageblank", r"", 0),
    )
)
_DRAWN_AS_IMAGE = {"image", "imageblank"}
_UNSAFE = re.compile(r"[\s\x00-\x1f\x7f]")  # a URL with no whitespace or control characters


def timelinejs_type(url: str) -> str:
    """The media type TimelineJS gives ``url`` (what ``TL.lookupMediaType`` answers)."""
    return next(name for name, pattern in TIMELINEJS_TYPES if pattern.search(url))


def image_url(value: Any) -> str | None:
    """``value`` when it is an http(s) URL without quotes, brackets, spaces or controls that
    TimelineJS draws as an ``<img>``; otherwise None (``javascript:``, ``data:``, a YouTube
    page, anything else never reaches the page)."""
    url = safe_url(value)
    if url is None or _UNSAFE.search(url):
        return None
    return url if timelinejs_type(url) in _DRAWN_AS_IMAGE else None
