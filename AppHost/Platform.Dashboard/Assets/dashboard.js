// Live updates without Blazor's script: refresh [data-live] fragments, tail [data-stream] logs.
(() => {
  "use strict";

  // Re-fetch the page and swap the element with the same id (keeps the antiforgery tokens of its forms fresh).
  for (const element of document.querySelectorAll("[data-live]")) {
    const interval = Number(element.dataset.live) || 1000;
    let busy = false;
    const refresh = async () => {
      if (busy || document.hidden) return;
      busy = true;
      try {
        const response = await fetch(location.href, { credentials: "same-origin", headers: { "Accept": "text/html" } });
        if (response.status === 401) { location.reload(); return; }
        if (!response.ok) return;
        const page = new DOMParser().parseFromString(await response.text(), "text/html");
        const fresh = page.getElementById(element.id);
        if (fresh && fresh.innerHTML !== element.innerHTML) element.innerHTML = fresh.innerHTML;
      } catch { /* the AppHost may be restarting: try again next time */ }
      finally { busy = false; }
    };
    setInterval(refresh, interval);
    // A command's form posts and waits: don't swap the table from under the click.
    element.addEventListener("submit", () => { busy = true; });
  }

  // Append each line the server sends; keep following the end unless the reader scrolled up.
  for (const log of document.querySelectorAll("pre[data-stream]")) {
    const atEnd = () => log.scrollHeight - log.scrollTop - log.clientHeight < 30;
    log.scrollTop = log.scrollHeight;
    const source = new EventSource(log.dataset.stream);
    source.onmessage = event => {
      const line = JSON.parse(event.data);
      const follow = atEnd();
      const row = document.createElement("span");
      row.className = line.e ? "line err" : line.r === "apphost" ? "line host" : "line";
      const ts = document.createElement("span");
      ts.className = "ts";
      ts.textContent = new Date(line.t).toLocaleTimeString([], { hour12: false }) + "." + String(new Date(line.t).getMilliseconds()).padStart(3, "0");
      const src = document.createElement("span");
      src.className = "src";
      src.textContent = line.r;
      row.append(ts, " ", src, " " + line.x + "\n");
      log.append(row);
      if (follow) log.scrollTop = log.scrollHeight;
    };
  }
})();
