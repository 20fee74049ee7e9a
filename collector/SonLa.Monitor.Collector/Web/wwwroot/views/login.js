import { api } from "../api.js";
import { h, replace } from "../dom.js";
import { t } from "../i18n.js";

export function render(main, context) {
  context.setTitle(t("login_title"));
  const message = h("p", { class: "error", role: "alert", id: "login-error", hidden: true });
  const userInput = h("input", { id: "login-user", name: "user", autocomplete: "username", required: true, autocapitalize: "off", spellcheck: "false" });
  const passwordInput = h("input", { id: "login-password", name: "password", type: "password", autocomplete: "current-password", required: true });
  const submit = h("button", { type: "submit", class: "button primary" }, t("login_submit"));
  const form = h("form", { class: "card narrow", "aria-describedby": "login-error", novalidate: false },
    h("h1", {}, t("login_heading")),
    h("div", { class: "field" }, h("label", { for: "login-user" }, t("login_user")), userInput),
    h("div", { class: "field" }, h("label", { for: "login-password" }, t("login_password")), passwordInput),
    message,
    submit);
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    message.hidden = true;
    submit.disabled = true;
    try {
      const user = await api.login(userInput.value.trim(), passwordInput.value);
      await context.signedIn(user);
    } catch (error) {
      replace(message, error.status === 429
        ? t("login_throttled", { seconds: error.retryAfter ?? 60 })
        : error.status === 401 || error.status === 400 ? t("login_failed") : t("error_generic", { message: error.message }));
      message.hidden = false;
      passwordInput.value = "";
      passwordInput.focus();
    } finally {
      submit.disabled = false;
    }
  });
  replace(main, form);
  userInput.focus();
}
