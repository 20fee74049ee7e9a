import { api } from "../api.js";
import { announce, h, replace } from "../dom.js";
import { dateTime, decimal, statusLabel } from "../format.js";
import { lang, t } from "../i18n.js";
import * as live from "../live.js";
import { alertTable } from "./alert-table.js";
import { chartsSection } from "./site-charts.js";
import { devicesSection } from "./site-devices.js";
import { badge } from "./overview.js";

const REFRESH_MS = 30_000;
const CHECK_ICONS = { ok: "✓", warn: "▲", fail: "✕", skip: "–" };

export async function render(main, context) {
  const id = context.params.id;
  const user = context.user;
  context.setTitle(id);
  const head = h("div", { class: "site-head" });
  const alertsBox = h("div", { id: "site-alerts" });
  const devicesBox = h("div", { id: "site-devices" });
  const selfcheckBox = h("div", { id: "site-selfcheck" });
  const eventsBox = h("div", { id: "site-events" });
  const charts = chartsSection(id);
  const section = (key, box, extra) => h("section", { class: "card", "aria-labelledby": `h-${key}` },
    h("h2", { id: `h-${key}` }, t(key)), extra, box);

  replace(main,
    h("p", { class: "back" }, h("a", { href: "/" }, t("back_overview"))),
    head,
    section("site_alerts", alertsBox),
    section("devices", devicesBox),
    charts.element,
    section("selfcheck", selfcheckBox),
    section("events", eventsBox));

  let site = null;

  function renderHead() {
    const agent = site.agent;
    replace(head,
      h("h1", {}, site.name || site.id), " ", badge(site.status),
      h("p", { class: "muted" },
        site.district ? t("district", { district: site.district }) : null,
        site.district ? " · " : null,
        site.last_seen ? t("last_seen", { time: dateTime(site.last_seen) }) : t("never_seen"),
        " · ",
        h("span", { class: `uplink uplink-${["up", "down"].includes(site.uplink) ? site.uplink : "unknown"}` },
          t(`uplink_${["up", "down"].includes(site.uplink) ? site.uplink : "unknown"}`))),
      h("p", { class: "muted" }, site.connected && agent
        ? [t("agent", { version: agent.version ?? "?", since: dateTime(agent.connected_since) }),
          agent.clock_offset_ms !== null && agent.clock_offset_ms !== undefined ? ` · ${t("clock_offset", { ms: decimal(agent.clock_offset_ms) })}` : ""]
        : t("agent_offline")));
  }

  function renderSelfcheck() {
    const check = site.selfcheck;
    const parts = [];
    if (!check) {
      parts.push(h("p", { class: "muted" }, t("selfcheck_none")));
    } else {
      const status = ["ok", "warn", "fail"].includes(check.status) ? check.status : "fail";
      parts.push(h("p", {}, t("selfcheck_at", { time: dateTime(check.at), status: t(`check_${status}`) })));
      const english = lang() === "en";
      parts.push(h("ul", { class: "checks" }, (check.checks ?? []).map((item) => {
        const known = ["ok", "warn", "fail", "skip"].includes(item.status) ? item.status : "fail";
        return h("li", { class: `check check-${known}` },
          h("span", { class: "check-status" }, h("span", { "aria-hidden": "true" }, CHECK_ICONS[known]), " ", t(`check_${known}`)),
          " ", h("strong", {}, item.id), ": ", english && item.message_en ? item.message_en : item.message ?? "",
          (english ? item.hint_en : item.hint) ? h("span", { class: "check-hint" }, english ? item.hint_en : item.hint) : null);
      })));
    }
    if (user.role === "admin" && selfcheckSupported) {
      const note = h("p", { class: "note", role: "status" });
      const button = h("button", { type: "button", class: "button", id: "run-selfcheck" }, t("selfcheck_run"));
      button.addEventListener("click", async () => {
        button.disabled = true;
        try {
          await api.post(`/api/sites/${encodeURIComponent(id)}/selfcheck`);
          replace(note, t("selfcheck_requested"));
        } catch (error) {
          if (error.status === 404 || error.status === 405) {
            // Not offered by this collector: the button goes.
            selfcheckSupported = false;
            button.remove();
          } else {
            replace(note, error.status === 409 ? t("selfcheck_offline") : t("error_generic", { message: error.message }));
          }
        } finally {
          button.disabled = false;
        }
      });
      parts.push(h("div", { class: "buttons" }, button), note);
    }
    replace(selfcheckBox, parts);
  }

  function renderEvents() {
    const events = site.events ?? [];
    replace(eventsBox, events.length === 0
      ? h("p", { class: "muted" }, t("no_events"))
      : h("ol", { class: "timeline" }, events.map((event) => h("li", {},
        h("time", { datetime: event.time }, dateTime(event.time)), " ",
        h("span", { class: "event-kind" }, event.kind), " ",
        event.device ? h("span", { class: "muted" }, `${event.device}: `) : null,
        event.message ?? ""))));
  }

  let selfcheckSupported = true;

  async function loadSite() {
    try {
      site = await api.get(`/api/sites/${encodeURIComponent(id)}`);
    } catch (error) {
      if (error.status === 404 || error.status === 403) {
        replace(main, h("p", { class: "error", role: "alert" }, t(error.status === 404 ? "site_not_found" : "site_forbidden")),
          h("p", {}, h("a", { href: "/" }, t("back_overview"))));
        site = null;
        return false;
      }
      throw error;
    }
    context.setTitle(site.name || site.id);
    renderHead();
    replace(devicesBox, devicesSection(site.devices ?? []));
    renderSelfcheck();
    renderEvents();
    charts.update(site.devices ?? []);
    return true;
  }

  async function loadAlerts() {
    try {
      const answer = await api.get(`/api/alerts?state=active&site=${encodeURIComponent(id)}`);
      replace(alertsBox, alertTable(answer.alerts, user, { showSite: false, onChanged: loadAlerts }));
    } catch (error) {
      replace(alertsBox, h("p", { class: "error" }, t("error_generic", { message: error.message })));
    }
  }

  if (!(await loadSite())) {
    return null;
  }
  await loadAlerts();

  const unsubscribe = [
    live.subscribe("site", (summary) => {
      if (summary.id !== id || !site) return;
      const before = site.status;
      site = { ...site, ...summary };
      renderHead();
      if (before !== site.status) {
        announce(t("announce_status", { site: site.name, status: statusLabel(site.status).text }));
        loadSite().catch(() => {});
      }
    }),
    live.subscribe("alerts", (change) => {
      if (!change.site || change.site === id) loadAlerts();
    }),
  ];
  const timer = setInterval(() => loadSite().catch(() => {}), REFRESH_MS);
  return () => {
    clearInterval(timer);
    unsubscribe.forEach((stop) => stop());
  };
}
