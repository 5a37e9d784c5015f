// The console's only script of its own (the Content-Security-Policy allows no inline script): the poster's print button.
document.addEventListener("click", function (event) {
  if (event.target && event.target.id === "print-poster") {
    window.print();
  }
});
