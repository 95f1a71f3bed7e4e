/**
 * Tiny DOM helpers. Text always goes in through textContent, never innerHTML: values from
 * the API (and personal data, for agencies allowed to see it) can never become markup.
 */

export function $(selector) {
  const element = document.querySelector(selector);
  if (!element) throw new Error(`dashboard: missing element ${selector}`);
  return element;
}

/** h('td', { class: 'num' }, '12') */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    element.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return element;
}

export function clear(element) {
  element.replaceChildren();
  return element;
}

export function show(element, visible) {
  element.hidden = !visible;
}
