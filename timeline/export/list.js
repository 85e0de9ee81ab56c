// The event list under the chart, searchable and sortable without a server. It reads only
// the table's own text (escaped in Python) and its data-sort numbers, and writes text and
// attributes, never HTML. Without scripts the list is a plain table in date order.
(function () {
  var tables = document.querySelectorAll('table.events');
  Array.prototype.forEach.call(tables, function (table, t) {
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    if (!rows.length) { return; }
    var tools = document.createElement('div');
    tools.className = 'list-tools';
    var label = document.createElement('label');
    var box = document.createElement('input');
    var count = document.createElement('span');
    box.type = 'search';
    box.id = 'events-search-' + t;
    box.autocomplete = 'off';
    box.placeholder = 'date, words, outlet';
    label.htmlFor = box.id;
    label.textContent = 'Search the events ';
    count.setAttribute('aria-live', 'polite');
    count.className = 'list-count';
    tools.appendChild(label);
    tools.appendChild(box);
    tools.appendChild(count);
    table.parentNode.insertBefore(tools, table);
    var words = rows.map(function (r) { return r.textContent.toLowerCase(); });
    box.addEventListener('input', function () {
      var terms = box.value.toLowerCase().split(/\s+/).filter(Boolean), shown = 0;
      rows.forEach(function (r, i) {
        var hit = terms.every(function (w) { return words[i].indexOf(w) >= 0; });
        r.hidden = !hit;
        if (hit) { shown++; }
      });
      count.textContent = terms.length ? ' ' + shown + ' of ' + rows.length + ' shown' : '';
    });
    var heads = table.tHead.rows[0].cells;
    Array.prototype.forEach.call(heads, function (th, col) {
      var button = document.createElement('button');
      button.type = 'button';
      button.className = 'sort';
      button.textContent = th.textContent;
      th.textContent = '';
      th.appendChild(button);
      th.setAttribute('aria-sort', col === 0 && rows[0].cells[0].hasAttribute('data-sort')
        ? 'ascending' : 'none');
      button.addEventListener('click', function () {
        var up = th.getAttribute('aria-sort') !== 'ascending';
        Array.prototype.forEach.call(heads, function (h) { h.setAttribute('aria-sort', 'none'); });
        th.setAttribute('aria-sort', up ? 'ascending' : 'descending');
        var keys = rows.map(function (r) {
          var cell = r.cells[col], n = cell.getAttribute('data-sort');
          return n !== null ? Number(n) : cell.textContent.trim().toLowerCase();
        });
        var order = rows.map(function (r, i) { return i; });
        order.sort(function (a, b) {
          var x = keys[a], y = keys[b];
          var d = (typeof x === 'number' && typeof y === 'number') ? x - y
            : String(x).localeCompare(String(y));
          return (up ? d : -d) || a - b;
        });
        rows = order.map(function (i) { return rows[i]; });
        words = order.map(function (i) { return words[i]; });
        rows.forEach(function (r) { body.appendChild(r); });
      });
    });
  });
})();
