import { api } from "../api.js";
import { h, replace } from "../dom.js";
import { clock } from "../format.js";
import { t } from "../i18n.js";
import * as live from "../live.js";
import { alertTable } from "./alert-table.js";

const REFRESH_MS = 60_000;

export async function render(main, context) {
  context.setTitle(t("alerts_title"));
  const query = new URLSearchParams(location.search);
  let which = query.get("state") === "all" ? "all" : "active";
  const list = h("div", { id: "alert-list" });
  const updated = h("p", { class: "muted", id: "alerts-updated" });
  const radio = (value) => h("label", { class: "choice" },
    h("input", { type: "radio", name: "alert-state", value, checked: which === value, onchange: () => {
      which = value;
      history.replaceState(null, "", value === "all" ? "/alerts?state=all" : "/alerts");
      load();
    } }), " ", t(`alerts_${value}`));
  replace(main,
    h("div", { class: "page-head" }, h("h1", {}, t("alerts_heading")), updated),
    h("fieldset", { class: "choices" }, h("legend", {}, t("alerts_show")), radio("active"), radio("all")),
    list);

  let loading = null;
  let again = false;

  async function load() {
    if (loading) {
      // A burst of live events ends in one more read, not one per event.
      again = true;
      return loading;
    }
    loading = (async () => {
      do {
        again = false;
        try {
          const answer = await api.get(`/api/alerts?state=${which}&limit=500`);
          const focusedAlert = document.activeElement?.closest?.("[data-alert]")?.dataset.alert;
          const editing = list.querySelector("form.ack-form");
          if (editing) {
            // An admin typing a comment keeps the form: the list is read again after the acknowledgement.
            continue;
          }
          replace(list, alertTable(answer.alerts, context.user, { onChanged: () => load() }));
          replace(updated, t("updated_at", { time: clock() }));
          if (focusedAlert) {
            list.querySelector(`[data-alert="${CSS.escape(focusedAlert)}"] button, [data-alert="${CSS.escape(focusedAlert)}"] a`)?.focus();
          }
        } catch (error) {
          replace(list, h("p", { class: "error", role: "alert" }, t("error_generic", { message: error.message })));
        }
      } while (again);
    })();
    try {
      await loading;
    } finally {
      loading = null;
    }
  }

  const unsubscribe = [
    live.subscribe("alerts", () => load()),
    live.subscribe("state", (change) => {
      if (change.resync) load();
    }),
  ];
  const timer = setInterval(() => load(), REFRESH_MS);
  await load();
  return () => {
    clearInterval(timer);
    unsubscribe.forEach((stop) => stop());
  };
}
