import { api } from "../api.js";
import { announce, h, replace } from "../dom.js";
import { STATUSES, clock, compareNames, dateTime, fold, statusLabel } from "../format.js";
import { t } from "../i18n.js";
import * as live from "../live.js";

const SEVERITY = { down: 0, degraded: 1, unknown: 2, ok: 3 };
const REFRESH_MS = 60_000;

/** The status badge: icon and text as well as colour. */
export function badge(status) {
  const label = statusLabel(status);
  return h("span", { class: `badge badge-${label.status}`, dataset: { status: label.status } },
    h("span", { class: "badge-icon", "aria-hidden": "true" }, label.icon), " ", label.text);
}

export async function render(main, context) {
  context.setTitle(t("overview_title"));
  const query = new URLSearchParams(location.search);
  const state = {
    sites: new Map(),
    search: query.get("q") ?? "",
    status: STATUSES.includes(query.get("status")) ? query.get("status") : "",
    sort: ["name", "status", "last_seen"].includes(query.get("sort")) ? query.get("sort") : "name",
    loadedAt: null,
  };

  const counts = h("div", { class: "counts", role: "group", "aria-label": t("count_group") });
  const search = h("input", { id: "site-search", type: "search", value: state.search, placeholder: t("search_placeholder"), autocomplete: "off" });
  const statusSelect = h("select", { id: "site-status" },
    h("option", { value: "" }, t("filter_all")),
    STATUSES.map((s) => h("option", { value: s, selected: s === state.status }, statusLabel(s).text)));
  const sortSelect = h("select", { id: "site-sort" },
    ["name", "status", "last_seen"].map((s) => h("option", { value: s, selected: s === state.sort }, t(`sort_${s}`))));
  const liveState = h("p", { class: "live-state", id: "live-state" });
  const shown = h("p", { class: "shown", id: "sites-shown" });
  const groups = h("div", { class: "groups", id: "site-groups" });

  replace(main,
    h("div", { class: "page-head" }, h("h1", {}, t("overview_heading")), liveState),
    counts,
    h("form", { class: "controls", role: "search", onsubmit: (e) => e.preventDefault() },
      h("div", { class: "field" }, h("label", { for: "site-search" }, t("search_label")), search),
      h("div", { class: "field" }, h("label", { for: "site-status" }, t("filter_label")), statusSelect),
      h("div", { class: "field" }, h("label", { for: "site-sort" }, t("sort_label")), sortSelect)),
    shown,
    groups);

  const keepInUrl = () => {
    const params = new URLSearchParams();
    if (state.search) params.set("q", state.search);
    if (state.status) params.set("status", state.status);
    if (state.sort !== "name") params.set("sort", state.sort);
    const text = params.toString();
    history.replaceState(null, "", text ? `/?${text}` : "/");
  };

  let typing = null;
  search.addEventListener("input", () => {
    // A province has thousands of sites: redraw once the typing pauses, not on every key.
    clearTimeout(typing);
    typing = setTimeout(() => {
      state.search = search.value;
      keepInUrl();
      renderGroups();
    }, 120);
  });
  statusSelect.addEventListener("change", () => {
    state.status = statusSelect.value;
    keepInUrl();
    renderCounts();
    renderGroups();
  });
  sortSelect.addEventListener("change", () => {
    state.sort = sortSelect.value;
    keepInUrl();
    renderGroups();
  });

  function matches(site) {
    if (state.status && site.status !== state.status) return false;
    const wanted = fold(state.search);
    return !wanted || fold(site.name).includes(wanted) || fold(site.id).includes(wanted) || fold(site.district).includes(wanted);
  }

  function compare(a, b) {
    if (state.sort === "status") {
      return (SEVERITY[a.status] ?? 9) - (SEVERITY[b.status] ?? 9) || compareNames(a.name, b.name);
    }
    if (state.sort === "last_seen") {
      const at = a.last_seen ? Date.parse(a.last_seen) : -Infinity;
      const bt = b.last_seen ? Date.parse(b.last_seen) : -Infinity;
      return at - bt || compareNames(a.name, b.name);
    }
    return compareNames(a.name, b.name);
  }

  function renderCounts() {
    const tally = { down: 0, degraded: 0, ok: 0, unknown: 0 };
    for (const site of state.sites.values()) {
      tally[statusLabel(site.status).status] += 1;
    }
    replace(counts, STATUSES.map((status) => {
      const label = statusLabel(status);
      return h("button", {
        type: "button",
        class: `count count-${status}`,
        "aria-pressed": state.status === status ? "true" : "false",
        dataset: { status, count: tally[status] },
        onclick: () => {
          state.status = state.status === status ? "" : status;
          statusSelect.value = state.status;
          keepInUrl();
          renderCounts();
          renderGroups();
        },
      }, h("span", { class: "count-icon", "aria-hidden": "true" }, label.icon), " ",
      h("span", { class: "count-label" }, label.text), " ", h("strong", { class: "count-value" }, tally[status]));
    }));
  }

  function tileContent(site) {
    return [
      h("span", { class: "tile-name" }, site.name || site.id),
      badge(site.status),
      h("span", { class: "tile-meta" }, site.last_seen ? t("last_seen", { time: dateTime(site.last_seen) }) : t("never_seen")),
      h("span", { class: "tile-meta" },
        site.active_alerts ? t("alerts_count", { count: site.active_alerts }) + " · " : "",
        t(`uplink_${["up", "down"].includes(site.uplink) ? site.uplink : "unknown"}`)),
    ];
  }

  function tile(site) {
    return h("li", {}, h("a", {
      class: `tile tile-${statusLabel(site.status).status}`,
      href: `/sites/${encodeURIComponent(site.id)}`,
      dataset: { site: site.id, status: statusLabel(site.status).status },
    }, tileContent(site)));
  }

  function renderGroups() {
    const focused = document.activeElement?.closest?.("[data-site]")?.dataset.site;
    const visible = [...state.sites.values()].filter(matches).sort(compare);
    const byDistrict = new Map();
    for (const site of visible) {
      const district = site.district || t("no_district");
      if (!byDistrict.has(district)) byDistrict.set(district, []);
      byDistrict.get(district).push(site);
    }
    // Sorted by status or last seen, the district holding the worst (or stalest) site comes first.
    const districts = [...byDistrict.keys()].sort((a, b) => (state.sort === "name" ? 0 : compare(byDistrict.get(a)[0], byDistrict.get(b)[0])) || compareNames(a, b));
    replace(groups, visible.length === 0
      ? h("p", { class: "empty" }, t("no_match"))
      : districts.map((district, index) => h("section", { class: "district", "aria-labelledby": `district-${index}` },
        h("h2", { id: `district-${index}` }, district, " ", h("span", { class: "muted" }, `(${byDistrict.get(district).length})`)),
        h("ul", { class: "grid" }, byDistrict.get(district).map(tile)))));
    replace(shown, t("sites_shown", { shown: visible.length, total: state.sites.size }));
    if (focused) {
      groups.querySelector(`[data-site="${CSS.escape(focused)}"]`)?.focus();
    }
  }

  function renderLiveState() {
    const connected = live.isConnected();
    liveState.className = `live-state ${connected ? "on" : "off"}`;
    replace(liveState,
      h("span", { class: "live-dot", "aria-hidden": "true" }, connected ? "●" : "○"), " ",
      connected ? t("live_on") : t("live_off"),
      state.loadedAt ? ` · ${t("updated_at", { time: clock(state.loadedAt) })}` : "");
  }

  async function load() {
    const answer = await api.get("/api/sites");
    state.sites = new Map(answer.sites.map((site) => [site.id, site]));
    state.loadedAt = new Date();
    renderCounts();
    renderGroups();
    renderLiveState();
  }

  function onSite(site) {
    const before = state.sites.get(site.id);
    state.sites.set(site.id, { ...before, ...site });
    const updated = state.sites.get(site.id);
    state.loadedAt = new Date();
    const element = groups.querySelector(`[data-site="${CSS.escape(site.id)}"]`);
    if (element && matches(updated)) {
      // In place: a keyboard user's focus on the tile survives the update.
      const status = statusLabel(updated.status).status;
      element.className = `tile tile-${status}`;
      element.dataset.status = status;
      replace(element, tileContent(updated));
    } else {
      renderGroups();
    }
    renderCounts();
    renderLiveState();
    if (before && before.status !== updated.status) {
      announce(t("announce_status", { site: updated.name || updated.id, status: statusLabel(updated.status).text }));
    }
  }

  const unsubscribe = [
    live.subscribe("site", onSite),
    live.subscribe("state", (change) => {
      renderLiveState();
      if (change.resync && state.loadedAt) {
        load().catch(() => {});
      }
    }),
  ];
  const timer = setInterval(() => load().catch(() => renderLiveState()), REFRESH_MS);
  renderLiveState();
  await load();
  return () => {
    clearTimeout(typing);
    clearInterval(timer);
    unsubscribe.forEach((stop) => stop());
  };
}
