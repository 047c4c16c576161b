// A form the server sent back with errors: put the keyboard on the first field to fix (its error is read
// with it), or on the summary when the error belongs to no field, so nobody has to hunt for it.
(function () {
  var field = document.querySelector('main [aria-invalid="true"]');
  var summary = document.querySelector('main .validation-summary-errors');
  if (field) { field.focus(); return; }
  if (summary) { summary.setAttribute('tabindex', '-1'); summary.focus(); }
})();
