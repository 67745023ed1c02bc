// The SPARQL editor: pick an example into the text area; Ctrl+Enter (or Cmd+Enter) runs the query.
// Everything works without this script; it only saves keystrokes.
(function () {
  "use strict";
  var form = document.getElementById("sparql-form");
  var text = document.getElementById("query");
  var examples = document.getElementById("examples");
  if (!form || !text) return;
  if (examples) {
    examples.addEventListener("change", function () {
      if (examples.value) {
        text.value = examples.value;
        text.focus();
      }
    });
  }
  text.addEventListener("keydown", function (event) {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      form.requestSubmit ? form.requestSubmit() : form.submit();
    }
  });
})();
