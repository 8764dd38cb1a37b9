"""A Telegram Bot API on loopback, for tests of press/telegram.py's real HTTP calls.

It implements the methods we call as https://core.telegram.org/bots/api documents them and
refuses what Telegram would refuse: a wrong path or token, a missing required parameter, a
caption over 1,024 or a text over 4,096 characters (after entities parsing), a parse_mode
Telegram does not know, HTML it cannot parse (tags it does not support, a bare ``<`` or
``&``), a sendPhoto whose ``photo`` is not an uploaded image file, an edit that changes
nothing. It keeps the channel's messages, so a test reads what the channel shows, and
answers an error (400, 429 with ``parameters.retry_after``) when a test asks for one.
"""

import html
import io
import itertools
import json
import threading
import time
from email.parser import BytesParser
from email.policy import HTTP
from html.parser import HTMLParser
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from PIL import Image

TOKEN = "123456:TEST-token_for-loopback"
# https://core.telegram.org/bots/api#html-style
TAGS = {"b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "a", "code", "pre",
        "span", "tg-spoiler", "tg-emoji", "blockquote"}  # fmt: skip
ENTITIES = {"lt", "gt", "amp", "quot"}
PARSE_MODES = {"HTML", "MarkdownV2", "Markdown"}


class Refused(Exception):
    def __init__(self, description, code=400):
        super().__init__(description)
        self.description, self.code = description, code


class TelegramHTML(HTMLParser):
    """Parses as Telegram does: the visible text, or Refused("can't parse entities")."""

    def __init__(self):
        super().__init__(convert_charrefs=False)
        self.text, self.open = [], []

    def handle_starttag(self, tag, attrs):
        if tag not in TAGS:
            raise Refused(f'Bad Request: can\'t parse entities: unsupported start tag "{tag}"')
        if tag == "a" and not dict(attrs).get("href"):
            raise Refused("Bad Request: can't parse entities: a link without href")
        self.open.append(tag)

    def handle_endtag(self, tag):
        if not self.open or self.open.pop() != tag:
            raise Refused(f'Bad Request: can\'t parse entities: unmatched end tag "{tag}"')

    def handle_data(self, data):
        if "<" in data or "&" in data or ">" in data:
            raise Refused("Bad Request: can't parse entities: unescaped character in text")
        self.text.append(data)

    def handle_entityref(self, name):
        if name not in ENTITIES:
            raise Refused(f"Bad Request: can't parse entities: unsupported entity &{name};")
        self.text.append(html.unescape(f"&{name};"))

    def handle_charref(self, name):
        self.text.append(html.unescape(f"&#{name};"))

    @classmethod
    def visible(cls, markup: str) -> str:
        parser = cls()
        parser.feed(markup)
        parser.close()
        if parser.open:
            raise Refused("Bad Request: can't parse entities: unclosed tag")
        return "".join(parser.text)


class BotAPI:
    """The server and what it saw: ``requests`` (method, fields, photo bytes), ``messages``
    (the channel's, by id: what they show now, or deleted)."""

    def __init__(self):
        self.requests = []
        self.messages = {}
        self.failures = []  # (method, status, description, retry_after), used in order
        self.ids = itertools.count(101)
        self.lock = threading.Lock()
        api = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                api.handle(self)

            def do_GET(self):
                api.answer(self, 405, {"ok": False, "error_code": 405, "description": "POST"})

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()

    def fail_next(self, method, status=400, description="Bad Request", retry_after=None):
        """Answer the next call of ``method`` with this error instead."""
        self.failures.append((method, status, description, retry_after))

    def calls(self, method=None):
        return [r for r in self.requests if method is None or r["method"] == method]

    # --- The protocol --------------------------------------------------------------------

    def answer(self, handler, status, data):
        body = json.dumps(data).encode()
        handler.send_response(status)
        handler.send_header("Content-Type", "application/json")
        handler.send_header("Content-Length", str(len(body)))
        handler.end_headers()
        handler.wfile.write(body)

    def handle(self, handler):
        length = int(handler.headers.get("Content-Length") or 0)
        raw = handler.rfile.read(length)
        prefix = f"/bot{TOKEN}/"
        if not handler.path.startswith(prefix):
            return self.answer(handler, 401, {"ok": False, "error_code": 401,
                                              "description": "Unauthorized"})  # fmt: skip
        method = handler.path[len(prefix) :]
        with self.lock:
            try:
                fields, files = self.parse(handler.headers.get("Content-Type", ""), raw)
                self.requests.append({"method": method, "fields": fields, "files": files})
                for failure in self.failures:
                    if failure[0] == method:
                        self.failures.remove(failure)
                        _m, status, description, retry_after = failure
                        data = {"ok": False, "error_code": status, "description": description}
                        if retry_after is not None:
                            data["parameters"] = {"retry_after": retry_after}
                        return self.answer(handler, status, data)
                result = getattr(self, f"method_{method}", None)
                if result is None:
                    raise Refused("Not Found: method not found", 404)
                return self.answer(handler, 200, {"ok": True, "result": result(fields, files)})
            except Refused as refusal:
                data = {"ok": False, "error_code": refusal.code, "description": refusal.description}
                return self.answer(handler, refusal.code, data)

    def parse(self, content_type, raw):
        if content_type.startswith("application/json"):
            return json.loads(raw), {}
        if content_type.startswith("multipart/form-data"):
            message = BytesParser(policy=HTTP).parsebytes(
                f"Content-Type: {content_type}\r\n\r\n".encode() + raw
            )
            fields, files = {}, {}
            for part in message.iter_parts():
                name = part.get_param("name", header="content-disposition")
                if part.get_filename():
                    files[name] = {
                        "filename": part.get_filename(),
                        "type": part.get_content_type(),
                        "content": part.get_payload(decode=True),
                    }
                else:
                    fields[name] = part.get_payload(decode=True).decode()
            return fields, files
        raise Refused("Bad Request: unsupported content type")

    @staticmethod
    def required(fields, *names):
        for name in names:
            if fields.get(name) in (None, ""):
                raise Refused(f"Bad Request: {name} is empty")

    @staticmethod
    def formatted(fields, name, limit):
        value = str(fields.get(name, ""))
        mode = fields.get("parse_mode")
        if mode is not None and mode not in PARSE_MODES:
            raise Refused(f"Bad Request: unsupported parse_mode {mode}")
        visible = TelegramHTML.visible(value) if mode == "HTML" else value
        if len(visible) > limit:
            what = "message caption" if name == "caption" else "message"
            raise Refused(f"Bad Request: {what} is too long")
        return visible

    def message(self, fields):
        self.required(fields, "chat_id", "message_id")
        message = self.messages.get(int(fields["message_id"]))
        if message is None or message["deleted"] or message["chat_id"] != str(fields["chat_id"]):
            raise Refused("Bad Request: message to edit not found")
        return message

    def new(self, fields, **content):
        message_id = next(self.ids)
        chat = str(fields["chat_id"])
        self.messages[message_id] = {"chat_id": chat, "deleted": False, **content}
        return {
            "message_id": message_id,
            "date": int(time.time()),
            "chat": {
                "id": -1001234567890,
                "type": "channel",
                "title": "MFA",
                **({"username": chat[1:]} if chat.startswith("@") else {}),
            },  # fmt: skip
            **({"caption": content["caption"]} if "caption" in content else {}),
            **({"text": content["text"]} if "text" in content else {}),
            **({"photo": [self.photo_size(content)]} if "photo" in content else {}),
        }

    @staticmethod
    def photo_size(content):
        return {
            "file_id": "AgAD",
            "file_unique_id": "AQAD",
            "width": content["width"],
            "height": content["height"],
        }

    # --- The methods ---------------------------------------------------------------------

    def method_sendPhoto(self, fields, files):
        self.required(fields, "chat_id")
        photo = files.get("photo")
        if photo is None:
            raise Refused("Bad Request: there is no photo in the request")
        try:
            image = Image.open(io.BytesIO(photo["content"]))
            image.verify()
        except Exception:
            raise Refused("Bad Request: IMAGE_PROCESS_FAILED") from None
        if image.width + image.height > 10000 or len(photo["content"]) > 10 * 1024 * 1024:
            raise Refused("Bad Request: PHOTO_INVALID_DIMENSIONS")
        caption = self.formatted(fields, "caption", 1024)
        return self.new(
            fields,
            photo=photo["content"],
            caption=caption,
            html=fields.get("caption", ""),
            width=image.width,
            height=image.height,
        )

    def method_sendMessage(self, fields, files):
        self.required(fields, "chat_id", "text")
        text = self.formatted(fields, "text", 4096)
        return self.new(fields, text=text, html=fields["text"])

    def method_editMessageCaption(self, fields, files):
        message = self.message(fields)
        if "photo" not in message:
            raise Refused("Bad Request: there is no caption in the message to edit")
        caption = self.formatted(fields, "caption", 1024)
        if fields.get("caption", "") == message["html"]:
            raise Refused("Bad Request: message is not modified: specified new message content "
                          "and reply markup are exactly the same")  # fmt: skip
        message.update(caption=caption, html=fields.get("caption", ""))
        return {"message_id": int(fields["message_id"]), "caption": caption}

    def method_editMessageText(self, fields, files):
        message = self.message(fields)
        if "text" not in message:
            raise Refused("Bad Request: there is no text in the message to edit")
        self.required(fields, "text")
        text = self.formatted(fields, "text", 4096)
        if fields["text"] == message["html"]:
            raise Refused("Bad Request: message is not modified: specified new message content "
                          "and reply markup are exactly the same")  # fmt: skip
        message.update(text=text, html=fields["text"])
        return {"message_id": int(fields["message_id"]), "text": text}

    def method_deleteMessage(self, fields, files):
        message = self.messages.get(int(fields.get("message_id") or 0))
        self.required(fields, "chat_id", "message_id")
        if message is None or message["deleted"]:
            raise Refused("Bad Request: message to delete not found")
        message["deleted"] = True
        return True
