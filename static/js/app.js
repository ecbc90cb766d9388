// After htmx swaps new content in, move keyboard and screen-reader focus to the
// element the server marked with data-focus-after-swap (a heading or status
// message with tabindex="-1"), so the change is announced and navigation
// continues from there.
document.addEventListener("htmx:afterSettle", function (event) {
  var root = event.target;
  if (!(root instanceof Element)) {
    return;
  }
  var target = root.matches("[data-focus-after-swap]")
    ? root
    : root.querySelector("[data-focus-after-swap]");
  if (target && document.contains(target)) {
    target.focus();
  }
});

// The candidate tools answer a refused post with their own partial and a 4xx
// status, the message inside it. htmx 2 leaves 4xx responses unswapped by
// default; swap those so the message is shown where the form was. Any other
// error answer (the throttle's 429, a failed CSRF check's 403, a server error)
// is only a message, not the tool: swapping it in would destroy the tool, so
// the tool stays and the message goes into its alert region as plain text.
var SERVER_TROUBLE =
  "Something went wrong on our side and nothing was saved. Please try again in a minute.";

function isToolFragment(responseText, target) {
  if (!target || !target.id || !responseText) {
    return false;
  }
  // DOMParser builds an inert document: no script runs, nothing is fetched.
  var parsed = new DOMParser().parseFromString(responseText, "text/html");
  return parsed.getElementById(target.id) !== null;
}

function responseMessage(xhr) {
  if (xhr.status >= 500 || !xhr.responseText) {
    return SERVER_TROUBLE;
  }
  var parsed = new DOMParser().parseFromString(xhr.responseText, "text/html");
  var text = (parsed.body ? parsed.body.textContent : "").replace(/\s+/g, " ").trim();
  return text || SERVER_TROUBLE;
}

function showToolAlert(target, message) {
  var alert = target ? target.querySelector("[data-tool-alert]") : null;
  if (!alert) {
    return;
  }
  alert.textContent = message;
  alert.hidden = false;
  alert.focus();
}

document.addEventListener("htmx:beforeSwap", function (event) {
  var xhr = event.detail.xhr;
  if (xhr.status < 400) {
    return;
  }
  var target = event.detail.target;
  if (xhr.status < 500 && isToolFragment(xhr.responseText, target)) {
    event.detail.shouldSwap = true;
    event.detail.isError = false;
    return;
  }
  event.detail.shouldSwap = false;
  // Expected answers, shown to the visitor; not errors for the console.
  event.detail.isError = false;
  showToolAlert(target, responseMessage(xhr));
});

// A request that never got an answer (the network dropped) gets a message too.
document.addEventListener("htmx:sendError", function (event) {
  showToolAlert(
    event.detail.target,
    "The request could not reach the site. Check your connection and try again."
  );
});
