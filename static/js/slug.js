// The new-event form: the address (slug) follows the name as it is typed, until someone edits the
// address by hand. Lower-case letters, digits and single dashes, as the server requires.
(function () {
  "use strict";

  var name = document.querySelector("[data-slug-source]");
  var slug = document.querySelector("[data-slug-target]");
  if (!name || !slug) return;
  var edited = slug.value !== "";

  function slugify(text) {
    return text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase()
      .replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 64).replace(/-+$/, "");
  }

  name.addEventListener("input", function () { if (!edited) slug.value = slugify(name.value); });
  slug.addEventListener("input", function () { edited = slug.value !== ""; });
})();
