// Builds elements from data without innerHTML: names and messages come from devices and users, never as markup.

/**
 * h("a", { href: "/x", class: "tile" }, "text", child) — attributes starting with "on" are listeners, a false or
 * null attribute is left out, children may be strings, nodes, arrays or null.
 */
export function h(tag, attributes, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes ?? {})) {
    if (value === null || value === undefined || value === false) {
      continue;
    }
    if (name.startsWith("on") && typeof value === "function") {
      element.addEventListener(name.slice(2), value);
    } else if (name === "dataset") {
      Object.assign(element.dataset, value);
    } else {
      element.setAttribute(name, value === true ? "" : String(value));
    }
  }
  append(element, children);
  return element;
}

function append(parent, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) {
      continue;
    }
    if (Array.isArray(child)) {
      append(parent, child);
    } else {
      parent.append(child instanceof Node ? child : String(child));
    }
  }
}

/** Replaces the children of element. */
export function replace(element, ...children) {
  element.replaceChildren();
  append(element, children);
  return element;
}

/** Says text to screen readers through the page's polite live region. */
export function announce(text) {
  const region = document.getElementById("announcer");
  if (!region) {
    return;
  }
  region.textContent = "";
  // A change after clearing is announced even when the same text repeats.
  setTimeout(() => {
    region.textContent = text;
  }, 50);
}
