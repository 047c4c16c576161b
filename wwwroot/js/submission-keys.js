// One-time form keys survive the back button. The server gives each form a fresh key; this page's
// history entry remembers them, so going back to a form that was already sent (the page is
// fetched again, because signed-in pages are never cached) sends it with the key it had, and the
// server answers with the first result instead of saving it twice.
(function () {
  var forms = Array.prototype.slice.call(document.querySelectorAll('input[name="__SubmissionKey"]'));
  if (forms.length === 0) return;
  var navigation = performance.getEntriesByType && performance.getEntriesByType('navigation')[0];
  var cameBack = navigation && navigation.type === 'back_forward';
  var state = history.state || {};
  var remembered = state.submissionKeys;
  if (cameBack && remembered && remembered.length === forms.length) {
    forms.forEach(function (input, i) { input.value = remembered[i]; });
  } else {
    state.submissionKeys = forms.map(function (input) { return input.value; });
    history.replaceState(state, '');
  }
})();
