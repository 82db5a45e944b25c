"use strict";
// pressx report: row filters (index and checks pages) and highlight layers (document pages).

// The value of a filter control ("" when it does not filter).
function controlValue(control) {
  if (control.type === "checkbox") return control.checked ? "1" : "";
  return control.value.trim().toLowerCase();
}

// Does a row pass one control? data-match="contains" searches text, otherwise the row's
// data-<filter> value (a space-separated list) must hold the control's value.
function rowMatches(row, control) {
  const wanted = controlValue(control);
  if (!wanted) return true;
  const have = (row.dataset[control.dataset.filter] || "").toLowerCase();
  return control.dataset.match === "contains" ? have.includes(wanted) : have.split(" ").includes(wanted);
}

// Filters keep their state in the URL fragment, e.g. index.html#status=error&empty=quotes.
function setupFilters() {
  const table = document.querySelector("table[data-filtered]");
  if (!table) return;
  const controls = Array.from(document.querySelectorAll("[data-filter]"));
  const shown = document.getElementById("shown");
  const apply = () => {
    let count = 0;
    for (const row of table.tBodies[0].rows) {
      row.hidden = !controls.every((control) => rowMatches(row, control));
      if (!row.hidden) count += 1;
    }
    shown.textContent = String(count);
    const state = new URLSearchParams();
    for (const control of controls) {
      if (controlValue(control)) state.set(control.dataset.filter, controlValue(control));
    }
    history.replaceState(null, "", "#" + state.toString());
  };
  const initial = new URLSearchParams(location.hash.slice(1));
  for (const control of controls) {
    const value = initial.get(control.dataset.filter);
    if (value !== null) {
      if (control.type === "checkbox") control.checked = value === "1";
      else control.value = value;
    }
    control.addEventListener("input", apply);
  }
  apply();
}

// Layer checkboxes show or hide a table's highlights; ?hide=dates,quotes starts them hidden.
function setupLayers() {
  const hidden = (new URLSearchParams(location.search).get("hide") || "").split(",");
  for (const box of document.querySelectorAll("[data-layer]")) {
    const layer = box.dataset.layer;
    box.checked = !hidden.includes(layer);
    const apply = () => document.body.classList.toggle("hide-" + layer, !box.checked);
    box.addEventListener("change", apply);
    apply();
  }
}

document.addEventListener("DOMContentLoaded", () => {
  setupFilters();
  setupLayers();
  document.body.dataset.ready = "1";
});
