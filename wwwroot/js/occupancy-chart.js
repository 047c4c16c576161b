// Daily occupancy chart (Chart.js, served from wwwroot/lib; no inline script under the CSP).
(function () {
  var canvas = document.getElementById('occupancy-chart');
  if (!canvas || typeof Chart === 'undefined') return;
  var split = function (name) { var v = canvas.dataset[name]; return v ? v.split(',') : []; };
  new Chart(canvas, {
    type: 'line',
    data: {
      labels: split('days'),
      datasets: [
        { label: 'Beds available', data: split('beds').map(Number), borderColor: '#6c757d', pointRadius: 0, borderWidth: 1.5 },
        { label: 'Beds occupied', data: split('occupied').map(Number), borderColor: '#4b2a6b', backgroundColor: 'rgba(75,42,107,0.15)', fill: true, pointRadius: 0, borderWidth: 2 }
      ]
    },
    options: { animation: false, interaction: { mode: 'index', intersect: false }, scales: { y: { beginAtZero: true } } }
  });
})();
