/// `/__gangway/live.js`: the script that pages served by `gangway serve` load (the layout adds it
/// only when a build asks for live reload). It listens on `/__gangway/events` and
///
/// - on `reload`, saves the scroll position in sessionStorage and reloads; the reloaded page restores it;
/// - on `css`, swaps the changed stylesheets in place, without a reload;
/// - on `errors`, shows the diagnostics over the page, built with `textContent` so nothing in a
///   message can become markup; on `ok`, removes them;
/// - after losing the server and finding it again (serve was restarted), reloads.
enum LiveReloadScript {
    static let path = "/__gangway/live.js"
    static let eventsPath = "/__gangway/events"

    static let source = #"""
    // Added by `gangway serve` only: the published site never loads this file.
    (function () {
      "use strict";
      var key = "gangway:scroll:" + location.pathname + location.search;

      var saved = null;
      try { saved = sessionStorage.getItem(key); sessionStorage.removeItem(key); } catch (e) {}
      if (saved) {
        var pos = JSON.parse(saved);
        var restore = function () { window.scrollTo(pos[0], pos[1]); };
        restore();
        window.addEventListener("load", restore);
      }

      function reload() {
        try { sessionStorage.setItem(key, JSON.stringify([window.scrollX, window.scrollY])); } catch (e) {}
        location.reload();
      }

      function swapStylesheets(files) {
        document.querySelectorAll('link[rel~="stylesheet"]').forEach(function (link) {
          var url = new URL(link.href, location.href);
          var changed = files.length === 0 || files.some(function (f) { return url.pathname.endsWith("/" + f); });
          if (!changed) return;
          url.searchParams.set("gangway", String(Date.now()));
          var fresh = link.cloneNode();
          fresh.href = url.href;
          var done = function () { link.remove(); };
          fresh.addEventListener("load", done);
          fresh.addEventListener("error", done);
          link.after(fresh);
        });
      }

      var overlay = null;

      function hideErrors() {
        if (overlay) { overlay.remove(); overlay = null; }
      }

      function element(tag, css, text) {
        var node = document.createElement(tag);
        if (css) node.style.cssText = css;
        if (text !== undefined) node.textContent = text;
        return node;
      }

      function showErrors(list) {
        hideErrors();
        overlay = element("div", "position:fixed;inset:0;z-index:2147483647;overflow:auto;padding:2rem 1rem;" +
          "background:rgba(20,20,24,.97);color:#f5f5f5;font:15px/1.5 system-ui,sans-serif");
        overlay.id = "gangway-errors";
        overlay.setAttribute("role", "alertdialog");
        overlay.setAttribute("aria-labelledby", "gangway-errors-title");
        var box = element("div", "max-width:60rem;margin:0 auto");
        var title = element("h2", "margin:0 0 .5rem;font-size:1.4rem;color:#ffb4ab",
          list.length === 1 ? "The site has an error" : "The site has " + list.length + " errors");
        title.id = "gangway-errors-title";
        box.appendChild(title);
        box.appendChild(element("p", "margin:0 0 1rem",
          "This page is the last good build. Fix the file and save: this goes away by itself."));
        var items = element("ul", "margin:0;padding:0;list-style:none");
        list.forEach(function (d) {
          var item = element("li", "margin:0 0 .75rem;padding:.5rem .75rem;border-left:4px solid #ffb4ab;background:rgba(255,255,255,.06)");
          item.appendChild(element("code", "font:600 14px/1.4 ui-monospace,monospace;color:#fff",
            d.file + ":" + d.line + ":" + d.column + ":"));
          item.appendChild(document.createTextNode(" " + d.severity + ": " + d.message));
          if (d.hint) item.appendChild(element("div", "opacity:.85", "note: " + d.hint));
          items.appendChild(item);
        });
        box.appendChild(items);
        var close = element("button", "margin-top:.5rem;padding:.4rem 1rem;font:inherit;cursor:pointer", "Hide");
        close.type = "button";
        close.addEventListener("click", hideErrors);
        box.appendChild(close);
        overlay.appendChild(box);
        document.body.appendChild(overlay);
        close.focus();
      }

      if (!window.EventSource) return;
      var lost = false;
      var events = new EventSource("/__gangway/events");
      events.addEventListener("hello", function () { if (lost) reload(); });
      events.addEventListener("reload", reload);
      events.addEventListener("css", function (e) { swapStylesheets(JSON.parse(e.data).files); });
      events.addEventListener("errors", function (e) { showErrors(JSON.parse(e.data)); });
      events.addEventListener("ok", hideErrors);
      events.onerror = function () { lost = true; };
    })();

    """#
}
