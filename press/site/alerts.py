"""Readers' e-mail alerts: the signup form, confirming, managing and unsubscribing.

The signup answers the same, and sends the same e-mail, whether or not the address is
known: nothing here tells a visitor what someone else is subscribed to. Signups are limited
per address and per client address (``ministry.client_ip``, as login throttling sees it)
in the shared cache; over the limit the form comes back with 429 and what was typed.

These pages are never an anonymous public read (``press.site.public_read.NOT_PUBLIC``):
no page cache, no CDN, no read replica that could lag behind a confirmation just made.
"""

import hashlib

from django import forms
from django.conf import settings
from django.core.cache import cache
from django.http import Http404
from django.shortcuts import render
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.csrf import csrf_exempt

from ministry.client_ip import client_ip
from press import languages
from press.models import Frequency, Release, Subscriber, Subscription
from press.services.alert_mail import (
    CONFIRM_MAX_AGE,
    CONFIRM_SALT,
    MANAGE_SALT,
    UNSUBSCRIBE_SALT,
    describe,
    read_token,
    token_for,
)
from press.services.alerts import (
    canonical_query,
    subscriber_delete,
    subscription_confirm,
    subscription_delete,
    subscription_request,
    subscription_update,
)
from press.site.filters import ReleaseFilter


class SignupForm(forms.Form):
    email = forms.EmailField(label=gettext_lazy("Your e-mail address"), max_length=254)
    language = forms.ChoiceField(
        label=gettext_lazy("Language of the e-mails"), choices=languages.LANGUAGE_CHOICES
    )
    frequency = forms.ChoiceField(
        label=gettext_lazy("How often"), choices=Frequency.choices, widget=forms.RadioSelect
    )


class ChangeForm(forms.Form):
    subscription = forms.IntegerField(widget=forms.HiddenInput)
    language = forms.ChoiceField(
        label=gettext_lazy("Language of the e-mails"), choices=languages.LANGUAGE_CHOICES
    )
    frequency = forms.ChoiceField(label=gettext_lazy("How often"), choices=Frequency.choices)


def alerts_link(request, fixed: dict | None = None) -> str:
    """The signup page's address for what a list shows: its filters (from the query string,
    as its feeds keep them) and the subject a country, topic or official page fixes."""
    data = request.GET.copy()
    for name, value in (fixed or {}).items():
        data.setlist(name, [value])
    query = canonical_query(data)
    return reverse("press:alerts_subscribe") + (f"?{query}" if query else "")


def _spent(key: str, limit: int) -> bool:
    """Count one signup against ``key``; True once more than ``limit`` in the window.

    A cache that fails lets the signup through: the confirmation e-mail still stands
    between a stranger and anyone's inbox.
    """
    window = settings.PRESS_ALERTS_SIGNUP_WINDOW
    try:
        cache.add(key, 0, window)
        return cache.incr(key) > limit
    except Exception:  # noqa: BLE001 - a down cache must not refuse every signup
        return False


def _over_limit(request, email: str) -> bool:
    address = hashlib.sha256(email.strip().lower().encode()).hexdigest()
    by_address = _spent(
        f"alerts:signup:address:{address}", settings.PRESS_ALERTS_SIGNUPS_PER_ADDRESS
    )
    by_client = _spent(
        f"alerts:signup:client:{client_ip(request)}", settings.PRESS_ALERTS_SIGNUPS_PER_CLIENT
    )
    return by_address or by_client


def subscribe(request):
    """GET: the form for the filter in the query string (or ``?release=<slug>``); POST:
    store an unconfirmed subscription and send its confirmation e-mail."""
    release = None
    if request.GET.get("release"):
        release = Release.objects.public().filter(slug=request.GET["release"]).first()
        if release is None:
            raise Http404("no such public release")
        query = ""
    else:
        listed = ReleaseFilter(request.GET, queryset=Release.objects.none())
        if not listed.is_valid():
            return render(request, "press/alerts/invalid.html", {"filter": listed}, status=400)
        query = canonical_query(request.GET)
    initial = {"language": languages.current(), "frequency": Frequency.IMMEDIATELY}
    form = SignupForm(request.POST if request.method == "POST" else None, initial=initial)
    if release is not None:
        del form.fields["frequency"]
    context = {
        "form": form,
        "release": release,
        "about": describe(query, release),
        "list_url": reverse("press:release_list") + (f"?{query}" if query else ""),
    }
    if request.method == "POST" and form.is_valid():
        email = form.cleaned_data["email"]
        if _over_limit(request, email):
            context["limited"] = True
            return render(request, "press/alerts/subscribe.html", context, status=429)
        subscription_request(
            email=email,
            query=query,
            release=release,
            language=form.cleaned_data["language"],
            frequency=form.cleaned_data.get("frequency", Frequency.IMMEDIATELY),
        )
        context["sent_to"] = email
        return render(request, "press/alerts/sent.html", context)
    status = 400 if form.errors else 200
    return render(request, "press/alerts/subscribe.html", context, status=status)


def confirm(request, token):
    """GET: a button (mail scanners that open links must not confirm); POST: confirm."""
    pk = read_token(token, CONFIRM_SALT, max_age=CONFIRM_MAX_AGE)
    subscription = (
        Subscription.objects.filter(pk=pk).select_related("release").first() if pk else None
    )
    if subscription is None:
        return render(request, "press/alerts/link_invalid.html", status=404)
    done = False
    if request.method == "POST":
        subscription_confirm(subscription=subscription)
        done = True
    context = {
        "done": done,
        "about": describe(subscription.query, subscription.release),
        "manage_url": reverse(
            "press:alerts_manage", args=[token_for(subscription.subscriber_id, MANAGE_SALT)]
        ),
    }
    return render(request, "press/alerts/confirm.html", context)


def manage(request, token):
    """Every subscription of the address: change language and frequency, delete one or
    all. A plain form with its CSRF token: the signed link is what gives access."""
    pk = read_token(token, MANAGE_SALT)
    subscriber = Subscriber.objects.filter(pk=pk).first() if pk else None
    if subscriber is None:
        return render(request, "press/alerts/link_invalid.html", status=404)
    message = ""
    if request.method == "POST":
        action = request.POST.get("action")
        if action == "delete-all":
            subscriber_delete(subscriber_id=subscriber.pk)
            return render(request, "press/alerts/unsubscribed.html", {"everything": True})
        own = subscriber.subscriptions.all()
        if action == "delete":
            row = own.filter(pk=request.POST.get("subscription") or 0).first()
            if row is not None:
                subscription_delete(subscription_id=row.pk)
                if not Subscriber.objects.filter(pk=subscriber.pk).exists():
                    return render(request, "press/alerts/unsubscribed.html", {"everything": True})
                message = _("The subscription is deleted.")
        elif action == "change":
            form = ChangeForm(request.POST)
            row = own.filter(pk=request.POST.get("subscription") or 0).first()
            if form.is_valid() and row is not None:
                subscription_update(
                    subscription=row,
                    language=form.cleaned_data["language"],
                    frequency=form.cleaned_data["frequency"],
                )
                message = _("Your changes are saved.")
    rows = []
    for row in subscriber.subscriptions.select_related("release").order_by("pk"):
        rows.append(
            {
                "row": row,
                "about": describe(row.query, row.release),
                "form": ChangeForm(
                    initial={
                        "subscription": row.pk,
                        "language": row.language,
                        "frequency": row.frequency,
                    },
                    auto_id=f"id_%s_{row.pk}",
                ),
            }
        )
    context = {"subscriber": subscriber, "rows": rows, "message": message}
    return render(request, "press/alerts/manage.html", context)


@csrf_exempt  # RFC 8058: a mail client's one-click POST carries no token and no cookie
def unsubscribe(request, token):
    """GET: a page with a button; POST (one click, from the mail client or the button):
    delete the subscription, and the address with its last one. Idempotent."""
    pk = read_token(token, UNSUBSCRIBE_SALT)
    if pk is None:
        return render(request, "press/alerts/link_invalid.html", status=404)
    if request.method == "POST":
        subscription_delete(subscription_id=pk)
        return render(request, "press/alerts/unsubscribed.html", {"everything": False})
    subscription = Subscription.objects.filter(pk=pk).select_related("release").first()
    context = {
        "gone": subscription is None,
        "about": describe(subscription.query, subscription.release) if subscription else [],
    }
    return render(request, "press/alerts/unsubscribe.html", context)


urlpatterns = [
    path("alerts/", subscribe, name="alerts_subscribe"),
    path("alerts/confirm/<str:token>/", confirm, name="alerts_confirm"),
    path("alerts/manage/<str:token>/", manage, name="alerts_manage"),
    path("alerts/unsubscribe/<str:token>/", unsubscribe, name="alerts_unsubscribe"),
]
