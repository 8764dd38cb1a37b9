/*! Select2 4.0.13 | https://github.com/select2/select2/blob/master/LICENSE.md */
// Uzbek (Latin script) for the select2 that Django's admin ships, which has none: written
// for this project in the form of select2's own i18n files (define "select2/i18n/<name>").
// Django loads it as admin/js/vendor/select2/i18n/uz.js (press/apps.py registers the name).
(function () {
  if (!(window.jQuery && jQuery.fn && jQuery.fn.select2 && jQuery.fn.select2.amd)) return;
  var amd = jQuery.fn.select2.amd;
  amd.define("select2/i18n/uz", [], function () {
    return {
      errorLoading: function () { return "Natijalarni yuklab boʻlmadi."; },
      inputTooLong: function (args) {
        return "Yana " + (args.input.length - args.maximum) + " ta belgini oʻchiring";
      },
      inputTooShort: function (args) {
        return "Yana kamida " + (args.minimum - args.input.length) + " ta belgi yozing";
      },
      loadingMore: function () { return "Yana natijalar yuklanmoqda…"; },
      maximumSelected: function (args) {
        return "Faqat " + args.maximum + " ta tanlash mumkin";
      },
      noResults: function () { return "Hech narsa topilmadi"; },
      searching: function () { return "Qidirilmoqda…"; },
      removeAllItems: function () { return "Hammasini olib tashlash"; }
    };
  });
})();
