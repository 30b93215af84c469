/* An import's page: progress as the server announces each chunk, then every row's outcome. */
"use strict";
(function (F) {
  const id = document.body.dataset.import;
  const show = F.debounce(function () {
    F.json("/api/v1/device-imports/" + encodeURIComponent(id)).then(render);
  }, 200);

  function render(run) {
    const bar = document.getElementById("import-progress");
    bar.max = run.total;
    bar.value = run.done;
    document.getElementById("import-summary").textContent = run.done + " of " + run.total + " rows done, " + run.created
      + " devices created" + (run.finishedAt ? " (finished)" : "");
    const table = document.getElementById("import-rows");
    table.tBodies[0].replaceChildren.apply(table.tBodies[0], run.rows.map(function (row) {
      const tr = F.el("tr", null, row.created ? "ok" : "problem");
      tr.append(F.el("td", row.line), F.el("td", row.id), F.el("td", row.created ? "created" : row.problem));
      return tr;
    }));
    table.hidden = run.rows.length === 0;
  }

  F.on("import", function (progress) {
    if (progress.importId === id) {
      show();
    }
  });
  F.onOpen(show); // it may have finished before this page subscribed
})(window.Fleetmesh);
