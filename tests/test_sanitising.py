"""Editor HTML: known XSS vectors never survive to the public page."""

from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest

from press.text import ALLOWED_ATTRIBUTES, ALLOWED_TAGS, sanitize_html

pytestmark = pytest.mark.django_db

# Drawn from the OWASP XSS filter evasion cheat sheet and html5sec.org.
VECTORS = [
    "<script>alert(1)</script>",
    "<SCRIPT SRC=//xss.example/xss.js></SCRIPT>",
    "<scr<script>ipt>alert(1)</scr</script>ipt>",
    '<img src=x onerror="alert(1)">',
    "<img src=javascript:alert(1)>",
    "<IMG SRC=JaVaScRiPt:alert('XSS')>",
    "<img src=`javascript:alert(1)`>",
    '<a href="javascript:alert(1)">x</a>',
    '<a href="JAVASCRIPT:alert(1)">x</a>',
    '<a href="jav&#x09;ascript:alert(1)">x</a>',
    '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">x</a>',
    '<a href=" javascript:alert(1)">x</a>',
    '<a href="vbscript:msgbox(1)">x</a>',
    '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>',
    '<a href="data:text/html,<script>alert(1)</script>">x</a>',
    '<a href="https://mfa.uz" onclick="alert(1)">x</a>',
    '<a href="https://mfa.uz" onmouseover=alert(1)>x</a>',
    '<p style="background:url(javascript:alert(1))">x</p>',
    '<p style="behavior:url(x.htc)">x</p>',
    "<svg onload=alert(1)>",
    "<svg><script>alert(1)</script></svg>",
    '<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>',
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    "<iframe src=javascript:alert(1)></iframe>",
    '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
    "<object data=javascript:alert(1)></object>",
    '<embed src="javascript:alert(1)">',
    '<form action="javascript:alert(1)"><input type=submit></form>',
    '<button formaction="javascript:alert(1)">x</button>',
    "<input onfocus=alert(1) autofocus>",
    "<body onload=alert(1)>",
    '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
    '<base href="javascript:alert(1)//">',
    '<link rel=stylesheet href="javascript:alert(1)">',
    "<style>@import 'javascript:alert(1)';</style>",
    "<style>*{x:expression(alert(1))}</style>",
    '<div style="width:expression(alert(1))">x</div>',
    '<table background="javascript:alert(1)"><tr><td>x</td></tr></table>',
    '<td background="javascript:alert(1)">x</td>',
    "<details open ontoggle=alert(1)>",
    "<video><source onerror=alert(1)></video>",
    "<audio src=x onerror=alert(1)>",
    "<marquee onstart=alert(1)>x</marquee>",
    '<isindex action="javascript:alert(1)" type=image>',
    "<x onclick=alert(1)>click</x>",
    "<!--<img src=x onerror=alert(1)>-->",
    "<![CDATA[<script>alert(1)</script>]]>",
    '"><script>alert(1)</script>',
    "'><img src=x onerror=alert(1)>",
    "<<script>alert(1);//<</script>",
    "<img/src=x/onerror=alert(1)>",
    '<a href="https://mfa.uz" target="_blank">x</a>',
    '<p id="x" class="evil" title="ok" data-x="1">x</p>',
    '<blockquote cite="javascript:alert(1)">x</blockquote>',
    '<h2 onmouseenter="alert(1)">x</h2>',
    '<ol start="1" onclick="alert(1)"><li>x</li></ol>',
    '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
    "<template><script>alert(1)</script></template>",
]
SAFE_SCHEMES = {"", "http", "https", "mailto", "tel"}


class Audit(HTMLParser):
    def __init__(self):
        super().__init__()
        self.problems = []

    def handle_starttag(self, tag, attrs):
        if tag not in ALLOWED_TAGS:
            self.problems.append(f"tag <{tag}>")
        for name, value in attrs:
            allowed = ALLOWED_ATTRIBUTES["*"] | ALLOWED_ATTRIBUTES.get(tag, set())
            allowed |= {"rel"} if tag == "a" else set()
            if name not in allowed:
                self.problems.append(f"attribute {name} on <{tag}>")
            if name == "href" and urlsplit(value or "").scheme.lower() not in SAFE_SCHEMES:
                self.problems.append(f"href {value}")
            if name == "rel" and value != "noopener noreferrer":
                self.problems.append(f"rel {value}")


def audit(fragment):
    parser = Audit()
    parser.feed(fragment)
    return parser.problems


def test_the_corpus_is_large_enough():
    assert len(VECTORS) >= 50


@pytest.mark.parametrize("vector", VECTORS)
def test_no_vector_survives_sanitising(vector):
    assert audit(sanitize_html(vector)) == []


def test_no_vector_survives_to_the_public_page(client, release_factory):
    body = "".join(f"<p>{n}</p>{v}" for n, v in enumerate(VECTORS))
    release = release_factory(title="Xavfsiz", body_uz=body)
    html = client.get(f"/uz/press/{release.slug}/").content.decode()
    page_body = html.split('<div class="body">', 1)[1].split("</div>", 1)[0]
    assert audit(page_body) == []  # what remains of the vectors is escaped text
    assert "<script" not in html.split("</head>", 1)[1].lower()


def test_press_content_keeps_its_structure():
    html = (
        "<h2>Sarlavha</h2><p>Matn <strong>qalin</strong> va <em>kursiv</em>, "
        '<a href="https://mfa.uz/uz/">havola</a>.</p><ul><li>bir</li></ul>'
        "<blockquote><p>Iqtibos</p></blockquote>"
    )
    cleaned = sanitize_html(html)
    assert "<h2>Sarlavha</h2>" in cleaned
    assert '<a href="https://mfa.uz/uz/" rel="noopener noreferrer">havola</a>' in cleaned
    assert "<blockquote><p>Iqtibos</p></blockquote>" in cleaned
