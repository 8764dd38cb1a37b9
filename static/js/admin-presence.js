// Who else has this release's change form open (press/admin/presence.py).
//
// While the page is open and visible it tells the server every data-interval seconds that
// its editor is still here, and shows the warnings the server answers with: only editors
// whose own page beat within the last minute are named. Leaving the page (closing the
// tab, following a link, saving) sends a beacon that ends the session at once.
(function () {
  "use strict";

  function token() {
    const input = document.querySelector("input[name=csrfmiddlewaretoken]");
    return input ? input.value : "";
  }

  function start() {
    const box = document.getElementById("press-presence");
    if (!box) return;
    const interval = Math.max(1, parseFloat(box.dataset.interval) || 20) * 1000;

    function show(messages) {
      box.replaceChildren(
        ...messages.map(function (message) {
          const item = document.createElement("li");
          item.className = "warning";
          item.textContent = message;
          return item;
        })
      );
      box.hidden = messages.length === 0;
    }

    function beat() {
      if (document.visibilityState !== "visible") return;
      fetch(box.dataset.beatUrl, {
        method: "POST",
        headers: { "X-CSRFToken": token() },
        credentials: "same-origin",
      })
        .then(function (response) {
          return response.ok ? response.json() : null;
        })
        .then(function (answer) {
          if (answer) show(answer.present);
        })
        .catch(function () {
          // Offline for a moment: the next beat tries again.
        });
    }

    function leave() {
      const body = new FormData();
      body.append("csrfmiddlewaretoken", token());
      navigator.sendBeacon(box.dataset.leftUrl, body);
    }

    beat();
    window.setInterval(beat, interval);
    document.addEventListener("visibilitychange", beat);
    window.addEventListener("pagehide", leave);
    window.addEventListener("pageshow", function (event) {
      if (event.persisted) beat(); // back from the browser's page cache
    });
  }

  // The admin loads this in <head>: start once the page's form is there.
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
