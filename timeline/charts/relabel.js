// The chart's labels follow the zoom, as vis-timeline re-stacks its items: every mark and
// label trace carries, in its meta, its y at every zoom level, and each label trace the
// labels and how many characters of each show at every level (all chosen in Python, most
// salient first, never overlapping: timeline/charts/_labels.py). This script only picks the
// level whose scale fits the view, as timeline.charts.relabel does in Jupyter, and moves the
// marks and labels there. Plotly replaces {plot_id} with the chart's div id.
(function () {
  var gd = document.getElementById('{plot_id}');
  var meta = gd.layout.meta && gd.layout.meta.timeline;
  if (!meta || meta.dense || !meta.scales || !meta.scales.length) { return; }
  var NARROW_PX = 640;  // narrower than this: the view buttons as a drop-down
  var KEY = meta.labels, ROWS = meta.rows, SCALES = meta.scales, current = meta.level;
  function esc(s) {
    return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  }
  function cut(label, n) {  // as _traces.cut_labels: n counts the en space; < 0: on the left
    var size = Math.abs(n), text;
    if (!size) { return ''; }
    text = size - 1 >= label.length ? esc(label) : esc(clip(label, size - 2)) + '\u2026';
    return n > 0 ? '\u2002' + text : text + '\u2002';
  }
  function clip(label, n) {  // as _traces.clip: back to a word's end when that keeps half
    var head = label.slice(0, Math.max(n, 1));
    if (n < label.length && label.charAt(n) !== ' ') {
      var space = head.lastIndexOf(' ');
      if (space >= n / 2) { head = head.slice(0, space); }
    }
    return head.replace(/\s+$/, '');
  }
  function level() {  // the finest level at least as coarse as the view (as _labels.level)
    var xa = gd._fullLayout.xaxis;
    var scale = (xa.r2l(xa.range[1]) - xa.r2l(xa.range[0])) / xa._length;
    var k = 0;
    for (var i = 0; i < SCALES.length; i++) { if (SCALES[i] >= scale) { k = i; } }
    return k;
  }
  function update() {
    var k = level();
    if (k === current) { return; }
    current = k;
    var moved = [], ys = [], idx = [], texts = [], sides = [];
    gd.data.forEach(function (t, i) {
      var rows = t.meta && ROWS && t.meta[ROWS], m = t.meta && t.meta[KEY];
      if (rows && rows[k]) { moved.push(i); ys.push(rows[k]); }
      if (!m) { return; }
      idx.push(i);
      texts.push(m.labels.map(function (label, j) { return cut(label, m.chars[k][j]); }));
      sides.push(m.chars[k].map(function (n) { return n < 0 ? 'middle left' : 'middle right'; }));
    });
    var step = moved.length ? Plotly.restyle(gd, {y: ys}, moved) : Promise.resolve();
    if (!idx.length) { return; }
    // the first restyle after a zoom updates the data but not the drawing (plotly.js
    // 2.x/3.x with matched axes): a second one, of the same texts, draws them
    step.then(function () {
      return Plotly.restyle(gd, {text: texts, textposition: sides}, idx);
    }).then(function () {
      return Plotly.restyle(gd, {text: texts.map(function (t) { return t.slice(); })}, idx);
    });
  }
  // a narrow screen (a phone) gets the view buttons as one drop-down that fits it
  var menus = gd.layout.updatemenus || [];
  var top = (gd.layout.margin && gd.layout.margin.t) || 50;
  function fit() {
    if (menus.length < 2 || menus[1].type !== 'dropdown') { return; }
    var narrow = gd.clientWidth < NARROW_PX;
    if (menus[1].visible !== narrow) {
      var lift = (menus[1].pad && menus[1].pad.b) || 0;
      Plotly.relayout(gd, {'updatemenus[0].visible': !narrow, 'updatemenus[1].visible': narrow,
                           'margin.t': narrow ? top + lift : top});
    }
  }
  gd.on('plotly_relayout', function () { setTimeout(update, 0); });
  window.addEventListener('resize', function () { setTimeout(fit, 0); });
  fit();
  update();
})();
