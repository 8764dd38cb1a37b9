<?xml version="1.0" encoding="utf-8"?>
<!--
  Shows an RSS 2.0 or Atom feed of press releases as a page a person can read, in the feed's
  own language (<language> of RSS, xml:lang of Atom): what a feed is, how to follow it, and
  its items. Feed readers ignore it; browsers apply it when the feed is opened directly.

  Every sentence is here in the four languages (a static file cannot ask the catalogs);
  tests/test_feed_stylesheet.py checks that each is written in all four.
  A browser applies a stylesheet only from the feed's own origin: keep STATIC_URL there.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:atom="http://www.w3.org/2005/Atom"
    exclude-result-prefixes="atom">
  <xsl:output method="html" encoding="utf-8" indent="yes" doctype-system="about:legacy-compat"/>

  <xsl:variable name="code" select="string((/rss/channel/language | /atom:feed/@xml:lang)[1])"/>
  <xsl:variable name="lang">
    <xsl:choose>
      <xsl:when test="$code = 'uz-Cyrl' or $code = 'uz-cyrl'">uz-Cyrl</xsl:when>
      <xsl:when test="$code = 'uz' or $code = 'ru' or $code = 'en'"><xsl:value-of select="$code"/></xsl:when>
      <xsl:otherwise>en</xsl:otherwise>
    </xsl:choose>
  </xsl:variable>
  <xsl:variable name="is-atom" select="boolean(/atom:feed)"/>
  <xsl:variable name="feed-title" select="string(/rss/channel/title | /atom:feed/atom:title)"/>
  <xsl:variable name="page" select="string(/rss/channel/link | /atom:feed/atom:link[@rel='alternate']/@href)"/>
  <xsl:variable name="self" select="string(/rss/channel/atom:link[@rel='self']/@href | /atom:feed/atom:link[@rel='self']/@href)"/>

  <!-- One sentence in the feed's language. -->
  <xsl:template name="say">
    <xsl:param name="uz"/><xsl:param name="cyrl"/><xsl:param name="ru"/><xsl:param name="en"/>
    <xsl:choose>
      <xsl:when test="$lang = 'uz'"><xsl:copy-of select="$uz"/></xsl:when>
      <xsl:when test="$lang = 'uz-Cyrl'"><xsl:copy-of select="$cyrl"/></xsl:when>
      <xsl:when test="$lang = 'ru'"><xsl:copy-of select="$ru"/></xsl:when>
      <xsl:otherwise><xsl:copy-of select="$en"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- An RSS date (Thu, 03 Dec 2026 18:00:00 +0000) or an Atom one (2026-12-03T18:00:00Z)
       as <time> with the day written dd.mm.yyyy, which all four languages read. -->
  <xsl:template name="date">
    <xsl:param name="value"/>
    <xsl:variable name="iso">
      <xsl:choose>
        <xsl:when test="contains($value, ',')">
          <xsl:variable name="month" select="substring(normalize-space($value), 9, 3)"/>
          <xsl:value-of select="concat(substring(normalize-space($value), 13, 4), '-',
              substring(substring-after('Jan01Feb02Mar03Apr04May05Jun06Jul07Aug08Sep09Oct10Nov11Dec12', $month), 1, 2),
              '-', substring(normalize-space($value), 6, 2))"/>
        </xsl:when>
        <xsl:otherwise><xsl:value-of select="substring($value, 1, 10)"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <time datetime="{$iso}">
      <xsl:value-of select="concat(substring($iso, 9, 2), '.', substring($iso, 6, 2), '.', substring($iso, 1, 4))"/>
    </time>
  </xsl:template>

  <xsl:template match="/">
    <html lang="{$lang}">
      <head>
        <meta charset="utf-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <meta name="robots" content="noindex"/>
        <title><xsl:value-of select="$feed-title"/></title>
        <style>
          body { font: 1rem/1.55 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1b2430; margin: 0; background: #fff; }
          .wrap { max-width: 44rem; margin: 0 auto; padding: 1rem; }
          header { background: #0b4f8a; color: #fff; }
          header p { margin: 0; font-size: 0.9rem; }
          h1 { font-size: 1.5rem; line-height: 1.25; margin: 0.25rem 0 0; }
          a { color: #0b4f8a; }
          header a { color: #fff; }
          .about { background: #eef3f8; border-left: 4px solid #0b4f8a; padding: 0.75rem 1rem; margin: 1rem 0; }
          .about h2 { margin-top: 0; font-size: 1.15rem; }
          .address { display: block; word-break: break-all; background: #fff; border: 1px solid #d5dbe3; padding: 0.5rem; font-family: ui-monospace, monospace; font-size: 0.9rem; }
          ol.items { list-style: none; padding: 0; }
          ol.items li { border-bottom: 1px solid #d5dbe3; padding: 0.75rem 0; }
          ol.items h3 { font-size: 1.05rem; margin: 0.1rem 0; }
          time, .muted { color: #4a5360; font-size: 0.9rem; }
        </style>
      </head>
      <body>
        <header><div class="wrap">
          <p>
            <xsl:call-template name="say">
              <xsl:with-param name="uz">Yangiliklar tasmasi (<span lang="en"><xsl:value-of select="substring('RSSAtom', 1 + 3 * number($is-atom), 3 + number($is-atom))"/></span>)</xsl:with-param>
              <xsl:with-param name="cyrl">Янгиликлар тасмаси (<span lang="en"><xsl:value-of select="substring('RSSAtom', 1 + 3 * number($is-atom), 3 + number($is-atom))"/></span>)</xsl:with-param>
              <xsl:with-param name="ru">Лента новостей (<span lang="en"><xsl:value-of select="substring('RSSAtom', 1 + 3 * number($is-atom), 3 + number($is-atom))"/></span>)</xsl:with-param>
              <xsl:with-param name="en">News feed (<xsl:value-of select="substring('RSSAtom', 1 + 3 * number($is-atom), 3 + number($is-atom))"/>)</xsl:with-param>
            </xsl:call-template>
          </p>
          <h1><xsl:value-of select="$feed-title"/></h1>
        </div></header>
        <main class="wrap">
          <section class="about" aria-labelledby="about-heading">
            <h2 id="about-heading">
              <xsl:call-template name="say">
                <xsl:with-param name="uz">Bu nima va unga qanday obuna boʻlish mumkin</xsl:with-param>
                <xsl:with-param name="cyrl">Бу нима ва унга қандай обуна бўлиш мумкин</xsl:with-param>
                <xsl:with-param name="ru">Что это и как на это подписаться</xsl:with-param>
                <xsl:with-param name="en">What this is and how to follow it</xsl:with-param>
              </xsl:call-template>
            </h2>
            <p>
              <xsl:call-template name="say">
                <xsl:with-param name="uz">Bu sahifa — yangiliklar tasmasi: yangi press-relizlar chiqishi bilan shu yerda paydo boʻladi. Uni kuzatib borish uchun quyidagi manzilni nusxalab, tasma oʻquvchi dasturga (masalan, telefoningizdagi yangiliklar ilovasiga) qoʻshing. Dastur yangi relizlar haqida oʻzi xabar beradi; roʻyxatdan oʻtish shart emas.</xsl:with-param>
                <xsl:with-param name="cyrl">Бу саҳифа — янгиликлар тасмаси: янги пресс-релизлар чиқиши билан шу ерда пайдо бўлади. Уни кузатиб бориш учун қуйидаги манзилни нусхалаб, тасма ўқувчи дастурга (масалан, телефонингиздаги янгиликлар иловасига) қўшинг. Дастур янги релизлар ҳақида ўзи хабар беради; рўйхатдан ўтиш шарт эмас.</xsl:with-param>
                <xsl:with-param name="ru">Эта страница — лента новостей: новые пресс-релизы появляются здесь сразу после публикации. Чтобы следить за ними, скопируйте адрес ниже и добавьте его в программу для чтения лент (например, в новостное приложение на телефоне). Программа сама сообщит о новых релизах; регистрироваться нигде не нужно.</xsl:with-param>
                <xsl:with-param name="en">This page is a news feed: new press releases appear here as soon as they are published. To follow them, copy the address below and add it to a feed reader (for example, a news app on your phone). The app will tell you about new releases itself; you do not need to sign up anywhere.</xsl:with-param>
              </xsl:call-template>
            </p>
            <p>
              <span class="address"><xsl:value-of select="$self"/></span>
            </p>
            <p>
              <a href="{$page}">
                <xsl:call-template name="say">
                  <xsl:with-param name="uz">Bu relizlarni saytda oʻqish</xsl:with-param>
                  <xsl:with-param name="cyrl">Бу релизларни сайтда ўқиш</xsl:with-param>
                  <xsl:with-param name="ru">Читать эти релизы на сайте</xsl:with-param>
                  <xsl:with-param name="en">Read these releases on the website</xsl:with-param>
                </xsl:call-template>
              </a>
            </p>
          </section>
          <h2>
            <xsl:call-template name="say">
              <xsl:with-param name="uz">Soʻnggi relizlar</xsl:with-param>
              <xsl:with-param name="cyrl">Сўнгги релизлар</xsl:with-param>
              <xsl:with-param name="ru">Последние релизы</xsl:with-param>
              <xsl:with-param name="en">Latest releases</xsl:with-param>
            </xsl:call-template>
          </h2>
          <xsl:choose>
            <xsl:when test="/rss/channel/item | /atom:feed/atom:entry">
              <ol class="items">
                <xsl:apply-templates select="/rss/channel/item | /atom:feed/atom:entry"/>
              </ol>
            </xsl:when>
            <xsl:otherwise>
              <p class="muted">
                <xsl:call-template name="say">
                  <xsl:with-param name="uz">Hozircha bu tasmada relizlar yoʻq.</xsl:with-param>
                  <xsl:with-param name="cyrl">Ҳозирча бу тасмада релизлар йўқ.</xsl:with-param>
                  <xsl:with-param name="ru">В этой ленте пока нет релизов.</xsl:with-param>
                  <xsl:with-param name="en">There are no releases in this feed yet.</xsl:with-param>
                </xsl:call-template>
              </p>
            </xsl:otherwise>
          </xsl:choose>
        </main>
      </body>
    </html>
  </xsl:template>

  <xsl:template match="item">
    <li>
      <xsl:call-template name="date"><xsl:with-param name="value" select="pubDate"/></xsl:call-template>
      <h3><a href="{link}"><xsl:value-of select="title"/></a></h3>
      <p><xsl:value-of select="description"/></p>
    </li>
  </xsl:template>

  <xsl:template match="atom:entry">
    <li>
      <xsl:call-template name="date"><xsl:with-param name="value" select="(atom:published | atom:updated)[1]"/></xsl:call-template>
      <h3><a href="{atom:link[@rel='alternate']/@href}"><xsl:value-of select="atom:title"/></a></h3>
      <p><xsl:value-of select="atom:summary"/></p>
    </li>
  </xsl:template>
</xsl:stylesheet>
