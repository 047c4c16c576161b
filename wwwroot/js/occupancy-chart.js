// Daily occupancy chart (Chart.js, served from wwwroot/lib; no inline script under the CSP).
// The legend's words come from the view's data-* attributes, in the reader's language.
(function () {
  var canvas = document.getElementById('occupancy-chart');
  if (!canvas || typeof Chart === 'undefined') return;
  var split = function (name) { var v = canvas.dataset[name]; return v ? v.split(',') : []; };
  new Chart(canvas, {
    type: 'line',
    data: {
      labels: split('days'),
      datasets: [
        { label: canvas.dataset.bedsLabel, data: split('beds').map(Number), borderColor: '#6c757d', pointRadius: 0, borderWidth: 1.5 },
        { label: canvas.dataset.occupiedLabel, data: split('occupied').map(Number), borderColor: '#4b2a6b', backgroundColor: 'rgba(75,42,107,0.15)', fill: true, pointRadius: 0, borderWidth: 2 }
      ]
    },
    options: { animation: false, interaction: { mode: 'index', intersect: false }, scales: { y: { beginAtZero: true } } }
  });
})();
