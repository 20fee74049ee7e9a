import { h, replace } from "../dom.js";
import { lang, t } from "../i18n.js";

const RANGES = ["1h", "24h", "7d"];
const MAX_TRAFFIC_CHARTS = 4;
// The last hour first: a site that just came up (or the demo) has data there, and it is what the NOC looks at.
let chosenRange = "1h";

/** The uplink device: role "uplink", else one named like a router (as the API decides "uplink"). */
function uplinkDevices(devices) {
  const byRole = devices.filter((device) => device.role === "uplink");
  return byRole.length ? byRole : devices.filter((device) => /router/i.test(device.name ?? ""));
}

function chart(src, alt) {
  const failed = h("p", { class: "error", hidden: true }, t("chart_failed"));
  const image = h("img", { src, alt, class: "chart", decoding: "async", width: 800, height: 300 });
  image.addEventListener("error", () => {
    failed.hidden = false;
  });
  return h("figure", { class: "chart-box" }, image, failed);
}

/** Traffic charts of the uplink interfaces and the latency chart, with the 1 h / 24 h / 7 d switch. */
export function chartsSection(siteId) {
  const box = h("div", { class: "charts", id: "site-charts" });
  const switcher = h("div", { class: "range-switch", role: "group", "aria-label": t("range_label") });
  const element = h("section", { class: "card", "aria-labelledby": "h-charts" },
    h("h2", { id: "h-charts" }, t("charts")), switcher, box);
  let devices = [];
  let key = null;

  const base = `/api/sites/${encodeURIComponent(siteId)}/charts`;

  function renderSwitch() {
    replace(switcher, RANGES.map((range) => h("button", {
      type: "button",
      class: "button small",
      "aria-pressed": range === chosenRange ? "true" : "false",
      dataset: { range },
      onclick: () => {
        chosenRange = range;
        key = null;
        renderSwitch();
        renderCharts();
      },
    }, t(`range_${range}`))));
  }

  function renderCharts() {
    const targets = [];
    for (const device of uplinkDevices(devices)) {
      for (const item of device.interfaces ?? []) {
        if (item.admin_status === "down") continue;
        targets.push({ device: device.name, ifIndex: item.if_index, name: item.name ?? item.if_index });
      }
    }
    const shown = targets.slice(0, MAX_TRAFFIC_CHARTS);
    const next = JSON.stringify([chosenRange, lang(), shown]);
    if (next === key) {
      return;
    }
    key = next;
    const rangeText = t(`range_${chosenRange}`);
    const params = (extra) => new URLSearchParams({ range: chosenRange, ...extra, lang: lang() }).toString();
    replace(box,
      shown.length === 0 ? h("p", { class: "muted" }, t("no_uplink_charts")) : null,
      shown.map((target) => chart(`${base}/traffic.svg?${params({ device: target.device, if_index: target.ifIndex })}`,
        `${t("chart_traffic", { device: target.device, iface: target.name })} (${rangeText})`)),
      chart(`${base}/latency.svg?${params({})}`, `${t("chart_latency")} (${rangeText})`));
  }

  renderSwitch();
  return {
    element,
    update(nextDevices) {
      devices = nextDevices;
      renderCharts();
    },
  };
}
