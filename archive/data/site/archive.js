// Switching editions keeps the reader's place: the link goes to the block at the top of the view.
(function () {
  "use strict";
  function vertical() {
    var box = document.getElementById("vertical");
    return box !== null && box.checked;
  }
  function topBlock() {
    var all = document.querySelectorAll("main [id]");
    for (var i = 0; i < all.length; i++) {
      var el = all[i];
      if (el.querySelector("[id]") !== null) continue;  // a block, not its article
      var r = el.getBoundingClientRect();
      if (vertical() ? r.left < window.innerWidth : r.bottom > 0) return el.id;
    }
    return "";
  }
  document.addEventListener("click", function (event) {
    var link = event.target.closest ? event.target.closest("a[data-keep-place]") : null;
    if (link === null) return;
    var id = topBlock();
    if (id !== "") link.href = link.href.split("#")[0] + "#" + encodeURIComponent(id);
  });
})();
