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

// On a phone, the filters start folded unless some are chosen: the results come first.
document.addEventListener("DOMContentLoaded", function () {
  if (!window.matchMedia("(max-width: 39.99rem)").matches) return;
  document.querySelectorAll("details[data-collapse-on-phones]").forEach(function (details) {
    details.removeAttribute("open");
  });
});
