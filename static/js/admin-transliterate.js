// The release form's transliteration buttons (templates/admin/press/release/transliterate.html):
// fill Uzbek Cyrillic from Latin, or Latin from Cyrillic, in place, before saving.
//
// The text of every field written in the source script (title, lead, body, place, and each
// photo's description and caption) is sent to press/admin/transliterate.py, which converts it
// with press/transliteration.py and saves nothing. Empty fields of the other script are filled;
// fields already written there are replaced only if the editor agrees. The target language is
// then ticked under "machine transliteration awaiting review", so that the desk and the
// translation status say it was machine-made until someone reads it.
//
// Also: a link to a field (a[data-press-field], the missing photo descriptions) opens the
// language tab the field is in, as does an address ending in #id_<field>.
"use strict";
(function () {
  const FIELDS = /^((?:photos-\d+-)?(?:title|lead|body|place|alt|caption))_(uz|uz_cyrl)$/;
  const editors = new Map(); // textarea → its rich text editor (admin-editor.js)

  document.addEventListener("prose-editor:ready", (event) => {
    editors.set(event.detail.textarea, event.detail.editor);
  });

  function token() {
    const input = document.querySelector("input[name=csrfmiddlewaretoken]");
    return input ? input.value : "";
  }

  function valueOf(field) {
    const editor = editors.get(field);
    return editor ? editor.getHTML() : field.value;
  }

  function isEmpty(field) {
    // An empty editor holds "<p></p>".
    return valueOf(field).replace(/<[^>]*>/g, "").trim() === "";
  }

  function setValue(field, text) {
    field.value = text;
    if (editors.has(field) || field.hasAttribute("data-press-editor")) {
      field.dispatchEvent(new Event("press:set-html"));
    }
    // Counters and the draft kept in the browser (admin-drafting.js) listen to these.
    field.dispatchEvent(new Event("input", { bubbles: true }));
    field.dispatchEvent(new Event("change", { bubbles: true }));
  }

  function label(field, box) {
    const element = field.id && document.querySelector(`label[for="${field.id}"]`);
    const text = element ? element.textContent.trim().replace(/:$/, "") : field.name;
    const photo = /^photos-(\d+)-/.exec(field.name);
    if (!photo) return text;
    const number = String(parseInt(photo[1], 10) + 1);
    return box.dataset.photo.replace("%(number)s", number) + ": " + text;
  }

  // [source field, target field] for each field of the form that has both scripts.
  function pairs(form, source, target) {
    const found = [];
    for (const field of form.querySelectorAll("input[name], textarea[name]")) {
      const match = FIELDS.exec(field.name);
      if (!match || match[2] !== source || field.name.includes("__prefix__")) continue;
      const other = form.elements.namedItem(match[1] + "_" + target);
      if (!other || other.disabled || other.readOnly || isEmpty(field)) continue;
      found.push([field, other]);
    }
    return found;
  }

  async function fill(button, box) {
    const form = button.closest("form");
    const status = box.querySelector(".press-transliterate-status");
    const { source, target, targetCode } = button.dataset;
    let chosen = pairs(form, source, target);
    const written = chosen.filter(([, other]) => !isEmpty(other));
    if (written.length) {
      const names = written.map(([, other]) => label(other, box)).join(", ");
      if (!window.confirm(button.dataset.confirm.replace("%(fields)s", names))) {
        chosen = chosen.filter(([, other]) => isEmpty(other));
      }
    }
    if (!chosen.length) {
      status.textContent = button.dataset.nothing;
      return;
    }
    const texts = {};
    for (const [field, other] of chosen) texts[other.name] = valueOf(field);
    button.disabled = true;
    try {
      const response = await fetch(box.dataset.url, {
        method: "POST",
        credentials: "same-origin",
        headers: { "Content-Type": "application/json", "X-CSRFToken": token() },
        body: JSON.stringify({ direction: button.dataset.direction, texts }),
      });
      if (!response.ok) throw new Error(String(response.status));
      const converted = (await response.json()).texts;
      for (const [, other] of chosen) setValue(other, converted[other.name]);
      const mark = form.querySelector(
        `input[name="machine_translated"][value="${targetCode}"]`,
      );
      if (mark && !mark.checked) {
        mark.checked = true;
        mark.dispatchEvent(new Event("change", { bubbles: true }));
      }
      status.textContent = button.dataset.done.replace("%(count)s", String(chosen.length));
    } catch (error) {
      status.textContent = box.dataset.failed;
    } finally {
      button.disabled = false;
    }
  }

  // Opens the language tab (modeltranslation's jQuery UI tabs) that holds the field, and
  // moves to it.
  function reveal(id) {
    const field = document.getElementById(id);
    if (!field) return false;
    const panel = field.closest(".ui-tabs-panel");
    const tab = panel && document.querySelector(`a[href="#${panel.id}"]`);
    if (tab) tab.click();
    field.scrollIntoView({ block: "center" });
    field.focus();
    return true;
  }

  document.addEventListener("click", (event) => {
    const link = event.target.closest("a[data-press-field]");
    if (link && reveal(link.dataset.pressField)) event.preventDefault();
  });

  function init() {
    const box = document.getElementById("press-transliterate");
    if (box) {
      for (const button of box.querySelectorAll("button[data-direction]")) {
        button.addEventListener("click", () => fill(button, box));
      }
    }
    if (window.location.hash.startsWith("#id_")) {
      // After modeltranslation has made its tabs (it runs on jQuery's ready).
      window.setTimeout(() => reveal(window.location.hash.slice(1)), 0);
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
