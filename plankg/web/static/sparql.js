// The /sparql page: YASGUI (vendored, static/vendor/yasgui) on this server's endpoint, with the
// saved queries that need no parameter as tabs. Nothing is fetched from elsewhere: the
// autocompleters that ask outside services (prefix.cc, LOV) are switched off.
(function () {
  "use strict";
  function start() {
    var examples = JSON.parse(document.getElementById("plankg-examples").textContent);
    var endpoint = window.location.origin + "/sparql";
    Yasgui.Yasqe.defaults.autocompleters = ["variables"];
    var yasgui = new Yasgui(document.getElementById("yasgui"), {
      requestConfig: { endpoint: endpoint, method: "POST" },
      copyEndpointOnNewTab: true,
      persistenceId: null,
      populateFromUrl: false,
      endpointCatalogueOptions: { getData: function () { return [{ endpoint: endpoint }]; } },
      yasqe: { autocompleters: ["variables"] }
    });
    // the first saved query goes into the open tab; the others open as tabs of their own (their
    // editors start when a tab is first shown, so they get their text through the tab config)
    var first = yasgui.getTab();
    examples.forEach(function (example, i) {
      if (i === 0 && first) {
        first.setName(example.name);
        first.setQuery(example.query);
      } else {
        yasgui.addTab(false, { name: example.name, yasqe: { value: example.query } });
      }
    });
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", start); } else { start(); }
})();
