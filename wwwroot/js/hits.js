// Shows the HITS total and what it means while staff fill in the four items.
(function () {
  var items = document.querySelectorAll('.hits-item');
  var out = document.getElementById('hits-score');
  if (!items.length || !out) return;
  function update() {
    var values = Array.prototype.map.call(items, function (i) { return parseInt(i.value, 10); });
    if (values.some(function (v) { return isNaN(v); })) { out.textContent = ''; return; }
    if (values.some(function (v) { return v < 1 || v > 5; })) { out.textContent = 'Each item is scored from 1 to 5.'; out.className = 'mt-2 mb-2 fw-semibold text-danger'; return; }
    var total = values.reduce(function (a, b) { return a + b; }, 0);
    var positive = total > 10;
    out.textContent = 'HITS ' + total + ' of 20: ' + (positive ? 'positive — high risk: a safe room or a confidential address first.' : 'negative (11 or more is positive).');
    out.className = 'mt-2 mb-2 fw-semibold ' + (positive ? 'text-danger' : 'text-success');
  }
  items.forEach(function (i) { i.addEventListener('input', update); });
  update();
})();
