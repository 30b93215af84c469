/* An import's page: progress as the server announces each chunk, then the rows' outcomes once it is over. */
"use strict";
(function (F) {
  const id = document.body.dataset.import;
  const table = document.getElementById("import-rows");

  function progress(run) {
    const bar = document.getElementById("import-progress");
    bar.max = run.total;
    bar.value = run.done;
    document.getElementById("import-summary").textContent = run.done + " of " + run.total + " rows done, " + run.created
      + " devices created" + (run.finished ? " (finished)" : "");
  }

  function rows() {
    F.json("/api/v1/device-imports/" + encodeURIComponent(id) + "?rows=" + table.dataset.shown).then(function (run) {
      progress({ total: run.total, done: run.done, created: run.created, finished: run.finishedAt !== null });
      const error = document.getElementById("import-error");
      error.textContent = run.error || "";
      error.hidden = !run.error;
      table.tBodies[0].replaceChildren.apply(table.tBodies[0], run.rows.map(function (row) {
        const tr = F.el("tr", null, row.created ? "ok" : "problem");
        tr.append(F.el("td", row.line), F.el("td", row.id), F.el("td", row.created ? "created" : row.problem));
        return tr;
      }));
      table.hidden = run.rows.length === 0;
    });
  }

  F.on("import", function (event) {
    if (event.importId === id) {
      progress(event);
      if (event.finished) {
        rows();
      }
    }
  });
  F.onOpen(rows); // it may have gone on, or finished, before this page subscribed
})(window.Fleetmesh);
