// The only script of the shop, for what must change without a reload: an order's status and the unread badge.
// Every page works without it.
(() => {
    "use strict";

    const getJson = async (url) => {
        const response = await fetch(url, { headers: { Accept: "application/json" }, credentials: "same-origin", cache: "no-store" });
        if (!response.ok) throw new Error(`${url}: ${response.status}`);
        return response.json();
    };

    const messages = {
        Pending: "We are reserving your items and charging your card…",
        Confirmed: "Thank you! Your order is confirmed.",
        Cancelled: "Your order was cancelled.",
    };

    const formatDate = (iso) => {
        const d = new Date(iso);
        const months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
        const pad = (n) => String(n).padStart(2, "0");
        return `${d.getUTCDate()} ${months[d.getUTCMonth()]} ${d.getUTCFullYear()}, ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())} UTC`;
    };

    const badge = (status) => {
        const span = document.createElement("span");
        span.className = `status status-${status.toLowerCase()}`;
        span.dataset.status = status;
        span.textContent = status;
        return span;
    };

    // The order page polls while the order is Pending.
    const order = document.querySelector("[data-live-order]");
    if (order && order.dataset.status === "Pending") {
        const url = order.dataset.liveOrder;
        let delay = 1000;
        const poll = async () => {
            try {
                const live = await getJson(url);
                if (live.status !== order.dataset.status) {
                    order.dataset.status = live.status;
                    const current = document.getElementById("order-status");
                    current.className = `status status-${live.status.toLowerCase()}`;
                    current.dataset.status = live.status;
                    current.textContent = live.status;
                    document.getElementById("order-message").textContent = messages[live.status] || "";
                    const reason = document.getElementById("order-reason");
                    if (live.reason) {
                        reason.querySelector("[data-test=reason]").textContent = live.reason;
                        reason.hidden = false;
                    }
                    const history = document.getElementById("order-history");
                    history.replaceChildren(...live.history.map((change) => {
                        const item = document.createElement("li");
                        const time = document.createElement("time");
                        time.dateTime = change.at;
                        time.textContent = formatDate(change.at);
                        item.append(badge(change.status), " ", time);
                        if (change.reason) {
                            const why = document.createElement("span");
                            why.className = "muted";
                            why.textContent = ` — ${change.reason}`;
                            item.append(why);
                        }
                        return item;
                    }));
                }
                if (live.status !== "Pending") {
                    refreshUnread();
                    return;
                }
            } catch {
                delay = Math.min(delay * 2, 10000);
            }
            setTimeout(poll, delay);
        };
        setTimeout(poll, delay);
    }

    // The header's unread badge, on every page of a signed-in shopper.
    const unread = document.getElementById("unread-badge");
    async function refreshUnread() {
        if (!unread) return;
        try {
            const live = await getJson(unread.dataset.liveUrl);
            unread.textContent = String(live.unread);
            unread.classList.toggle("is-empty", live.unread === 0);
            unread.setAttribute("aria-label", live.unread === 1 ? "1 unread notification" : `${live.unread} unread notifications`);
        } catch {
            // The next round tries again.
        }
    }
    if (unread) {
        setInterval(() => { if (!document.hidden) refreshUnread(); }, 4000);
    }
})();
