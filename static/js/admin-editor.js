// The rich text editor of the admin (press/admin/editor.py): django-prose-editor's bundle, loaded
// by its static address so that no inline import map is needed (our CSP allows none).
//
// Each <textarea data-press-editor='{"extensions": {…}}'> becomes an editor with exactly the
// extensions named (press/text.py EDITOR_EXTENSIONS, the set the server keeps), plus:
// - pasting from Word or a web page keeps headings, lists, tables and links and drops the
//   rest (styles, classes, spans, comments, Word's own markup), and Word's paragraph
//   "lists" become real lists;
// - another script may replace a textarea's text (a restored draft) and send it the
//   "press:set-html" event: the editor then shows the new text.
import * as prose from "../django_prose_editor/editor.js";

// The editor's own dialogs ask window.gettext for these words: listed here so that
// `make makemessages` puts them in our djangojs catalogs, which the admin's jsi18n serves.
const gettext_noop = (text) => text;
export const EDITOR_STRINGS = [
  gettext_noop("Bullets"), gettext_noop("Cancel"), gettext_noop("Columns"),
  gettext_noop("Decimal numbers"), gettext_noop("Edit Link"), gettext_noop("Include header row"),
  gettext_noop("Insert"), gettext_noop("Insert Table"), gettext_noop("List properties"),
  gettext_noop("List type"), gettext_noop("Lowercase Roman numerals"),
  gettext_noop("Lowercase letters"), gettext_noop("Open in new window"), gettext_noop("Rows"),
  gettext_noop("Start at"), gettext_noop("Table Properties"), gettext_noop("Title"),
  gettext_noop("Toggle fullscreen"), gettext_noop("URL"), gettext_noop("Update"),
  gettext_noop("Uppercase Roman numerals"), gettext_noop("Uppercase letters"),
];

// The menu's buttons carry English titles (and aria-labels) that the library never passes
// through gettext: translateMenu says them in the admin's language. Listed for the catalogs.
export const MENU_STRINGS = [
  gettext_noop("Add column"), gettext_noop("Add row"), gettext_noop("Delete column"),
  gettext_noop("Delete row"), gettext_noop("Delete table"), gettext_noop("Insert table"),
  gettext_noop("Merge cells"), gettext_noop("Split cell"), gettext_noop("Toggle header cell"),
  gettext_noop("blockquote"), gettext_noop("bold"), gettext_noop("horizontal rule"),
  gettext_noop("insert link"), gettext_noop("italic"), gettext_noop("ordered list"),
  gettext_noop("paragraph"), gettext_noop("redo"), gettext_noop("remove link"),
  gettext_noop("strike"), gettext_noop("subscript"), gettext_noop("superscript"),
  gettext_noop("underline"), gettext_noop("undo"), gettext_noop("unordered list"),
];

function translateMenu(root) {
  const translate = window.gettext || ((text) => text);
  // Buttons only: the text being edited may hold links with a title of their own, which
  // must be saved as written.
  const apply = () => {
    for (const button of root.querySelectorAll("button[title]")) {
      const title = button.getAttribute("title");
      const translated = translate(title);
      if (translated === title) continue;
      button.setAttribute("title", translated);
      if (button.getAttribute("aria-label") === title) button.setAttribute("aria-label", translated);
    }
  };
  apply();
  // The library builds its menu after the editor, and rebuilds parts of it as the selection
  // moves: translate whatever buttons it adds.
  new MutationObserver(apply).observe(root, { childList: true, subtree: true });
}

const ATTRIBUTE = "data-press-editor";
const KEPT_ATTRIBUTES = new Set(["href", "title", "colspan", "rowspan", "start", "type"]);

// Word's lists are paragraphs styled "mso-list" whose bullet or number is a span marked
// <!--[if !supportLists]-->: group consecutive ones into <ul>/<ol>.
function wordListsToLists(doc) {
  const items = [...doc.body.querySelectorAll("p")].filter((p) =>
    /mso-list\s*:/i.test(p.getAttribute("style") || "") || /MsoListParagraph/i.test(p.className),
  );
  let list = null;
  let previous = null;
  for (const p of items) {
    const marker = p.querySelector("span[style*='mso-list:Ignore'], span[style*='mso-list: Ignore']");
    const markerText = marker ? marker.textContent.trim() : "";
    if (marker) marker.remove();
    const ordered = /^(\d+|[a-z]|[ivx]+)[.)]$/i.test(markerText);
    if (!list || previous !== p.previousElementSibling || list.ordered !== ordered) {
      list = { element: doc.createElement(ordered ? "ol" : "ul"), ordered };
      p.before(list.element);
    }
    const li = doc.createElement("li");
    const para = doc.createElement("p");
    para.append(...p.childNodes);
    li.append(para);
    list.element.append(li);
    previous = list.element;
    p.remove();
  }
}

export function cleanPastedHtml(html) {
  const doc = new DOMParser().parseFromString(html, "text/html");
  // Conditional comments and plain comments; Word's XML islands.
  const walker = doc.createTreeWalker(doc.body, NodeFilter.SHOW_COMMENT);
  const comments = [];
  while (walker.nextNode()) comments.push(walker.currentNode);
  comments.forEach((c) => c.remove());
  doc.body.querySelectorAll("style, script, meta, link, xml, o\\:p").forEach((n) => n.remove());
  wordListsToLists(doc);
  // Styles and classes go: the editor's schema keeps only what it knows anyway, but Google
  // Docs wraps everything in <b style="font-weight:normal">, which must not become bold.
  doc.body.querySelectorAll("b[style*='font-weight:normal'], b[style*='font-weight: normal']")
    .forEach((b) => b.replaceWith(...b.childNodes));
  // Only the attributes the server keeps (press/text.py ALLOWED_ATTRIBUTES) come in: no
  // styles, classes, ids, targets or handlers.
  for (const el of doc.body.querySelectorAll("*")) {
    for (const name of el.getAttributeNames()) {
      if (!KEPT_ATTRIBUTES.has(name)) el.removeAttribute(name);
    }
  }
  return doc.body.innerHTML;
}

const PastedHtml = prose.Extension.create({
  name: "pressPastedHtml",
  addProseMirrorPlugins() {
    return [new prose.Plugin({ props: { transformPastedHTML: cleanPastedHtml } })];
  },
});

function createEditor(textarea) {
  if (textarea.closest(".prose-editor")) return null;
  const config = JSON.parse(textarea.getAttribute(ATTRIBUTE) || "{}");
  const extensions = [PastedHtml];
  for (const [name, options] of Object.entries(config.extensions || {})) {
    // A pasted link keeps its own address: Tiptap's paste rule would re-link text that looks
    // like an address ("mfa.uz" → http://mfa.uz) over the link it came with.
    const extension = name === "Link" ? prose.Link.extend({ addPasteRules: () => [] }) : prose[name];
    if (!extension) continue;
    extensions.push(typeof options === "object" ? extension.configure(options) : extension);
  }
  const editor = prose.createTextareaEditor(textarea, extensions);
  translateMenu(textarea.closest(".prose-editor") || textarea.parentElement);
  textarea.addEventListener("press:set-html", () => {
    editor.commands.setContent(textarea.value || "", { emitUpdate: false });
  });
  textarea.dispatchEvent(
    new CustomEvent("prose-editor:ready", { detail: { editor, textarea }, bubbles: true }),
  );
  return editor;
}

prose.initializeEditors(createEditor, `[${ATTRIBUTE}]`);
