from django.urls import path, register_converter

from press.site import alerts, feeds, preview, share_cards, views


class FeedFormat:
    regex = "rss|atom"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


register_converter(FeedFormat, "feed")

app_name = "press"

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("press/", views.ReleaseListView.as_view(), name="release_list"),
    path("press/feed.<feed:format>", feeds.ReleaseFeed.as_view(), name="release_list_feed"),
    path("search/", views.SearchView.as_view(), name="search"),
    path("press/<slug:slug>/", views.ReleaseDetailView.as_view(), name="release"),
    path("press/<slug:slug>/files/<int:pk>/", views.attachment_download, name="attachment"),
    path("press/<slug:slug>/card.png", share_cards.share_card_view, name="release_card"),
    path("countries/<slug:slug>/", views.CountryView.as_view(), name="country"),
    path(
        "countries/<slug:slug>/feed.<feed:format>",
        feeds.CountryFeed.as_view(),
        name="country_feed",
    ),
    path("topics/<slug:slug>/", views.TopicView.as_view(), name="topic"),
    path("topics/<slug:slug>/feed.<feed:format>", feeds.TopicFeed.as_view(), name="topic_feed"),
    path("officials/<slug:slug>/", views.OfficialView.as_view(), name="official"),
    path("posts/<slug:slug>/", views.PostView.as_view(), name="post"),
    path("posts/<slug:slug>/feed.<feed:format>", feeds.PostFeed.as_view(), name="post_feed"),
    path("events/", views.EventListView.as_view(), name="event_list"),
    path("events/<slug:slug>/", views.EventView.as_view(), name="event"),
    path("events/<slug:slug>/feed.<feed:format>", feeds.EventFeed.as_view(), name="event_feed"),
    path("preview/<str:token>/", preview.preview_link_view, name="preview"),
    path(
        "officials/<slug:slug>/feed.<feed:format>",
        feeds.OfficialFeed.as_view(),
        name="official_feed",
    ),
    # E-mail alerts: the signup form, confirming, managing, unsubscribing (press/site/alerts.py).
    *alerts.urlpatterns,
]
