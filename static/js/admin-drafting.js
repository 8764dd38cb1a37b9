// Fast and safe drafting in the release form (ReleaseAdmin.Media):
//
// 1. Live counters under each language's title and lead, with the advised length
//    (data-advised-length, set in press/admin/editor.py).
// 2. The form is kept in this browser (localStorage) as the editor types, under a key made
//    of the user and the release ("new" for one not yet saved). If the tab crashes or the
//    login expires, the next visit offers the kept draft: Restore or Discard. Nothing is
//    ever put into the form without the editor asking for it.
//    Restoring also restores the version the draft was written from, so that the optimistic
//    lock still refuses it (side by side) if someone else has saved the release since.
// 3. A draft is forgotten once its save succeeded: when the page after the save shows the
//    admin's success message, or when the release's saved version is newer than the version
//    the submitted draft was written from.
"use strict";
(function () {
  const PREFIX = "press-draft:";
  const DELAY = 400; // ms after the last keystroke
  // A conflict's answers (seen_version, resolve-*, merged-*) belong to that one page.
  const SKIP = /^(csrfmiddlewaretoken|edit_version|seen_version|resolve-.*|merged-.*|_.*|(photos|attachments)-.*|new_photos|action|select_across|index)$/;
  // Django's JavaScript catalog (admin:jsi18n, our djangojs.po) defines gettext/interpolate.
  const gettext = window.gettext || ((text) => text);
  const fill = (text, values) =>
    window.interpolate ? window.interpolate(text, values, true) : text;

  function storage() {
    try {
      const probe = PREFIX + "probe";
      window.localStorage.setItem(probe, "1");
      window.localStorage.removeItem(probe);
      return window.localStorage;
    } catch (error) {
      return null; // private mode or storage full: counters still work
    }
  }

  // --- Counters -----------------------------------------------------------------------

  function counters(root) {
    for (const field of root.querySelectorAll("[data-advised-length]")) {
      if (field.dataset.counted) continue;
      field.dataset.counted = "1";
      const limit = parseInt(field.dataset.advisedLength, 10);
      const counter = document.createElement("div");
      counter.className = "press-counter help";
      counter.setAttribute("aria-live", "polite");
      if (field.id) counter.id = field.id + "_counter";
      field.insertAdjacentElement("afterend", counter);
      const update = () => {
        const count = [...field.value].length;
        const over = count > limit;
        counter.classList.toggle("press-counter-over", over);
        counter.textContent =
          fill(gettext("%(count)s of about %(limit)s characters"), { count, limit }) +
          (over ? " · " + gettext("longer than advised") : "");
      };
      field.addEventListener("input", update);
      update();
    }
  }

  // --- Kept drafts --------------------------------------------------------------------

  function fieldsOf(form) {
    const pairs = [];
    const labels = {};
    for (const element of form.elements) {
      const name = element.name;
      if (!name || SKIP.test(name) || element.disabled) continue;
      if (element.type === "file" || element.type === "submit" || element.type === "button") continue;
      if ((element.type === "checkbox" || element.type === "radio") && !element.checked) continue;
      if (element.tagName === "SELECT") {
        for (const option of element.selectedOptions) {
          pairs.push([name, option.value]);
          labels[name + "\u0000" + option.value] = option.textContent;
        }
        continue;
      }
      pairs.push([name, element.value]);
    }
    return { pairs, labels };
  }

  function same(a, b) {
    return JSON.stringify(a) === JSON.stringify(b);
  }

  function restore(form, draft) {
    const values = {};
    for (const [name, value] of draft.pairs) (values[name] = values[name] || []).push(value);
    const names = new Set(Object.keys(values));
    for (const element of form.elements) {
      if (element.name && !SKIP.test(element.name) && element.type !== "file") {
        names.add(element.name);
      }
    }
    for (const name of names) {
      const wanted = values[name] || [];
      for (const element of form.querySelectorAll(`[name="${CSS.escape(name)}"]`)) {
        if (element.type === "file" || element.disabled) continue;
        if (element.type === "checkbox" || element.type === "radio") {
          element.checked = wanted.includes(element.value);
        } else if (element.tagName === "SELECT") {
          for (const value of wanted) {
            if (![...element.options].some((o) => o.value === value)) {
              const text = draft.labels[name + "\u0000" + value] || value;
              element.add(new Option(text, value));
            }
          }
          for (const option of element.options) option.selected = wanted.includes(option.value);
          if (window.django && window.django.jQuery) window.django.jQuery(element).trigger("change");
        } else {
          element.value = wanted[0] || "";
          element.dispatchEvent(new Event("input", { bubbles: true }));
          element.dispatchEvent(new CustomEvent("press:set-html"));
        }
      }
    }
    const version = form.querySelector('[name="edit_version"]');
    if (version && draft.version) version.value = draft.version;
  }

  function banner(form, draft, onRestore, onDiscard) {
    const box = document.createElement("div");
    box.className = "press-draft-banner";
    box.setAttribute("role", "alert");
    let when = new Date(draft.time);
    try {
      const lang = document.documentElement.lang === "uz-cyrl" ? "uz-Cyrl" : document.documentElement.lang;
      when = when.toLocaleString(lang || undefined, { dateStyle: "medium", timeStyle: "short" });
    } catch (error) {
      when = when.toLocaleString();
    }
    const text = document.createElement("p");
    text.textContent = fill(gettext("A draft from %(time)s was kept in this browser."), { time: when });
    const restoreButton = document.createElement("button");
    restoreButton.type = "button";
    restoreButton.className = "button default";
    restoreButton.textContent = gettext("Restore");
    restoreButton.dataset.draft = "restore";
    const discardButton = document.createElement("button");
    discardButton.type = "button";
    discardButton.className = "button";
    discardButton.textContent = gettext("Discard");
    discardButton.dataset.draft = "discard";
    restoreButton.addEventListener("click", () => { onRestore(); box.remove(); });
    discardButton.addEventListener("click", () => { onDiscard(); box.remove(); });
    box.append(text, restoreButton, " ", discardButton);
    form.before(box);
    return box;
  }

  function forgetSaved(store, user) {
    // The page after a successful save: drafts this user submitted are saved now.
    if (!document.querySelector(".messagelist .success")) return;
    for (let i = store.length - 1; i >= 0; i--) {
      const key = store.key(i);
      if (!key || !key.startsWith(PREFIX + user + ":")) continue;
      try {
        if (JSON.parse(store.getItem(key)).submitted) store.removeItem(key);
      } catch (error) {
        store.removeItem(key);
      }
    }
  }

  function keep(form, data, store) {
    const key = PREFIX + data.user + ":" + data.release;
    const version = data.version || "";
    let initial = fieldsOf(form);
    let stored = null;
    try {
      stored = JSON.parse(store.getItem(key) || "null");
    } catch (error) {
      store.removeItem(key);
    }
    let offering = false;
    if (stored) {
      const savedSince = stored.submitted && version && parseInt(version, 10) > parseInt(stored.version || "0", 10);
      if (savedSince || same(stored.pairs, initial.pairs)) {
        store.removeItem(key);
      } else {
        offering = true;
        banner(
          form,
          stored,
          () => { restore(form, stored); offering = false; save(); },
          () => { store.removeItem(key); offering = false; initial = fieldsOf(form); },
        );
      }
    }
    let timer = null;
    let submitting = false;
    function save(submitted) {
      window.clearTimeout(timer);
      timer = null;
      if (offering || (submitting && !submitted)) return; // never overwrite a kept draft unasked
      const now = fieldsOf(form);
      if (!submitted && same(now.pairs, initial.pairs)) {
        store.removeItem(key);
        return;
      }
      const previous = JSON.parse(store.getItem(key) || "null");
      const base = form.querySelector('[name="edit_version"]');
      const draft = {
        time: new Date().toISOString(),
        version: (base && base.value) || (previous && previous.version) || version,
        pairs: now.pairs,
        labels: now.labels,
        submitted: Boolean(submitted),
      };
      try {
        store.setItem(key, JSON.stringify(draft));
      } catch (error) {
        // Storage full: nothing more can be kept; the form itself is untouched.
      }
    }
    const later = () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(save, DELAY);
    };
    form.addEventListener("input", later);
    form.addEventListener("change", later);
    if (window.django && window.django.jQuery) window.django.jQuery(form).on("change", "select", later);
    form.addEventListener("submit", () => {
      save(true);
      submitting = true; // leaving the page now must not mark the draft unsubmitted again
    });
    window.addEventListener("pagehide", () => { if (timer) save(); });
  }

  // Participants: the autocomplete asks for appointments in force on the event date first
  // (AppointmentAdmin.get_search_results), so it is told the date the form holds.
  function participantsByEventDate() {
    const jq = window.django && window.django.jQuery;
    if (!jq || !jq.ajaxPrefilter) return;
    jq.ajaxPrefilter((options) => {
      const data = typeof options.data === "string" ? options.data : "";
      if (!/\/autocomplete\//.test(options.url || "") || !/field_name=participants/.test(data)) return;
      const date = document.getElementById("id_event_date");
      if (date && date.value) options.data = data + "&event_date=" + encodeURIComponent(date.value);
    });
  }

  function start() {
    const data = document.getElementById("press-drafting");
    participantsByEventDate();
    counters(document);
    const store = storage();
    if (!data || !store) return;
    forgetSaved(store, data.dataset.user);
    const form = document.querySelector("#release_form");
    if (form) keep(form, data.dataset, store);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
