// Live chat: EventSource for new messages and read receipts, fetch (same-origin cookie, JSON) to send and mark read.
// Message text is only ever set with textContent; links are built as anchor elements (http/https only).
(function () {
  "use strict";
  var list = document.getElementById("messages");
  if (!list) return;
  var conversationId = list.getAttribute("data-conversation-id");
  var me = list.getAttribute("data-me");
  var lastSeq = parseInt(list.getAttribute("data-last-seq") || "0", 10);
  var markedRead = 0;
  var composer = document.getElementById("composer");
  var textArea = document.getElementById("composer-text");
  var errorBox = document.getElementById("composer-error");
  var stateBox = document.getElementById("chat-state");
  var api = "/api/messaging/conversations/" + encodeURIComponent(conversationId);
  var linkPattern = /https?:\/\/[^\s<>"'`]+/gi;

  function linkify(container) {
    var walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT, null);
    var nodes = [];
    while (walker.nextNode()) nodes.push(walker.currentNode);
    nodes.forEach(function (node) {
      var text = node.nodeValue;
      linkPattern.lastIndex = 0;
      if (!linkPattern.test(text)) return;
      linkPattern.lastIndex = 0;
      var fragment = document.createDocumentFragment();
      var index = 0, match;
      while ((match = linkPattern.exec(text)) !== null) {
        var raw = match[0].replace(/[.,;:!?)\]]+$/, "");
        var url = null;
        try { url = new URL(raw); } catch (e) { url = null; }
        if (match.index > index) fragment.appendChild(document.createTextNode(text.slice(index, match.index)));
        if (url && (url.protocol === "http:" || url.protocol === "https:")) {
          var a = document.createElement("a");
          a.href = url.href;
          a.textContent = raw;
          a.rel = "noopener noreferrer nofollow";
          a.target = "_blank";
          fragment.appendChild(a);
        } else {
          fragment.appendChild(document.createTextNode(raw));
        }
        index = match.index + raw.length;
        linkPattern.lastIndex = index;
      }
      if (index < text.length) fragment.appendChild(document.createTextNode(text.slice(index)));
      node.parentNode.replaceChild(fragment, node);
    });
  }

  // The reader's zone from their settings, and the server's format (LocalTimeTagHelper): "Mon 7 Dec 2026, 14:30 (Europe/Berlin)".
  var timeZone = list.getAttribute("data-time-zone") || "UTC";
  function formatTime(iso) {
    try {
      var parts = {};
      new Intl.DateTimeFormat("en-GB", {
        timeZone: timeZone, weekday: "short", day: "numeric", month: "short", year: "numeric",
        hour: "2-digit", minute: "2-digit", hourCycle: "h23"
      }).formatToParts(new Date(iso)).forEach(function (p) { parts[p.type] = p.value; });
      return parts.weekday.slice(0, 3) + " " + parts.day + " " + parts.month.slice(0, 3) + " " + parts.year + ", " +
        parts.hour + ":" + parts.minute + " (" + timeZone + ")";
    } catch (e) { return iso; }
  }

  function append(m) {
    if (list.querySelector('[data-seq="' + m.seq + '"]')) return;
    var mine = m.senderId === me;
    var li = document.createElement("li");
    li.className = "message " + (mine ? "mine" : "theirs");
    li.setAttribute("data-seq", String(m.seq));
    li.setAttribute("data-message-id", m.id);
    li.setAttribute("data-testid", "message");
    var meta = document.createElement("div");
    meta.className = "meta";
    var who = document.createElement("span");
    who.className = "who";
    who.textContent = mine ? "You" : m.senderName;
    var time = document.createElement("time");
    time.setAttribute("datetime", m.sentAt);
    time.textContent = formatTime(m.sentAt);
    meta.appendChild(who);
    meta.appendChild(document.createTextNode(" · "));
    meta.appendChild(time);
    if (mine) {
      var receipt = document.createElement("span");
      receipt.className = "read-receipt" + (m.read ? "" : " hidden");
      receipt.setAttribute("data-testid", "read-receipt");
      receipt.textContent = " · Read";
      meta.appendChild(receipt);
    }
    var body = document.createElement("div");
    body.className = "text";
    body.setAttribute("data-testid", "message-text");
    body.textContent = m.text;
    linkify(body);
    li.appendChild(meta);
    li.appendChild(body);
    var later = Array.prototype.find.call(list.querySelectorAll(".message"), function (x) {
      return parseInt(x.getAttribute("data-seq"), 10) > m.seq;
    });
    if (later) list.insertBefore(li, later); else list.appendChild(li);
    lastSeq = Math.max(lastSeq, m.seq);
    list.scrollTop = list.scrollHeight;
  }

  function markRead() {
    if (lastSeq <= markedRead || document.visibilityState === "hidden") return;
    var seq = lastSeq;
    markedRead = seq;
    fetch(api + "/read", {
      method: "POST", credentials: "same-origin",
      headers: { "Content-Type": "application/json" }, body: JSON.stringify({ seq: seq })
    }).catch(function () { markedRead = 0; });
  }

  function showRead(seq) {
    list.querySelectorAll(".message.mine").forEach(function (li) {
      if (parseInt(li.getAttribute("data-seq"), 10) <= seq) {
        var r = li.querySelector(".read-receipt");
        if (r) r.classList.remove("hidden");
      }
    });
  }

  function showState(state) {
    if (!state.closed && !state.blocked) return;
    stateBox.textContent = state.blocked
      ? "This conversation is blocked: no new messages can be sent."
      : "This conversation is closed: its history stays, but no new messages can be sent.";
    stateBox.classList.remove("hidden");
    if (composer) composer.classList.add("hidden");
  }

  list.querySelectorAll(".message .text").forEach(linkify);
  list.scrollTop = list.scrollHeight;

  var source = new EventSource(api + "/stream?after=" + lastSeq);
  source.addEventListener("message", function (e) {
    var m = JSON.parse(e.data);
    append(m);
    markRead();
  });
  source.addEventListener("read", function (e) { showRead(JSON.parse(e.data).seq); });
  source.addEventListener("state", function (e) { showState(JSON.parse(e.data)); });
  source.addEventListener("open", function () { list.setAttribute("data-live", "true"); });
  document.addEventListener("visibilitychange", markRead);

  if (composer && textArea) {
    composer.addEventListener("submit", function (e) {
      e.preventDefault();
      var text = textArea.value;
      errorBox.textContent = "";
      if (!text.trim()) { errorBox.textContent = "Write a message first: it cannot be empty."; return; }
      var button = composer.querySelector("button[type=submit]");
      if (button) button.disabled = true;
      fetch(api + "/messages", {
        method: "POST", credentials: "same-origin",
        headers: { "Content-Type": "application/json", "Accept": "application/json" },
        body: JSON.stringify({ text: text })
      }).then(function (response) {
        return response.json().catch(function () { return {}; }).then(function (body) {
          if (response.ok) {
            textArea.value = "";
            append(body);
          } else {
            errorBox.textContent = body.title || ("Could not send (" + response.status + ").");
            if (body.code === "conversation_closed" || body.code === "conversation_blocked") showState({ closed: true, blocked: body.code === "conversation_blocked" });
          }
        });
      }).catch(function () {
        errorBox.textContent = "Could not send: you seem to be offline. Try again.";
      }).finally(function () {
        if (button) button.disabled = false;
        textArea.focus();
      });
    });
  }
})();
