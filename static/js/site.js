// Small enhancements; every page works without this file.

// Remember the language a visitor picks in the switcher, so that "/" brings them back to it.
// Done here rather than on the server so that public pages stay free of Set-Cookie (cacheable).
document.addEventListener("click", function (event) {
  var link = event.target.closest(".lang-switcher a[hreflang], .lang-choice a[hreflang], .release__facts a[data-lang]");
  if (!link) return;
  var code = link.getAttribute("data-lang");
  if (code) {
    document.cookie = "django_language=" + code + "; path=/; max-age=31536000; samesite=lax";
  }
});

// "Copy" next to the release's address. Without script the address is there to select.
document.addEventListener("DOMContentLoaded", function () {
  var input = document.querySelector(".share__url");
  if (!input || !navigator.clipboard) return;
  var button = document.createElement("button");
  button.type = "button";
  button.textContent = input.getAttribute("data-copy-label");
  button.setAttribute("aria-describedby", input.id);
  var status = document.createElement("span");
  status.className = "visually-hidden";
  status.setAttribute("role", "status");
  input.parentNode.appendChild(button);
  input.parentNode.appendChild(status);
  button.addEventListener("click", function () {
    navigator.clipboard.writeText(input.value).then(function () {
      status.textContent = input.getAttribute("data-copied");
    });
  });
  input.addEventListener("focus", function () { input.select(); });
});

// The finder (templates/includes/release_filters.html). Without this script the filters
// are a folded <details> of plain checkboxes and date boxes, and every state is a link.
document.addEventListener("DOMContentLoaded", function () {
  var form = document.querySelector("form.filters");
  if (!form) return;

  // Wide screens: the filters sit beside the results, open. Phones: folded under
  // "Filter (n)", so the results come first.
  var wide = window.matchMedia("(min-width: 48em)");
  var details = form.querySelector("details[data-open-on-wide]");
  function openOnWide() { if (details && wide.matches) details.open = true; }
  openOnWide();
  if (wide.addEventListener) wide.addEventListener("change", openOnWide);

  // Type-to-narrow above each long list, compared through the search's own fold (the table
  // comes from press.search: "ozbek" and "ўзбек" both find "Oʻzbekiston"). Chosen options
  // stay in sight whatever is typed.
  var table = JSON.parse(form.getAttribute("data-fold-table") || "{}");
  function fold(text) {
    var out = "";
    var lower = text.toLowerCase();
    for (var i = 0; i < lower.length; i++) {
      var ch = lower.charAt(i);
      out += Object.prototype.hasOwnProperty.call(table, ch) ? table[ch] : ch;
    }
    return out.trim();
  }
  form.querySelectorAll(".choices--many").forEach(function (list) {
    var box = document.createElement("div");
    box.className = "narrow";
    var label = document.createElement("label");
    label.htmlFor = list.id + "_narrow";
    label.textContent = list.getAttribute("data-narrow-label");
    var input = document.createElement("input");
    input.type = "search";
    input.id = list.id + "_narrow";
    input.autocomplete = "off";
    input.setAttribute("aria-controls", list.id);
    box.appendChild(label);
    box.appendChild(input);
    list.parentNode.insertBefore(box, list);
    // Enter in the box narrows, it does not send the form half-chosen.
    input.addEventListener("keydown", function (event) {
      if (event.key === "Enter") event.preventDefault();
    });
    input.addEventListener("input", function () {
      var wanted = fold(input.value);
      list.querySelectorAll("li").forEach(function (item) {
        var choice = item.querySelector("input");
        var name = item.getAttribute("data-fold") || fold(item.textContent);
        item.hidden = !(choice.checked || !wanted || name.indexOf(wanted) !== -1);
      });
    });
  });

  // Empty fields stay out of the address ("?q=&kind=&country=KG" is "?country=KG"): shorter
  // links to share, and one cached page for one choice. A date's three boxes go or stay
  // together, so that a half-typed date still reaches the server and is said to be wrong.
  form.addEventListener("formdata", function (event) {
    var data = event.formData;
    var names = [];
    data.forEach(function (value, name) { if (names.indexOf(name) === -1) names.push(name); });
    names.forEach(function (name) {
      var date = name.match(/^(.*)_(day|month|year)$/);
      var empty = date
        ? ["day", "month", "year"].every(function (part) { return !data.get(date[1] + "_" + part); })
        : data.getAll(name).every(function (value) { return value === ""; });
      if (empty) data.delete(name);
    });
  });

  // After Apply, a chip or a page change (a new address with a query), focus goes to the
  // results' heading, which says what is listed; to the errors if a filter was wrong.
  if (!window.location.search) return;
  var target = document.getElementById("filter-errors") || document.getElementById("results-heading");
  if (!target) return;
  var top = target.getBoundingClientRect().top;
  target.focus({ preventScroll: top >= 0 && top < window.innerHeight / 2 });
});
