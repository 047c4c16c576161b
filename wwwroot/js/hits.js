// Shows the HITS total and what it means while staff fill in the four items; the sentences come
// from the view's data-* attributes, in her language, with {0} for the total.
(function () {
  var items = document.querySelectorAll('.hits-item');
  var out = document.getElementById('hits-score');
  if (!items.length || !out) return;
  function update() {
    var values = Array.prototype.map.call(items, function (i) { return parseInt(i.value, 10); });
    if (values.some(function (v) { return isNaN(v); })) { out.textContent = ''; return; }
    if (values.some(function (v) { return v < 1 || v > 5; })) { out.textContent = out.dataset.outOfRange; out.className = 'mt-2 mb-2 fw-semibold text-danger'; return; }
    var total = values.reduce(function (a, b) { return a + b; }, 0);
    var positive = total > 10;
    out.textContent = (positive ? out.dataset.positive : out.dataset.negative).replace('{0}', total);
    out.className = 'mt-2 mb-2 fw-semibold ' + (positive ? 'text-danger' : 'text-success');
  }
  items.forEach(function (i) { i.addEventListener('input', update); });
  update();
})();
