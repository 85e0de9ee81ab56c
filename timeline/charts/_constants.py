"""A timeline chart's constants: sizes, limits, colours and names, as data apart from logic.

Everything a chart style chooses lives here, so a second style (or the exported page's
script, which gets these values injected) reads them instead of re-typing them.
"""

from __future__ import annotations

from plotly.colors import qualitative

from timeline.model import SEPARATOR

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
MULTI_VALUED = {"actors", "sources", "alt_values"}  # "; "-joined columns: one lane per value
JOIN = SEPARATOR  # how multi-valued columns are joined
PALETTE = qualitative.Plotly + qualitative.D3

# the three shapes a date takes, their legend names and colours (when not coloured by a column)
SHAPES = {
    "point": "exact date",
    "range": "date range",
    "band": "approximate date (week/month/year)",
}
SHAPE_COLORS = {"point": "#1f5fa8", "range": "#d9730d", "band": "#7a5bb5"}

FIG_ATTR = "_timeline_frame"  # where the figure keeps the frame it was drawn from (for export)
ZOOM_LABELS = "labels (zoomed in)"  # the trace the exported page adds on zoom
ZOOM_MAX_LABELS = 200  # a dense chart labels the events in view once there are this few
