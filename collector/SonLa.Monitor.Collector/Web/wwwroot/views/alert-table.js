import { api } from "../api.js";
import { announce, h, replace } from "../dom.js";
import { dateTime } from "../format.js";
import { lang, t } from "../i18n.js";

const SEVERITY_ICONS = { critical: "✕", warning: "▲", info: "ℹ" };

let formCounter = 0;

function severity(alert) {
  const known = ["critical", "warning", "info"].includes(alert.severity) ? alert.severity : "warning";
  return h("span", { class: `severity severity-${known}` },
    h("span", { "aria-hidden": "true" }, SEVERITY_ICONS[known]), " ", t(`severity_${known}`));
}

function state(alert) {
  const known = ["pending", "firing", "resolved"].includes(alert.state) ? alert.state : "firing";
  const notes = [
    alert.suppressed ? t("suppressed") : null,
    alert.flapping ? t("flapping") : null,
    alert.in_maintenance ? t("in_maintenance") : null,
  ].filter(Boolean);
  return h("span", { class: `state state-${known}` }, t(`state_${known}`),
    notes.length ? h("span", { class: "muted" }, ` (${notes.join(", ")})`) : null);
}

/**
 * A table of alerts with an acknowledge form for admins. onChanged is called after an acknowledgement so the
 * owner reloads its list.
 */
export function alertTable(alerts, user, { showSite = true, onChanged } = {}) {
  if (alerts.length === 0) {
    return h("p", { class: "empty" }, t("no_alerts"));
  }
  const admin = user?.role === "admin";
  const rows = alerts.map((alert) => {
    const ackCell = h("td", { class: "ack-cell" });
    fillAck(ackCell, alert, admin, onChanged);
    return h("tr", { dataset: { alert: alert.id, state: alert.state }, class: `alert-row alert-${alert.state}` },
      h("td", { "data-label": t("col_severity") }, severity(alert)),
      h("td", { "data-label": t("col_state") }, state(alert)),
      showSite ? h("td", { "data-label": t("col_site") }, h("a", { href: `/sites/${encodeURIComponent(alert.site)}` }, alert.site_name || alert.site)) : null,
      h("td", { "data-label": t("col_device") }, [alert.device, alert.interface].filter(Boolean).join(" ") || "—"),
      h("td", { "data-label": t("col_message"), class: "message" }, lang() === "en" && alert.message_en ? alert.message_en : alert.message),
      h("td", { "data-label": t("col_started") }, h("time", { datetime: alert.started_at }, dateTime(alert.started_at))),
      withLabel(ackCell, t("col_ack")));
  });
  return h("div", { class: "table-wrap" }, h("table", { class: "data stack" },
    h("thead", {}, h("tr", {},
      h("th", { scope: "col" }, t("col_severity")),
      h("th", { scope: "col" }, t("col_state")),
      showSite ? h("th", { scope: "col" }, t("col_site")) : null,
      h("th", { scope: "col" }, t("col_device")),
      h("th", { scope: "col" }, t("col_message")),
      h("th", { scope: "col" }, t("col_started")),
      h("th", { scope: "col" }, t("col_ack")))),
    h("tbody", {}, rows)));
}

function withLabel(cell, label) {
  cell.dataset.label = label;
  return cell;
}

function fillAck(cell, alert, admin, onChanged) {
  if (alert.acknowledged) {
    const ack = alert.acknowledged;
    replace(cell, h("span", { class: "acknowledged" }, h("span", { "aria-hidden": "true" }, "✓ "),
      t("acknowledged_by", { by: ack.by, time: dateTime(ack.at) })),
    ack.comment ? h("span", { class: "ack-comment" }, `“${ack.comment}”`) : null);
    return;
  }
  if (!admin || alert.state === "resolved") {
    replace(cell, h("span", { class: "muted" }, t("not_acknowledged")));
    return;
  }
  const button = h("button", { type: "button", class: "button small", "data-action": "ack" }, t("ack_button"));
  button.addEventListener("click", () => openForm(cell, alert, admin, onChanged));
  replace(cell, button);
}

function openForm(cell, alert, admin, onChanged) {
  const id = `ack-comment-${++formCounter}`;
  const comment = h("textarea", { id, rows: 2, maxlength: 1000 });
  const message = h("p", { class: "error", role: "alert", hidden: true });
  const cancel = h("button", { type: "button", class: "button quiet small" }, t("ack_cancel"));
  const form = h("form", { class: "ack-form" },
    h("label", { for: id }, t("ack_comment")), comment, message,
    h("div", { class: "buttons" }, h("button", { type: "submit", class: "button primary small" }, t("ack_submit")), cancel));
  cancel.addEventListener("click", () => {
    fillAck(cell, alert, admin, onChanged);
    cell.querySelector("button")?.focus();
  });
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const text = comment.value.trim();
    try {
      const updated = await api.post(`/api/alerts/${alert.id}/ack`, text ? { comment: text } : {});
      fillAck(cell, updated ?? { ...alert, acknowledged: { by: "", at: new Date().toISOString(), comment: text } }, admin, onChanged);
      announce(t("ack_done"));
      onChanged?.();
    } catch (error) {
      replace(message, error.status === 409 ? t("ack_resolved") : t("error_generic", { message: error.message }));
      message.hidden = false;
    }
  });
  replace(cell, form);
  comment.focus();
}
