// Draws the BPMN diagram with bpmn-js (NavigatedViewer) and highlights elements by marker class.
(function () {
  "use strict";
  var container = document.getElementById("diagram");
  if (!container || !window.BpmnJS) { return; }
  var markerData = document.getElementById("diagram-markers");
  var markers = markerData ? JSON.parse(markerData.textContent) : {};
  var classes = { completed: "ll-afgerond", current: "ll-huidig", timers: "ll-wacht" };
  var viewer = new window.BpmnJS({ container: container });

  function showError() {
    var message = container.parentNode.querySelector(".diagram-fout");
    if (message) { message.hidden = false; }
  }

  fetch(container.dataset.xmlUrl, { credentials: "same-origin" })
    .then(function (response) {
      if (!response.ok) { throw new Error("HTTP " + response.status); }
      return response.text();
    })
    .then(function (xml) { return viewer.importXML(xml); })
    .then(function () {
      var canvas = viewer.get("canvas");
      var registry = viewer.get("elementRegistry");
      canvas.zoom("fit-viewport", "auto");
      Object.keys(classes).forEach(function (kind) {
        (markers[kind] || []).forEach(function (id) {
          if (registry.get(id)) { canvas.addMarker(id, classes[kind]); }
        });
      });
      container.dataset.ready = "true";
    })
    .catch(showError);
})();
