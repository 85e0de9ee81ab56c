"""A timeline chart's constants: sizes, limits, colours and names, as data apart from logic.

Everything a chart style chooses lives here, so a second style (or the exported page's
script, which gets these values injected) reads them instead of re-typing them.
"""

from __future__ import annotations

from plotly.colors import qualitative

# Above this many dated events: WebGL traces, no inline labels, a count-per-period panel.
# 2,000 SVG markers with text still pan smoothly; beyond that SVG gets sluggish.
DENSE_THRESHOLD = 2_000

MAX_LEVELS = 6  # label rows per lane before labels are left to the hover box
MAX_LANES = 30  # more lanes than this get folded into "other"
MAX_COLORS = 20
LABEL_CHARS = 36  # inline labels are cut to this; the hover box has the full text
LABEL_CHARS_FEW = 60  # ...or to this when there are few events (a single story)
FEW_EVENTS = 40  # "few": a single story, whose labels may be longer
HOVER_WIDTH = 80  # characters per line in the hover box
PLOT_PX = 900  # assumed plot width, to turn label widths into time at the initial zoom
CHAR_PX = 6.5  # average glyph width of the 11px label font
LABEL_FONT = {"size": 11, "color": "#222"}
LABEL_PAD_PX = 14  # the en space before a label and a little air after it
MARK_PX = 10  # the width a marker takes
FULL_LABELS = 30  # at each zoom, the most salient labels keep room to show whole
MIN_LABEL_CHARS = 12  # a label cut shorter than this is left to the hover box
LEVEL_STEP = 2**0.5  # each zoom level of the labels is this much finer than the last
NARROW_MENU_LIFT_PX = 28  # on a phone the view drop-down sits this far up, over the legend
NARROW_SCALE = 4.0  # a phone shows the initial view up to this many times coarser
LEVELS_COARSER = 10  # levels coarser than the initial view (zoomed out, phones: 32 times)
LEVELS_MAX = 36  # finer levels: down to about an hour on a 30-year story
FINEST_MS_PER_PX = 60_000  # no finer level than a minute per pixel
ROW_PX = 15  # height of a row of marks and labels (the label font is 11 px)
STRIP_ROWS = 0.7  # height of a lane's strip of "sometime in" bands, in rows
OUTLIER_GAP = 2.0  # dates this many story-spans away from the rest fold out of the view ...
OUTLIER_MIN_MS = 366 * 86_400_000  # ... and more than a year away
CHROME_PX = 190  # the chart's height beyond its rows: margins, legend, buttons, slider
MIN_HEIGHT_PX = 380
MAX_HEIGHT_PX = 820
ROWS_CAP = 40  # rows of marks over all lanes, so the chart stays within a screen
ROWS_MIN = 3
# salience without a salience column: sources count most, then mentions, then precision
PRECISION_WEIGHT = {"time": 0.3, "day": 0.3, "week": 0.15, "month": 0.1}
MULTI_VALUED = {"actors", "sources", "alt_values"}  # "; "-joined columns: one lane per value
PALETTE = qualitative.Plotly + qualitative.D3

# the three shapes a date takes, their legend names and colours (when not coloured by a column)
SHAPES = {
    "point": "exact date",
    "range": "date range",
    "band": "sometime in the period",  # a part of a day, a week, month, season, year
}
SHAPE_COLORS = {"point": "#1f5fa8", "range": "#d9730d", "band": "#7a5bb5"}

BAND_WIDTH = 0.3  # a "sometime in" band is thin (in rows) ...
BAND_OPACITY = 0.28  # ... and faint, so it reads as a period, not a block
CONFLICT_COLOR = "#c0392b"  # the ring on a marker whose sources disagree on the date
LABELS_META = "timeline_labels"  # key of a label trace's meta: labels and cuts per zoom level
ROWS_META = "timeline_rows"  # key of a mark or label trace's meta: its y per zoom level

FOLDED_HINT = ": drag, or press “all dates”"  # how a reader reaches folded dates (not in an image)
FIG_ATTR = "_timeline_frame"  # where the figure keeps the frame it was drawn from (for export)
ZOOM_LABELS = "labels (zoomed in)"  # the trace the exported page adds on zoom
ZOOM_MAX_LABELS = 200  # a dense chart labels the events in view once there are this few
