"""Shared by the tests that read pages as a visitor reads them."""

import re
from html.parser import HTMLParser

LATIN_WORD = re.compile(r"[A-Za-zʻʼ'’]*[A-Za-z][A-Za-zʻʼ'’]+")
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}
# File names and paths ("photos/3f2a.jpg") are not words of the interface.
PATH = re.compile(r"\S*/\S*|\S+\.(?:jpe?g|png|webp|avif|pdf|docx|xlsx|odt|ods)\b", re.IGNORECASE)
# Elements whose content is the user's data or code, not the interface.
SKIPPED = {"script", "style", "textarea", "template"}


class InterfaceText(HTMLParser):
    """Collects visible text (and alt/title/aria-label/placeholder) not marked with another lang."""

    def __init__(self, page_lang, word=LATIN_WORD):
        super().__init__()
        self.stack = [page_lang.lower()]
        self.skip = 0
        self.word = word
        self.words = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        lang = (attrs.get("lang") or self.stack[-1]).lower()
        if tag not in VOID:
            self.stack.append(lang)
            if tag in SKIPPED:
                self.skip += 1
        if lang == self.stack[0] and not self.skip:
            for name in ("alt", "title", "aria-label", "placeholder"):
                self.collect(attrs.get(name) or "")

    def handle_endtag(self, tag):
        if tag not in VOID and len(self.stack) > 1:
            self.stack.pop()
            if tag in SKIPPED:
                self.skip -= 1

    def handle_data(self, data):
        if not self.skip and self.stack[-1] == self.stack[0]:
            self.collect(data)

    def collect(self, text):
        self.words += self.word.findall(PATH.sub(" ", text))


def latin_words(html, page_lang="uz-Cyrl", word=LATIN_WORD):
    parser = InterfaceText(page_lang, word)
    parser.feed(html)
    return parser.words


class _FormFields(HTMLParser):
    """What a browser would submit from the first <form method="post"> of a page."""

    def __init__(self):
        super().__init__()
        self.data, self.in_form, self.textarea, self.select = {}, False, None, None

    def add(self, name, value):
        self.data.setdefault(name, []).append(value)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and (attrs.get("method") or "").lower() == "post":
            self.in_form = True
        if not self.in_form or "disabled" in attrs:
            return
        name = attrs.get("name")
        if tag == "input" and name:
            kind = attrs.get("type", "text")
            if kind in ("checkbox", "radio"):
                if "checked" in attrs:
                    self.add(name, attrs.get("value", "on"))
            elif kind not in ("submit", "button", "file", "image", "reset"):
                self.add(name, attrs.get("value", ""))
        elif tag == "textarea" and name:
            self.textarea = name
            self.add(name, "")
        elif tag == "select" and name:
            self.select = name
            self.data.setdefault(name, [])
        elif tag == "option" and self.select and "selected" in attrs:
            self.add(self.select, attrs.get("value", ""))

    def handle_endtag(self, tag):
        if tag == "form":
            self.in_form = False
        elif tag == "textarea":
            self.textarea = None
        elif tag == "select":
            self.select = None

    def handle_data(self, data):
        if self.textarea:
            if not self.data[self.textarea][-1] and data.startswith("\n"):
                data = data[1:]  # as browsers do: the newline after <textarea> is markup
            self.data[self.textarea][-1] += data


def form_data(html):
    parser = _FormFields()
    parser.feed(html)
    return parser.data
