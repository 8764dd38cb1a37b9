// Remember the language a visitor picks in the switcher, so that "/" brings them back to it.
// Done here rather than on the server so that public pages stay free of Set-Cookie (cacheable).
document.addEventListener("click", function (event) {
  var link = event.target.closest(".lang-switcher a[hreflang], .lang-choice a[hreflang]");
  if (!link) return;
  var code = link.getAttribute("data-lang");
  if (code) {
    document.cookie = "django_language=" + code + "; path=/; max-age=31536000; samesite=lax";
  }
});
