/* Suggestions as one types in the disclosure search: titles and document numbers of
   public items, from GET @disclosure-suggestions, offered through the input's datalist. */
(function () {
  "use strict";
  var WAIT_MS = 200;
  document.querySelectorAll("input[data-gov-suggest]").forEach(function (input) {
    var list = document.getElementById(input.getAttribute("list"));
    var url = input.getAttribute("data-gov-suggest");
    var timer = null;
    var asked = "";
    input.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(function () {
        var typed = input.value.trim();
        if (typed.length < 2 || typed === asked) {
          return;
        }
        asked = typed;
        window
          .fetch(url + "?q=" + encodeURIComponent(typed), {
            headers: { Accept: "application/json" },
            credentials: "same-origin",
          })
          .then(function (response) {
            return response.ok ? response.json() : { items: [] };
          })
          .then(function (data) {
            var options = [];
            data.items.forEach(function (item) {
              [item.title, item.document_number].forEach(function (value) {
                if (value && options.indexOf(value) < 0) {
                  options.push(value);
                }
              });
            });
            list.replaceChildren.apply(
              list,
              options.map(function (value) {
                var option = document.createElement("option");
                option.value = value;
                return option;
              })
            );
          })
          .catch(function () {
            /* No suggestions: the search itself still works. */
          });
      }, WAIT_MS);
    });
  });
})();
