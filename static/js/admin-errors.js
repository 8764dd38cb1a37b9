// A form that comes back refused shows its first error (ReleaseAdmin.Media).
//
// The admin's note "Please correct the errors below" is at the top of the page, while the
// field it means may be a screen or two further down (the event date is below three rich
// text editors). The page is scrolled so that the first error and its field are in view,
// once on load: the editors are built by then, so nothing above it moves afterwards.
// Never when the person has already scrolled or typed, so nothing is taken from under them.
"use strict";
(function () {
  function firstError() {
    const form = document.querySelector("#content-main form");
    if (!form || !document.querySelector(".errornote")) return null;
    for (const list of form.querySelectorAll(".errorlist")) {
      if (list.offsetParent !== null) return list; // one in a hidden tab cannot be shown
    }
    return null;
  }

  let moved = false;
  ["wheel", "keydown", "touchstart", "mousedown"].forEach((type) =>
    window.addEventListener(type, () => (moved = true), { once: true, passive: true })
  );

  window.addEventListener("load", () => {
    const error = firstError();
    if (!error || moved) return;
    const row = error.closest(".form-row, .inline-related, fieldset") || error;
    row.scrollIntoView({ block: "center" });
  });
})();
