// Autocomplete for stored-query parameters of an IRI kind: the names that fit what is typed, from /lookup.
(function () {
  document.querySelectorAll("input[data-lookup]").forEach(function (input) {
    var list = document.getElementById(input.getAttribute("list"));
    var timer = null;
    var asked = "";
    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () {
        var text = input.value.trim();
        if (text.length < 2 || text === asked) return;
        asked = text;
        var url = input.dataset.lookupUrl + "?kind=" + encodeURIComponent(input.dataset.lookup) + "&q=" + encodeURIComponent(text);
        fetch(url, {headers: {"Accept": "application/json"}}).then(function (r) { return r.ok ? r.json() : []; })
          .then(function (found) {
            if (asked !== text) return;  // a newer request is on its way
            list.replaceChildren.apply(list, found.map(function (m) {
              var option = document.createElement("option");
              option.value = m.key;
              option.label = m.label;
              option.textContent = m.label;
              return option;
            }));
            input.dataset.suggested = String(found.length);
          });
      }, 150);
    });
  });
})();
