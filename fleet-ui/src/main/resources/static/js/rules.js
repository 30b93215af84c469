/* The rules page: a truck that applies a configuration shows it in the rollout table. */
"use strict";
(function (F) {
  const refresh = F.debounce(function () {
    F.json("/api/v1/rules/rollout").then(function (rollout) {
      const body = document.getElementById("rollout").tBodies[0];
      body.replaceChildren.apply(body, rollout.devices.map(function (d) {
        const row = F.el("tr");
        row.append(F.el("td", d.deviceId), F.el("td", d.appliedVersion === null ? "–" : d.appliedVersion),
          F.el("td", d.current ? "yes" : "not yet"));
        return row;
      }));
    });
  }, 1000);
  F.onOpen(refresh);
  // the heartbeat after an apply-config carries the new version; its command's success comes just before it
  F.on("command", function (step) {
    if (step.type === "apply-config" && step.state === "SUCCEEDED") {
      refresh();
      setTimeout(refresh, 3000);
    }
  });
})(window.Fleetmesh);
