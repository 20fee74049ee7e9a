import { h } from "../dom.js";
import { bps, decimal, duration, percent } from "../format.js";
import { t } from "../i18n.js";

function ifState(value) {
  if (value === null || value === undefined) {
    return h("span", { class: "muted" }, "—");
  }
  const text = value === "up" ? t("if_up") : value === "down" ? t("if_down") : t("if_other", { state: value });
  const kind = value === "up" ? "up" : value === "down" ? "down" : "other";
  return h("span", { class: `if-state if-${kind}` }, h("span", { "aria-hidden": "true" }, kind === "up" ? "▲ " : kind === "down" ? "▼ " : "• "), text);
}

function interfacesTable(device) {
  const interfaces = device.interfaces ?? [];
  if (interfaces.length === 0) {
    return null;
  }
  const cell = (key, ...content) => h("td", { "data-label": t(key) }, ...content);
  return h("div", { class: "table-wrap", tabindex: "0", role: "region", "aria-label": t("interfaces", { device: device.name }) },
    h("table", { class: "data stack interfaces" },
      h("caption", { class: "visually-hidden" }, t("interfaces", { device: device.name })),
      h("thead", {}, h("tr", {}, ["col_interface", "col_alias", "col_admin", "col_oper", "col_in", "col_out", "col_speed", "col_util", "col_errors"]
        .map((key) => h("th", { scope: "col" }, t(key))))),
      h("tbody", {}, interfaces.map((item) => h("tr", { dataset: { ifIndex: item.if_index } },
        h("th", { scope: "row", "data-label": t("col_interface") }, item.name ?? item.if_index),
        cell("col_alias", item.alias || "—"),
        cell("col_admin", ifState(item.admin_status)),
        cell("col_oper", ifState(item.oper_status)),
        cell("col_in", bps(item.in_bps)),
        cell("col_out", bps(item.out_bps)),
        cell("col_speed", bps(item.speed_bps)),
        cell("col_util", percent(item.utilization_percent)),
        cell("col_errors", `${item.in_errors ?? "—"} / ${item.out_errors ?? "—"}`))))));
}

function upsBlock(ups) {
  if (!ups) {
    return null;
  }
  return h("div", { class: `ups ${ups.on_battery ? "ups-battery" : "ups-mains"}` },
    h("h4", {}, t("ups")),
    h("p", {}, h("strong", {}, ups.on_battery ? `▼ ${t("ups_on_battery")}` : `✓ ${t("ups_on_mains")}`)),
    h("p", {}, [
      ups.battery_percent !== null && ups.battery_percent !== undefined ? t("ups_battery", { value: decimal(ups.battery_percent, 0) }) : null,
      ups.runtime_min !== null && ups.runtime_min !== undefined ? t("ups_runtime", { value: decimal(ups.runtime_min, 0) }) : null,
      ups.output_load_percent !== null && ups.output_load_percent !== undefined ? t("ups_load", { value: decimal(ups.output_load_percent, 0) }) : null,
    ].filter(Boolean).join(" · ")));
}

/** Every device of the site with its state, interfaces and UPS readings. */
export function devicesSection(devices) {
  if (devices.length === 0) {
    return h("p", { class: "muted" }, "—");
  }
  return h("div", { class: "devices" }, devices.map((device) => {
    const reach = device.reachable === true ? "reachable" : device.reachable === false ? "unreachable" : "not_polled";
    return h("article", { class: "device", dataset: { device: device.name } },
      h("h3", {}, device.name),
      h("p", { class: "device-meta" },
        h("span", { class: `reach reach-${reach}` }, h("span", { "aria-hidden": "true" }, reach === "reachable" ? "✓ " : reach === "unreachable" ? "✕ " : "? "), t(reach)),
        device.role ? ` · ${t("device_role", { role: device.role })}` : "",
        device.response_ms !== null && device.response_ms !== undefined ? ` · ${t("response", { ms: decimal(device.response_ms) })}` : "",
        device.uptime_s !== null && device.uptime_s !== undefined ? ` · ${t("uptime", { uptime: duration(device.uptime_s) })}` : ""),
      interfacesTable(device) ?? (device.ups ? null : h("p", { class: "muted" }, t("no_interfaces"))),
      upsBlock(device.ups));
  }));
}
