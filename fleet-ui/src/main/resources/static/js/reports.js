"use strict";
// The reports page: on a first visit, the form starts at today in the browser's own zone; downloads are fetched
// here so that a long export shows what has arrived (the server streams it, so its size is not known in advance).
(function () {
  const form = document.querySelector(".report-form");
  if (document.body.dataset.asked !== "true" && !location.search) {
    startInBrowserZone();
  }
  document.querySelectorAll("a.export").forEach(link => link.addEventListener("click", event => {
    event.preventDefault();
    download(link);
  }));

  function startInBrowserZone() {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    const select = form.querySelector("#zone");
    if (zone && [...select.options].some(option => option.value === zone)) {
      select.value = zone;
    }
    const today = new Date();
    const day = `${today.getFullYear()}-${pad(today.getMonth() + 1)}-${pad(today.getDate())}`;
    form.querySelector("#from").value = day;
    form.querySelector("#to").value = day;
  }

  async function download(link) {
    const state = document.querySelector(".download-state");
    const progress = document.querySelector(".download-progress");
    const links = document.querySelectorAll("a.export");
    links.forEach(other => other.setAttribute("aria-disabled", "true"));
    progress.hidden = false;
    state.textContent = `Preparing ${link.download}…`;
    try {
      const response = await fetch(link.href, {credentials: "same-origin"});
      if (!response.ok) {
        throw new Error(await refusal(response));
      }
      const parts = [];
      let received = 0;
      const reader = response.body.getReader();
      for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
        parts.push(chunk.value);
        received += chunk.value.length;
        state.textContent = `Downloading ${link.download}: ${size(received)} received…`;
      }
      save(new Blob(parts, {type: response.headers.get("Content-Type")}), fileName(response) || link.download);
      state.textContent = `Downloaded ${link.download} (${size(received)}).`;
    } catch (error) {
      state.textContent = `Not downloaded: ${error.message}`;
    } finally {
      progress.hidden = true;
      links.forEach(other => other.removeAttribute("aria-disabled"));
    }
  }

  async function refusal(response) {
    try {
      const problem = await response.json();
      return problem.detail || problem.title || response.statusText;
    } catch (notJson) {
      return `the server answered ${response.status}`;
    }
  }

  function save(blob, name) {
    const url = URL.createObjectURL(blob);
    const anchor = document.createElement("a");
    anchor.href = url;
    anchor.download = name;
    document.body.appendChild(anchor);
    anchor.click();
    anchor.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60000);
  }

  function fileName(response) {
    const disposition = response.headers.get("Content-Disposition") || "";
    const match = /filename="?([^";]+)"?/.exec(disposition);
    return match ? match[1] : null;
  }

  function size(bytes) {
    return bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(0)} kB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  }

  function pad(number) {
    return String(number).padStart(2, "0");
  }
})();
