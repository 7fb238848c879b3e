// Baoxue dashboard: live alerts over the gateway's own Server-Sent Events stream, acknowledged
// from the page. No framework and nothing from outside: the gateway serves this file. The
// session cookie signs the requests in; a write carries the page's CSRF token.
"use strict";
(function () {
  var section = document.querySelector("[data-stream]");
  if (!section) { return; }
  var list = document.getElementById("alert-list");
  var state = section.querySelector(".stream-state");
  var csrf = document.querySelector('meta[name="csrf-token"]').getAttribute("content");
  var english = document.documentElement.lang === "en";

  function acknowledge(button) {
    var item = button.closest("li");
    button.disabled = true;
    fetch("/api/v1/alerts/" + item.dataset.id + "/ack", {
      method: "POST", credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRF-Token": csrf },
      body: JSON.stringify({ service: item.dataset.service || "monitor" })
    }).then(function (response) {
      if (!response.ok) { throw new Error(String(response.status)); }
      var done = document.createElement("span");
      done.className = "acked";
      done.textContent = list.dataset.acked;
      button.replaceWith(done);
    }).catch(function () {
      button.disabled = false;
      button.textContent = list.dataset.failed;
    });
  }

  list.addEventListener("click", function (event) {
    var button = event.target.closest("button.ack");
    if (button) { acknowledge(button); }
  });

  function show(alert) {
    var existing = list.querySelector('li[data-id="' + alert.id + '"][data-service="' + alert.service + '"]');
    if (existing) { existing.remove(); }
    if (alert.state === "resolved") { return; }
    var empty = document.getElementById("no-alerts");
    if (empty) { empty.remove(); }
    var item = document.createElement("li");
    item.className = "alert fresh severity-" + alert.severity;
    item.dataset.id = alert.id;
    item.dataset.service = alert.service;
    var text = document.createElement("span");
    text.className = "alert-text";
    text.textContent = english ? alert.textEnglish : alert.text;
    var child = document.createElement("span");
    child.className = "alert-child";
    child.textContent = " " + alert.studentName + " " + alert.student + " ";
    var time = document.createElement("time");
    time.textContent = alert.createdAt;
    item.append(text, child, time);
    if (alert.state === "open") {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "ack";
      button.textContent = list.dataset.ack;
      item.append(button);
    } else {
      var acked = document.createElement("span");
      acked.className = "acked";
      acked.textContent = list.dataset.acked;
      item.append(acked);
    }
    list.prepend(item);
  }

  var source = new EventSource(section.dataset.stream, { withCredentials: true });
  source.addEventListener("open", function () { state.textContent = english ? "Live: new alerts appear here." : "已连接：新预警将即时显示。"; });
  source.addEventListener("error", function () { state.textContent = english ? "Reconnecting…" : "正在重新连接…"; });
  source.addEventListener("alert", function (event) {
    try { show(JSON.parse(event.data)); } catch (error) { /* a malformed event is skipped */ }
  });
})();
