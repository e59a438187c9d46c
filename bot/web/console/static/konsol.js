// Live progress where JavaScript runs: an element with data-live="URL" is refreshed from that
// URL every 3 seconds until the server says it is done. Without JavaScript the page has a
// reload link, and every action is a plain form.
"use strict";
document.querySelectorAll("[data-live]").forEach(function (box) {
  var url = box.getAttribute("data-live");
  var timer = setInterval(function () {
    fetch(url, {credentials: "same-origin"}).then(function (r) {
      if (!r.ok) { clearInterval(timer); return null; }
      if (r.headers.get("X-Done") === "1") { clearInterval(timer); }
      return r.text();
    }).then(function (html) { if (html !== null) { box.innerHTML = html; } })
      .catch(function () { clearInterval(timer); });
  }, 3000);
});

// Inline decisions where JavaScript runs: a form marked data-inline is sent in the background
// after a confirmation, and its cell shows the outcome; without JavaScript the same form
// posts and the nomination's page says what happened.
document.querySelectorAll("form[data-inline]").forEach(function (form) {
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var label = form.querySelector("button").getAttribute("aria-label");
    if (!window.confirm(label + "?")) { return; }
    fetch(form.action, {
      method: "POST", credentials: "same-origin", headers: {"X-Inline": "1"},
      body: new URLSearchParams(new FormData(form))
    }).then(function (r) { return r.text(); })
      .then(function (html) { form.parentNode.innerHTML = html; });
  });
});
