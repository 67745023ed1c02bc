// The main menu folds behind a button on narrow screens (the CSS shows the button there only).
(function () {
  var button = document.querySelector(".menu-button");
  var nav = document.getElementById("main-nav");
  if (!button || !nav) return;
  document.documentElement.classList.add("js");
  button.hidden = false;
  button.addEventListener("click", function () {
    var open = button.getAttribute("aria-expanded") !== "true";
    button.setAttribute("aria-expanded", String(open));
    nav.classList.toggle("open", open);
  });
})();
