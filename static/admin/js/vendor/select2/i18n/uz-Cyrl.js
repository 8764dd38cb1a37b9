/*! Select2 4.0.13 | https://github.com/select2/select2/blob/master/LICENSE.md */
// Uzbek (Cyrillic script) for the select2 that Django's admin ships, which has none: written
// for this project in the form of select2's own i18n files (define "select2/i18n/<name>").
// Django loads it as admin/js/vendor/select2/i18n/uz-Cyrl.js (press/apps.py registers the name).
(function () {
  if (!(window.jQuery && jQuery.fn && jQuery.fn.select2 && jQuery.fn.select2.amd)) return;
  var amd = jQuery.fn.select2.amd;
  amd.define("select2/i18n/uz-Cyrl", [], function () {
    return {
      errorLoading: function () { return "Натижаларни юклаб бўлмади."; },
      inputTooLong: function (args) {
        return "Яна " + (args.input.length - args.maximum) + " та белгини ўчиринг";
      },
      inputTooShort: function (args) {
        return "Яна камида " + (args.minimum - args.input.length) + " та белги ёзинг";
      },
      loadingMore: function () { return "Яна натижалар юкланмоқда…"; },
      maximumSelected: function (args) {
        return "Фақат " + args.maximum + " та танлаш мумкин";
      },
      noResults: function () { return "Ҳеч нарса топилмади"; },
      searching: function () { return "Қидирилмоқда…"; },
      removeAllItems: function () { return "Ҳаммасини олиб ташлаш"; }
    };
  });
})();
