// Live updates without Blazor's script: refresh [data-live] fragments, tail [data-stream] logs.
(() => {
  "use strict";

  // Re-fetch the page and swap the element with the same id (keeps the antiforgery tokens of its forms fresh).
  // Rows the reader expanded stay expanded; nothing is swapped while a control inside has the focus.
  const openKey = details => details.dataset.logRow || details.dataset.spanId || null;
  const swap = async element => {
    const response = await fetch(location.href, { credentials: "same-origin", headers: { "Accept": "text/html" } });
    if (response.status === 401) { location.reload(); return null; }
    if (!response.ok) return null;
    const page = new DOMParser().parseFromString(await response.text(), "text/html");
    const fresh = page.getElementById(element.id);
    if (!fresh || element.contains(document.activeElement) && document.activeElement !== document.body) return fresh;
    if (fresh.innerHTML !== element.innerHTML) {
      const open = new Set([...element.querySelectorAll("details[open]")].map(openKey).filter(k => k));
      element.innerHTML = fresh.innerHTML;
      for (const details of element.querySelectorAll("details")) {
        if (open.has(openKey(details))) details.open = true;
      }
    }
    return fresh;
  };
  const sleep = ms => new Promise(resolve => setTimeout(resolve, ms));

  for (const element of document.querySelectorAll("[data-live]")) {
    const interval = Number(element.dataset.live) || 1000;
    let busy = false;
    // A command's form posts and waits: don't swap the table from under the click.
    element.addEventListener("submit", () => { busy = true; });

    if (element.dataset.liveStore) {
      // Telemetry pages: wait (long poll) until the store changes, then refresh, at most once per interval.
      (async () => {
        let version = Number(element.dataset.liveVersion) || 0;
        while (!busy) {
          try {
            const response = await fetch(`/api/telemetry/changes?store=${element.dataset.liveStore}&after=${version}`, { credentials: "same-origin" });
            if (response.status === 401) { location.reload(); return; }
            const changed = response.ok ? (await response.json()).version : version;
            if (changed > version && !document.hidden) {
              const fresh = await swap(element);
              version = Number(fresh?.dataset.liveVersion) || changed;
              await sleep(interval);
            } else if (!response.ok) {
              await sleep(5000);
            } else if (document.hidden) {
              await sleep(interval);
            }
          } catch { await sleep(5000); /* the AppHost may be restarting */ }
        }
      })();
      continue;
    }

    const refresh = async () => {
      if (busy || document.hidden) return;
      busy = true;
      try { await swap(element); }
      catch { /* the AppHost may be restarting: try again next time */ }
      finally { busy = false; }
    };
    setInterval(refresh, interval);
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
