/* Reveals a listing's contact details on one click.
   The email and phone are not in the page source in any readable form (address harvesters
   read HTML); plugins/listings/render.py encodes them, this script decodes them. Without
   JavaScript the page shows a readable fallback and the button stays hidden. */
(function () {
  "use strict";
  var KEY = "babillard";

  function decode(blob) {
    var binary = atob(blob);
    var bytes = new Uint8Array(binary.length);
    for (var i = 0; i < binary.length; i++) {
      bytes[i] = binary.charCodeAt(i) ^ KEY.charCodeAt(i % KEY.length);
    }
    return JSON.parse(new TextDecoder().decode(bytes));
  }

  function item(label, href, text) {
    var li = document.createElement("li");
    var link = document.createElement("a");
    link.href = href;
    link.textContent = text;
    li.append(label + " : ", link);
    return li;
  }

  document.querySelectorAll("[data-contact]").forEach(function (box) {
    var button = box.querySelector("button");
    var fallback = box.querySelector(".contact__fallback");
    button.hidden = false;
    button.addEventListener("click", function () {
      var data = decode(box.getAttribute("data-contact"));
      var list = document.createElement("ul");
      list.className = "contact__links";
      if (data.email) list.append(item(box.dataset.labelEmail, "mailto:" + data.email, data.email));
      if (data.phone) list.append(item(box.dataset.labelPhone, data.tel, data.phone));
      fallback.replaceWith(list);
      button.remove();
      list.querySelector("a").focus();
    });
  });
})();
