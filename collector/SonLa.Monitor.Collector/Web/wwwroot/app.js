import { api, onPasswordChangeRequired, onUnauthorized } from "./api.js";
import { h, replace } from "./dom.js";
import { lang, setLang, t, translateShell } from "./i18n.js";
import * as live from "./live.js";

// The page shell is in index.html and shows at once; views are loaded as modules when first needed.
const views = {
  login: () => import("./views/login.js"),
  password: () => import("./views/password.js"),
  overview: () => import("./views/overview.js"),
  site: () => import("./views/site.js"),
  alerts: () => import("./views/alerts.js"),
};

const main = document.getElementById("main");
let user = null;
let cleanup = null;
let renderCount = 0;

function route(pathname) {
  if (pathname === "/login") return { view: "login", params: {} };
  if (pathname === "/alerts") return { view: "alerts", params: {} };
  const site = /^\/sites\/([^/]+)\/?$/.exec(pathname);
  if (site) return { view: "site", params: { id: decodeURIComponent(site[1]) } };
  return { view: "overview", params: {} };
}

export function navigate(path, { replaceState = false } = {}) {
  if (path !== location.pathname + location.search) {
    history[replaceState ? "replaceState" : "pushState"](null, "", path);
  }
  return show();
}

function setTitle(text) {
  document.title = text ? `${text} — ${t("app")}` : t("app");
}

async function show({ keepFocus = false } = {}) {
  const current = ++renderCount;
  let { view, params } = route(location.pathname);
  if (!user && view !== "login") {
    const target = location.pathname + location.search;
    history.replaceState(null, "", target === "/" ? "/login" : `/login?next=${encodeURIComponent(target)}`);
    view = "login";
  } else if (user && view === "login") {
    history.replaceState(null, "", "/");
    view = "overview";
  }
  if (user?.must_change_password) {
    view = "password";
  }
  renderShell(view);
  cleanup?.();
  cleanup = null;
  const module = await views[view]();
  if (current !== renderCount) {
    return;
  }
  replace(main);
  const context = {
    user,
    params,
    navigate,
    setTitle,
    signedIn: (who) => {
      user = who;
      const next = new URLSearchParams(location.search).get("next");
      return navigate(next && next.startsWith("/") && !next.startsWith("//") ? next : "/", { replaceState: true });
    },
  };
  try {
    cleanup = (await module.render(main, context)) ?? null;
  } catch (error) {
    console.error(error);
    replace(main, h("p", { class: "error", role: "alert" }, t("error_generic", { message: error.message })));
  }
  if (!keepFocus && document.activeElement !== document.body && !main.contains(document.activeElement)) {
    // After a route change keyboard and screen-reader users start at the new content.
    main.focus({ preventScroll: true });
  }
}

function renderShell(view) {
  translateShell();
  document.documentElement.lang = lang();
  const langButton = document.getElementById("lang");
  langButton.textContent = t("switch_to");
  langButton.lang = lang() === "vi" ? "en" : "vi";
  const nav = document.querySelector(".nav");
  nav.hidden = !user;
  for (const link of nav.querySelectorAll("a[data-nav]")) {
    const current = (link.dataset.nav === "overview" && (view === "overview" || view === "site"))
      || link.dataset.nav === view;
    if (current) link.setAttribute("aria-current", "page");
    else link.removeAttribute("aria-current");
  }
  const who = document.getElementById("who");
  who.hidden = !user;
  who.textContent = user ? t("signed_in_as", { user: user.name, role: t(`role_${user.role}`) }) : "";
  document.getElementById("logout").hidden = !user;
}

document.addEventListener("click", (event) => {
  const link = event.target.closest?.("a[href]");
  if (!link || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) {
    return;
  }
  const url = new URL(link.href, location.href);
  if (url.origin !== location.origin || url.pathname.startsWith("/api/") || url.pathname.startsWith("/ui/") || link.target) {
    return;
  }
  if (url.hash && url.pathname === location.pathname) {
    return;
  }
  event.preventDefault();
  navigate(url.pathname + url.search);
});

window.addEventListener("popstate", () => show());

document.getElementById("lang").addEventListener("click", () => {
  setLang(lang() === "vi" ? "en" : "vi");
  show({ keepFocus: true });
});

document.getElementById("logout").addEventListener("click", async () => {
  live.close();
  try {
    await api.logout();
  } finally {
    user = null;
    await navigate("/login");
  }
});

onUnauthorized(() => {
  if (user) {
    user = null;
    live.close();
    show();
  }
});

onPasswordChangeRequired(() => {
  if (user && !user.must_change_password) {
    user = { ...user, must_change_password: true };
    show();
  }
});

async function start() {
  document.documentElement.lang = lang();
  renderShell(route(location.pathname).view);
  try {
    user = await api.get("/api/me", { quiet401: true });
  } catch {
    user = null;
  }
  await show();
}

start();
