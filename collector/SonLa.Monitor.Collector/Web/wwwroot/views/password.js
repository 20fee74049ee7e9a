import { api, setCsrf } from "../api.js";
import { h, replace } from "../dom.js";
import { t } from "../i18n.js";

// A first admin's one-time password must be changed before anything else (the API answers 403 until then).
export function render(main, context) {
  context.setTitle(t("password_title"));
  const message = h("p", { class: "error", role: "alert", hidden: true });
  const field = (id, key, autocomplete) => {
    const input = h("input", { id, type: "password", autocomplete, required: true });
    return { input, element: h("div", { class: "field" }, h("label", { for: id }, t(key)), input) };
  };
  const current = field("password-current", "password_current", "current-password");
  const next = field("password-new", "password_new", "new-password");
  const repeat = field("password-repeat", "password_repeat", "new-password");
  const form = h("form", { class: "card narrow" },
    h("h1", {}, t("password_title")),
    h("p", {}, t("password_intro")),
    current.element, next.element, repeat.element, message,
    h("button", { type: "submit", class: "button primary" }, t("password_submit")));
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    message.hidden = true;
    if (next.input.value !== repeat.input.value) {
      replace(message, t("password_mismatch"));
      message.hidden = false;
      return;
    }
    try {
      const user = await api.post("/api/me/password", { current_password: current.input.value, new_password: next.input.value });
      // The session was issued afresh: so is its antiforgery token.
      setCsrf(null);
      await context.signedIn(user);
    } catch (error) {
      replace(message, t("error_generic", { message: error.message }));
      message.hidden = false;
    }
  });
  replace(main, form);
  current.input.focus();
}
