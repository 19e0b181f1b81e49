// Raven's few enhancements on top of the server-rendered pages; everything works without them.
(function () {
  "use strict";

  // Live character count for textareas with data-max-length (counts code points, like the server).
  function updateCount(area) {
    var max = parseInt(area.getAttribute("data-max-length"), 10);
    var out = document.getElementById(area.id.replace("-content", "-count"));
    if (!out || !max) return;
    var left = max - Array.from(area.value).length;
    out.textContent = left >= 0 ? left + " characters left" : -left + " characters too many";
    out.classList.toggle("over", left < 0);
  }

  // "5 min ago" for <time datetime>; the printed date stays as the title.
  function relative(el) {
    var then = Date.parse(el.getAttribute("datetime"));
    if (isNaN(then)) return;
    var s = Math.round((Date.now() - then) / 1000);
    // A clock behind the server's: the printed date is the honest answer.
    if (s < -60) return;
    var text = s < 60 ? "just now" : s < 3600 ? Math.floor(s / 60) + " min ago"
      : s < 86400 ? Math.floor(s / 3600) + " h ago" : s < 604800 ? Math.floor(s / 86400) + " d ago" : null;
    if (!el.title) el.title = el.textContent;
    if (text) el.textContent = text;
  }

  function enhance(root) {
    root.querySelectorAll("textarea[data-max-length]").forEach(updateCount);
    root.querySelectorAll("time[datetime]").forEach(relative);
  }

  document.addEventListener("input", function (e) {
    if (e.target.matches && e.target.matches("textarea[data-max-length]")) updateCount(e.target);
  });

  // Forms with data-confirm ask first (delete and the like). This listener runs in the
  // capture phase, before htmx's own on the form, so a "no" stops both.
  document.addEventListener("submit", function (e) {
    var msg = e.target.getAttribute && e.target.getAttribute("data-confirm");
    if (msg && !window.confirm(msg)) {
      e.preventDefault();
      e.stopImmediatePropagation();
    }
  }, true);

  // Live updates from GET /api/stream/ (the session cookie signs the EventSource in): the
  // unread badge, the "new posts" bar on home, a "new notifications" note on that page.
  // Without JavaScript the badge is the server's count at page load, and reloading shows new posts.
  function setBadge(count) {
    var badge = document.getElementById("unread-badge");
    if (!badge) return;
    var text = badge.querySelector("[data-count]");
    if (text) text.textContent = count >= 1000 ? "999+" : String(count);
    badge.hidden = count === 0;
  }

  function announce(text) {
    var live = document.getElementById("live");
    if (live) live.textContent = text;
  }

  function live() {
    var url = document.body.getAttribute("data-stream");
    if (!url || !window.EventSource) return;
    var bar = document.getElementById("new-posts");
    if (bar && bar.getAttribute("data-since")) url += "?since=" + encodeURIComponent(bar.getAttribute("data-since"));
    var source = new EventSource(url);
    source.addEventListener("unread", function (e) { setBadge(JSON.parse(e.data).count); });
    source.addEventListener("timeline", function (e) {
      var count = JSON.parse(e.data).count;
      if (!bar || count < 1) return;
      var text = (count >= 100 ? "99+" : count) + (count === 1 ? " new post" : " new posts") + ": show them";
      bar.querySelector("a").textContent = text;
      if (bar.hidden) announce(text);
      bar.hidden = false;
    });
    source.addEventListener("notification", function () {
      var note = document.getElementById("new-notifications");
      if (note && note.hidden) {
        note.hidden = false;
        announce("New notifications");
      }
    });
    source.addEventListener("end", function () { source.close(); });
    // EventSource retries by itself after a dropped connection, but not after an error
    // answer (429: this person has too many tabs streaming; the server notices closed ones
    // at its next heartbeat). Then try again later, once.
    source.onerror = function () {
      if (source.readyState === EventSource.CLOSED && !source.retried) {
        source.retried = true;
        setTimeout(function () { if (document.visibilityState !== "hidden") live(); }, 30000);
      }
    };
  }

  document.addEventListener("DOMContentLoaded", function () { enhance(document); live(); });
  // htmx:load fires for every piece of content htmx adds, out-of-band swaps included.
  document.addEventListener("htmx:load", function (e) { enhance(e.detail.elt); });
})();
