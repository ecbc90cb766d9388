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
