// The admin panel's optional script: every page works without it. It
// refreshes the dashboard's database figures, lets lists be reordered by
// dragging, and previews a chosen image before it is uploaded.
"use strict";

(function () {
  function text(id, v) {
    var el = document.getElementById(id);
    if (el && v !== undefined && v !== null) el.textContent = String(v);
  }

  function getJSON(url) {
    return fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } }).then(function (r) {
      if (!r.ok) throw new Error("HTTP " + r.status);
      return r.json();
    });
  }

  function dashboard(box) {
    var live = box.querySelector(".live");
    if (live) live.hidden = false;
    function fixed(n) { return typeof n === "number" ? n.toFixed(2) : ""; }
    function refresh() {
      getJSON(box.dataset.stats).then(function (s) {
        var p = s.pool || {};
        text("pool-inUse", p.inUse); text("pool-open", p.open); text("pool-idle", p.idle);
        text("pool-max", p.max); text("pool-waitCount", p.waitCount); text("pool-timeouts", p.timeouts);
      }).catch(function () {});
      getJSON(box.dataset.slow).then(function (s) {
        var body = document.getElementById("slow");
        if (!body || !s.inProcess) return;
        body.replaceChildren();
        s.inProcess.slice(0, 10).forEach(function (q) {
          var tr = document.createElement("tr");
          var code = document.createElement("code");
          code.textContent = q.sql;
          var td = document.createElement("td");
          td.appendChild(code);
          tr.appendChild(td);
          [q.count, fixed(q.meanMs), fixed(q.maxMs || 0), fixed(q.totalMs)].forEach(function (v) {
            var c = document.createElement("td");
            c.className = "num";
            c.textContent = String(v);
            tr.appendChild(c);
          });
          body.appendChild(tr);
        });
      }).catch(function () {});
      getJSON("/api/health").then(function (h) {
        if (h.db) text("db-latency", fixed(h.db.latencyMs));
      }).catch(function () {});
    }
    setInterval(refresh, 5000);
  }

  function reorder(list) {
    var dragged = null;
    list.addEventListener("dragstart", function (e) {
      dragged = e.target.closest(".rowitem");
      if (!dragged) return;
      dragged.classList.add("dragging");
      if (e.dataTransfer) {
        e.dataTransfer.effectAllowed = "move";
        e.dataTransfer.setData("text/plain", dragged.dataset.id); // Firefox starts no drag without data
      }
    });
    list.addEventListener("dragover", function (e) {
      var over = e.target.closest(".rowitem");
      if (!dragged || !over || over === dragged) return;
      e.preventDefault();
      var r = over.getBoundingClientRect();
      list.insertBefore(dragged, e.clientY > r.top + r.height / 2 ? over.nextSibling : over);
    });
    list.addEventListener("dragend", function () {
      if (!dragged) return;
      dragged.classList.remove("dragging");
      dragged = null;
      var form = new URLSearchParams();
      form.append("csrf", list.dataset.csrf);
      list.querySelectorAll(".rowitem").forEach(function (li) { form.append("id", li.dataset.id); });
      fetch(list.dataset.reorder, { method: "POST", credentials: "same-origin", body: form }).then(function (r) {
        if (r.ok) window.location.reload();
      });
    });
  }

  function preview(input) {
    var img = document.getElementById(input.dataset.preview);
    if (!img) return;
    input.addEventListener("change", function () {
      var f = input.files && input.files[0];
      if (!f || !/^image\//.test(f.type)) { img.hidden = true; return; }
      var reader = new FileReader();
      reader.onload = function () { img.src = reader.result; img.hidden = false; };
      reader.readAsDataURL(f);
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    var box = document.getElementById("db");
    if (box && box.dataset.stats) dashboard(box);
    document.querySelectorAll("[data-reorder]").forEach(reorder);
    document.querySelectorAll("input[type=file][data-preview]").forEach(preview);
  });
})();
