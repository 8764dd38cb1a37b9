from django.urls import path

from press import views

app_name = "press"

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("press/", views.ReleaseListView.as_view(), name="release_list"),
    path("search/", views.SearchView.as_view(), name="search"),
    path("press/<slug:slug>/", views.ReleaseDetailView.as_view(), name="release"),
    path("press/<slug:slug>/files/<int:pk>/", views.attachment_download, name="attachment"),
    path("countries/<slug:slug>/", views.CountryView.as_view(), name="country"),
    path("topics/<slug:slug>/", views.TopicView.as_view(), name="topic"),
    path("officials/<slug:slug>/", views.OfficialView.as_view(), name="official"),
]
