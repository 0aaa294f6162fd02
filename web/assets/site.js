// smmm: the public site's only script. Pages work without it; it moves the
// hero to its next slide every few seconds, unless the visitor prefers
// reduced motion or is using the slides.
(function () {
  "use strict";
  var slides = document.querySelector(".slides");
  if (!slides || slides.children.length < 2) return;
  if (window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches) return;
  var dots = document.querySelectorAll(".hero-dots a");
  var paused = false;
  var current = function () {
    return Math.round(slides.scrollLeft / Math.max(slides.clientWidth, 1));
  };
  var mark = function () {
    var i = current();
    for (var d = 0; d < dots.length; d++) {
      if (d === i) dots[d].setAttribute("aria-current", "true");
      else dots[d].removeAttribute("aria-current");
    }
  };
  ["mouseenter", "focusin", "touchstart"].forEach(function (e) {
    slides.addEventListener(e, function () { paused = true; }, { passive: true });
  });
  slides.addEventListener("mouseleave", function () { paused = false; });
  slides.addEventListener("scroll", mark, { passive: true });
  window.setInterval(function () {
    if (paused || document.hidden) return;
    var next = (current() + 1) % slides.children.length;
    slides.scrollTo({ left: next * slides.clientWidth, behavior: "smooth" });
  }, 7000);
})();
