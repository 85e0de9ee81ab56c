// The chart's labels follow the zoom: each label trace carries, in its meta, the labels and
// how many characters of each show at every zoom level (chosen in Python, most salient first,
// never overlapping: timeline/charts/_labels.py). This script only picks the level whose
// scale fits the view, as timeline.charts.relabel does in Jupyter. Plotly replaces
// {plot_id} with the chart's div id.
(function () {
  var gd = document.getElementById('{plot_id}');
  var meta = gd.layout.meta && gd.layout.meta.timeline;
  if (!meta || meta.dense || !meta.scales || !meta.scales.length) { return; }
  var KEY = meta.labels, SCALES = meta.scales, current = meta.level;
  function esc(s) {
    return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  }
  function cut(label, n) {  // as _traces.cut_labels: n counts the en space; < 0: on the left
    var size = Math.abs(n), text;
    if (!size) { return ''; }
    if (size - 1 >= label.length) {
      text = esc(label);
    } else {
      text = esc(label.slice(0, Math.max(size - 2, 1)).replace(/\s+$/, '')) + '\u2026';
    }
    return n > 0 ? '\u2002' + text : text + '\u2002';
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
    var idx = [], texts = [], sides = [];
    gd.data.forEach(function (t, i) {
      var m = t.meta && t.meta[KEY];
      if (!m) { return; }
      idx.push(i);
      texts.push(m.labels.map(function (label, j) { return cut(label, m.chars[k][j]); }));
      sides.push(m.chars[k].map(function (n) { return n < 0 ? 'middle left' : 'middle right'; }));
    });
    if (!idx.length) { return; }
    // the first restyle after a zoom updates the data but not the drawing (plotly.js
    // 2.x/3.x with matched axes): a second one, of the same texts, draws them
    Plotly.restyle(gd, {text: texts, textposition: sides}, idx).then(function () {
      return Plotly.restyle(gd, {text: texts.map(function (t) { return t.slice(); })}, idx);
    });
  }
  gd.on('plotly_relayout', function () { setTimeout(update, 0); });
  update();
})();
