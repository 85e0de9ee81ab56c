// The exported page's behaviour, run by plotly after the chart is drawn. Python injects
// TIMELINE (the chart's choices: timeline.charts.page_constants) and plotly replaces
// {plot_id} with the chart's div id. Labels and URLs come from each mark's customdata:
// [TIMELINE.hover] the hover text (escaped in Python, the label in its first <b>),
// [TIMELINE.link] the checked http(s) URL.
var TIMELINE = __TIMELINE_CONSTANTS__;

// Clicking an event opens its article; the URL was checked to be http(s) in Python, and is
// checked again here because a user may have edited the figure.
(function () {
  var gd = document.getElementById('{plot_id}');
  gd.on('plotly_click', function (ev) {
    var p = ev && ev.points && ev.points[0];
    var url = p && p.customdata && p.customdata[TIMELINE.link];
    if (typeof url === 'string' && /^https?:\/\//i.test(url)) {
      window.open(url, '_blank', 'noopener');
    }
  });
})();

// Dense figures carry no inline labels (100,000 would bury the chart); once the user zooms
// in to at most MAX events, label the ones in view, each cut short of the next mark in its
// row (or dropped when too little fits). Labels come from the hover text, already escaped.
(function () {
  var gd = document.getElementById('{plot_id}');
  var meta = gd.layout.meta && gd.layout.meta.timeline;
  if (!meta || !meta.dense) { return; }
  var MAX = TIMELINE.zoomMaxLabels, CHAR_PX = TIMELINE.charPx;
  var LABEL_CHARS = TIMELINE.labelChars, NAME = TIMELINE.zoomLabels;
  var TYPES = {f8: Float64Array, f4: Float32Array, i4: Int32Array, u4: Uint32Array,
               i2: Int16Array, u2: Uint16Array, i1: Int8Array, u1: Uint8Array};
  function values(v) {
    if (!v || !v.bdata) { return v || []; }
    var bin = atob(v.bdata), bytes = new Uint8Array(bin.length);
    for (var i = 0; i < bin.length; i++) { bytes[i] = bin.charCodeAt(i); }
    return new (TYPES[v.dtype] || Float64Array)(bytes.buffer);
  }
  var pts = [], lastKey = '', busy = false, again = false;
  gd.data.forEach(function (t) {
    if (t.type !== 'scattergl' || !t.customdata) { return; }
    var x = values(t.x), y = values(t.y);
    for (var i = 0; i < x.length; i++) {
      var h = t.customdata[i][TIMELINE.hover], label = h.slice(3, h.indexOf('</b>'));
      if (label.length > LABEL_CHARS) { label = label.slice(0, LABEL_CHARS - 1) + '\u2026'; }
      pts.push([x[i], y[i], '\u2002' + label]);
    }
  });
  pts.sort(function (a, b) { return a[0] - b[0]; });
  function labelsInView() {
    var xa = gd._fullLayout.xaxis;
    var lo = xa.r2l(xa.range[0]), hi = xa.r2l(xa.range[1]), perPx = (hi - lo) / xa._length;
    var shown = [], rows = {}, n = 0;
    for (var i = 0; i < pts.length && n <= MAX; i++) {
      var p = pts[i];
      if (p[0] < lo || p[0] > hi) { continue; }
      n++;
      var row = rows[p[1]] || (rows[p[1]] = {last: null}), prev = row.last;
      if (prev && prev.text && prev.end > p[0]) {  // cut the previous label short of p
        var room = Math.floor(((p[0] - prev.x) / perPx - 14) / CHAR_PX);
        prev.text = room >= 8 ? prev.text.slice(0, room - 1) + '\u2026' : null;
      }
      row.last = {x: p[0], y: p[1], text: p[2], end: p[0] + (p[2].length * CHAR_PX + 10) * perPx};
      shown.push(row.last);
    }
    return n > MAX ? [] : shown.filter(function (s) { return s.text; });
  }
  // Plotly.restyle of a text trace hangs this mixed SVG/WebGL figure; add/delete does not.
  // The labels go on the twin axis x2 (follows x) so the range slider stays clean.
  function update() {
    if (busy) { again = true; return; }
    var shown = labelsInView();
    var key = shown.map(function (s) { return s.x + ',' + s.y + s.text; }).join(';');
    if (key === lastKey) { return; }
    lastKey = key;
    busy = true;
    var old = gd.data.findIndex(function (t) { return t.name === NAME; });
    var step = old >= 0 ? Plotly.deleteTraces(gd, old) : Promise.resolve();
    step.then(function () {
      if (!shown.length) { return null; }
      return Plotly.addTraces(gd, {
        type: 'scatter', mode: 'text', name: NAME, showlegend: false, hoverinfo: 'skip',
        xaxis: 'x2',
        x: shown.map(function (s) { return s.x; }), y: shown.map(function (s) { return s.y; }),
        text: shown.map(function (s) { return s.text; }), textposition: 'middle right',
        textfont: TIMELINE.labelFont
      });
    }).then(function () {
      busy = false;
      if (again) { again = false; update(); }
    });
  }
  gd.on('plotly_relayout', update);
})();
