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
// default; swap them so the message is shown where the form was. A 429 from the
// throttle is only a message, not the tool, so it is left out: swapping it would
// replace the whole tool.
document.addEventListener("htmx:beforeSwap", function (event) {
  var status = event.detail.xhr.status;
  if (status >= 400 && status < 500 && status !== 429 && event.detail.xhr.responseText) {
    event.detail.shouldSwap = true;
    event.detail.isError = false;
  }
});
