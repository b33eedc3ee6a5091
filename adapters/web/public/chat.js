// The web chat: sends questions and button clicks to /api/chat and renders the bot's replies.
// Everything from the server is inserted as text nodes, never as HTML.
"use strict";

const UI = {
  de: {
    tagline: "Fragen zu Methoden der Bürgerbeteiligung – kurz beantwortet, mit Quellen.",
    label: "Ihre Frage",
    placeholder: "Ihre Frage, z. B. „Was ist eine Planungszelle?“",
    send: "Senden",
    privacy: (kept) =>
      `Gespeichert wird nur der Gesprächskontext (z. B. die letzte Methode), ${kept ? `höchstens ${kept}` : "befristet"} – keine Nachrichtentexte.`,
    sources: "Quellen",
    error: "Die Antwort konnte nicht geladen werden. Bitte versuchen Sie es erneut.",
    choices: "Auswahl",
    suggestions: "Weiter mit",
    pending: "Antwort kommt …",
  },
  en: {
    tagline: "Questions about citizen participation methods – answered briefly, with sources.",
    label: "Your question",
    placeholder: "Your question, e.g. “What is a citizens' assembly?”",
    send: "Send",
    privacy: (kept) =>
      `Only the conversation context (e.g. the last method) is stored, ${kept ? `for ${kept} at most` : "for a limited time"} – no message text.`,
    sources: "Sources",
    error: "The answer could not be loaded. Please try again.",
    choices: "Choices",
    suggestions: "Continue with",
    pending: "Answer on its way …",
  },
};

const log = document.getElementById("log");
const form = document.getElementById("ask");
const input = document.getElementById("question");
let language = sessionStorage.getItem("language") === "en" ? "en" : "de";
const conversationId = sessionStorage.getItem("conversationId") || crypto.randomUUID();
// On a touch screen, focusing the input opens the keyboard and scrolls the page; leave that to the user.
const finePointer = window.matchMedia("(pointer: fine)").matches;
sessionStorage.setItem("conversationId", conversationId);

function t(key) {
  const text = UI[language][key];
  return typeof text === "function" ? text(retention()) : text;
}

// How long the conversation context is kept, as the server words it per language; unknown until asked.
let retentionText;

function retention() {
  return retentionText?.[language];
}

function applyLanguage() {
  document.documentElement.lang = language;
  for (const element of document.querySelectorAll("[data-i18n]"))
    element.textContent = t(element.dataset.i18n);
  for (const element of document.querySelectorAll("[data-i18n-placeholder]"))
    element.placeholder = t(element.dataset.i18nPlaceholder);
  for (const button of document.querySelectorAll(".language")) {
    button.setAttribute("aria-pressed", String(button.dataset.language === language));
  }
}

/** Inline text with **bold** and [links](https://…), built as DOM nodes. */
function inline(parent, text) {
  const pattern = /\*\*([^*]+)\*\*|\[([^\]]+)\]\((https?:\/\/[^)\s]+)\)/g;
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    parent.append(text.slice(last, match.index));
    if (match[1] !== undefined) {
      const strong = document.createElement("strong");
      strong.textContent = match[1];
      parent.append(strong);
    } else {
      parent.append(link(match[2], match[3]));
    }
    last = match.index + match[0].length;
  }
  parent.append(text.slice(last));
  return parent;
}

function link(label, url) {
  const anchor = document.createElement("a");
  anchor.href = url;
  anchor.textContent = label;
  anchor.target = "_blank";
  anchor.rel = "noopener noreferrer";
  return anchor;
}

function element(tag, className) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  return node;
}

function buttonRow(items, className, label) {
  const row = element("div", `buttons ${className}`);
  row.setAttribute("role", "group");
  row.setAttribute("aria-label", label);
  for (const item of items) {
    const button = element("button");
    button.type = "button";
    button.textContent = item.label;
    if (item.ariaLabel) button.setAttribute("aria-label", item.ariaLabel);
    button.addEventListener("click", () => {
      if (finePointer) input.focus({ preventScroll: true });
      void send({ action: item.action }, item.shownAs ?? item.label);
    });
    row.append(button);
  }
  return row;
}

function renderTable(table) {
  const node = element("table", "compare");
  const head = element("tr");
  head.append(element("th"));
  for (const column of table.columns) {
    head.append(Object.assign(element("th"), { textContent: column, scope: "col" }));
  }
  const thead = element("thead");
  thead.append(head);
  node.append(thead);
  const body = element("tbody");
  for (const row of table.rows) {
    const tr = element("tr");
    tr.append(Object.assign(element("th"), { textContent: row.label, scope: "row" }));
    for (const cell of row.cells) tr.append(inline(element("td"), cell || "–"));
    body.append(tr);
  }
  node.append(body);
  return node;
}

/** One element of the reply's body (see Element in src/core/types.ts). */
function renderElement(item) {
  switch (item.type) {
    case "paragraph":
      return inline(element("p"), item.text);
    case "list": {
      const list = element(item.ordered ? "ol" : "ul");
      for (const entry of item.items) list.append(inline(element("li"), entry));
      return list;
    }
    case "facts": {
      const facts = element("dl");
      for (const fact of item.facts) {
        facts.append(
          Object.assign(element("dt"), { textContent: fact.label }),
          Object.assign(element("dd"), { textContent: fact.value }),
        );
      }
      return facts;
    }
    case "table":
      return renderTable(item);
    case "links": {
      const links = element("div", "links");
      for (const entry of item.links) {
        const paragraph = element("p", "link");
        paragraph.append(link(`→ ${entry.label}`, entry.url));
        links.append(paragraph);
      }
      return links;
    }
    case "sources": {
      const details = element("details");
      details.append(Object.assign(element("summary"), { textContent: t("sources") }));
      const list = element("ul");
      for (const source of item.sources) {
        const entry = element("li");
        if (source.url) entry.append(link(source.title, source.url));
        else entry.textContent = source.title;
        list.append(entry);
      }
      details.append(list);
      return details;
    }
    default:
      return null;
  }
}

function renderReply(reply) {
  const bubble = element("div", "message bot");
  if (reply.title) bubble.append(inline(element("h2"), reply.title));
  for (const item of reply.body) {
    const node = renderElement(item);
    if (node) bubble.append(node);
  }
  if (reply.choices.length > 0) {
    bubble.append(
      buttonRow(
        reply.choices.map((choice, i) => ({
          ...choice,
          label: `${i + 1}. ${choice.label}`,
          shownAs: choice.label,
        })),
        "choices",
        t("choices"),
      ),
    );
  }
  if (reply.suggestions.length > 0)
    bubble.append(buttonRow(reply.suggestions, "suggestions", t("suggestions")));
  if (reply.feedback) {
    // The votes carry words ("👍 Hilfreich"), so they read right without an emoji font.
    bubble.append(buttonRow(reply.feedback.votes, "feedback", reply.feedback.question));
  }
  log.append(bubble);
  reveal(bubble);
}

/**
 * Brings a new reply into view: a short one whole, a long one from its start, so it is read from the top.
 * The first reply (the greeting) stays where it is, so the page opens at its header.
 */
function reveal(bubble) {
  if (log.children.length <= 1) return;
  const tall = bubble.getBoundingClientRect().height > window.innerHeight * 0.7;
  bubble.scrollIntoView({ block: tall ? "start" : "nearest" });
}

/** A placeholder bubble while the answer is on its way; announced once to screen readers. */
function showPending() {
  const bubble = element("div", "message bot pending");
  bubble.setAttribute("role", "status");
  const dots = element("span", "dots");
  dots.setAttribute("aria-hidden", "true");
  dots.append(element("span"), element("span"), element("span"));
  bubble.append(dots, Object.assign(element("span", "visually-hidden"), { textContent: t("pending") }));
  log.append(bubble);
  log.setAttribute("aria-busy", "true");
  if (log.children.length > 1) bubble.scrollIntoView({ block: "nearest" });
  return bubble;
}

function showUser(text) {
  const bubble = element("div", "message user");
  bubble.textContent = text;
  log.append(bubble);
}

async function send(payload, shownAs) {
  if (shownAs) showUser(shownAs);
  const pending = showPending();
  try {
    const response = await fetch("api/chat", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({
        text: "",
        ...payload,
        conversationId,
        locale: language === "en" ? "en-GB" : "de-DE",
      }),
    });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const reply = await response.json();
    pending.remove();
    if (reply.language && reply.language !== language) {
      language = reply.language;
      sessionStorage.setItem("language", language);
      applyLanguage();
    }
    renderReply(reply);
  } catch (error) {
    console.error(error);
    pending.remove();
    const bubble = element("div", "message bot error");
    bubble.textContent = t("error");
    log.append(bubble);
  } finally {
    log.removeAttribute("aria-busy");
  }
}

form.addEventListener("submit", (event) => {
  event.preventDefault();
  const text = input.value.trim();
  if (!text) return;
  input.value = "";
  void send({ text }, text);
});

for (const button of document.querySelectorAll(".language")) {
  button.addEventListener("click", () => {
    if (button.dataset.language === language) return;
    language = button.dataset.language;
    sessionStorage.setItem("language", language);
    applyLanguage();
    void send({ action: { type: "language", language } });
  });
}

applyLanguage();
void fetch("/api/chat/about")
  .then((response) => (response.ok ? response.json() : undefined))
  .then((about) => {
    if (typeof about?.retention?.de === "string" && typeof about.retention.en === "string") {
      retentionText = about.retention;
      applyLanguage();
    }
  })
  .catch(() => {});
void send({ action: { type: "command", command: "help" } });
if (finePointer) input.focus({ preventScroll: true });
