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
    var first = yasgui.getTab();
    examples.forEach(function (example, i) {
      var tab = i === 0 && first ? first : yasgui.addTab(false, { name: example.name });
      if (typeof tab === "string") { tab = yasgui.getTab(tab); }
      if (tab && tab.setName) { tab.setName(example.name); }
      if (tab && tab.setQuery) { tab.setQuery(example.query); }
    });
    if (first) { yasgui.selectTabId(first.getId()); }
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", start); } else { start(); }
})();
